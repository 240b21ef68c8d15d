import { App, aws_backup as backup, CfnParameter, Duration, Fn, Stack } from 'aws-cdk-lib';
import { CrossAccountBackup } from '../../../constructs/cross-account-backup';
import { RuleFixtures } from '../harness';
import { AUDIT, MANAGEMENT, stackIn } from '../fixture-stacks';

const l1 = (s: Stack, destination: string | undefined) => new backup.CfnBackupPlan(s, 'Plan', {
  backupPlan: { backupPlanName: 'plan', backupPlanRule: [{ ruleName: 'daily', targetBackupVault: 'vault', copyActions: destination === undefined ? undefined : [{ destinationBackupVaultArn: destination }] }] },
});

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'L2 plan without copy actions', build: (app: App) => { backup.BackupPlan.daily35DayRetention(stackIn(app, 'S', MANAGEMENT), 'Plan'); }, reason: /no rule of the backup plan copies recovery points/ },
    {
      name: 'L2 plan copying to a vault of its own stack',
      build: (app: App) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        const plan = new backup.BackupPlan(s, 'Plan');
        plan.addRule(new backup.BackupPlanRule({ ruleName: 'Daily', copyActions: [{ destinationBackupVault: new backup.BackupVault(s, 'Copy'), deleteAfter: Duration.days(35) }] }));
      },
      reason: /copied to .*Copy.*a vault of the plan's own stack/,
    },
    { name: 'literal ARN in the plan\'s own account', build: (app: App) => { l1(stackIn(app, 'S', MANAGEMENT), `arn:aws:backup:eu-west-2:${MANAGEMENT}:backup-vault:dr`); }, reason: /account 111111111111, the plan's own account/ },
    { name: 'Fn::Sub with ${AWS::AccountId} in an agnostic stack', build: (app: App) => { const s = stackIn(app, 'S'); l1(s, Fn.sub('arn:${AWS::Partition}:backup:eu-west-2:${AWS::AccountId}:backup-vault:dr')); }, reason: /the plan's own account \(AWS::AccountId\)/ },
    { name: 'cross-account ARN but the plan stack has no account', build: (app: App) => { l1(stackIn(app, 'S'), `arn:aws:backup:eu-west-2:${AUDIT}:backup-vault:dr`); }, reason: /has no account at synth/ },
    {
      name: 'destination from a parameter (unverifiable)',
      build: (app: App) => { const s = stackIn(app, 'S', MANAGEMENT); l1(s, new CfnParameter(s, 'Vault').valueAsString); },
      reason: /could not verify the account of the destination vault/,
    },
  ],
  compliant: [
    {
      name: 'CrossAccountBackup copying to the DR account vault',
      build: (app: App) => {
        new CrossAccountBackup(stackIn(app, 'S', MANAGEMENT), 'Backup', { rpo: Duration.hours(24), rto: Duration.hours(4), copyTo: { vaultArn: `arn:aws:backup:eu-west-1:${AUDIT}:backup-vault:dr` } });
      },
    },
    {
      name: 'L2 plan copying to an imported vault of the backup account',
      build: (app: App) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        const plan = new backup.BackupPlan(s, 'Plan');
        const dr = backup.BackupVault.fromBackupVaultArn(s, 'Dr', `arn:aws:backup:eu-west-2:${AUDIT}:backup-vault:dr`);
        plan.addRule(new backup.BackupPlanRule({ ruleName: 'Daily', copyActions: [{ destinationBackupVault: dr, deleteAfter: Duration.days(35) }] }));
      },
    },
    {
      name: 'Fn::Join with a literal account part',
      build: (app: App) => { l1(stackIn(app, 'S', MANAGEMENT), Fn.join(':', ['arn', Fn.ref('AWS::Partition'), 'backup', 'eu-west-2', AUDIT, 'backup-vault', 'dr'])); },
    },
  ],
};

