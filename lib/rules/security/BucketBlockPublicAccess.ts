import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, unverifiable } from '../rule';
import { readBlockPublicAccess } from '../utils/buckets';

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
    const bpa = readBlockPublicAccess(r);
    if (!bpa.known) return unverifiable(bpa.name, bpa.value, bpa.location);
    if (bpa.off.length === 0) return COMPLIANT;
    const s = bpa.off[0];
    const left = r.properties.PublicAccessBlockConfiguration[s] === undefined ? ' (a configuration that leaves a setting out turns it off)' : '';
    return nonCompliant(`Block Public Access setting ${s} is off${left}`, `PublicAccessBlockConfiguration/${s}`);
  },
});
