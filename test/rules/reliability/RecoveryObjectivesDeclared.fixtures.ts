import { App, aws_backup as backup, Duration } from 'aws-cdk-lib';
import { METADATA } from '../../../lib/conventions';
import { declareRecoveryObjectives } from '../../../lib/declarations';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'L2 backup plan, no objectives declared anywhere', build: (app: App) => { backup.BackupPlan.daily35DayRetention(stackIn(app, 'S'), 'Plan'); }, reason: /no recovery objectives are declared for stack S, on it or elsewhere in the app/ },
    {
      name: 'plan in a stack without objectives, two other stacks declaring different ones',
      build: (app: App) => {
        declareRecoveryObjectives(stackIn(app, 'Web'), { rpo: Duration.hours(1), rto: Duration.hours(4) });
        declareRecoveryObjectives(stackIn(app, 'Data'), { rpo: Duration.hours(24), rto: Duration.hours(8) });
        backup.BackupPlan.daily35DayRetention(stackIn(app, 'Backup'), 'Plan');
      },
      reason: /stack Backup declares no recovery objectives, and the stacks that do \(Web, Data\) do not agree/,
    },
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
    {
      name: 'objectives declared once for the whole app',
      build: (app: App) => {
        declareRecoveryObjectives(app, { rpo: Duration.hours(24), rto: Duration.hours(4) });
        backup.BackupPlan.daily35DayRetention(stackIn(app, 'Backup'), 'Plan');
        stackIn(app, 'Web');
      },
    },
    {
      name: 'objectives written by hand into another stack of the app (no library function)',
      build: (app: App) => {
        stackIn(app, 'Service').templateOptions.metadata = { 'cdk-competency:recovery-objectives': { rpoMinutes: 1440, rtoMinutes: 240 } };
        backup.BackupPlan.daily35DayRetention(stackIn(app, 'Backup'), 'Plan');
      },
    },
  ],
};
