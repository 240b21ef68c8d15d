export * from './runtime-controls';
export * from './catalog';
export * from './config-delivery-bucket';
