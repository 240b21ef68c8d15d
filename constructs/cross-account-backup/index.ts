export * from './cross-account-backup';
export * from './backup-destination-vault';
export * from './locked-vault';
export * from './defaults';
export * from './props';
