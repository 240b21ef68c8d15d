export * from './validation-error';
export * from './formats';
export * from './encrypted-topic';
export * from './nag';
export * from './managed-instance-role';
export * from './encrypted-log-group';
export * from './prop-types';
export * from './log-archive-buckets';
