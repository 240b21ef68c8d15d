import { App, aws_cloudtrail as cloudtrail, aws_s3 as s3 } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'L2 data bucket without server access logs', build: (app: App) => { new s3.Bucket(stackIn(app, 'S'), 'Data'); }, reason: /the bucket writes no server access log/ },
    { name: 'L1 bucket without LoggingConfiguration', build: (app: App) => { new s3.CfnBucket(stackIn(app, 'S'), 'Data', {}); }, reason: /no LoggingConfiguration/ },
  ],
  compliant: [
    {
      name: 'L2 data bucket logging into an L2 access-log bucket (the log bucket itself is not asked)',
      build: (app: App) => {
        const s = stackIn(app, 'S');
        const logs = new s3.Bucket(s, 'AccessLogs');
        new s3.Bucket(s, 'Data', { serverAccessLogsBucket: logs, serverAccessLogsPrefix: 'data/' });
      },
    },
    {
      name: 'L2 trail bucket (a log destination) beside a logged L1 bucket naming its log bucket literally',
      build: (app: App) => {
        const s = stackIn(app, 'S');
        new cloudtrail.Trail(s, 'Trail', { bucket: new s3.Bucket(s, 'TrailBucket', { serverAccessLogsPrefix: undefined }) });
        new s3.CfnBucket(s, 'LogTarget', { bucketName: 'acme-access-logs' });
        new s3.CfnBucket(s, 'Data', { loggingConfiguration: { destinationBucketName: 'acme-access-logs' } });
      },
    },
  ],
};
