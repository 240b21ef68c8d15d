import { aws_ec2 as ec2, aws_logs as logs, aws_s3 as s3, CfnParameter } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

const RICH = '${version} ${vpc-id} ${subnet-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}';

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'L2 flow log to S3 in plain text',
      build: (app) => {
        const s = stackIn(app, 'S');
        new ec2.Vpc(s, 'Vpc', { natGateways: 0, flowLogs: { S3: { destination: ec2.FlowLogDestination.toS3(new s3.Bucket(s, 'Logs')) } } });
      },
      reason: /as plain-text files, not parquet/,
    },
    {
      name: 'parquet to S3 without Hive partitions',
      build: (app) => {
        new ec2.CfnFlowLog(stackIn(app, 'S'), 'Fl', { resourceId: 'vpc-1', resourceType: 'VPC', trafficType: 'ALL', logDestinationType: 's3', logDestination: 'arn:aws:s3:::flow-logs', destinationOptions: { FileFormat: 'parquet', HiveCompatiblePartitions: false, PerHourPartition: true } });
      },
      reason: /without Hive-compatible partitions/,
    },
    {
      name: 'L2 flow log to CloudWatch Logs with the default format',
      build: (app) => { new ec2.Vpc(stackIn(app, 'S'), 'Vpc', { natGateways: 0, flowLogs: { Cw: {} } }); },
      reason: /default LogFormat, which lacks vpc-id/,
    },
    {
      name: 'CloudWatch Logs format missing ports',
      build: (app) => {
        const s = stackIn(app, 'S');
        const lg = new logs.LogGroup(s, 'Lg', { retention: logs.RetentionDays.ONE_MONTH });
        new ec2.FlowLog(s, 'Fl', { resourceType: ec2.FlowLogResourceType.fromNetworkInterfaceId('eni-1'), destination: ec2.FlowLogDestination.toCloudWatchLogs(lg), logFormat: [ec2.LogFormat.VPC_ID, ec2.LogFormat.INTERFACE_ID, ec2.LogFormat.SRC_ADDR, ec2.LogFormat.DST_ADDR, ec2.LogFormat.ACTION] });
      },
      reason: /LogFormat lacks srcport, dstport/,
    },
    {
      name: 'rich format into a log group kept forever',
      build: (app) => {
        const s = stackIn(app, 'S');
        const lg = new logs.CfnLogGroup(s, 'Lg', {});
        new ec2.CfnFlowLog(s, 'Fl', { resourceId: 'vpc-1', resourceType: 'VPC', trafficType: 'ALL', logGroupName: lg.ref, deliverLogsPermissionArn: 'arn:aws:iam::111111111111:role/fl', logFormat: RICH });
      },
      reason: /has no RetentionInDays/,
    },
    {
      name: 'log format from a parameter (unverifiable)',
      build: (app) => {
        const s = stackIn(app, 'S');
        new ec2.CfnFlowLog(s, 'Fl', { resourceId: 'vpc-1', resourceType: 'VPC', trafficType: 'ALL', logGroupName: 'flows', logFormat: new CfnParameter(s, 'Fmt').valueAsString });
      },
      reason: /could not verify the flow log format: .*Ref/,
    },
  ],
  compliant: [
    {
      name: 'delivery to Kinesis Data Firehose (the stream hands the records to the product)',
      build: (app) => {
        new ec2.CfnFlowLog(stackIn(app, 'S'), 'Fl', { resourceId: 'vpc-1', resourceType: 'VPC', trafficType: 'ALL', logDestinationType: 'kinesis-data-firehose', logDestination: 'arn:aws:firehose:eu-west-1:111111111111:deliverystream/flows' });
      },
    },
    {
      name: 'L2 flow log to S3 as parquet with Hive partitions',
      build: (app) => {
        const s = stackIn(app, 'S');
        new ec2.Vpc(s, 'Vpc', { natGateways: 0, flowLogs: { S3: { destination: ec2.FlowLogDestination.toS3(new s3.Bucket(s, 'Logs'), 'flows/', { fileFormat: ec2.FlowLogFileFormat.PARQUET, hiveCompatiblePartitions: true, perHourPartition: true }) } } });
      },
    },
    {
      name: 'rich format into a log group with retention',
      build: (app) => {
        const s = stackIn(app, 'S');
        const lg = new logs.LogGroup(s, 'Lg', { retention: logs.RetentionDays.THREE_MONTHS });
        new ec2.CfnFlowLog(s, 'Fl', { resourceId: 'vpc-1', resourceType: 'VPC', trafficType: 'ALL', logGroupName: lg.logGroupName, deliverLogsPermissionArn: 'arn:aws:iam::111111111111:role/fl', logFormat: RICH });
      },
    },
  ],
};
