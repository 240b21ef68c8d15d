export * from './multi-az-vpc';
export * from './network-appliance-group';
