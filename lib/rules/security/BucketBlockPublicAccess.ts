import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, unverifiable } from '../rule';
import { isIntrinsic, isTrue } from '../../aws';

const SETTINGS = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'] as const;

/**
 * Reads: `AWS::S3::Bucket`.
 * Passes when: `PublicAccessBlockConfiguration` is absent (S3 creates the bucket with all four settings on: "By default,
 * new buckets, access points, and objects do not allow public access", Amazon S3 User Guide, "Configuring block public
 * access settings for your S3 buckets"; S3 turns Block Public Access on for every new bucket since April 2023) or sets
 * all four settings true. The seed says as much: "By default, all Amazon S3 buckets are private".
 * Fails when: the configuration leaves any of its four settings off (a setting it omits is off).
 * Fix: turn on all four Block Public Access settings (`BlockPublicAccess.BLOCK_ALL`), or leave the configuration out.
 */
export const BucketBlockPublicAccess = defineRule({
  name: 'BucketBlockPublicAccess',
  description: 'S3 buckets block every form of public access',
  fix: 'Set blockPublicAccess: BlockPublicAccess.BLOCK_ALL (all four PublicAccessBlockConfiguration settings true), or leave PublicAccessBlockConfiguration out: S3 creates a bucket with all four on',
  resourceTypes: ['AWS::S3::Bucket'],
  scope: 'resource',
  check(r) {
    if (r.type !== 'AWS::S3::Bucket') return NOT_APPLICABLE;
    const cfg = r.properties.PublicAccessBlockConfiguration;
    // A new bucket gets all four settings from S3 itself: the configuration is only where a template turns one off.
    if (cfg === undefined) return COMPLIANT;
    if (isIntrinsic(cfg)) return unverifiable('PublicAccessBlockConfiguration', cfg, 'PublicAccessBlockConfiguration');
    for (const s of SETTINGS) {
      if (isIntrinsic(cfg[s])) return unverifiable(s, cfg[s], `PublicAccessBlockConfiguration/${s}`);
      if (!isTrue(cfg[s])) return nonCompliant(`Block Public Access setting ${s} is off${cfg[s] === undefined ? ' (a configuration that leaves a setting out turns it off)' : ''}`, `PublicAccessBlockConfiguration/${s}`);
    }
    return COMPLIANT;
  },
});
