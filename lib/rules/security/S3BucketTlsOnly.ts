import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { asList, isFalse, isIntrinsic } from '../../aws';
import { bucketsByName } from '../utils/buckets';
import { Statement, statementsOf } from '../utils/policy';
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

/**
 * Reads: `AWS::S3::Bucket` and, anywhere in the app, the `AWS::S3::BucketPolicy` whose `Bucket` leads to it (a Ref,
 * an import, a nested-stack parameter) or is its literal name.
 * Fails when: no such policy denies `s3:*` (or `*`) to everyone under `Bool aws:SecureTransport: false`
 * (what `enforceSSL: true` writes). A policy of the stack whose bucket or document is unknown at synth makes
 * an otherwise failing bucket unverifiable. The statement's resources are not checked.
 * Fix: `new s3.Bucket(this, 'B', { enforceSSL: true })`.
 */
export const S3BucketTlsOnly = defineRule({
  name: 'S3BucketTlsOnly',
  description: 'S3 buckets deny requests that do not use TLS',
  fix: 'Set enforceSSL: true on the bucket (or add a Deny s3:* statement with Condition Bool aws:SecureTransport false to its policy)',
  resourceTypes: ['AWS::S3::Bucket'],
  scope: 'app',
  check(r: ResourceView, app: AppView): RuleVerdict {
    if (r.type !== 'AWS::S3::Bucket') return NOT_APPLICABLE;
    const index = policies(app);
    const mine = referrersOf(r, index);
    for (const p of mine) {
      const doc = p.properties.PolicyDocument;
      if (isIntrinsic(doc)) return unverifiable(`the document of bucket policy ${p.path}`, doc, 'PolicyDocument');
      if (statementsOf(doc).some(deniesPlainHttp)) return COMPLIANT;
    }
    const unknown = unresolvedIn(r.stack, index);
    if (unknown) return unverifiable(`whether bucket policy ${unknown.from.path} applies to this bucket`, unknown.value, 'Bucket');
    return nonCompliant(mine.length === 0
      ? 'the bucket has no bucket policy, so nothing denies requests without TLS (aws:SecureTransport false)'
      : `bucket policy ${mine.map((p) => p.path).join(', ')} does not deny s3:* when aws:SecureTransport is false`);
  },
});
