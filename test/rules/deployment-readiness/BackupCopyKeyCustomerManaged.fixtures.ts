import { App, Duration, Tags, aws_backup as backup, aws_ec2 as ec2, aws_kms as kms, aws_rds as rds } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

const WORKLOAD = '333333333333';

function plan(app: App, copyTo: string) {
  const stack = stackIn(app, 'Workload', WORKLOAD);
  const vault = new backup.CfnBackupVault(stack, 'Vault', { backupVaultName: 'source' });
  const p = new backup.CfnBackupPlan(stack, 'Plan', {
    backupPlan: {
      backupPlanName: 'daily',
      backupPlanRule: [{ ruleName: 'Daily', targetBackupVault: vault.ref, scheduleExpression: 'cron(0 5 * * ? *)', copyActions: [{ destinationBackupVaultArn: `arn:aws:backup:eu-west-1:${copyTo}:backup-vault:dr` }] }],
    },
  });
  new backup.CfnBackupSelection(stack, 'Selection', {
    backupPlanId: p.attrBackupPlanId,
    backupSelection: { selectionName: 'tagged', iamRoleArn: 'arn:aws:iam::333333333333:role/backup', listOfTags: [{ conditionType: 'STRINGEQUALS', conditionKey: 'Backup', conditionValue: 'true' }] },
  });
  return stack;
}

function volume(copyTo: string, key: 'aws/ebs' | 'default' | 'customer') {
  return (app: App) => {
    const stack = plan(app, copyTo);
    const kmsKeyId = key === 'customer' ? new kms.Key(stack, 'Key').keyArn : key === 'aws/ebs' ? 'alias/aws/ebs' : undefined;
    const v = new ec2.CfnVolume(stack, 'Volume', { availabilityZone: 'eu-west-1a', size: 20, encrypted: true, kmsKeyId });
    Tags.of(v).add('Backup', 'true');
  };
}

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'an encrypted volume without a key (aws/ebs) copied into another account', build: volume('444444444444', 'default'), reason: /encrypted with the AWS managed key aws\/ebs, but .* copies its recovery points into account 444444444444/ },
    { name: 'a volume on alias/aws/ebs copied into another account', build: volume('444444444444', 'aws/ebs'), reason: /AWS managed key alias\/aws\/ebs/ },
    {
      name: 'an RDS instance on aws/rds copied into another account',
      build: (app) => {
        const stack = plan(app, '444444444444');
        const db = new rds.CfnDBInstance(stack, 'Db', { engine: 'postgres', dbInstanceClass: 'db.t3.micro', allocatedStorage: '20', storageEncrypted: true, masterUsername: 'admin', manageMasterUserPassword: true });
        Tags.of(db).add('Backup', 'true');
        void Duration;
      },
      reason: /AWS managed key aws\/rds/,
    },
  ],
  compliant: [
    { name: 'a volume on a customer managed key copied into another account', build: volume('444444444444', 'customer') },
  ],
};
