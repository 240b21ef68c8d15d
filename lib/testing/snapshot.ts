import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';

const ASSET_HASH = /[0-9a-f]{64}/g;
const normalized = new WeakSet<object>();

function scrub(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(ASSET_HASH, '<asset-hash>');
  if (Array.isArray(value)) return value.map(scrub);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k.replace(ASSET_HASH, '<asset-hash>')] = scrub(v);
    return out;
  }
  return value;
}

/**
 * A template with its volatile parts normalized, so snapshots change only when the infrastructure does:
 * asset hashes (S3 keys, bundled-asset paths, image tags) become `<asset-hash>`; the CDK version metadata
 * (`CDKMetadata` resource and its condition) and the bootstrap-version parameter and rule are removed.
 */
export function normalizeTemplate(template: { readonly [key: string]: any }): { [key: string]: any } {
  const t = scrub(template) as { [key: string]: any };
  if (t.Resources) delete t.Resources.CDKMetadata;
  if (t.Conditions) {
    delete t.Conditions.CDKMetadataAvailable;
    if (Object.keys(t.Conditions).length === 0) delete t.Conditions;
  }
  if (t.Parameters) {
    delete t.Parameters.BootstrapVersion;
    if (Object.keys(t.Parameters).length === 0) delete t.Parameters;
  }
  if (t.Rules) {
    delete t.Rules.CheckBootstrapVersion;
    if (Object.keys(t.Rules).length === 0) delete t.Rules;
  }
  normalized.add(t);
  return t;
}

/** The normalized template of a stack. */
export function stackSnapshot(stack: Stack): { [key: string]: any } {
  return normalizeTemplate(Template.fromStack(stack).toJSON());
}

/**
 * A jest snapshot serializer for stacks and templates:
 * `expect.addSnapshotSerializer(competencySnapshotSerializer); expect(stack).toMatchSnapshot();`
 */
export const competencySnapshotSerializer = {
  test(value: unknown): boolean {
    if (!value || typeof value !== 'object' || normalized.has(value as object)) return false;
    return Stack.isStack(value) || ('Resources' in (value as object) && typeof (value as any).Resources === 'object');
  },
  serialize(value: unknown, config: unknown, indentation: string, depth: number, refs: unknown, printer: (...args: any[]) => string): string {
    const template = Stack.isStack(value) ? stackSnapshot(value) : normalizeTemplate(value as object);
    return printer(template, config, indentation, depth, refs);
  },
};
