/**
 * A migration landing zone for Windows and SQL Server workloads, the way migration partners stand one up before the
 * first wave: a staging VPC over two zones, AWS Application Migration Service (MGN) replication and launch templates
 * (replication servers in the private staging subnets, staging disks encrypted, data over private IPs; launched
 * servers keep their licences), and AWS DMS moving an on-premises SQL Server into RDS for SQL Server Multi-AZ: a
 * Multi-AZ replication instance, source and target endpoints over TLS with their credentials in Secrets Manager, a
 * full-load-and-CDC task, and DMS events sent to the migration team's topic. AWS Migration Hub has no CloudFormation
 * resource; it is set up in the console.
 */
import {
  App, Duration, RemovalPolicy, Stack, StackProps, Tags,
  aws_dms as dms, aws_ec2 as ec2, aws_iam as iam, aws_mgn as mgn, aws_rds as rds, aws_secretsmanager as secretsmanager,
  aws_sns as sns, aws_sns_subscriptions as subscriptions,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { WORKLOAD } from '../harness';

class LandingZoneStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    const vpc = new ec2.Vpc(this, 'StagingVpc', { maxAzs: 2, ipAddresses: ec2.IpAddresses.cidr('10.60.0.0/16') });
    const privateSubnets = vpc.selectSubnets({ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }).subnetIds;

    // Application Migration Service: replication servers receive the source servers' blocks on TCP 1500.
    const replicationSg = new ec2.SecurityGroup(this, 'ReplicationServersSg', { vpc, description: 'MGN replication servers', allowAllOutbound: false });
    replicationSg.addIngressRule(ec2.Peer.ipv4('192.168.0.0/16'), ec2.Port.tcp(1500), 'Replication agents in the data center');
    replicationSg.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'MGN, EC2 and S3 endpoints');
    new mgn.CfnReplicationConfigurationTemplate(this, 'ReplicationTemplate', {
      associateDefaultSecurityGroup: false,
      replicationServersSecurityGroupsIDs: [replicationSg.securityGroupId],
      bandwidthThrottling: 0,
      createPublicIp: false,
      dataPlaneRouting: 'PRIVATE_IP',
      defaultLargeStagingDiskType: 'GP3',
      ebsEncryption: 'DEFAULT',
      replicationServerInstanceType: 't3.small',
      stagingAreaSubnetId: privateSubnets[0],
      stagingAreaTags: { Purpose: 'mgn-staging' },
      useDedicatedReplicationServer: false,
    });
    new mgn.CfnLaunchConfigurationTemplate(this, 'LaunchTemplate', {
      launchDisposition: 'STOPPED',
      targetInstanceTypeRightSizingMethod: 'BASIC',
      copyPrivateIp: false,
      copyTags: true,
      licensing: { osByol: false },
      bootMode: 'USE_SOURCE',
    });

    // AWS DMS: on-premises SQL Server to RDS for SQL Server.
    const dbSg = new ec2.SecurityGroup(this, 'TargetDbSg', { vpc, description: 'Target SQL Server', allowAllOutbound: false });
    dbSg.addIngressRule(ec2.Peer.ipv4(vpc.vpcCidrBlock), ec2.Port.tcp(1433), 'DMS and the migrated servers');
    const target = new rds.DatabaseInstance(this, 'TargetDb', {
      engine: rds.DatabaseInstanceEngine.sqlServerSe({ version: rds.SqlServerEngineVersion.VER_16 }),
      licenseModel: rds.LicenseModel.LICENSE_INCLUDED,
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.R6I, ec2.InstanceSize.XLARGE),
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      securityGroups: [dbSg],
      multiAz: true,
      storageEncrypted: true,
      allocatedStorage: 500,
      maxAllocatedStorage: 2000,
      credentials: rds.Credentials.fromGeneratedSecret('dms_target'),
      backupRetention: Duration.days(7),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Tags.of(target).add('DataClassification', 'confidential');

    const sourceCredentials = new secretsmanager.Secret(this, 'SourceDbCredentials', {
      description: 'Login DMS uses on the on-premises SQL Server (host, port, username, password)',
      generateSecretString: { secretStringTemplate: JSON.stringify({ username: 'dms_reader', host: 'sql01.corp.example.com', port: 1433 }), generateStringKey: 'password' },
    });
    const secretsRole = new iam.Role(this, 'DmsSecretsRole', { assumedBy: new iam.ServicePrincipal('dms.eu-west-1.amazonaws.com') });
    sourceCredentials.grantRead(secretsRole);
    target.secret!.grantRead(secretsRole);

    const dmsSg = new ec2.SecurityGroup(this, 'ReplicationInstanceSg', { vpc, description: 'DMS replication instance', allowAllOutbound: false });
    dmsSg.addEgressRule(ec2.Peer.ipv4('192.168.0.0/16'), ec2.Port.tcp(1433), 'Source SQL Server in the data center');
    dmsSg.addEgressRule(ec2.Peer.ipv4(vpc.vpcCidrBlock), ec2.Port.tcp(1433), 'Target SQL Server');
    dmsSg.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'DMS and Secrets Manager endpoints');
    const subnetGroup = new dms.CfnReplicationSubnetGroup(this, 'ReplicationSubnets', {
      replicationSubnetGroupDescription: 'Private subnets of the staging VPC',
      subnetIds: privateSubnets,
    });
    const instance = new dms.CfnReplicationInstance(this, 'ReplicationInstance', {
      replicationInstanceClass: 'dms.r6i.large',
      allocatedStorage: 100,
      multiAz: true,
      publiclyAccessible: false,
      replicationSubnetGroupIdentifier: subnetGroup.ref,
      vpcSecurityGroupIds: [dmsSg.securityGroupId],
    });
    const source = new dms.CfnEndpoint(this, 'SourceEndpoint', {
      endpointType: 'source',
      engineName: 'sqlserver',
      databaseName: 'Sales',
      sslMode: 'require',
      microsoftSqlServerSettings: { secretsManagerSecretId: sourceCredentials.secretArn, secretsManagerAccessRoleArn: secretsRole.roleArn },
    });
    const targetEndpoint = new dms.CfnEndpoint(this, 'TargetEndpoint', {
      endpointType: 'target',
      engineName: 'sqlserver',
      databaseName: 'Sales',
      sslMode: 'require',
      microsoftSqlServerSettings: { secretsManagerSecretId: target.secret!.secretArn, secretsManagerAccessRoleArn: secretsRole.roleArn },
    });
    new dms.CfnReplicationTask(this, 'SalesTask', {
      migrationType: 'full-load-and-cdc',
      replicationInstanceArn: instance.ref,
      sourceEndpointArn: source.ref,
      targetEndpointArn: targetEndpoint.ref,
      tableMappings: JSON.stringify({ rules: [{ 'rule-type': 'selection', 'rule-id': '1', 'rule-name': 'dbo', 'object-locator': { 'schema-name': 'dbo', 'table-name': '%' }, 'rule-action': 'include' }] }),
      replicationTaskSettings: JSON.stringify({ Logging: { EnableLogging: true }, ValidationSettings: { EnableValidation: true } }),
    });

    const team = new sns.Topic(this, 'MigrationEvents', { enforceSSL: true });
    team.addSubscription(new subscriptions.EmailSubscription('migration-team@example.com'));
    new dms.CfnEventSubscription(this, 'DmsEvents', {
      snsTopicArn: team.topicArn,
      sourceType: 'replication-task',
      eventCategories: ['failure', 'state change'],
    });
  }
}

export function build(app: App): void {
  new LandingZoneStack(app, 'Landing', { env: WORKLOAD });
}
