import { App, aws_backup as backup, Stack } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { AUDIT, MANAGEMENT, stackIn } from '../fixture-stacks';

const testingPlan = (s: Stack, name = 'weekly') => new backup.CfnRestoreTestingPlan(s, 'RestoreTesting', {
  restoreTestingPlanName: name,
  scheduleExpression: 'cron(0 6 ? * SUN *)',
  recoveryPointSelection: { algorithm: 'LATEST_WITHIN_WINDOW', includeVaults: ['*'], recoveryPointTypes: ['SNAPSHOT'] },
});
const testingSelection = (s: Stack, planName: string) => new backup.CfnRestoreTestingSelection(s, 'RestoreSelection', {
  restoreTestingPlanName: planName, restoreTestingSelectionName: 'volumes', protectedResourceType: 'EBS', iamRoleArn: 'arn:aws:iam::111111111111:role/restore',
});

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'L2 backup plan, no restore testing', build: (app: App) => { backup.BackupPlan.daily35DayRetention(stackIn(app, 'S', MANAGEMENT), 'Plan'); }, reason: /has no AWS::Backup::RestoreTestingPlan/ },
    {
      name: 'restore testing plan without a selection',
      build: (app: App) => { const s = stackIn(app, 'S', MANAGEMENT); backup.BackupPlan.daily35DayRetention(s, 'Plan'); testingPlan(s); },
      reason: /has no RestoreTestingSelection/,
    },
    {
      name: 'restore testing in another account',
      build: (app: App) => {
        backup.BackupPlan.daily35DayRetention(stackIn(app, 'S', MANAGEMENT), 'Plan');
        const other = stackIn(app, 'Other', AUDIT);
        testingSelection(other, testingPlan(other).ref);
      },
      reason: /account 111111111111 has no AWS::Backup::RestoreTestingPlan/,
    },
  ],
  compliant: [
    {
      name: 'L2 plan with a restore testing plan and selection (by Ref) in its stack',
      build: (app: App) => { const s = stackIn(app, 'S', MANAGEMENT); backup.BackupPlan.daily35DayRetention(s, 'Plan'); testingSelection(s, testingPlan(s).ref); },
    },
    {
      name: 'restore testing in another stack of the same account, by literal name',
      build: (app: App) => {
        backup.BackupPlan.daily35DayRetention(stackIn(app, 'S', MANAGEMENT), 'Plan');
        const other = stackIn(app, 'Testing', MANAGEMENT);
        testingPlan(other, 'weekly');
        testingSelection(other, 'weekly');
      },
    },
  ],
};
