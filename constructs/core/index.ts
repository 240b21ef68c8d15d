export * from './validation-error';
export * from './formats';
export * from './encrypted-topic';
export * from './nag';
export * from './prop-types';
