export * from './central-log-shipping';
export * from './props';
