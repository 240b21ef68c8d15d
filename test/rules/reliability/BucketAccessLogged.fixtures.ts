import { App, aws_cloudtrail as cloudtrail, aws_ec2 as ec2, aws_iam as iam, aws_kinesisfirehose as firehose, aws_s3 as s3, Stack } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

/** A Direct PUT Firehose stream (L1) delivering into a new L2 bucket. */
function streamInto(s: Stack, id: string): firehose.CfnDeliveryStream {
  const bucket = new s3.Bucket(s, `${id}Bucket`);
  const role = new iam.Role(s, `${id}Role`, { assumedBy: new iam.ServicePrincipal('firehose.amazonaws.com') });
  bucket.grantWrite(role);
  return new firehose.CfnDeliveryStream(s, id, {
    deliveryStreamType: 'DirectPut',
    extendedS3DestinationConfiguration: { bucketArn: bucket.bucketArn, roleArn: role.roleArn },
  });
}

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'L2 data bucket without server access logs', build: (app: App) => { new s3.Bucket(stackIn(app, 'S'), 'Data'); }, reason: /the bucket writes no server access log/ },
    { name: 'L1 bucket without LoggingConfiguration', build: (app: App) => { new s3.CfnBucket(stackIn(app, 'S'), 'Data', {}); }, reason: /no LoggingConfiguration/ },
    { name: 'the destination bucket of a Firehose stream no log source feeds (application records)', build: (app: App) => { streamInto(stackIn(app, 'S'), 'Orders'); }, reason: /nothing in the app makes it a log bucket/ },
  ],
  compliant: [
    {
      name: 'the destination bucket of a Firehose stream that receives VPC flow logs (L1 flow log, L2 VPC) is a log bucket',
      build: (app: App) => {
        const s = stackIn(app, 'S');
        const stream = streamInto(s, 'FlowLogs');
        const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'Private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
        new ec2.CfnFlowLog(s, 'FlowLog', { resourceId: vpc.vpcId, resourceType: 'VPC', trafficType: 'ALL', logDestinationType: 'kinesis-data-firehose', logDestination: stream.attrArn });
        new s3.Bucket(s, 'Data', { serverAccessLogsBucket: new s3.Bucket(s, 'AccessLogs') });
      },
    },
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
