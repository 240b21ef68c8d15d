import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, unverifiable } from '../rule';
import { locateBucket } from '../utils/buckets';

/**
 * Reads: `AWS::CloudTrail::Trail` and, across the whole app, the `AWS::S3::Bucket` its `S3BucketName` names.
 * Fails when: the bucket is created in the trail's own stack, imported from a stack of the same account
 * (`Fn::ImportValue` cannot cross accounts), or created in another stack of the app deployed to the same
 * account (or to an account unknown at synth). A bucket name the app does not create passes here: the
 * evidence report checks the assembly, and the runtime attestation covers the rest.
 * Fix: deliver to an `AuditLogBucket` in the audit / log-archive account, by name.
 */
export const TrailBucketInAnotherAccount = defineRule({
  name: 'TrailBucketInAnotherAccount',
  description: 'CloudTrail logs go to an S3 bucket owned by another AWS account',
  fix: 'Create the log bucket in the audit / log-archive account (AuditLogBucket) and give the trail its name (OrganizationTrail bucketName)',
  resourceTypes: ['AWS::CloudTrail::Trail'],
  scope: 'app',
  check(r, app) {
    if (r.type !== 'AWS::CloudTrail::Trail') return NOT_APPLICABLE;
    const loc = locateBucket(r, 'S3BucketName', app);
    switch (loc.kind) {
      case 'same-stack':
        return nonCompliant(`the log bucket ${loc.bucket.path} is created in the trail's own stack, so the trail's account owns it`, 'S3BucketName');
      case 'unresolved':
        return unverifiable('which account owns the log bucket', loc.value, 'S3BucketName');
      case 'external':
        return COMPLIANT;
      case 'in-app': {
        const trailAccount = r.stack.account;
        const bucketAccount = loc.bucket.stack.account;
        if (!trailAccount || !bucketAccount) {
          return nonCompliant(`could not verify the owner of log bucket ${loc.bucket.path}: stack ${!trailAccount ? r.stack.path : loc.bucket.stack.path} has no account at synth (give both stacks an explicit env)`, 'S3BucketName');
        }
        if (trailAccount === bucketAccount) {
          return nonCompliant(`the log bucket ${loc.bucket.path} is in account ${bucketAccount}, the trail's own account`, 'S3BucketName');
        }
        return COMPLIANT;
      }
    }
  },
});
