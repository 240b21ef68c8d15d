export * from './central-log-destination';
export * from './defaults';
export * from './props';
