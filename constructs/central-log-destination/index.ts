export * from './central-log-destination';
export * from './defaults';
