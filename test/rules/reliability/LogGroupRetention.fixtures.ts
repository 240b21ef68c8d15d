import { App, aws_logs as logs, CfnParameter } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'L1 log group that never expires', build: (app: App) => { new logs.CfnLogGroup(stackIn(app, 'S'), 'Logs', {}); }, reason: /no RetentionInDays/ },
    { name: 'L2 log group kept one month', build: (app: App) => { new logs.LogGroup(stackIn(app, 'S'), 'Logs', { retention: logs.RetentionDays.ONE_MONTH }); }, reason: /kept 30 days, less than 90/ },
    {
      name: 'retention from a parameter (unverifiable)',
      build: (app: App) => {
        const s = stackIn(app, 'S');
        new logs.CfnLogGroup(s, 'Logs', { retentionInDays: new CfnParameter(s, 'Days', { type: 'Number' }).valueAsNumber });
      },
      reason: /could not verify RetentionInDays/,
    },
  ],
  compliant: [
    { name: 'L2 log group with the CDK default (two years)', build: (app: App) => { new logs.LogGroup(stackIn(app, 'S'), 'Logs'); } },
    { name: 'L1 log group kept three months', build: (app: App) => { new logs.CfnLogGroup(stackIn(app, 'S'), 'Logs', { retentionInDays: 90 }); } },
  ],
};
