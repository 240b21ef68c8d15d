export * from './baseline-stack-set';
export * from './props';
