import { AppView, ResourceView } from '../rule';
import { literalString, ResourceValue } from '../../aws';

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
