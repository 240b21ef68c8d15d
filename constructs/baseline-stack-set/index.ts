export * from './baseline-stack-set';
