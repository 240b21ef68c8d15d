import {
  App, aws_amazonmq as mq, aws_backup as backup, aws_cognito as cognito, aws_dax as dax, aws_docdb as docdb, aws_dynamodb as dynamodb, aws_ec2 as ec2,
  aws_ecr as ecr, aws_efs as efs, aws_elasticache as elasticache, aws_events as events, aws_fsx as fsx, aws_iam as iam, aws_kinesis as kinesis, aws_kinesisfirehose as firehose, aws_kms as kms,
  aws_logs as logs, aws_memorydb as memorydb, aws_msk as msk, aws_neptune as neptune, aws_opensearchservice as opensearch, aws_rds as rds,
  aws_redshift as redshift, aws_redshiftserverless as redshiftserverless, aws_secretsmanager as secretsmanager, aws_sns as sns, aws_sns_subscriptions as subscriptions, aws_sqs as sqs, CfnCondition, CfnParameter, Fn, RemovalPolicy, Stack,
} from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

const l1 = (build: (s: Stack) => void) => (app: App) => build(stackIn(app, 'S'));
const redis = (s: Stack, props: Partial<elasticache.CfnReplicationGroupProps> = {}) =>
  new elasticache.CfnReplicationGroup(s, 'Sessions', { replicationGroupDescription: 'sessions', engine: 'redis', cacheNodeType: 'cache.t4g.micro', numCacheClusters: 2, ...props });
const kafka = (s: Stack, encryptionInTransit?: msk.CfnCluster.EncryptionInTransitProperty) => new msk.CfnCluster(s, 'Kafka', {
  clusterName: 'events', kafkaVersion: '3.6.0', numberOfBrokerNodes: 2,
  brokerNodeGroupInfo: { clientSubnets: ['subnet-1', 'subnet-2'], instanceType: 'kafka.m7g.large' },
  ...(encryptionInTransit ? { encryptionInfo: { encryptionInTransit } } : {}),
});

const vpcOf = (s: Stack) => new ec2.Vpc(s, 'Vpc', { availabilityZones: ['eu-west-1a', 'eu-west-1b'], natGateways: 1 });
const MYSQL = rds.DatabaseInstanceEngine.mysql({ version: rds.MysqlEngineVersion.VER_8_0 });
const docGroup = (s: Stack, tls: string) => new docdb.CfnDBClusterParameterGroup(s, 'DocParams', { description: 'documents', family: 'docdb5.0', parameters: { tls } });
const warehouse = (s: Stack, clusterParameterGroupName?: string) => new redshift.CfnCluster(s, 'Warehouse', {
  clusterType: 'single-node', dbName: 'sales', masterUsername: 'admin', nodeType: 'ra3.xlplus', manageMasterPassword: true, clusterParameterGroupName,
});

/** A Neptune cluster parameter group (the family of releases before 1.2 is neptune1). */
const graphGroup = (s: Stack, enforceSsl: string, family = 'neptune1') =>
  new neptune.CfnDBClusterParameterGroup(s, 'GraphParams', { description: 'graph', family, parameters: { neptune_enforce_ssl: enforceSsl } });
const graph = (s: Stack, props: neptune.CfnDBClusterProps = {}, id = 'Graph') => new neptune.CfnDBCluster(s, id, { storageEncrypted: true, ...props });

/**
 * A partner-style graph store, as the aws-neptune L2 is alpha: a Neptune cluster in private subnets of an L2 VPC with its
 * subnet group, security group, IAM authentication and a writer and a reader instance.
 */
function partnerGraph(s: Stack, engineVersion?: string): neptune.CfnDBCluster {
  const vpc = vpcOf(s);
  const subnets = new neptune.CfnDBSubnetGroup(s, 'GraphSubnets', { dbSubnetGroupDescription: 'graph', subnetIds: vpc.privateSubnets.map((sn) => sn.subnetId) });
  const sg = new ec2.SecurityGroup(s, 'GraphSg', { vpc, description: 'graph clients', allowAllOutbound: false });
  sg.addIngressRule(ec2.Peer.ipv4(vpc.vpcCidrBlock), ec2.Port.tcp(8182));
  const cluster = new neptune.CfnDBCluster(s, 'Graph', {
    engineVersion, storageEncrypted: true, iamAuthEnabled: true, backupRetentionPeriod: 7, deletionProtection: true,
    dbSubnetGroupName: subnets.ref, vpcSecurityGroupIds: [sg.securityGroupId],
  });
  for (const id of ['Writer', 'Reader']) new neptune.CfnDBInstance(s, id, { dbClusterIdentifier: cluster.ref, dbInstanceClass: 'db.r6g.large' });
  return cluster;
}

/** Partner-style brokers (aws-amazonmq is L1 only): users from a Secrets Manager secret, in the VPC's private subnets. */
function partnerBroker(s: Stack, id: string, props: Pick<mq.CfnBrokerProps, 'engineType' | 'engineVersion' | 'deploymentMode' | 'hostInstanceType' | 'publiclyAccessible'>, vpc?: ec2.Vpc) {
  const secret = new secretsmanager.Secret(s, `${id}Admin`, { generateSecretString: { secretStringTemplate: '{"username":"admin"}', generateStringKey: 'password', excludePunctuation: true } });
  return new mq.CfnBroker(s, id, {
    brokerName: id.toLowerCase(), ...props, autoMinorVersionUpgrade: true,
    subnetIds: vpc ? vpc.privateSubnets.slice(0, props.deploymentMode === 'SINGLE_INSTANCE' ? 1 : 2).map((sn) => sn.subnetId) : undefined,
    users: [{ username: 'admin', password: secret.secretValueFromJson('password').unsafeUnwrap() }],
  });
}

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'L1 DocumentDB cluster whose parameter group turns TLS off',
      build: l1((s) => { new docdb.CfnDBCluster(s, 'Docs', { dbClusterParameterGroupName: docGroup(s, 'disabled').ref }); }),
      reason: /the DocumentDB cluster accepts no TLS connection: its clients exchange data in clear \(tls is "disabled" in parameter group S\/DocParams\)/,
    },
    {
      name: 'L1 Redis replication group (a session store) with TransitEncryptionEnabled left out',
      build: l1((s) => { redis(s); }),
      reason: /the ElastiCache replication group is not encrypted in transit: clients and replicas exchange data in clear \(TransitEncryptionEnabled is not set, so false\)/,
    },
    {
      name: 'L1 replication group migrating to TLS: TransitEncryptionMode preferred still accepts clients in clear',
      build: l1((s) => { redis(s, { transitEncryptionEnabled: true, transitEncryptionMode: 'preferred' }); }),
      reason: /the group accepts connections in clear as well \(TransitEncryptionMode is "preferred"\)/,
    },
    {
      name: 'L2 OpenSearch domain with the defaults (no node-to-node encryption, HTTP accepted)',
      build: l1((s) => { new opensearch.Domain(s, 'Search', { version: opensearch.EngineVersion.OPENSEARCH_2_11 }); }),
      reason: /the OpenSearch domain is not encrypted in transit: the nodes exchange data in clear/,
    },
    {
      name: 'L2 OpenSearch domain encrypting node-to-node traffic but accepting HTTP',
      build: l1((s) => { new opensearch.Domain(s, 'Search', { version: opensearch.EngineVersion.OPENSEARCH_2_11, nodeToNodeEncryption: true }); }),
      reason: /the endpoint accepts HTTP \(DomainEndpointOptions\/EnforceHTTPS is false\)/,
    },
    { name: 'L1 DAX cluster with the default unencrypted endpoint', build: l1((s) => { new dax.CfnCluster(s, 'Dax', { iamRoleArn: 'arn:aws:iam::111111111111:role/dax', nodeType: 'dax.t3.small', replicationFactor: 2 }); }), reason: /ClusterEndpointEncryptionType is not set, so "NONE"/ },
    { name: 'L1 MSK cluster accepting plaintext clients (TLS_PLAINTEXT)', build: l1((s) => { kafka(s, { clientBroker: 'TLS_PLAINTEXT' }); }), reason: /clients may exchange data with the brokers in clear/ },
    { name: 'L1 MemoryDB cluster with TLS turned off', build: l1((s) => { new memorydb.CfnCluster(s, 'Mem', { clusterName: 'mem', nodeType: 'db.t4g.small', aclName: 'open-access', tlsEnabled: false }); }), reason: /TLSEnabled is false/ },
    {
      name: 'L1 Memcached cache cluster, and a replication group whose switch is off in one Fn::If branch',
      build: l1((s) => {
        new elasticache.CfnCacheCluster(s, 'Cache', { engine: 'memcached', cacheNodeType: 'cache.t4g.micro', numCacheNodes: 2 });
        const prod = new CfnCondition(s, 'IsProd', { expression: Fn.conditionEquals(new CfnParameter(s, 'Stage').valueAsString, 'prod') });
        redis(s, { transitEncryptionEnabled: Fn.conditionIf(prod.logicalId, true, false) as any });
      }),
      reason: /the ElastiCache cache cluster is not encrypted in transit[\s\S]*TransitEncryptionEnabled is false when condition IsProd is false/,
    },
    {
      name: 'L1 Neptune cluster whose engine release is a stack parameter: which release, and so whether it accepts HTTP, is not known at synth',
      build: l1((s) => { graph(s, { engineVersion: new CfnParameter(s, 'GraphRelease').valueAsString }); }),
      reason: /could not verify the engine \(EngineVersion\)/,
    },
    {
      name: 'L2 KMS-encrypted SNS topic with an http subscription (sns-subscriptions UrlSubscription): messages are POSTed in clear',
      build: l1((s) => {
        const topic = new sns.Topic(s, 'Orders', { masterKey: new kms.Key(s, 'Key', { enableKeyRotation: true }) });
        topic.addSubscription(new subscriptions.UrlSubscription('http://hooks.partner.example/orders', { protocol: sns.SubscriptionProtocol.HTTP }));
      }),
      reason: /the SNS topic delivers its messages in clear: subscription S\/Orders\/[^ ]+ uses protocol http to http:\/\/hooks\.partner\.example\/orders/,
    },
    {
      name: 'L1 SNS topic with an inline http subscription',
      build: l1((s) => { new sns.CfnTopic(s, 'Orders', { kmsMasterKeyId: 'alias/aws/sns', subscription: [{ protocol: 'http', endpoint: 'http://203.0.113.10/notify' }] }); }),
      reason: /the SNS topic delivers its messages in clear: its subscription uses protocol http to http:\/\/203\.0\.113\.10\/notify/,
    },
  ],
  notShown: [
    {
      name: 'L2 RDS for PostgreSQL 14 with AWS\'s default group; L1 PostgreSQL 16 whose group sets rds.force_ssl to 0',
      build: l1((s) => {
        new rds.DatabaseInstance(s, 'Pg14', { engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_14 }), vpc: vpcOf(s) });
        const off = new rds.CfnDBParameterGroup(s, 'PgOff', { description: 'pg', family: 'postgres16', parameters: { 'rds.force_ssl': '0' } });
        new rds.CfnDBInstance(s, 'Pg16Off', { engine: 'postgres', engineVersion: '16.4', dbInstanceClass: 'db.m7g.large', allocatedStorage: '50', dbParameterGroupName: off.ref });
      }),
      reason: /offers TLS without requiring it: it names no parameter group, so AWS's default group leaves rds\.force_ssl at its default \(.*it requires TLS by default from major version 15 only, and EngineVersion is 14[\s\S]*rds\.force_ssl is "0" in parameter group S\/PgOff/,
    },
    {
      name: 'L1 PostgreSQL instance that names no EngineVersion (AWS chooses it at deploy time)',
      build: l1((s) => { new rds.CfnDBInstance(s, 'Pg', { engine: 'postgres', dbInstanceClass: 'db.m7g.large', allocatedStorage: '50' }); }),
      reason: /leaves rds\.force_ssl at its default .*EngineVersion is not known at synth/,
    },
    {
      name: 'L2 RDS MySQL instance with AWS\'s default parameter group: TLS offered, not required (require_secure_transport OFF)',
      build: l1((s) => { new rds.DatabaseInstance(s, 'Db', { engine: MYSQL, vpc: vpcOf(s) }); }),
      reason: /the RDS DB instance offers TLS without requiring it: it names no parameter group, so AWS's default group leaves require_secure_transport at its default/,
    },
    {
      name: 'L2 Aurora PostgreSQL cluster whose parameter group sets rds.force_ssl to 0',
      build: l1((s) => {
        new rds.DatabaseCluster(s, 'Orders', {
          engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_4 }), vpc: vpcOf(s),
          writer: rds.ClusterInstance.provisioned('Writer'), parameters: { 'rds.force_ssl': '0' },
        });
      }),
      reason: /the RDS DB cluster offers TLS without requiring it \(rds\.force_ssl is "0" in parameter group S\/Orders\/ParameterGroup\/Resource\)/,
    },
    {
      name: 'L1 Redshift cluster naming a parameter group created outside the app',
      build: l1((s) => { warehouse(s, 'shared-warehouse-params'); }),
      reason: /names parameter group shared-warehouse-params, which is not part of the app: its require_ssl is not in the template/,
    },
    {
      name: 'L1 RDS for Oracle instance: TLS is an option group setting',
      build: l1((s) => { new rds.CfnDBInstance(s, 'Ledger', { engine: 'oracle-ee', dbInstanceClass: 'db.m5.large', allocatedStorage: '100' }); }),
      reason: /the RDS DB instance's engine oracle-ee keeps its TLS setting where this rule does not read it \(Oracle and Db2: an option group\)/,
    },
    {
      name: 'L1 Neptune cluster on engine release 1.0.3.0 whose cluster parameter group sets neptune_enforce_ssl to 0: HTTP accepted beside HTTPS',
      build: l1((s) => { graph(s, { engineVersion: '1.0.3.0', dbClusterParameterGroupName: graphGroup(s, '0').ref }); }),
      reason: /the Neptune cluster offers TLS without requiring it \(neptune_enforce_ssl is "0" in parameter group S\/GraphParams\)/,
    },
    {
      name: 'L1 Neptune cluster on release 1.0.2.2 naming a cluster parameter group created outside the app',
      build: l1((s) => { graph(s, { engineVersion: '1.0.2.2', dbClusterParameterGroupName: 'shared-graph-params' }); }),
      reason: /the Neptune cluster names parameter group shared-graph-params, which is not part of the app: its neptune_enforce_ssl is not in the template/,
    },
    {
      name: 'L1 Neptune clone (SourceDBClusterIdentifier) of a cluster outside the app, naming no release',
      build: l1((s) => { graph(s, { sourceDbClusterIdentifier: 'arn:aws:rds:eu-west-1:111111111111:cluster:legacy-graph', restoreType: 'copy-on-write', useLatestRestorableTime: true }); }),
      reason: /the Neptune cluster names no engine, and the store it is made from is not part of the app/,
    },
    {
      name: 'L2 SQS queue with encryption turned off (QueueEncryption.UNENCRYPTED): SQS takes HTTP requests to a queue without SSE',
      build: l1((s) => { new sqs.Queue(s, 'Jobs', { encryption: sqs.QueueEncryption.UNENCRYPTED }); }),
      reason: /the SQS queue has no server-side encryption \(SqsManagedSseEnabled is off and KmsMasterKeyId is not set\) and no resource policy refuses requests without TLS \(aws:SecureTransport false\), so it may take requests in clear: Amazon SQS endpoints accept HTTP as well as HTTPS/,
    },
    {
      name: 'L2 unencrypted SQS queue whose policy refuses plain HTTP for SendMessage only: ReceiveMessage may still travel in clear',
      build: l1((s) => {
        const q = new sqs.Queue(s, 'Jobs', { encryption: sqs.QueueEncryption.UNENCRYPTED });
        q.addToResourcePolicy(new iam.PolicyStatement({
          effect: iam.Effect.DENY, principals: [new iam.AnyPrincipal()], actions: ['sqs:SendMessage'], resources: [q.queueArn], conditions: { Bool: { 'aws:SecureTransport': 'false' } },
        }));
      }),
      reason: /the SQS queue has no server-side encryption .* and no resource policy refuses requests without TLS/,
    },
    {
      name: 'L2 SNS topic without a KMS key (encrypted on disk, but its endpoints take HTTP publishes)',
      build: l1((s) => { new sns.Topic(s, 'Alerts'); }),
      reason: /the SNS topic has no server-side encryption \(KmsMasterKeyId is not set\) and no resource policy refuses requests without TLS/,
    },
    {
      name: 'L1 DynamoDB global table with two replicas, only one of which refuses requests without TLS',
      build: l1((s) => {
        const tlsOnly = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: { AWS: '*' }, Action: 'dynamodb:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }] };
        new dynamodb.CfnGlobalTable(s, 'Orders', {
          attributeDefinitions: [{ attributeName: 'pk', attributeType: 'S' }], keySchema: [{ attributeName: 'pk', keyType: 'HASH' }], billingMode: 'PAY_PER_REQUEST',
          replicas: [{ region: 'eu-west-1', resourcePolicy: { policyDocument: tlsOnly } }, { region: 'eu-central-1' }],
        });
      }),
      reason: /not every replica's resource policy \(Replicas\/\*\/ResourcePolicy\) refuses requests without TLS/,
    },
    {
      name: 'L2 DynamoDB table (TableV2) with its defaults: the endpoints accept HTTP and HTTPS',
      build: l1((s) => { new dynamodb.TableV2(s, 'Orders', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING } }); }),
      reason: /whether data travels to and from the DynamoDB global table encrypted is not in the template: DynamoDB endpoints accept HTTP as well as HTTPS/,
    },
    {
      name: 'L2 EFS file system: TLS is the clients\' mount option',
      build: l1((s) => { new efs.FileSystem(s, 'Shared', { vpc: vpcOf(s), removalPolicy: RemovalPolicy.RETAIN }); }),
      reason: /the EFS file system encrypted is not in the template: Amazon EFS encrypts data in transit "when encryption of data in transit is declared as a mount option"/,
    },
    {
      name: 'L1 FSx for Windows File Server: SMB encryption depends on the clients',
      build: l1((s) => {
        new fsx.CfnFileSystem(s, 'Shares', {
          fileSystemType: 'WINDOWS', subnetIds: ['subnet-1'], storageCapacity: 32,
          windowsConfiguration: { throughputCapacity: 32, activeDirectoryId: 'd-1234567890', deploymentType: 'SINGLE_AZ_2' },
        });
      }),
      reason: /FSx for Windows File Server with SMB encryption on file shares mapped by clients that support SMB 3\.0 or newer/,
    },
    {
      name: 'L1 Redshift Serverless namespace whose workgroup leaves require_ssl out, and one no workgroup of the app serves',
      build: l1((s) => {
        const sales = new redshiftserverless.CfnNamespace(s, 'Sales', { namespaceName: 'sales' });
        new redshiftserverless.CfnWorkgroup(s, 'SalesCompute', { workgroupName: 'sales', namespaceName: sales.ref, baseCapacity: 8 });
        new redshiftserverless.CfnNamespace(s, 'Archive', { namespaceName: 'archive' });
      }),
      reason: /S\/SalesCompute, which serves the Redshift Serverless namespace, leaves require_ssl out: it does not require TLS[\s\S]*no AWS::RedshiftServerless::Workgroup of the app serves the Redshift Serverless namespace/,
    },
    {
      name: 'L1 Neptune instance that names no cluster',
      build: l1((s) => { new neptune.CfnDBInstance(s, 'Lonely', { dbInstanceClass: 'db.r6g.large' }); }),
      reason: /the Neptune instance names no cluster \(DBClusterIdentifier\)/,
    },
  ],
  compliant: [{
    name: 'RDS for PostgreSQL 15 and later, where rds.force_ssl defaults to 1: L2 instance on AWS\'s default group (16), L1 instance whose group leaves rds.force_ssl out (15.7)',
    build: l1((s) => {
      new rds.DatabaseInstance(s, 'Pg16', { engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }), vpc: vpcOf(s) });
      const group = new rds.CfnDBParameterGroup(s, 'PgParams', { description: 'pg', family: 'postgres15', parameters: { log_min_duration_statement: '500' } });
      new rds.CfnDBInstance(s, 'Pg15', { engine: 'postgres', engineVersion: '15.7', dbInstanceClass: 'db.m7g.large', allocatedStorage: '50', dbParameterGroupName: group.ref });
    }),
  }, {
    name: 'Databases requiring TLS in their parameter groups: MySQL (L2 ParameterGroup, require_secure_transport ON), SQL Server and Aurora MySQL (L1, rds.force_ssl 1 / require_secure_transport 1), DocumentDB with its default group (tls enabled), Redshift (require_ssl true)',
    build: l1((s) => {
      new rds.DatabaseInstance(s, 'Db', {
        engine: MYSQL, vpc: vpcOf(s), parameterGroup: new rds.ParameterGroup(s, 'DbParams', { engine: MYSQL, parameters: { require_secure_transport: 'ON' } }),
      });
      const sqlParams = new rds.CfnDBParameterGroup(s, 'SqlParams', { description: 'sql', family: 'sqlserver-se-16.0', parameters: { 'rds.force_ssl': '1' } });
      new rds.CfnDBInstance(s, 'Sql', { engine: 'sqlserver-se', dbInstanceClass: 'db.m5.large', allocatedStorage: '100', licenseModel: 'license-included', dbParameterGroupName: sqlParams.ref });
      const auroraParams = new rds.CfnDBClusterParameterGroup(s, 'AuroraParams', { description: 'aurora', family: 'aurora-mysql8.0', parameters: { require_secure_transport: '1' } });
      new rds.CfnDBCluster(s, 'Aurora', { engine: 'aurora-mysql', dbClusterParameterGroupName: auroraParams.ref, masterUsername: 'admin', manageMasterUserPassword: true });
      new docdb.CfnDBCluster(s, 'Docs', { masterUsername: 'admin', masterUserPassword: '{{resolve:secretsmanager:docs-admin}}' });
      warehouse(s, new redshift.CfnClusterParameterGroup(s, 'WarehouseParams', {
        description: 'warehouse', parameterGroupFamily: 'redshift-1.0', parameters: [{ parameterName: 'require_ssl', parameterValue: 'true' }],
      }).ref);
    }),
  }, {
    name: 'TLS required everywhere: Redis group (mode required by default), MemoryDB default TLS, OpenSearch with node-to-node encryption and HTTPS, DAX TLS endpoint, MSK defaults, ElastiCache Serverless, Memcached with TLS',
    build: l1((s) => {
      redis(s, { transitEncryptionEnabled: true });
      new elasticache.CfnCacheCluster(s, 'Cache', { engine: 'memcached', cacheNodeType: 'cache.t4g.micro', numCacheNodes: 2, transitEncryptionEnabled: true });
      new memorydb.CfnCluster(s, 'Mem', { clusterName: 'mem', nodeType: 'db.t4g.small', aclName: 'app-acl' });
      new opensearch.Domain(s, 'Search', { version: opensearch.EngineVersion.OPENSEARCH_2_11, nodeToNodeEncryption: true, enforceHttps: true, encryptionAtRest: { enabled: true } });
      new dax.CfnCluster(s, 'Dax', { iamRoleArn: 'arn:aws:iam::111111111111:role/dax', nodeType: 'dax.t3.small', replicationFactor: 2, clusterEndpointEncryptionType: 'TLS' });
      kafka(s);
      new elasticache.CfnServerlessCache(s, 'Serverless', { engine: 'valkey', serverlessCacheName: 'catalog' });
    }),
  }, {
    name: 'L1 Neptune clusters: no EngineVersion (AWS\'s default release, HTTPS only), 1.3.2.1 whose group sets neptune_enforce_ssl 0 (ignored from 1.0.4.0), 1.0.3.0 with AWS\'s default group and 1.0.2.2 with neptune_enforce_ssl 1, a serverless cluster, and a clone of an app cluster taking its release',
    build: l1((s) => {
      const source = graph(s, {}, 'Graph');
      new neptune.CfnDBInstance(s, 'GraphWriter', { dbClusterIdentifier: source.ref, dbInstanceClass: 'db.r6g.large' });
      graph(s, { engineVersion: '1.3.2.1', dbClusterParameterGroupName: graphGroup(s, '0', 'neptune1.3').ref }, 'Current');
      graph(s, { engineVersion: '1.0.3.0', dbClusterParameterGroupName: 'default.neptune1' }, 'Legacy');
      graph(s, { engineVersion: '1.0.2.2', dbClusterParameterGroupName: new neptune.CfnDBClusterParameterGroup(s, 'Enforced', { description: 'graph', family: 'neptune1', parameters: { neptune_enforce_ssl: '1' } }).ref }, 'Older');
      graph(s, { engineVersion: '1.3.2.1', serverlessScalingConfiguration: { minCapacity: 1, maxCapacity: 8 } }, 'Serverless');
      graph(s, { sourceDbClusterIdentifier: source.ref, restoreType: 'copy-on-write', useLatestRestorableTime: true }, 'Clone');
    }),
  }, {
    name: 'Partner-style graph store: a Neptune cluster (release 1.3.2.1) with writer and reader in private subnets, IAM authentication',
    build: l1((s) => { partnerGraph(s, '1.3.2.1'); }),
  }, {
    name: 'Partner-style L2 queue, topic, stream, log group, vault, repository and user pool: SSE-SQS by default and a KMS-encrypted topic (HTTPS required), HTTPS-only services for the rest',
    build: l1((s) => {
      const key = new kms.Key(s, 'Key', { enableKeyRotation: true });
      new sqs.Queue(s, 'Jobs');
      new sqs.Queue(s, 'Payments', { encryption: sqs.QueueEncryption.KMS, encryptionMasterKey: key, enforceSSL: true });
      new sns.Topic(s, 'Alerts', { masterKey: key }).addSubscription(new subscriptions.UrlSubscription('https://hooks.partner.example/alerts'));
      new kinesis.Stream(s, 'Events', { encryption: kinesis.StreamEncryption.MANAGED });
      new firehose.CfnDeliveryStream(s, 'Delivery', { deliveryStreamType: 'DirectPut', deliveryStreamEncryptionConfigurationInput: { keyType: 'AWS_OWNED_CMK' } });
      new logs.LogGroup(s, 'AppLogs', { retention: logs.RetentionDays.ONE_YEAR });
      new backup.BackupVault(s, 'Vault');
      new ecr.Repository(s, 'Images');
      new cognito.UserPool(s, 'Users');
    }),
  }, {
    name: 'Stores without server-side encryption or TLS of their own whose resource policies refuse every request without TLS: an L2 queue and topic with enforceSSL, a DynamoDB table and an EFS file system with a Deny on aws:SecureTransport false',
    build: l1((s) => {
      const denyPlain = (actions: string[], resources: string[]) => new iam.PolicyStatement({
        effect: iam.Effect.DENY, principals: [new iam.AnyPrincipal()], actions, resources, conditions: { Bool: { 'aws:SecureTransport': 'false' } },
      });
      new sqs.Queue(s, 'Jobs', { encryption: sqs.QueueEncryption.UNENCRYPTED, enforceSSL: true });
      new sns.Topic(s, 'Alerts', { enforceSSL: true });
      new dynamodb.Table(s, 'Orders', {
        partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING }, removalPolicy: RemovalPolicy.RETAIN,
        resourcePolicy: new iam.PolicyDocument({ statements: [denyPlain(['dynamodb:*'], ['*'])] }),
      });
      // TableV2 (AWS::DynamoDB::GlobalTable): the policy rides on its replica.
      new dynamodb.TableV2(s, 'Ledger', {
        partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
        resourcePolicy: new iam.PolicyDocument({ statements: [denyPlain(['dynamodb:*'], ['*'])] }),
      });
      new efs.FileSystem(s, 'Shared', {
        vpc: vpcOf(s), removalPolicy: RemovalPolicy.RETAIN, fileSystemPolicy: new iam.PolicyDocument({ statements: [denyPlain(['*'], ['*'])] }),
      });
    }),
  }, {
    name: 'L1 Redshift Serverless namespace served by two workgroups requiring TLS (require_ssl true), one naming it by reference, one by name',
    build: l1((s) => {
      const sales = new redshiftserverless.CfnNamespace(s, 'Sales', { namespaceName: 'sales' });
      const requireSsl = [{ parameterKey: 'require_ssl', parameterValue: 'true' }];
      new redshiftserverless.CfnWorkgroup(s, 'Reporting', { workgroupName: 'reporting', namespaceName: sales.ref, configParameters: requireSsl });
      new redshiftserverless.CfnWorkgroup(s, 'Adhoc', { workgroupName: 'adhoc', namespaceName: 'sales', configParameters: requireSsl });
    }),
  }, {
    name: 'Partner-style L2 DocumentDB cluster with two instances (AWS\'s default group: tls enabled); the instances are judged with it',
    build: l1((s) => {
      new docdb.DatabaseCluster(s, 'Docs', {
        masterUser: { username: 'docadmin' }, instanceType: ec2.InstanceType.of(ec2.InstanceClass.R6G, ec2.InstanceSize.LARGE), instances: 2, vpc: vpcOf(s),
      });
    }),
  }, {
    name: 'Partner-style Amazon MQ brokers: a private ActiveMQ active/standby pair and a public RabbitMQ cluster (TLS-only endpoints either way)',
    build: l1((s) => {
      const vpc = vpcOf(s);
      partnerBroker(s, 'Orders', { engineType: 'ACTIVEMQ', engineVersion: '5.18', deploymentMode: 'ACTIVE_STANDBY_MULTI_AZ', hostInstanceType: 'mq.m5.large', publiclyAccessible: false }, vpc);
      partnerBroker(s, 'Events', { engineType: 'RABBITMQ', engineVersion: '3.13', deploymentMode: 'CLUSTER_MULTI_AZ', hostInstanceType: 'mq.m5.large', publiclyAccessible: true });
    }),
  }, {
    name: 'Partner-style L2 EventBridge archive (written and replayed by EventBridge, whose endpoints accept HTTPS only)',
    build: l1((s) => {
      new events.Archive(s, 'Archive', { sourceEventBus: new events.EventBus(s, 'Bus'), eventPattern: { source: ['shop.orders'] } });
    }),
  }],
};
