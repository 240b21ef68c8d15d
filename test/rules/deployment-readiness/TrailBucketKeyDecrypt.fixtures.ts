import { App, aws_cloudtrail as ct, aws_iam as iam, aws_kms as kms, aws_s3 as s3 } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { AUDIT, MANAGEMENT, stackIn } from '../fixture-stacks';
import { AuditLogBucket } from '../../../constructs/audit-log-bucket';

function trailInto(bucketKey: boolean, decrypt: boolean) {
  return (app: App) => {
    const audit = stackIn(app, 'Audit', AUDIT);
    const key = new kms.Key(audit, 'Key');
    key.addToResourcePolicy(new iam.PolicyStatement({ principals: [new iam.ServicePrincipal('cloudtrail.amazonaws.com')], actions: ['kms:GenerateDataKey*', 'kms:DescribeKey', ...(decrypt ? ['kms:Decrypt'] : [])], resources: ['*'] }));
    new s3.Bucket(audit, 'Bucket', { bucketName: 'org-audit-logs', encryption: s3.BucketEncryption.KMS, encryptionKey: key, bucketKeyEnabled: bucketKey });
    new ct.CfnTrail(stackIn(app, 'Management', MANAGEMENT), 'Trail', { isLogging: true, s3BucketName: 'org-audit-logs', kmsKeyId: 'arn:aws:kms:eu-west-1:222222222222:key/11111111-2222-3333-4444-555555555555' });
  };
}

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'a Bucket Key and a key policy granting CloudTrail only GenerateDataKey* and DescribeKey (AuditLogBucket before the fix)', build: trailInto(true, false), reason: /uses an S3 Bucket Key, and key .* does not allow cloudtrail.amazonaws.com kms:Decrypt/ },
  ],
  compliant: [
    { name: 'a Bucket Key and kms:Decrypt for CloudTrail', build: trailInto(true, true) },
    {
      name: 'AuditLogBucket and an organization trail',
      build: (app) => {
        new AuditLogBucket(stackIn(app, 'Audit', AUDIT), 'AuditLog', { organizationId: 'o-abcdef1234', managementAccountId: MANAGEMENT, bucketName: 'org-audit-logs' });
        new ct.CfnTrail(stackIn(app, 'Management', MANAGEMENT), 'Trail', { isLogging: true, s3BucketName: 'org-audit-logs' });
      },
    },
  ],
};
