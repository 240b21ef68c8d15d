import { constructPath } from '../../aws';
import { AssemblyStack } from './types';

/**
 * The construct path of a resource (e.g. `Network/Vpc/PublicSubnet1/Subnet`), or undefined when the
 * assembly does not record it.
 */
export function constructPathOf(stack: AssemblyStack, logicalId: string): string | undefined {
  return stack.constructPaths[logicalId];
}

/**
 * Every (construct path, logical id) pair of stack metadata, in order: nested stacks' resources are listed in the
 * metadata of their top-level stack.
 */
export function stackMetadataEntries(metadata: unknown): Array<[path: string, logicalId: string]> {
  const out: Array<[string, string]> = [];
  if (!metadata || typeof metadata !== 'object') return out;
  for (const [p, entries] of Object.entries(metadata as Record<string, unknown>)) {
    if (!Array.isArray(entries)) continue;
    for (const e of entries) {
      if (e && typeof e === 'object' && e.type === 'aws:cdk:logicalId' && typeof e.data === 'string') out.push([constructPath(p), e.data]);
    }
  }
  return out;
}

/**
 * Logical id → construct path from stack metadata (the `metadata` of a manifest artifact or its
 * `additionalMetadataFile`): `{ "/Stack/Bucket/Resource": [{ type: 'aws:cdk:logicalId', data: 'Bucket83908E77' }] }`.
 */
export function pathsFromStackMetadata(metadata: unknown): Record<string, string> {
  const paths: Record<string, string> = {};
  if (!metadata || typeof metadata !== 'object') return paths;
  for (const [path, entries] of Object.entries(metadata as Record<string, unknown>)) {
    if (!Array.isArray(entries)) continue;
    for (const e of entries) {
      if (e && typeof e === 'object' && e.type === 'aws:cdk:logicalId' && typeof e.data === 'string') {
        paths[e.data] = constructPath(path);
      }
    }
  }
  return paths;
}
