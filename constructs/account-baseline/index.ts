export * from './account-baseline';
export * from './defaults';
export * from './props';
