export { MULTI_AZ_VPC_DEFAULTS } from './defaults';
export * from './props';
export * from './multi-az-vpc';
