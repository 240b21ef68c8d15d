/**
 * Centralised backups the way the AWS Backup examples set them up: data stacks in two regions tag their stores
 * `backup: true`, one backup stack in eu-west-1 holds a vault, a daily plan that copies every recovery point to the
 * DR account's vault, a tag-based selection, and a weekly restore testing plan. Recovery objectives are written
 * into the templates' metadata by hand. The plan, being regional, does not protect the us-east-1 table.
 */
import {
  App, Duration, RemovalPolicy, Stack, StackProps, Tags,
  aws_backup as backup, aws_dynamodb as dynamodb, aws_ec2 as ec2, aws_efs as efs, aws_events as events, aws_iam as iam,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { BACKUP_ACCOUNT, WORKLOAD, WORKLOAD_US } from '../harness';

const OBJECTIVES = { 'cdk-competency:recovery-objectives': { rpoMinutes: 1440, rtoMinutes: 240 } };

class DataStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps & { readonly withFiles: boolean }) {
    super(scope, id, props);
    this.templateOptions.metadata = OBJECTIVES;
    new dynamodb.Table(this, 'Customers', {
      partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    if (props.withFiles) {
      const vpc = new ec2.Vpc(this, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'Data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
      new efs.FileSystem(this, 'Documents', { vpc, removalPolicy: RemovalPolicy.RETAIN });
    }
    Tags.of(this).add('backup', 'true');
    Tags.of(this).add('DataClassification', 'confidential');
  }
}

class BackupStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    this.templateOptions.metadata = OBJECTIVES;
    const vault = new backup.BackupVault(this, 'Vault', { removalPolicy: RemovalPolicy.RETAIN });
    const drVault = backup.BackupVault.fromBackupVaultArn(this, 'DrVault', `arn:aws:backup:eu-west-1:${BACKUP_ACCOUNT}:backup-vault:dr-vault`);
    const plan = new backup.BackupPlan(this, 'Plan', {
      backupVault: vault,
      backupPlanRules: [new backup.BackupPlanRule({
        ruleName: 'Daily',
        scheduleExpression: events.Schedule.cron({ hour: '3', minute: '0' }),
        deleteAfter: Duration.days(35),
        copyActions: [{ destinationBackupVault: drVault, deleteAfter: Duration.days(90) }],
      })],
    });
    plan.addSelection('Tagged', { resources: [backup.BackupResource.fromTag('backup', 'true')] });

    const restoreRole = new iam.Role(this, 'RestoreTestingRole', {
      assumedBy: new iam.ServicePrincipal('backup.amazonaws.com'),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSBackupServiceRolePolicyForRestores')],
    });
    const testing = new backup.CfnRestoreTestingPlan(this, 'RestoreTesting', {
      restoreTestingPlanName: 'weekly',
      scheduleExpression: 'cron(0 5 ? * SUN *)',
      recoveryPointSelection: { algorithm: 'LATEST_WITHIN_WINDOW', includeVaults: [vault.backupVaultArn], recoveryPointTypes: ['SNAPSHOT', 'CONTINUOUS'] },
    });
    new backup.CfnRestoreTestingSelection(this, 'RestoreTables', {
      restoreTestingPlanName: testing.restoreTestingPlanName,
      restoreTestingSelectionName: 'tables',
      protectedResourceType: 'DynamoDB',
      protectedResourceArns: ['*'],
      iamRoleArn: restoreRole.roleArn,
    }).node.addDependency(testing);
  }
}

export function build(app: App): void {
  new DataStack(app, 'DataEu', { env: WORKLOAD, withFiles: true });
  new DataStack(app, 'DataUs', { env: WORKLOAD_US, withFiles: false });
  new BackupStack(app, 'BackupEu', { env: WORKLOAD });
}
