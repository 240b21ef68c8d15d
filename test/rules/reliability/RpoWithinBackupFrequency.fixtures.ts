import { App, aws_backup as backup, aws_events as events, CfnParameter, Duration, Stack } from 'aws-cdk-lib';
import { declareRecoveryObjectives } from '../../../lib/declarations';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

const rpo = (s: Stack, hours: number) => declareRecoveryObjectives(s, { rpo: Duration.hours(hours), rto: Duration.hours(4) });
const l1 = (schedules: unknown[], rpoHours: number, timezone?: string) => (app: App) => {
  const s = stackIn(app, 'S');
  rpo(s, rpoHours);
  new backup.CfnBackupPlan(s, 'Plan', {
    backupPlan: {
      backupPlanName: 'plan',
      backupPlanRule: schedules.map((e, i) => ({ ruleName: `r${i}`, targetBackupVault: 'vault', scheduleExpression: e as string, scheduleExpressionTimezone: timezone })),
    },
  });
};

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'L2 daily plan against a one-hour RPO',
      build: (app: App) => { const s = stackIn(app, 'S'); rpo(s, 1); backup.BackupPlan.daily35DayRetention(s, 'Plan'); },
      reason: /runs every 1440 minutes at worst, longer than the declared RPO of 60 minutes/,
    },
    { name: 'weekdays only (Friday to Monday gap) against a one-day RPO', build: l1(['cron(0 5 ? * MON-FRI *)'], 24), reason: /every 4320 minutes/ },
    { name: 'every six hours at 0,6,12,18 against a four-hour RPO', build: l1(['cron(0 0/6 * * ? *)', 'cron(0 5 ? * * *)'], 4), reason: /every 360 minutes/ },
    { name: 'rule without a schedule runs daily (AWS default)', build: l1([undefined], 12), reason: /cron\(0 5 \? \* \* \*\).*every 1440 minutes/ },
    { name: 'last day of the month against a one-day RPO', build: l1(['cron(0 5 L * ? *)'], 24), reason: /every 44640 minutes/ },
    { name: 'daily in a time zone with daylight saving against a one-day RPO', build: l1(['cron(0 5 * * ? *)'], 24, 'Europe/Paris'), reason: /every 1500 minutes/ },
    { name: 'rate expression (AWS Backup runs cron expressions only)', build: l1(['rate(4 hours)'], 4), reason: /could not verify the schedule 'rate\(4 hours\)' of rule r0: it is a rate expression: AWS Backup accepts only cron expressions/ },
    { name: 'schedule that stops after a year', build: l1(['cron(0 * * * ? 2027)'], 4), reason: /stops running after 2027/ },
    {
      name: 'schedule from a parameter (unverifiable)',
      build: (app: App) => {
        const s = stackIn(app, 'S');
        rpo(s, 1);
        const p = new CfnParameter(s, 'Schedule');
        new backup.CfnBackupPlan(s, 'Plan', { backupPlan: { backupPlanName: 'plan', backupPlanRule: [{ ruleName: 'r', targetBackupVault: 'vault', scheduleExpression: p.valueAsString }] } });
      },
      reason: /could not verify the schedule of rule r/,
    },
  ],
  compliant: [
    {
      name: 'L2 plan with an hourly rule and a daily rule against a one-hour RPO',
      build: (app: App) => {
        const s = stackIn(app, 'S');
        rpo(s, 1);
        const plan = backup.BackupPlan.daily35DayRetention(s, 'Plan');
        plan.addRule(new backup.BackupPlanRule({ ruleName: 'Hourly', scheduleExpression: events.Schedule.cron({ minute: '15' }), deleteAfter: Duration.days(2) }));
      },
    },
    { name: 'every 4 hours, RPO of 4 hours', build: l1(['cron(0 0/4 * * ? *)'], 4) },
    { name: 'daily in UTC named as a time zone, RPO of one day', build: l1(['cron(30 1 * * ? *)'], 24, 'Etc/UTC') },
    { name: 'daily at 05:00 and 17:00, RPO of 12 hours', build: l1(['cron(0 5,17 * * ? *)'], 12) },
  ],
};
