import {
  App, aws_autoscaling as autoscaling, aws_backup as backup, aws_docdb as docdb, aws_dynamodb as dynamodb, aws_ec2 as ec2, aws_efs as efs,
  aws_elasticache as elasticache, aws_fsx as fsx, aws_neptune as neptune, aws_opensearchservice as opensearch, aws_rds as rds, aws_redshift as redshift,
  aws_s3 as s3, aws_sqs as sqs, Fn, NestedStack, Stack, Tags,
} from 'aws-cdk-lib';
import { TAGS } from '../../../lib/conventions';
import { RuleFixtures } from '../harness';
import { AUDIT, MANAGEMENT, stackIn } from '../fixture-stacks';

const table = (s: Stack, props: Partial<dynamodb.TableProps> = {}) => new dynamodb.Table(s, 'Table', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING }, ...props });
const volume = (s: Stack) => new ec2.CfnVolume(s, 'Volume', { availabilityZone: 'eu-west-1a', size: 10, encrypted: true });
const selection = (s: Stack, sel: backup.CfnBackupSelection.BackupSelectionResourceTypeProperty['resources'] | undefined, extra: Partial<backup.CfnBackupSelection.BackupSelectionResourceTypeProperty> = {}) =>
  new backup.CfnBackupSelection(s, 'Selection', { backupPlanId: 'plan-1', backupSelection: { selectionName: 'sel', iamRoleArn: 'arn:aws:iam::111111111111:role/backup', resources: sel, ...extra } });

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'L2 DynamoDB table, no selection, no point-in-time recovery', build: (app: App) => { table(stackIn(app, 'S', MANAGEMENT)); }, reason: /no AWS Backup selection of account 111111111111 in eu-west-1 covers it, and point-in-time recovery is not enabled/ },
    {
      name: 'L2 RDS instance with the default one-day retention',
      build: (app: App) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2, natGateways: 0 });
        new rds.DatabaseInstance(s, 'Db', { engine: rds.DatabaseInstanceEngine.POSTGRES, vpc, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } });
      },
      reason: /kept 1 day \(the default when BackupRetentionPeriod is absent\), less than 7/,
    },
    {
      name: 'volume selected by a wildcard in another account',
      build: (app: App) => {
        volume(stackIn(app, 'Workload', MANAGEMENT));
        selection(stackIn(app, 'Other', AUDIT), ['arn:aws:ec2:*:*:volume/*']);
      },
      reason: /no AWS Backup selection of account 111111111111 in eu-west-1 covers it$/,
    },
    {
      name: 'critical S3 bucket not selected (tag selection wants another value)',
      build: (app: App) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        Tags.of(new s3.Bucket(s, 'Bucket')).add(TAGS.DATA_CRITICALITY, 'critical');
        selection(s, undefined, { listOfTags: [{ conditionType: 'STRINGEQUALS', conditionKey: TAGS.BACKUP, conditionValue: 'true' }] });
      },
      reason: /no AWS Backup selection/,
    },
    {
      name: 'tag selection narrowed by a condition that excludes the volume',
      build: (app: App) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        Tags.of(volume(s)).add(TAGS.BACKUP, 'true');
        Tags.of(s).add('Env', 'dev');
        selection(s, undefined, {
          listOfTags: [{ conditionType: 'STRINGEQUALS', conditionKey: TAGS.BACKUP, conditionValue: 'true' }],
          conditions: { StringNotEquals: [{ ConditionKey: 'aws:ResourceTag/Env', ConditionValue: 'dev' }] },
        });
      },
      reason: /no AWS Backup selection/,
    },
    {
      name: 'selection ARN imported from an unknown export (unverifiable)',
      build: (app: App) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        volume(s);
        selection(s, [Fn.importValue('SharedVolumeArn')]);
      },
      reason: /could not verify whether backup selection .* covers it/,
    },
    {
      name: 'region-scoped plan: a selection of every resource in us-east-1 does not back up a volume of the same account in eu-west-1',
      build: (app: App) => {
        volume(stackIn(app, 'Workload', MANAGEMENT));
        const plan = backup.BackupPlan.daily35DayRetention(new Stack(app, 'Backup', { env: { account: MANAGEMENT, region: 'us-east-1' } }), 'Plan');
        plan.addSelection('All', { resources: [backup.BackupResource.fromArn('*')] });
      },
      reason: /no AWS Backup selection of account 111111111111 in eu-west-1 covers it \(selection Backup\/Plan\/All\/Resource would select it, but it is in us-east-1: a plan backs up its own region only\)/,
    },
    {
      name: 'cross-region copy: a plan copying its recovery points into us-east-1 does not back up the us-east-1 file system',
      build: (app: App) => {
        const east = new Stack(app, 'East', { env: { account: MANAGEMENT, region: 'us-east-1' } });
        const fs = new efs.CfnFileSystem(east, 'Fs', {});
        const vault = new backup.BackupVault(east, 'Vault');
        const s = stackIn(app, 'West', MANAGEMENT);
        const plan = new backup.BackupPlan(s, 'Plan', { backupPlanRules: [new backup.BackupPlanRule({ ruleName: 'Daily', copyActions: [{ destinationBackupVault: backup.BackupVault.fromBackupVaultArn(s, 'EastVault', 'arn:aws:backup:us-east-1:111111111111:backup-vault:Vault') }] })] });
        plan.addSelection('Volumes', { resources: [backup.BackupResource.fromArn('arn:aws:ec2:*:*:volume/*')] });
        void fs; void vault;
      },
      reason: /no AWS Backup selection of account 111111111111 in us-east-1 covers it, and automatic backups \(BackupPolicy\) are not enabled/,
    },
    {
      name: 'L1 FSx for Lustre scratch file system, Redis replication group and Redshift cluster with default backups',
      build: (app: App) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        new fsx.CfnFileSystem(s, 'Scratch', { fileSystemType: 'LUSTRE', subnetIds: ['subnet-1'], storageCapacity: 1200 });
        new elasticache.CfnReplicationGroup(s, 'Sessions', { replicationGroupDescription: 'sessions', engine: 'redis', numCacheClusters: 2 });
        new redshift.CfnCluster(s, 'Dw', { clusterType: 'single-node', nodeType: 'ra3.xlplus', dbName: 'dw', masterUsername: 'admin', manageMasterPassword: true });
      },
      reason: /a scratch FSx for Lustre file system \(SCRATCH_1\) takes no backups[\s\S]*kept 0 days \(the default when SnapshotRetentionLimit is absent\)[\s\S]*kept 1 day \(the default when AutomatedSnapshotRetentionPeriod is absent\)/,
    },
    {
      name: 'persistent FSx for Lustre without AutomaticBackupRetentionDays (no single documented default)',
      build: (app: App) => { new fsx.CfnFileSystem(stackIn(app, 'S', MANAGEMENT), 'Lustre', { fileSystemType: 'LUSTRE', subnetIds: ['subnet-1'], lustreConfiguration: { deploymentType: 'PERSISTENT_2' } }); },
      reason: /LustreConfiguration\/AutomaticBackupRetentionDays is not set, and AWS documents no single default/,
    },
    {
      name: 'L1 Neptune cluster with the default one-day retention',
      build: (app: App) => { new neptune.CfnDBCluster(stackIn(app, 'S', MANAGEMENT), 'Graph', { storageEncrypted: true }); },
      reason: /kept 1 day \(the default when BackupRetentionPeriod is absent\)/,
    },
  ],
  compliant: [
    {
      name: 'L2 bucket not tagged critical, selected in a daily L2 backup plan: it counts',
      build: (app: App) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        const bucket = new s3.Bucket(s, 'Data', { versioned: true });
        backup.BackupPlan.daily35DayRetention(s, 'Plan').addSelection('Buckets', { resources: [backup.BackupResource.fromArn(bucket.bucketArn)] });
      },
    },
    {
      name: 'L2 BackupPlan selecting an L2 table',
      build: (app: App) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        backup.BackupPlan.daily35DayRetention(s, 'Plan').addSelection('Tables', { resources: [backup.BackupResource.fromDynamoDbTable(table(s))] });
      },
    },
    {
      name: 'tagged instance selected by tag from a backup stack of the same account',
      build: (app: App) => {
        const s = stackIn(app, 'Workload', MANAGEMENT);
        const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'Public', subnetType: ec2.SubnetType.PUBLIC }] });
        const instance = new ec2.Instance(s, 'Instance', { vpc, instanceType: new ec2.InstanceType('t3.micro'), machineImage: ec2.MachineImage.latestAmazonLinux2023() });
        Tags.of(instance).add(TAGS.BACKUP, 'true');
        backup.BackupPlan.dailyWeeklyMonthly5YearRetention(stackIn(app, 'Backup', MANAGEMENT), 'Plan').addSelection('Tagged', { resources: [backup.BackupResource.fromTag(TAGS.BACKUP, 'true')] });
      },
    },
    {
      name: 'critical L2 Auto Scaling group whose propagated tag a tag selection matches',
      build: (app: App) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'Public', subnetType: ec2.SubnetType.PUBLIC }] });
        const group = new autoscaling.AutoScalingGroup(s, 'Asg', { vpc, instanceType: new ec2.InstanceType('t3.micro'), machineImage: ec2.MachineImage.latestAmazonLinux2023() });
        Tags.of(group).add(TAGS.DATA_CRITICALITY, 'critical');
        Tags.of(group).add(TAGS.BACKUP, 'true');
        backup.BackupPlan.daily35DayRetention(s, 'Plan').addSelection('Tagged', { resources: [backup.BackupResource.fromTag(TAGS.BACKUP, 'true')] });
      },
    },
    {
      name: 'FSx for Windows and ONTAP: one by its default 30-day automatic backups, one by a resource-type wildcard selection',
      build: (app: App) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        new fsx.CfnFileSystem(s, 'Windows', { fileSystemType: 'WINDOWS', subnetIds: ['subnet-1'], windowsConfiguration: { throughputCapacity: 32 } });
        new fsx.CfnFileSystem(s, 'Ontap', { fileSystemType: 'ONTAP', subnetIds: ['subnet-1'], ontapConfiguration: { deploymentType: 'MULTI_AZ_1', automaticBackupRetentionDays: 0 } });
        selection(s, ['arn:aws:fsx:*:*:file-system/*']);
      },
    },
    {
      name: 'L2 OpenSearch domain (hourly snapshots), Redis with 7-day snapshots, DocumentDB with 7-day retention; a queue is not applicable',
      build: (app: App) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        new opensearch.Domain(s, 'Search', { version: opensearch.EngineVersion.OPENSEARCH_2_11 });
        new elasticache.CfnReplicationGroup(s, 'Sessions', { replicationGroupDescription: 'sessions', engine: 'redis', snapshotRetentionLimit: 7 });
        new docdb.CfnDBCluster(s, 'Doc', { backupRetentionPeriod: 7 });
        new sqs.Queue(s, 'Queue');
      },
    },
    {
      name: 'selection in a nested stack naming a table of its parent through a nested-stack parameter',
      build: (app: App) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        const t = table(s);
        const nested = new NestedStack(s, 'Backups');
        backup.BackupPlan.daily35DayRetention(nested, 'Plan').addSelection('Tables', { resources: [backup.BackupResource.fromDynamoDbTable(t)] });
      },
    },
    {
      name: 'L1 volume selected by a wildcard ARN',
      build: (app: App) => { const s = stackIn(app, 'S', MANAGEMENT); volume(s); selection(s, ['arn:aws:ec2:*:*:volume/*']); },
    },
    {
      name: 'native backups: RDS retention 7 days, DynamoDB PITR, EFS automatic backups',
      build: (app: App) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        new rds.CfnDBInstance(s, 'Db', { engine: 'postgres', dbInstanceClass: 'db.t3.micro', allocatedStorage: '20', backupRetentionPeriod: 7 });
        table(s, { pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true } });
        new efs.CfnFileSystem(s, 'Fs', { backupPolicy: { status: 'ENABLED' } });
      },
    },
  ],
};
