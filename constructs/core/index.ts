export * from './validation-error';
export * from './formats';
