/**
 * A clickstream analytics app as the Kinesis, Firehose and OpenSearch examples write it: an on-demand Kinesis data
 * stream encrypted with the AWS managed key, a Firehose delivery stream reading it into a raw-data bucket (GZIP,
 * date prefixes, server-side encryption), a Lambda consumer indexing records into an OpenSearch domain in a VPC
 * (three zones, dedicated masters, encryption at rest and node to node, HTTPS only), a Glue database and table over
 * the raw bucket queried by an Athena workgroup that writes its results to a bucket of its own, encrypted.
 */
import {
  App, Duration, RemovalPolicy, Stack, StackProps,
  aws_athena as athena, aws_ec2 as ec2, aws_glue as glue, aws_kinesis as kinesis, aws_kinesisfirehose as firehose,
  aws_lambda as lambda, aws_lambda_event_sources as sources, aws_logs as logs, aws_opensearchservice as opensearch,
  aws_s3 as s3,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { WORKLOAD } from '../harness';

class AnalyticsStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    const vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr('10.40.0.0/16'),
      maxAzs: 3,
      natGateways: 1,
      subnetConfiguration: [
        { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: 'private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 22 },
      ],
    });

    const stream = new kinesis.Stream(this, 'Clicks', {
      streamMode: kinesis.StreamMode.ON_DEMAND,
      encryption: kinesis.StreamEncryption.MANAGED,
      retentionPeriod: Duration.days(7),
    });

    const raw = new s3.Bucket(this, 'RawClicks', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ transitions: [{ storageClass: s3.StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(90) }] }],
    });
    new firehose.DeliveryStream(this, 'ToLake', {
      source: new firehose.KinesisStreamSource(stream),
      destination: new firehose.S3Bucket(raw, {
        compression: firehose.Compression.GZIP,
        dataOutputPrefix: 'clicks/!{timestamp:yyyy/MM/dd}/',
        errorOutputPrefix: 'errors/!{firehose:error-output-type}/',
        bufferingInterval: Duration.minutes(5),
      }),
    });

    const searchSg = new ec2.SecurityGroup(this, 'SearchSg', { vpc, description: 'OpenSearch domain', allowAllOutbound: false });
    const indexerSg = new ec2.SecurityGroup(this, 'IndexerSg', { vpc, description: 'Indexer function' });
    searchSg.addIngressRule(indexerSg, ec2.Port.tcp(443), 'indexer to OpenSearch');
    const domain = new opensearch.Domain(this, 'Search', {
      version: opensearch.EngineVersion.OPENSEARCH_2_11,
      vpc,
      vpcSubnets: [{ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }],
      securityGroups: [searchSg],
      capacity: { dataNodes: 3, dataNodeInstanceType: 'r6g.large.search', masterNodes: 3, masterNodeInstanceType: 'm6g.large.search', multiAzWithStandbyEnabled: false },
      zoneAwareness: { enabled: true, availabilityZoneCount: 3 },
      ebs: { volumeSize: 100, volumeType: ec2.EbsDeviceVolumeType.GP3 },
      encryptionAtRest: { enabled: true },
      nodeToNodeEncryption: true,
      enforceHttps: true,
      tlsSecurityPolicy: opensearch.TLSSecurityPolicy.TLS_1_2,
      logging: { slowSearchLogEnabled: true, appLogEnabled: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const indexer = new lambda.Function(this, 'Indexer', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async (event) => ({ batchItemFailures: [] });'),
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      securityGroups: [indexerSg],
      environment: { SEARCH_ENDPOINT: domain.domainEndpoint },
      timeout: Duration.minutes(1),
      logRetention: logs.RetentionDays.THREE_MONTHS,
    });
    domain.grantIndexWrite('clicks', indexer);
    indexer.addEventSource(new sources.KinesisEventSource(stream, {
      startingPosition: lambda.StartingPosition.LATEST,
      batchSize: 500,
      bisectBatchOnError: true,
      retryAttempts: 3,
      reportBatchItemFailures: true,
    }));

    const db = new glue.CfnDatabase(this, 'ClicksDb', { catalogId: this.account, databaseInput: { name: 'clicks' } });
    new glue.CfnTable(this, 'ClicksTable', {
      catalogId: this.account,
      databaseName: 'clicks',
      tableInput: {
        name: 'raw_clicks',
        tableType: 'EXTERNAL_TABLE',
        parameters: { classification: 'json', compressionType: 'gzip' },
        storageDescriptor: {
          location: raw.s3UrlForObject('clicks/'),
          inputFormat: 'org.apache.hadoop.mapred.TextInputFormat',
          outputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
          serdeInfo: { serializationLibrary: 'org.openx.data.jsonserde.JsonSerDe' },
          columns: [{ name: 'user_id', type: 'string' }, { name: 'page', type: 'string' }, { name: 'ts', type: 'timestamp' }],
        },
      },
    }).addDependency(db);

    const results = new s3.Bucket(this, 'QueryResults', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(30) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    new athena.CfnWorkGroup(this, 'Analysts', {
      name: 'analysts',
      workGroupConfiguration: {
        enforceWorkGroupConfiguration: true,
        publishCloudWatchMetricsEnabled: true,
        resultConfiguration: {
          outputLocation: results.s3UrlForObject('athena/'),
          encryptionConfiguration: { encryptionOption: 'SSE_S3' },
        },
      },
    });
  }
}

export function build(app: App): void {
  new AnalyticsStack(app, 'Clicks', { env: WORKLOAD });
}
