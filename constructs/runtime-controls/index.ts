export * from './runtime-controls';
export * from './defaults';
export * from './props';
export * from './config-delivery-bucket';
