import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { arnFields, asList, isFalse, ResourceValue, Text } from '../../aws';
import { bucketsByName } from '../utils/buckets';
import { Statement } from '../utils/policy';
import { statementsIn } from '../utils/policy-documents';
import { referrers, referrersOf, unresolvedIn } from '../utils/references';

/** Bucket policies by the bucket they apply to (followed by the resolver, or a literal name of a bucket of their stack). */
function policies(app: AppView) {
  return referrers(app, {
    key: 'bucket-policies-by-bucket',
    fromType: 'AWS::S3::BucketPolicy',
    targetType: 'AWS::S3::Bucket',
    path: 'Bucket',
    byLiteral: (from, name) => (bucketsByName(app).get(name) ?? []).find((b) => b.stack === from.stack),
  });
}

/** A Deny of every S3 action to everyone when `aws:SecureTransport` is false. */
function deniesPlainHttp(s: Statement): boolean {
  if (s.effect !== 'Deny' || !s.principals.includes('*')) return false;
  if (!s.actions.some((a) => a === '*' || a === 's3:*')) return false;
  const secure = s.condition?.Bool?.['aws:SecureTransport'];
  return asList(secure).some(isFalse);
}

/** What a resource of a bucket policy statement covers: the bucket itself, all its objects, or both; 'unknown' when not known at synth. */
function coverage(v: unknown): { bucket: boolean; objects: boolean } | 'unknown' {
  if (v === '*') return { bucket: true, objects: true };
  if (v instanceof ResourceValue) return { bucket: v.resource.type === 'AWS::S3::Bucket' && v.attribute === 'Arn', objects: false };
  // `${bucket.Arn}/*`, as `bucket.arnForObjects('*')` writes it.
  if (v instanceof Text && v.parts[0] instanceof ResourceValue && v.parts[0].attribute === 'Arn') {
    const rest = v.parts.slice(1).map((p) => (typeof p === 'string' ? p : '\u0000')).join('');
    return rest === '' ? { bucket: true, objects: false } : { bucket: false, objects: rest === '/*' };
  }
  const fields = arnFields(v);
  if (!fields) return 'unknown';
  const resource = fields.resource;
  const parts = typeof resource === 'string' ? [resource] : 'parts' in resource ? resource.parts : [resource];
  // The bucket part may be known only at deploy time (a Ref, a parameter); what follows the first '/' is the key.
  const text = parts.map((p) => (typeof p === 'string' ? p : '\u0000')).join('');
  const slash = text.indexOf('/');
  if (slash < 0) return { bucket: true, objects: false };
  return { bucket: false, objects: text.slice(slash + 1) === '*' };
}

/**
 * Reads: `AWS::S3::Bucket` and, anywhere in the app, the `AWS::S3::BucketPolicy` whose `Bucket` leads to it (a Ref,
 * an import, a nested-stack parameter) or is its literal name, every statement read through the resolver (each
 * `Fn::If` branch).
 * Fails when: no such policy denies `s3:*` (or `*`) to everyone under `Bool aws:SecureTransport: false` (what
 * `enforceSSL: true` writes) on both the bucket (`arn:...:s3:::bucket`, for listing and bucket operations) and all its
 * objects (`arn:...:s3:::bucket/*`): a deny that names only one of them leaves the other reachable over HTTP. `*`
 * covers both. A policy of the stack whose bucket, document or resources are unknown at synth makes an otherwise
 * failing bucket unverifiable.
 * Fix: `new s3.Bucket(this, 'B', { enforceSSL: true })`, or name both the bucket ARN and `bucket/*` in the deny.
 */
export const S3BucketTlsOnly = defineRule({
  name: 'S3BucketTlsOnly',
  description: 'S3 buckets deny requests that do not use TLS, on the bucket and on every object',
  fix: 'Set enforceSSL: true on the bucket (or add a Deny s3:* statement with Condition Bool aws:SecureTransport false on both the bucket ARN and bucket/*)',
  resourceTypes: ['AWS::S3::Bucket'],
  scope: 'app',
  check(r: ResourceView, app: AppView): RuleVerdict {
    if (r.type !== 'AWS::S3::Bucket') return NOT_APPLICABLE;
    const index = policies(app);
    const mine = referrersOf(r, index);
    let bucket = false;
    let objects = false;
    let partial: ResourceView | undefined;
    for (const p of mine) {
      const { statements, unresolved } = statementsIn(p, app);
      if (unresolved) return unverifiable(`the document of bucket policy ${p.path}`, unresolved.unresolved, 'PolicyDocument');
      for (const { s, where } of statements) {
        if (!deniesPlainHttp(s)) continue;
        partial = p;
        for (const resource of s.resources) {
          const c = coverage(resource);
          if (c === 'unknown') return unverifiable(`the resources bucket policy ${p.path} denies without TLS`, resource, where);
          bucket ||= c.bucket;
          objects ||= c.objects;
        }
      }
    }
    if (bucket && objects) return COMPLIANT;
    const unknown = unresolvedIn(r.stack, index);
    if (unknown) return unverifiable(`whether bucket policy ${unknown.from.path} applies to this bucket`, unknown.value, 'Bucket');
    if (partial) {
      return nonCompliant(bucket
        ? `bucket policy ${partial.path} denies requests without TLS on the bucket but not on its objects (bucket/*)`
        : objects ? `bucket policy ${partial.path} denies requests without TLS on the objects (bucket/*) but not on the bucket itself`
          : `bucket policy ${partial.path} denies requests without TLS on neither the bucket nor its objects`);
    }
    return nonCompliant(mine.length === 0
      ? 'the bucket has no bucket policy, so nothing denies requests without TLS (aws:SecureTransport false)'
      : `bucket policy ${mine.map((p) => p.path).join(', ')} does not deny s3:* when aws:SecureTransport is false`);
  },
});
