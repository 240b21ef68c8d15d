export * from './account-baseline';
export * from './defaults';
