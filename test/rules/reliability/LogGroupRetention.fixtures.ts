import { App, aws_lambda as lambda, aws_logs as logs, CfnParameter } from 'aws-cdk-lib';

const code = lambda.Code.fromInline('exports.handler=async()=>{}');
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
    {
      name: 'L2 function without a log group: CloudWatch Logs creates one at run time, never expiring',
      build: (app: App) => { new lambda.Function(stackIn(app, 'S'), 'Fn', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler', code }); },
      reason: /CloudWatch Logs creates at run time with no retention, and no custom resource sets one/,
    },
    {
      name: 'L2 function whose logRetention custom resource keeps logs one week',
      build: (app: App) => { new lambda.Function(stackIn(app, 'S'), 'Fn', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler', code, logRetention: logs.RetentionDays.ONE_WEEK }); },
      reason: /the function's log group \(retained by S\/Fn\/LogRetention\/Resource\): logs are kept 7 days, less than 90/,
    },
  ],
  compliant: [
    {
      name: 'L2 function retained by the Custom::LogRetention of its logRetention prop (the handler of that custom resource is a deployment helper)',
      build: (app: App) => { new lambda.Function(stackIn(app, 'S'), 'Fn', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler', code, logRetention: logs.RetentionDays.SIX_MONTHS }); },
    },
    {
      name: 'L2 function with its own log group (the group is read)',
      build: (app: App) => {
        const s = stackIn(app, 'S');
        new lambda.Function(s, 'Fn', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler', code, logGroup: new logs.LogGroup(s, 'FnLogs', { retention: logs.RetentionDays.THREE_MONTHS }) });
      },
    },
    { name: 'L2 log group with the CDK default (two years)', build: (app: App) => { new logs.LogGroup(stackIn(app, 'S'), 'Logs'); } },
    { name: 'L1 log group kept three months', build: (app: App) => { new logs.CfnLogGroup(stackIn(app, 'S'), 'Logs', { retentionInDays: 90 }); } },
  ],
};
