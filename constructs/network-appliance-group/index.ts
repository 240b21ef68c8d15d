export { NETWORK_APPLIANCE_GROUP_DEFAULTS } from './defaults';
export { supportsEna } from './ena';
export * from './props';
export * from './network-appliance-group';
