export * from './errors';
export * from './types';
export { loadAssembly } from './load-assembly';
export { constructPathOf, CDK_PATH_METADATA } from './construct-path';
export * from './acknowledgements';
