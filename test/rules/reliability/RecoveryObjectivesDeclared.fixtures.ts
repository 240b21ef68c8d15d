import { App, aws_backup as backup, Duration } from 'aws-cdk-lib';
import { declareRecoveryObjectives, METADATA } from '../../../lib/conventions';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'L2 backup plan, no objectives declared', build: (app: App) => { backup.BackupPlan.daily35DayRetention(stackIn(app, 'S'), 'Plan'); }, reason: /declares no recovery objectives/ },
    {
      name: 'objectives written by hand as strings',
      build: (app: App) => {
        const s = stackIn(app, 'S');
        s.templateOptions.metadata = { [METADATA.RECOVERY_OBJECTIVES]: { rpoMinutes: '60', rtoMinutes: 240 } };
        backup.BackupPlan.daily35DayRetention(s, 'Plan');
      },
      reason: /not positive numbers of minutes/,
    },
  ],
  compliant: [
    {
      name: 'L2 backup plan in a stack that declares RPO and RTO',
      build: (app: App) => {
        const s = stackIn(app, 'S');
        declareRecoveryObjectives(s, { rpo: Duration.hours(24), rto: Duration.hours(4) });
        backup.BackupPlan.daily35DayRetention(s, 'Plan');
      },
    },
  ],
};
