export * from './competency-checks';
export * from './plan';
export * from './evaluate';
export { acknowledgementsInTree } from './tree-view';
