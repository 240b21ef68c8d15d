import { App, aws_cloudtrail as ct, aws_s3 as s3, Fn } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { AUDIT, MANAGEMENT, stackIn } from '../fixture-stacks';

function trailTo(app: App, bucketName: string, account = MANAGEMENT) {
  new ct.CfnTrail(stackIn(app, 'Management', account), 'Trail', { isLogging: true, s3BucketName: bucketName, isMultiRegionTrail: true });
}

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'bucket created in the trail stack (L2 Trail)',
      build: (app) => {
        new ct.Trail(stackIn(app, 'Management', MANAGEMENT), 'Trail');
      },
      reason: /created in the trail's own stack/,
    },
    {
      name: 'bucket created in another stack of the same account',
      build: (app) => {
        new s3.CfnBucket(stackIn(app, 'Logs', MANAGEMENT), 'Bucket', { bucketName: 'org-audit-logs' });
        trailTo(app, 'org-audit-logs');
      },
      reason: /account 111111111111, the trail's own account/,
    },
    {
      name: 'bucket imported from another stack (same account by construction)',
      build: (app) => {
        new ct.CfnTrail(stackIn(app, 'Management', MANAGEMENT), 'Trail', { isLogging: true, s3BucketName: Fn.importValue('AuditBucketName') });
      },
      reason: /Fn::ImportValue/,
    },
    {
      name: 'bucket in an environment-agnostic stack',
      build: (app) => {
        new s3.CfnBucket(stackIn(app, 'Logs'), 'Bucket', { bucketName: 'org-audit-logs' });
        trailTo(app, 'org-audit-logs');
      },
      reason: /could not verify the owner/,
    },
  ],
  compliant: [
    {
      name: 'bucket created in the audit account stack',
      build: (app) => {
        new s3.CfnBucket(stackIn(app, 'Audit', AUDIT), 'Bucket', { bucketName: 'org-audit-logs' });
        trailTo(app, 'org-audit-logs');
      },
    },
    { name: 'bucket named, created outside this app', build: (app) => trailTo(app, 'central-audit-logs-222222222222') },
  ],
};
