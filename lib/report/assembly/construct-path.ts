import { CfnTemplate } from '../../aws';
import { AssemblyStack } from './types';

/** Metadata key of a resource's construct path (written when path metadata is enabled, as by the CDK CLI). */
export const CDK_PATH_METADATA = 'aws:cdk:path';

/**
 * The construct path of a resource (e.g. `Network/Vpc/PublicSubnet1/Subnet`), or undefined when the
 * assembly does not record it.
 */
export function constructPathOf(stack: AssemblyStack, logicalId: string): string | undefined {
  return stack.constructPaths[logicalId];
}

/** Logical id → construct path from the resources' `Metadata['aws:cdk:path']`. */
export function pathsFromTemplate(template: CfnTemplate): Record<string, string> {
  const paths: Record<string, string> = {};
  for (const [id, res] of Object.entries(template.Resources ?? {})) {
    const p = res?.Metadata?.[CDK_PATH_METADATA];
    if (typeof p === 'string') paths[id] = stripSlash(p);
  }
  return paths;
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
      if (e && typeof e === 'object' && e.type === 'aws:cdk:logicalId' && typeof e.data === 'string') out.push([stripSlash(p), e.data]);
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
        paths[e.data] = stripSlash(path);
      }
    }
  }
  return paths;
}

function stripSlash(p: string): string {
  return p.startsWith('/') ? p.slice(1) : p;
}
