export * from './values';
export * from './forwards';
export * from './resolver';
export * from './launch';
