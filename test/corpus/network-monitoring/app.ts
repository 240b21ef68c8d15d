/**
 * The customer-side template of a network monitoring product: flow logs of two VPCs (distinct ranges) delivered
 * through Kinesis Data Firehose into an encrypted S3 bucket the product ingests from, and alarms on the delivery
 * stream notifying the network operations topic.
 */
import {
  App, Duration, RemovalPolicy, Stack, StackProps, Tags,
  aws_cloudwatch as cloudwatch, aws_cloudwatch_actions as actions, aws_ec2 as ec2, aws_iam as iam, aws_kinesisfirehose as firehose,
  aws_s3 as s3, aws_sns as sns,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { WORKLOAD } from '../harness';

class MonitoringStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    const bucket = new s3.Bucket(this, 'FlowLogArchive', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(395) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const deliveryRole = new iam.Role(this, 'DeliveryRole', { assumedBy: new iam.ServicePrincipal('firehose.amazonaws.com') });
    bucket.grantWrite(deliveryRole);
    const stream = new firehose.CfnDeliveryStream(this, 'FlowLogStream', {
      deliveryStreamType: 'DirectPut',
      deliveryStreamEncryptionConfigurationInput: { keyType: 'AWS_OWNED_CMK' },
      extendedS3DestinationConfiguration: {
        bucketArn: bucket.bucketArn,
        roleArn: deliveryRole.roleArn,
        prefix: 'flow-logs/',
        compressionFormat: 'GZIP',
        bufferingHints: { intervalInSeconds: 300, sizeInMBs: 64 },
      },
      tags: [{ key: 'LogDeliveryEnabled', value: 'true' }],
    });
    Tags.of(this).add('DataClassification', 'confidential');

    for (const [name, cidr] of [['Prod', '10.0.0.0/16'], ['Shared', '10.1.0.0/16']]) {
      const vpc = new ec2.Vpc(this, name, {
        ipAddresses: ec2.IpAddresses.cidr(cidr),
        maxAzs: 2,
        natGateways: 0,
        subnetConfiguration: [{ name: 'Private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
      });
      new ec2.CfnFlowLog(this, `${name}FlowLog`, {
        resourceId: vpc.vpcId,
        resourceType: 'VPC',
        trafficType: 'ALL',
        logDestinationType: 'kinesis-data-firehose',
        logDestination: stream.attrArn,
      });
    }

    const noc = new sns.Topic(this, 'NocTopic');
    new cloudwatch.Alarm(this, 'DeliveryFreshness', {
      metric: new cloudwatch.Metric({
        namespace: 'AWS/Firehose', metricName: 'DeliveryToS3.DataFreshness', dimensionsMap: { DeliveryStreamName: stream.ref },
        statistic: 'Maximum', period: Duration.minutes(5),
      }),
      threshold: 900,
      evaluationPeriods: 3,
    }).addAlarmAction(new actions.SnsAction(noc));
  }
}

export function build(app: App): void {
  new MonitoringStack(app, 'NetworkMonitoring', { env: WORKLOAD });
}
