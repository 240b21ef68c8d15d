import { AppView, ResourceView } from '../rule';
import { isIntrinsic, isTrue, literalString, ResourceValue } from '../../aws';

/** Where the bucket named by a property (a trail's `S3BucketName`, a flow log's destination...) is. */
export type BucketLocation =
  | { readonly kind: 'same-stack'; readonly bucket: ResourceView }
  /** A bucket of another stack of the app: named, imported (`Fn::ImportValue`) or passed into a nested stack. */
  | { readonly kind: 'in-app'; readonly bucket: ResourceView }
  | { readonly kind: 'external'; readonly name: string }
  /** Not known at synth, or not followable: `value` is what `unverifiable` takes. */
  | { readonly kind: 'unresolved'; readonly value: unknown };

/** Buckets of the whole app by their literal `BucketName` (indexed once per pass). */
export function bucketsByName(app: AppView): ReadonlyMap<string, readonly ResourceView[]> {
  return app.memo('buckets-by-name', () => {
    const index = new Map<string, ResourceView[]>();
    for (const b of app.ofType('AWS::S3::Bucket')) {
      const name = literalString(b.properties.BucketName);
      if (name === undefined) continue;
      const list = index.get(name);
      if (list) list.push(b); else index.set(name, [b]);
    }
    return index;
  });
}

/**
 * Finds the bucket a property (at `path`) designates, through the resolver: a bucket of the app (referenced, imported,
 * passed to a nested stack, or named by a name known at synth), a name of a bucket outside the app, or unresolved.
 */
export function locateBucket(from: ResourceView, path: string, app: AppView): BucketLocation {
  const res = app.resolve(from, path);
  if (!res.ok) return { kind: 'unresolved', value: res.unresolved };
  const value = res.values.length === 1 ? res.values[0].value : undefined;
  if (value instanceof ResourceValue && value.resource.type === 'AWS::S3::Bucket') {
    const bucket = value.resource as ResourceView;
    return { kind: bucket.stack === from.stack ? 'same-stack' : 'in-app', bucket };
  }
  const name = literalString(value);
  if (name === undefined) return { kind: 'unresolved', value: res.values.length === 1 ? value : from.properties[path] };
  const matches = bucketsByName(app).get(name) ?? [];
  const same = matches.find((b) => b.stack === from.stack);
  if (same) return { kind: 'same-stack', bucket: same };
  if (matches.length > 0) return { kind: 'in-app', bucket: matches[0] };
  return { kind: 'external', name };
}

/** The four Block Public Access settings of a bucket. */
export const BLOCK_PUBLIC_ACCESS_SETTINGS = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'] as const;

/** What a bucket's Block Public Access comes to. */
export type BlockPublicAccessReading =
  /** `off`: the settings it leaves off, in the order above (empty: all four on). */
  | { readonly known: true; readonly off: ReadonlyArray<typeof BLOCK_PUBLIC_ACCESS_SETTINGS[number]> }
  /** A setting (or the configuration) is not known at synth. */
  | { readonly known: false; readonly name: string; readonly value: unknown; readonly location: string };

/**
 * Reads a bucket's Block Public Access. Without `PublicAccessBlockConfiguration`, all four settings are on: S3 creates
 * every new bucket so ("By default, new buckets, access points, and objects do not allow public access", Amazon S3
 * User Guide, "Configuring block public access settings for your S3 buckets"; since April 2023). A configuration that
 * leaves a setting out turns it off.
 */
export function readBlockPublicAccess(bucket: ResourceView): BlockPublicAccessReading {
  const cfg = bucket.properties.PublicAccessBlockConfiguration;
  if (cfg === undefined) return { known: true, off: [] };
  if (isIntrinsic(cfg)) return { known: false, name: 'PublicAccessBlockConfiguration', value: cfg, location: 'PublicAccessBlockConfiguration' };
  const off: Array<typeof BLOCK_PUBLIC_ACCESS_SETTINGS[number]> = [];
  for (const s of BLOCK_PUBLIC_ACCESS_SETTINGS) {
    if (isIntrinsic(cfg[s])) return { known: false, name: s, value: cfg[s], location: `PublicAccessBlockConfiguration/${s}` };
    if (!isTrue(cfg[s])) off.push(s);
  }
  return { known: true, off };
}
