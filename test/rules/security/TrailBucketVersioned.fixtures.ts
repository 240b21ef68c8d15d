import { App, aws_cloudtrail as ct, aws_s3 as s3 } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { AUDIT, MANAGEMENT, stackIn } from '../fixture-stacks';

function appWith(bucket: Partial<s3.CfnBucketProps>) {
  return (app: App) => {
    new s3.CfnBucket(stackIn(app, 'Audit', AUDIT), 'Bucket', { bucketName: 'org-audit-logs', ...bucket });
    new ct.CfnTrail(stackIn(app, 'Management', MANAGEMENT), 'Trail', { isLogging: true, s3BucketName: 'org-audit-logs' });
  };
}

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'audit bucket neither versioned nor locked', build: appWith({}), reason: /neither versioning nor Object Lock/ },
    { name: 'versioning suspended', build: appWith({ versioningConfiguration: { status: 'Suspended' } }) },
    {
      name: 'bucket outside the app',
      build: (app) => { new ct.CfnTrail(stackIn(app, 'Management', MANAGEMENT), 'Trail', { isLogging: true, s3BucketName: 'elsewhere' }); },
      reason: /not created in this app/,
    },
  ],
  compliant: [
    { name: 'versioned audit bucket', build: appWith({ versioningConfiguration: { status: 'Enabled' } }) },
    { name: 'Object Lock on the audit bucket', build: appWith({ objectLockEnabled: true }) },
  ],
};
