import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, unverifiable } from '../rule';
import { isIntrinsic, isTrue } from '../../aws';

const SETTINGS = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'] as const;

/**
 * Reads: `AWS::S3::Bucket`.
 * Fails when: `PublicAccessBlockConfiguration` is missing or any of its four settings is not true.
 * Fix: turn on all four Block Public Access settings (`BlockPublicAccess.BLOCK_ALL`).
 */
export const BucketBlockPublicAccess = defineRule({
  name: 'BucketBlockPublicAccess',
  description: 'S3 buckets block every form of public access',
  fix: 'Set blockPublicAccess: BlockPublicAccess.BLOCK_ALL (all four PublicAccessBlockConfiguration settings true)',
  resourceTypes: ['AWS::S3::Bucket'],
  scope: 'resource',
  check(r) {
    if (r.type !== 'AWS::S3::Bucket') return NOT_APPLICABLE;
    const cfg = r.properties.PublicAccessBlockConfiguration;
    if (cfg === undefined) return nonCompliant('the bucket has no Block Public Access configuration', 'PublicAccessBlockConfiguration');
    if (isIntrinsic(cfg)) return unverifiable('PublicAccessBlockConfiguration', cfg, 'PublicAccessBlockConfiguration');
    for (const s of SETTINGS) {
      if (isIntrinsic(cfg[s])) return unverifiable(s, cfg[s], `PublicAccessBlockConfiguration/${s}`);
      if (!isTrue(cfg[s])) return nonCompliant(`Block Public Access setting ${s} is off`, `PublicAccessBlockConfiguration/${s}`);
    }
    return COMPLIANT;
  },
});
