import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, unverifiable } from '../rule';
import { locateBucket } from '../utils/buckets';
import { isIntrinsic, isTrue } from '../../aws';

/**
 * Reads: `AWS::CloudTrail::Trail` and, across the whole app, the `AWS::S3::Bucket` it delivers to.
 * Fails when: that bucket has neither versioning enabled nor S3 Object Lock, or it is not in the app
 * (its protection cannot be seen: synthesize the audit account's stack in the same app).
 * MFA Delete cannot be set by CloudFormation; Object Lock is the infrastructure-as-code answer.
 * Fix: use `AuditLogBucket` (versioned and Object Lock by default).
 */
export const TrailBucketVersioned = defineRule({
  name: 'TrailBucketVersioned',
  description: 'The CloudTrail log bucket is versioned or has S3 Object Lock',
  fix: 'Enable versioning (VersioningConfiguration.Status: Enabled) and Object Lock on the log bucket, e.g. with AuditLogBucket, and synthesize it in the same app as the trail',
  resourceTypes: ['AWS::CloudTrail::Trail'],
  scope: 'app',
  check(r, app) {
    if (r.type !== 'AWS::CloudTrail::Trail') return NOT_APPLICABLE;
    const loc = locateBucket(r, 'S3BucketName', app);
    if (loc.kind === 'unresolved') return unverifiable('the log bucket', loc.value, 'S3BucketName');
    if (loc.kind === 'external') {
      return nonCompliant(`could not verify log bucket '${loc.name}': it is not created in this app, so its versioning cannot be seen`, 'S3BucketName');
    }
    const p = loc.bucket.properties;
    const status = p.VersioningConfiguration?.Status;
    if (isIntrinsic(status)) return unverifiable(`versioning of ${loc.bucket.path}`, status);
    if (status === 'Enabled' || isTrue(p.ObjectLockEnabled)) return COMPLIANT;
    return nonCompliant(`log bucket ${loc.bucket.path} has neither versioning nor Object Lock`);
  },
});
