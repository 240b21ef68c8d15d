export * from './central-log-shipping';
