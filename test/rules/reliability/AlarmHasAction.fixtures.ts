import { App, aws_cloudwatch as cw, aws_cloudwatch_actions as actions, aws_sns as sns, CfnParameter, Stack } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

const alarm = (s: Stack, props: Partial<cw.AlarmProps> = {}) =>
  new cw.Alarm(s, 'Alarm', { metric: new cw.Metric({ namespace: 'App', metricName: 'Errors' }), threshold: 1, evaluationPeriods: 1, ...props });

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'L2 alarm without actions', build: (app: App) => { alarm(stackIn(app, 'S')); }, reason: /no AlarmActions/ },
    {
      name: 'L2 alarm with an SNS action but actions disabled',
      build: (app: App) => { const s = stackIn(app, 'S'); alarm(s, { actionsEnabled: false }).addAlarmAction(new actions.SnsAction(new sns.Topic(s, 'Ops'))); },
      reason: /actions disabled/,
    },
    {
      name: 'L1 composite alarm with only an OK action',
      build: (app: App) => { new cw.CfnCompositeAlarm(stackIn(app, 'S'), 'Composite', { alarmRule: 'ALARM(a)', okActions: ['arn:aws:sns:eu-west-1:111111111111:ops'] }); },
      reason: /no AlarmActions/,
    },
    {
      name: 'ActionsEnabled from a parameter (unverifiable)',
      build: (app: App) => {
        const s = stackIn(app, 'S');
        const a = alarm(s).node.defaultChild as cw.CfnAlarm;
        a.addPropertyOverride('ActionsEnabled', new CfnParameter(s, 'Enabled').valueAsString);
      },
      reason: /could not verify ActionsEnabled/,
    },
  ],
  compliant: [
    { name: 'L2 alarm notifying the operations topic', build: (app: App) => { const s = stackIn(app, 'S'); alarm(s).addAlarmAction(new actions.SnsAction(new sns.Topic(s, 'Ops'))); } },
    { name: 'L1 composite alarm with an alarm action', build: (app: App) => { new cw.CfnCompositeAlarm(stackIn(app, 'S'), 'Composite', { alarmRule: 'ALARM(a)', alarmActions: ['arn:aws:sns:eu-west-1:111111111111:ops'] }); } },
  ],
};
