import {
  App, aws_amazonmq as mq, aws_cloudfront as cloudfront, aws_cloudfront_origins as origins, aws_dms as dms, aws_docdb as docdb, aws_dynamodb as ddb, aws_efs as efs,
  aws_elasticache as elasticache, aws_fsx as fsx, aws_kinesis as kinesis, aws_memorydb as memorydb, aws_neptune as neptune,
  aws_opensearchservice as opensearch, aws_redshift as redshift, aws_ec2 as ec2, aws_s3 as s3, aws_sqs as sqs, Duration, Stack,
} from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { MANAGEMENT, stackIn } from '../fixture-stacks';

const l1 = (build: (s: Stack) => void) => (app: App) => build(stackIn(app, 'S'));
const windows = (deploymentType?: string) => ({ fileSystemType: 'WINDOWS', subnetIds: ['subnet-1'], windowsConfiguration: { throughputCapacity: 32, deploymentType } });

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'L1 FSx for Windows with the default SINGLE_AZ_1', build: l1((s) => { new fsx.CfnFileSystem(s, 'Share', windows()); }), reason: /WindowsConfiguration\/DeploymentType is not set \(SINGLE_AZ_1\)/ },
    {
      name: 'L2 FSx for Lustre (one zone by design)',
      build: (app) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'Data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
        new fsx.LustreFileSystem(s, 'Lustre', { vpc, vpcSubnet: vpc.isolatedSubnets[0], storageCapacityGiB: 1200, lustreConfiguration: { deploymentType: fsx.LustreDeploymentType.SCRATCH_2 } });
      },
      reason: /an FSx for Lustre file system lives in one zone/,
    },
    { name: 'L2 OpenSearch domain with the default single data node', build: (app) => { new opensearch.Domain(stackIn(app, 'S'), 'Search', { version: opensearch.EngineVersion.OPENSEARCH_2_11 }); }, reason: /ZoneAwarenessEnabled is not true/ },
    {
      name: 'L1 ElastiCache replication group without replicas (Redis session store)',
      build: l1((s) => { new elasticache.CfnReplicationGroup(s, 'Sessions', { replicationGroupDescription: 'sessions', engine: 'redis', numCacheClusters: 1 }); }),
      reason: /it has no replica/,
    },
    { name: 'L1 single-node Redis cache cluster', build: l1((s) => { new elasticache.CfnCacheCluster(s, 'Cache', { engine: 'redis', cacheNodeType: 'cache.t4g.micro', numCacheNodes: 1 }); }), reason: /a redis cache cluster is a single node/ },
    { name: 'L1 MemoryDB cluster without replicas', build: l1((s) => { new memorydb.CfnCluster(s, 'Mem', { clusterName: 'mem', nodeType: 'db.t4g.small', aclName: 'open-access', numReplicasPerShard: 0 }); }), reason: /NumReplicasPerShard is 0/ },
    {
      name: 'L1 Redshift cluster without MultiAZ',
      build: l1((s) => { new redshift.CfnCluster(s, 'Dw', { clusterType: 'multi-node', numberOfNodes: 2, nodeType: 'ra3.xlplus', dbName: 'dw', masterUsername: 'admin', manageMasterPassword: true }); }),
      reason: /MultiAZ is not set \(false\)/,
    },
    {
      name: 'L1 DocumentDB cluster with one instance (another stack, by reference)',
      build: (app) => {
        const cluster = new docdb.CfnDBCluster(stackIn(app, 'Data', MANAGEMENT), 'Doc', { storageEncrypted: true });
        new docdb.CfnDBInstance(stackIn(app, 'Instances', MANAGEMENT), 'One', { dbClusterIdentifier: cluster.ref, dbInstanceClass: 'db.r6g.large' });
      },
      reason: /it has 1 instance in the app/,
    },
    {
      name: 'L2 EFS One Zone file system',
      build: (app) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'Data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
        new efs.FileSystem(s, 'Files', { vpc, oneZone: true, vpcSubnets: { availabilityZones: [vpc.availabilityZones[0]] } });
      },
      reason: /the EFS file system runs in one Availability Zone: it is a One Zone file system \(AvailabilityZoneName/,
    },
    {
      name: 'L2 bucket whose lifecycle rule moves objects to One Zone-IA',
      build: l1((s) => { new s3.Bucket(s, 'Archive', { lifecycleRules: [{ id: 'Cheap', transitions: [{ storageClass: s3.StorageClass.ONE_ZONE_INFREQUENT_ACCESS, transitionAfter: Duration.days(30) }] }] }); }),
      reason: /lifecycle rule 'Cheap' moves objects to S3 One Zone-IA, which keeps them in one zone/,
    },
    {
      name: 'L1 DMS replication instance with the default single zone (AWS DMS: MultiAZ false)',
      build: l1((s) => { new dms.CfnReplicationInstance(s, 'Replication', { replicationInstanceClass: 'dms.r6i.large', publiclyAccessible: false }); }),
      reason: /MultiAZ is not set \(false\)/,
    },
    {
      name: 'L1 DMS Serverless replication in one zone',
      build: l1((s) => { new dms.CfnReplicationConfig(s, 'Serverless', { replicationConfigIdentifier: 'sales', replicationType: 'full-load-and-cdc', sourceEndpointArn: 'arn:aws:dms:eu-west-1:111111111111:endpoint:SRC', targetEndpointArn: 'arn:aws:dms:eu-west-1:111111111111:endpoint:TGT', tableMappings: { rules: [] }, computeConfig: { maxCapacityUnits: 16, multiAz: false } }); }),
      reason: /ComputeConfig\/MultiAZ is false/,
    },
    { name: 'L1 single-instance Amazon MQ broker', build: l1((s) => { new mq.CfnBroker(s, 'Mq', { brokerName: 'mq', deploymentMode: 'SINGLE_INSTANCE', engineType: 'ACTIVEMQ', hostInstanceType: 'mq.t3.micro', publiclyAccessible: false, users: [] }); }), reason: /DeploymentMode is "SINGLE_INSTANCE"/ },
  ],
  compliant: [
    {
      name: 'regional services: L2 DynamoDB table, EFS Regional file system, bucket moving objects to Standard-IA, queue, on-demand stream, CloudFront distribution',
      build: (app) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'Data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
        new ddb.Table(s, 'Orders', { partitionKey: { name: 'pk', type: ddb.AttributeType.STRING } });
        new efs.FileSystem(s, 'Files', { vpc });
        const bucket = new s3.Bucket(s, 'Site', { lifecycleRules: [{ transitions: [{ storageClass: s3.StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(30) }] }] });
        new sqs.Queue(s, 'Jobs');
        new kinesis.Stream(s, 'Events', { streamMode: kinesis.StreamMode.ON_DEMAND });
        new cloudfront.Distribution(s, 'Cdn', { defaultBehavior: { origin: origins.S3BucketOrigin.withOriginAccessControl(bucket) } });
      },
    },
    {
      name: 'L1 FSx for Windows MULTI_AZ_1 and ONTAP MULTI_AZ_2; L1 Neptune cluster with two instances (one by literal identifier)',
      build: l1((s) => {
        new fsx.CfnFileSystem(s, 'Share', windows('MULTI_AZ_1'));
        new fsx.CfnFileSystem(s, 'Ontap', { fileSystemType: 'ONTAP', subnetIds: ['subnet-1', 'subnet-2'], ontapConfiguration: { deploymentType: 'MULTI_AZ_2' } });
        const graph = new neptune.CfnDBCluster(s, 'Graph', { dbClusterIdentifier: 'graph' });
        new neptune.CfnDBInstance(s, 'A', { dbClusterIdentifier: graph.ref, dbInstanceClass: 'db.r6g.large' });
        new neptune.CfnDBInstance(s, 'B', { dbClusterIdentifier: 'graph', dbInstanceClass: 'db.r6g.large' });
      }),
    },
    {
      name: 'L2 OpenSearch domain with zone awareness; Multi-AZ ElastiCache, MemoryDB default replica, Redshift MultiAZ, active/standby broker, Multi-AZ DMS replication instance and DMS Serverless',
      build: (app) => {
        const s = stackIn(app, 'S');
        new opensearch.Domain(s, 'Search', { version: opensearch.EngineVersion.OPENSEARCH_2_11, capacity: { dataNodes: 2, multiAzWithStandbyEnabled: false }, zoneAwareness: { enabled: true, availabilityZoneCount: 2 } });
        new elasticache.CfnReplicationGroup(s, 'Sessions', { replicationGroupDescription: 'sessions', engine: 'valkey', numCacheClusters: 2, automaticFailoverEnabled: true, multiAzEnabled: true });
        new memorydb.CfnCluster(s, 'Mem', { clusterName: 'mem', nodeType: 'db.t4g.small', aclName: 'open-access' });
        new redshift.CfnCluster(s, 'Dw', { clusterType: 'multi-node', numberOfNodes: 2, nodeType: 'ra3.xlplus', dbName: 'dw', masterUsername: 'admin', manageMasterPassword: true, multiAz: true });
        new mq.CfnBroker(s, 'Mq', { brokerName: 'mq', deploymentMode: 'ACTIVE_STANDBY_MULTI_AZ', engineType: 'ACTIVEMQ', hostInstanceType: 'mq.m5.large', publiclyAccessible: false, users: [] });
        new dms.CfnReplicationInstance(s, 'Replication', { replicationInstanceClass: 'dms.r6i.large', multiAz: true, publiclyAccessible: false });
        new dms.CfnReplicationConfig(s, 'Serverless', { replicationConfigIdentifier: 'sales', replicationType: 'cdc', sourceEndpointArn: 'arn:aws:dms:eu-west-1:111111111111:endpoint:SRC', targetEndpointArn: 'arn:aws:dms:eu-west-1:111111111111:endpoint:TGT', tableMappings: { rules: [] }, computeConfig: { maxCapacityUnits: 16, multiAz: true } });
      },
    },
  ],
};
