export * from './findings';
export * from './format';
export * from './assert';
export * from './matcher';
export * from './snapshot';
