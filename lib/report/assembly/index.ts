export * from './errors';
export * from './types';
export { loadAssembly } from './load-assembly';
export { constructPathOf } from './construct-path';
export { CDK_PATH_METADATA } from '../../aws';
export * from './acknowledgements';
