import { AppView, ResourceView } from '../rule';
import { isIntrinsic, literalString } from '../../aws';
import { referencedResource } from './references';

/** Where the bucket named by a property (a trail's `S3BucketName`, a flow log's destination...) is. */
export type BucketLocation =
  | { readonly kind: 'same-stack'; readonly bucket: ResourceView }
  | { readonly kind: 'in-app'; readonly bucket: ResourceView }
  | { readonly kind: 'imported'; readonly exportName: unknown }
  | { readonly kind: 'external'; readonly name: string }
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
 * Finds the bucket a property value designates: a reference to a bucket of the same stack, a literal
 * name of a bucket created elsewhere in the app (or not in the app at all), or an import.
 */
export function locateBucket(from: ResourceView, value: unknown, app: AppView): BucketLocation {
  const local = referencedResource(from, value);
  if (local && local.type === 'AWS::S3::Bucket') return { kind: 'same-stack', bucket: local };
  if (isIntrinsic(value) && 'Fn::ImportValue' in value) return { kind: 'imported', exportName: value['Fn::ImportValue'] };
  const name = literalString(value);
  if (name === undefined) return { kind: 'unresolved', value };
  const matches = bucketsByName(app).get(name) ?? [];
  const same = matches.find((b) => b.stack === from.stack);
  if (same) return { kind: 'same-stack', bucket: same };
  if (matches.length > 0) return { kind: 'in-app', bucket: matches[0] };
  return { kind: 'external', name };
}
