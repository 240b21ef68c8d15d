export * from './audit-log-bucket';
export * from './defaults';
export * from './props';
