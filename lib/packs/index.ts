export * from './competency-checks';
export * from './plan';
export * from './evaluate';
export * from './evaluate-tree';
export { acknowledgementsInTree } from './tree-view';
export * from './deployment-readiness-checks';
export * from './acknowledgements';
