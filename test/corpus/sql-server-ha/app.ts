/**
 * SQL Server the way Microsoft-workloads partners deploy it on AWS: RDS for SQL Server Multi-AZ joined to AWS Managed
 * Microsoft AD (Windows authentication), a Multi-AZ FSx for Windows File Server share, a Windows application fleet
 * in an Auto Scaling group patched by a State Manager association that targets the group by its
 * `aws:autoscaling:groupName` tag and runs the CloudWatch agent, AWS Backup with a copy to the backup account, and an
 * Administrators group holding AdministratorAccess as the seed's 1.3 prescribes.
 */
import {
  App, Duration, RemovalPolicy, Stack, StackProps, Tags,
  aws_autoscaling as autoscaling, aws_backup as backup, aws_directoryservice as ds, aws_ec2 as ec2, aws_events as events,
  aws_fsx as fsx, aws_iam as iam, aws_rds as rds, aws_secretsmanager as secretsmanager, aws_ssm as ssm,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { BACKUP_ACCOUNT, WORKLOAD } from '../harness';

class SqlStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    const vpc = new ec2.Vpc(this, 'Vpc', { maxAzs: 2 });
    const privateSubnets = vpc.selectSubnets({ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }).subnetIds;

    const adminPassword = new secretsmanager.Secret(this, 'DirectoryAdmin', {
      generateSecretString: { excludeCharacters: '"\'\\/@', passwordLength: 32 },
    });
    const directory = new ds.CfnMicrosoftAD(this, 'Directory', {
      name: 'corp.example.com',
      edition: 'Standard',
      password: adminPassword.secretValue.unsafeUnwrap(),
      vpcSettings: { vpcId: vpc.vpcId, subnetIds: privateSubnets },
    });

    const dbSg = new ec2.SecurityGroup(this, 'DbSg', { vpc, description: 'SQL Server', allowAllOutbound: false });
    dbSg.addIngressRule(ec2.Peer.ipv4(vpc.vpcCidrBlock), ec2.Port.tcp(1433), 'SQL Server from the VPC');
    const domainRole = new iam.Role(this, 'RdsDirectoryRole', {
      assumedBy: new iam.ServicePrincipal('rds.amazonaws.com'),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AmazonRDSDirectoryServiceAccess')],
    });
    const database = new rds.DatabaseInstance(this, 'Database', {
      engine: rds.DatabaseInstanceEngine.sqlServerSe({ version: rds.SqlServerEngineVersion.VER_16 }),
      licenseModel: rds.LicenseModel.LICENSE_INCLUDED,
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.M6I, ec2.InstanceSize.XLARGE),
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      securityGroups: [dbSg],
      multiAz: true,
      storageEncrypted: true,
      allocatedStorage: 200,
      credentials: rds.Credentials.fromGeneratedSecret('sqladmin'),
      domain: directory.ref,
      domainRole,
      backupRetention: Duration.days(7),
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const fileSg = new ec2.SecurityGroup(this, 'FileSystemSg', { vpc, description: 'FSx for Windows', allowAllOutbound: false });
    fileSg.addIngressRule(ec2.Peer.ipv4(vpc.vpcCidrBlock), ec2.Port.tcp(445), 'SMB from the VPC');
    const shares = new fsx.CfnFileSystem(this, 'Shares', {
      fileSystemType: 'WINDOWS',
      storageCapacity: 512,
      storageType: 'SSD',
      subnetIds: privateSubnets,
      securityGroupIds: [fileSg.securityGroupId],
      windowsConfiguration: {
        activeDirectoryId: directory.ref,
        deploymentType: 'MULTI_AZ_1',
        preferredSubnetId: privateSubnets[0],
        throughputCapacity: 64,
        automaticBackupRetentionDays: 14,
      },
    });
    shares.applyRemovalPolicy(RemovalPolicy.RETAIN);

    const role = new iam.Role(this, 'AppServerRole', {
      assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com'),
      managedPolicies: [
        iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonSSMManagedInstanceCore'),
        iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonSSMDirectoryServiceAccess'),
        iam.ManagedPolicy.fromAwsManagedPolicyName('CloudWatchAgentServerPolicy'),
      ],
    });
    database.secret?.grantRead(role);
    const appSg = new ec2.SecurityGroup(this, 'AppSg', { vpc, description: 'Windows application servers', allowAllOutbound: false });
    appSg.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'Systems Manager, CloudWatch and Windows Update');
    appSg.addEgressRule(ec2.Peer.ipv4(vpc.vpcCidrBlock), ec2.Port.tcp(1433), 'SQL Server');
    appSg.addEgressRule(ec2.Peer.ipv4(vpc.vpcCidrBlock), ec2.Port.tcp(445), 'SMB');
    const template = new ec2.LaunchTemplate(this, 'AppServerTemplate', {
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.M6I, ec2.InstanceSize.LARGE),
      machineImage: ec2.MachineImage.latestWindows(ec2.WindowsVersion.WINDOWS_SERVER_2022_ENGLISH_FULL_BASE),
      role,
      securityGroup: appSg,
      requireImdsv2: true,
      blockDevices: [{ deviceName: '/dev/sda1', volume: ec2.BlockDeviceVolume.ebs(100, { encrypted: true }) }],
    });
    const fleet = new autoscaling.AutoScalingGroup(this, 'AppServers', {
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      launchTemplate: template,
      minCapacity: 2,
      maxCapacity: 6,
    });
    fleet.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });

    const byGroup = [{ key: 'tag:aws:autoscaling:groupName', values: [fleet.autoScalingGroupName] }];
    new ssm.CfnAssociation(this, 'Patching', {
      name: 'AWS-RunPatchBaseline',
      parameters: { Operation: ['Install'], RebootOption: ['RebootIfNeeded'] },
      scheduleExpression: 'cron(0 2 ? * SAT *)',
      targets: byGroup,
    });
    new ssm.CfnAssociation(this, 'InstallCloudWatchAgent', {
      name: 'AWS-ConfigureAWSPackage',
      parameters: { action: ['Install'], name: ['AmazonCloudWatchAgent'] },
      targets: byGroup,
    });
    const agentConfig = new ssm.StringParameter(this, 'AgentConfig', {
      parameterName: 'AmazonCloudWatch-sql-app',
      stringValue: JSON.stringify({
        logs: { logs_collected: { windows_events: { collect_list: [
          { event_name: 'Application', event_levels: ['ERROR', 'WARNING'], log_group_name: '/sql-app/application' },
          { event_name: 'System', event_levels: ['ERROR'], log_group_name: '/sql-app/system' },
        ] } } },
        metrics: { metrics_collected: { Memory: { measurement: ['% Committed Bytes In Use'] } } },
      }),
    });
    new ssm.CfnAssociation(this, 'ConfigureCloudWatchAgent', {
      name: 'AmazonCloudWatch-ManageAgent',
      parameters: { action: ['configure'], optionalConfigurationSource: ['ssm'], optionalConfigurationLocation: [agentConfig.parameterName] },
      targets: byGroup,
    });

    const vault = new backup.BackupVault(this, 'Vault', { removalPolicy: RemovalPolicy.RETAIN });
    const copyVault = backup.BackupVault.fromBackupVaultArn(this, 'CopyVault', `arn:aws:backup:eu-west-1:${BACKUP_ACCOUNT}:backup-vault:sql-copies`);
    const plan = new backup.BackupPlan(this, 'Plan', {
      backupVault: vault,
      backupPlanRules: [new backup.BackupPlanRule({
        ruleName: 'Nightly',
        scheduleExpression: events.Schedule.cron({ hour: '1', minute: '0' }),
        deleteAfter: Duration.days(35),
        copyActions: [{ destinationBackupVault: copyVault, deleteAfter: Duration.days(90) }],
      })],
    });
    plan.addSelection('SqlAndShares', {
      resources: [
        backup.BackupResource.fromRdsDatabaseInstance(database),
        backup.BackupResource.fromArn(`arn:aws:fsx:${this.region}:${this.account}:file-system/${shares.ref}`),
      ],
    });

    const admins = new iam.Group(this, 'Administrators', {
      groupName: 'Administrators',
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess')],
    });
    admins.node.addDependency(directory);

    Tags.of(database).add('DataClassification', 'confidential');
    Tags.of(shares).add('DataClassification', 'confidential');
  }
}

export function build(app: App): void {
  new SqlStack(app, 'Sql', { env: WORKLOAD });
}
