import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, unverifiable } from '../rule';
import { asList, isIntrinsic } from '../../aws';

/**
 * Reads: `AWS::S3::Bucket`.
 * Fails when: the bucket declares no default encryption (`BucketEncryption`). Amazon S3 encrypts every new
 * object with SSE-S3 when the template says nothing, so item 1.22 uses this rule as a recommendation:
 * declaring the encryption records the choice (and SSE-KMS adds a key policy).
 * Fix: set default encryption, preferably SSE-KMS with a customer managed key.
 */
export const S3BucketEncrypted = defineRule({
  name: 'S3BucketEncrypted',
  description: 'S3 buckets declare default encryption at rest',
  fix: 'Set encryption: BucketEncryption.KMS with a customer managed key (or at least S3_MANAGED)',
  resourceTypes: ['AWS::S3::Bucket'],
  scope: 'resource',
  check(r) {
    if (r.type !== 'AWS::S3::Bucket') return NOT_APPLICABLE;
    const enc = r.properties.BucketEncryption;
    if (isIntrinsic(enc)) return unverifiable('BucketEncryption', enc, 'BucketEncryption');
    const rules = asList<any>(enc?.ServerSideEncryptionConfiguration);
    if (rules.length === 0) return nonCompliant('the bucket declares no default encryption', 'BucketEncryption');
    const algo = rules[0]?.ServerSideEncryptionByDefault?.SSEAlgorithm;
    if (isIntrinsic(algo)) return unverifiable('SSEAlgorithm', algo, 'BucketEncryption');
    return algo ? COMPLIANT : nonCompliant('the encryption rule names no SSEAlgorithm', 'BucketEncryption');
  },
});
