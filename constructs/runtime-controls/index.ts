export * from './runtime-controls';
export * from './catalog';
