import {
  App, aws_docdb as docdb, aws_ec2 as ec2, aws_efs as efs, aws_elasticache as elasticache, aws_events as events, aws_fsx as fsx, aws_kinesis as kinesis,
  aws_kinesisfirehose as firehose, aws_neptune as neptune, aws_opensearchservice as opensearch, aws_rds as rds, aws_redshift as redshift,
  aws_sqs as sqs, CfnCondition, Fn, Stack,
} from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { MANAGEMENT, stackIn } from '../fixture-stacks';

const vpcIn = (s: Stack) => new ec2.Vpc(s, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'Data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
const pg = rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 });
const l1 = (build: (s: Stack) => void) => (app: App) => build(stackIn(app, 'S'));

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'L1 Aurora cluster without StorageEncrypted', build: l1((s) => { new rds.CfnDBCluster(s, 'C', { engine: 'aurora-postgresql' }); }), reason: /RDS DB cluster is not encrypted at rest \(StorageEncrypted is not set, and defaults to false\)/ },
    {
      name: 'L2 RDS instance with the default (unencrypted) storage',
      build: (app) => { const s = stackIn(app, 'S', MANAGEMENT); new rds.DatabaseInstance(s, 'Db', { engine: pg, vpc: vpcIn(s), vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } }); },
      reason: /RDS DB instance is not encrypted at rest/,
    },
    { name: 'L1 EFS file system, Encrypted absent', build: l1((s) => { new efs.CfnFileSystem(s, 'Fs', {}); }), reason: /EFS file system is not encrypted at rest/ },
    { name: 'L1 SQS queue with SQS-managed encryption turned off and no key', build: l1((s) => { new sqs.CfnQueue(s, 'Q', { sqsManagedSseEnabled: false }); }), reason: /SqsManagedSseEnabled is false/ },
    { name: 'L1 OpenSearch domain without EncryptionAtRestOptions', build: l1((s) => { new opensearch.CfnDomain(s, 'Search', { engineVersion: 'OpenSearch_2.11' }); }), reason: /OpenSearch domain is not encrypted at rest/ },
    {
      name: 'L1 ElastiCache replication group (Redis session store) without at-rest encryption',
      build: l1((s) => { new elasticache.CfnReplicationGroup(s, 'Sessions', { replicationGroupDescription: 'sessions', engine: 'redis', cacheNodeType: 'cache.t4g.micro', numCacheClusters: 2 }); }),
      reason: /ElastiCache replication group is not encrypted at rest/,
    },
    { name: 'L1 single-node Redis cache cluster', build: l1((s) => { new elasticache.CfnCacheCluster(s, 'Cache', { engine: 'redis', cacheNodeType: 'cache.t4g.micro', numCacheNodes: 1 }); }), reason: /cannot encrypt its data at rest/ },
    { name: 'L1 Kinesis stream without StreamEncryption', build: l1((s) => { new kinesis.CfnStream(s, 'Stream', { shardCount: 1 }); }), reason: /Kinesis data stream is not encrypted at rest \(no StreamEncryption\)/ },
    {
      name: 'L2 Kinesis stream in an environment-agnostic stack: the Fn::If branch for regions without stream encryption',
      build: (app) => { new kinesis.Stream(stackIn(app, 'S'), 'Stream'); },
      reason: /no StreamEncryption when condition AwsCdkKinesisEncryptedStreamsUnsupportedRegions is true/,
    },
    {
      name: 'L1 Direct PUT Firehose stream without server-side encryption',
      build: l1((s) => { new firehose.CfnDeliveryStream(s, 'Fh', { deliveryStreamType: 'DirectPut', s3DestinationConfiguration: { bucketArn: 'arn:aws:s3:::dest', roleArn: 'arn:aws:iam::111111111111:role/fh' } }); }),
      reason: /does not encrypt the records it buffers/,
    },
    { name: 'L1 DocumentDB cluster without StorageEncrypted', build: l1((s) => { new docdb.CfnDBCluster(s, 'Doc', {}); }), reason: /DocumentDB cluster is not encrypted at rest/ },
    { name: 'L1 Neptune cluster with StorageEncrypted false', build: l1((s) => { new neptune.CfnDBCluster(s, 'Graph', { storageEncrypted: false }); }), reason: /Neptune cluster is not encrypted at rest \(StorageEncrypted is false\)/ },
    {
      name: 'L1 Neptune clone (SourceDBClusterIdentifier) of an unencrypted cluster: inherits no encryption',
      build: l1((s) => {
        const source = new neptune.CfnDBCluster(s, 'Graph', {});
        new neptune.CfnDBCluster(s, 'Clone', { sourceDbClusterIdentifier: source.ref, restoreType: 'copy-on-write', useLatestRestorableTime: true });
      }),
      reason: /the copy inherits its encryption from S\/Graph \(SourceDBClusterIdentifier\): the Neptune cluster is not encrypted at rest/,
    },
    {
      name: 'L1 Redshift cluster, Encrypted absent',
      build: l1((s) => { new redshift.CfnCluster(s, 'Dw', { clusterType: 'single-node', nodeType: 'ra3.xlplus', dbName: 'dw', masterUsername: 'admin', manageMasterPassword: true }); }),
      reason: /Redshift cluster is not encrypted at rest/,
    },
    {
      name: 'read replica (another stack) of an unencrypted L2 instance: inherits no encryption',
      build: (app) => {
        const a = stackIn(app, 'Primary', MANAGEMENT);
        const source = new rds.DatabaseInstance(a, 'Db', { engine: pg, vpc: vpcIn(a), vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } });
        const b = stackIn(app, 'Replica', MANAGEMENT);
        new rds.CfnDBInstance(b, 'Replica', { dbInstanceClass: 'db.t4g.micro', sourceDbInstanceIdentifier: source.instanceArn });
      },
      reason: /the copy inherits its encryption from Primary\/Db\/Resource \(SourceDBInstanceIdentifier\): the RDS DB instance is not encrypted at rest/,
    },
    {
      name: 'read replica of a source outside the app',
      build: l1((s) => { new rds.CfnDBInstance(s, 'Replica', { dbInstanceClass: 'db.t4g.micro', sourceDbInstanceIdentifier: 'arn:aws:rds:eu-west-1:111111111111:db:legacy' }); }),
      reason: /inherits it from 'arn:aws:rds:eu-west-1:111111111111:db:legacy' \(SourceDBInstanceIdentifier\), which is not part of the app/,
    },
  ],
  compliant: [
    {
      name: 'L1 Neptune clone naming its source by identifier, which is encrypted: the clone inherits StorageEncrypted',
      build: l1((s) => {
        new neptune.CfnDBCluster(s, 'Graph', { dbClusterIdentifier: 'graph', storageEncrypted: true });
        new neptune.CfnDBCluster(s, 'Clone', { sourceDbClusterIdentifier: 'graph', restoreType: 'copy-on-write', useLatestRestorableTime: true });
      }),
    },
    {
      name: 'L2 RDS instance with storageEncrypted, and an Aurora L2 cluster (members judged with it)',
      build: (app) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        const vpc = vpcIn(s);
        new rds.DatabaseInstance(s, 'Db', { engine: pg, vpc, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED }, storageEncrypted: true });
        new rds.DatabaseCluster(s, 'Aurora', {
          engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_4 }),
          vpc,
          vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
          writer: rds.ClusterInstance.provisioned('Writer'),
          storageEncrypted: true,
        });
      },
    },
    {
      name: 'read replica in another stack inherits the encryption of its L2 source (cross-stack reference)',
      build: (app) => {
        const a = stackIn(app, 'Primary', MANAGEMENT);
        const source = new rds.DatabaseInstance(a, 'Db', { engine: pg, vpc: vpcIn(a), vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED }, storageEncrypted: true });
        new rds.CfnDBInstance(stackIn(app, 'Replica', MANAGEMENT), 'Replica', { dbInstanceClass: 'db.t4g.micro', sourceDbInstanceIdentifier: source.instanceArn });
      },
    },
    {
      name: 'replica naming its source by identifier, inside the app',
      build: l1((s) => {
        new rds.CfnDBInstance(s, 'Source', { dbInstanceIdentifier: 'orders', engine: 'postgres', dbInstanceClass: 'db.t4g.micro', allocatedStorage: '20', storageEncrypted: true });
        new rds.CfnDBInstance(s, 'Replica', { dbInstanceClass: 'db.t4g.micro', sourceDbInstanceIdentifier: 'orders' });
      }),
    },
    {
      name: 'L2 FSx for Windows (always encrypted) and L2 Kinesis stream in a stack of a known region (Fn::If resolved)',
      build: (app) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        const vpc = vpcIn(s);
        new fsx.CfnFileSystem(s, 'Share', {
          fileSystemType: 'WINDOWS', storageCapacity: 32, subnetIds: [vpc.isolatedSubnets[0].subnetId],
          windowsConfiguration: { throughputCapacity: 8, activeDirectoryId: 'd-1234567890' },
        });
        new kinesis.Stream(s, 'Stream');
      },
    },
    {
      name: 'L1 stores with encryption on: EFS, OpenSearch, ElastiCache, Redshift, SQS with a key, Firehose with SSE, DocumentDB via Fn::If in both branches',
      build: l1((s) => {
        new efs.CfnFileSystem(s, 'Fs', { encrypted: true });
        new opensearch.CfnDomain(s, 'Search', { encryptionAtRestOptions: { enabled: true } });
        new elasticache.CfnReplicationGroup(s, 'Sessions', { replicationGroupDescription: 'sessions', engine: 'valkey', atRestEncryptionEnabled: true });
        new redshift.CfnCluster(s, 'Dw', { clusterType: 'single-node', nodeType: 'ra3.xlplus', dbName: 'dw', masterUsername: 'admin', manageMasterPassword: true, encrypted: true });
        new sqs.CfnQueue(s, 'Q', { kmsMasterKeyId: 'alias/aws/sqs' });
        new sqs.CfnQueue(s, 'Plain', {});
        new firehose.CfnDeliveryStream(s, 'Fh', { deliveryStreamEncryptionConfigurationInput: { keyType: 'AWS_OWNED_CMK' }, s3DestinationConfiguration: { bucketArn: 'arn:aws:s3:::dest', roleArn: 'arn:aws:iam::111111111111:role/fh' } });
        new CfnCondition(s, 'IsProd', { expression: Fn.conditionEquals(Fn.ref('AWS::StackName'), 'prod') });
        new docdb.CfnDBCluster(s, 'Doc', { storageEncrypted: Fn.conditionIf('IsProd', true, 'true') as any });
      }),
    },
    {
      name: 'EventBridge archives: an L2 archive with the AWS owned key (the default), an L1 archive with a customer managed key (KmsKeyIdentifier)',
      build: l1((s) => {
        const bus = new events.EventBus(s, 'Bus');
        new events.Archive(s, 'Archive', { sourceEventBus: bus, eventPattern: { source: ['shop.orders'] } });
        new events.CfnArchive(s, 'Keyed', { sourceArn: bus.eventBusArn, kmsKeyIdentifier: 'alias/orders' });
      }),
    },
  ],
};
