export * from './multi-az-vpc';
export * from './network-appliance-group';
export * from './audit-log-bucket';
export * from './organization-trail';
export * from './cross-account-backup';
export * from './runtime-controls';
export * from './account-baseline';
export * from './baseline-stack-set';
