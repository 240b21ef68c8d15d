import { App, aws_backup as backup, Duration } from 'aws-cdk-lib';
import { declareRecoveryObjectives } from '../../../lib/declarations';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

const planWith = (rto?: Duration) => (app: App) => {
  const s = stackIn(app, 'S');
  if (rto) declareRecoveryObjectives(s, { rpo: Duration.hours(24), rto });
  backup.BackupPlan.daily35DayRetention(s, 'Plan');
};

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'RTO of exactly 24 hours', build: planWith(Duration.hours(24)), reason: /declared RTO is 1440 minutes \(24 hours\)/ },
    { name: 'RTO of two days', build: planWith(Duration.days(2)), reason: /2880 minutes/ },
  ],
  compliant: [{ name: 'RTO of four hours', build: planWith(Duration.hours(4)) }],
};
