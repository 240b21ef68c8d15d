/**
 * Records kept under a key whose material the partner imports (bring your own key), as regulated customers ask:
 * an S3 bucket encrypted with SSE-KMS under the imported key, an event stream encrypted with a KMS-generated key
 * (left without automatic rotation), server access logs to a log bucket, and a producer role granted both keys.
 */
import {
  App, Duration, RemovalPolicy, Stack, StackProps, Tags,
  aws_iam as iam, aws_kinesis as kinesis, aws_kms as kms, aws_s3 as s3,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { WORKLOAD } from '../harness';

class RecordsStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    const producer = new iam.Role(this, 'Producer', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    const imported = new kms.CfnKey(this, 'RecordsKey', {
      description: 'Records key, material imported from the partner HSM',
      origin: 'EXTERNAL',
      keyPolicy: {
        Version: '2012-10-17',
        Statement: [
          { Sid: 'Account', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${this.account}:root` }, Action: 'kms:*', Resource: '*' },
          {
            Sid: 'Producer', Effect: 'Allow', Principal: { AWS: producer.roleArn },
            Action: ['kms:Encrypt', 'kms:GenerateDataKey', 'kms:Decrypt'], Resource: '*',
            Condition: { StringEquals: { 'kms:ViaService': `s3.${this.region}.amazonaws.com` } },
          },
        ],
      },
    });
    const recordsKey = kms.Key.fromCfnKey(imported);
    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(400) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Tags.of(accessLogs).add('DataClassification', 'internal');
    const records = new s3.Bucket(this, 'Records', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: recordsKey,
      bucketKeyEnabled: true,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'records/',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Tags.of(records).add('DataClassification', 'restricted');
    records.grantWrite(producer);

    const streamKey = new kms.Key(this, 'EventsKey', { description: 'Events stream key' });
    const events = new kinesis.Stream(this, 'Events', {
      streamMode: kinesis.StreamMode.ON_DEMAND,
      encryption: kinesis.StreamEncryption.KMS,
      encryptionKey: streamKey,
      retentionPeriod: Duration.days(7),
    });
    Tags.of(events).add('DataClassification', 'restricted');
    events.grantWrite(producer);
  }
}

export function build(app: App): void {
  new RecordsStack(app, 'Records', { env: WORKLOAD });
}
