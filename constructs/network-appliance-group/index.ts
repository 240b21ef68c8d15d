export { NETWORK_APPLIANCE_GROUP_DEFAULTS } from './defaults';
export * from './props';
export * from './network-appliance-group';
