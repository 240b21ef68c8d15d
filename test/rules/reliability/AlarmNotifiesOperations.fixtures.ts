// 2.4: "The application and the AWS infrastructure must be monitored centrally, with alarms generated and sent to the
// appropriate operations staff."
import {
  App, aws_chatbot as chatbot, aws_cloudwatch as cw, aws_cloudwatch_actions as actions, aws_events as events, aws_events_targets as targets,
  aws_iam as iam, aws_kms as kms, aws_lambda as lambda, aws_sns as sns, aws_sns_subscriptions as subs, aws_sqs as sqs, CfnParameter, Fn, Stack,
} from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

const ACCOUNT = '111111111111';

const metric = (name = 'Errors') => new cw.Metric({ namespace: 'Shop', metricName: name });
const alarm = (s: Stack, id = 'Errors') => new cw.Alarm(s, id, { metric: metric(id), threshold: 1, evaluationPeriods: 1 });

/** The operations topic as partners write it: e-mail subscription of the on-call list. */
function opsTopic(s: Stack, subscription: sns.ITopicSubscription | 'none' = new subs.EmailSubscription('ops@example.com')): sns.Topic {
  const topic = new sns.Topic(s, 'Ops');
  if (subscription !== 'none') topic.addSubscription(subscription);
  return topic;
}

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'alarm action imported from an export no stack of the app has',
      build: (app: App) => {
        alarm(stackIn(app, 'S', ACCOUNT)).addAlarmAction({ bind: () => ({ alarmActionArn: Fn.importValue('CentralOpsTopicArn') }) });
      },
      reason: /could not verify AlarmActions: .*Fn::ImportValue 'CentralOpsTopicArn': no stack of the app exports it/,
    },
    {
      name: 'L2 alarm to a topic encrypted with a customer managed key whose policy does not admit CloudWatch',
      build: (app: App) => {
        const s = stackIn(app, 'S', ACCOUNT);
        const topic = new sns.Topic(s, 'Ops', { masterKey: new kms.Key(s, 'TopicKey', { enableKeyRotation: true }) });
        topic.addSubscription(new subs.EmailSubscription('ops@example.com'));
        alarm(s).addAlarmAction(new actions.SnsAction(topic));
      },
      reason: /^the alarm reaches nobody: topic S\/Ops\/Resource is encrypted with key S\/TopicKey\/Resource, whose key policy does not let cloudwatch\.amazonaws\.com use it \(kms:GenerateDataKey\*, kms:Decrypt\), so its messages are never published$/,
    },
    {
      name: 'L1 alarm to a topic encrypted with the AWS managed key alias/aws/sns',
      build: (app: App) => {
        const s = stackIn(app, 'S', ACCOUNT);
        const topic = new sns.CfnTopic(s, 'Ops', { kmsMasterKeyId: 'alias/aws/sns', subscription: [{ protocol: 'email', endpoint: 'ops@example.com' }] });
        new cw.CfnAlarm(s, 'Errors', {
          namespace: 'Shop', metricName: 'Errors', statistic: 'Sum', period: 60, threshold: 1, evaluationPeriods: 1,
          comparisonOperator: 'GreaterThanOrEqualToThreshold', alarmActions: [topic.ref],
        });
      },
      reason: /topic S\/Ops is encrypted with the AWS managed key alias\/aws\/sns, whose key policy cannot admit cloudwatch\.amazonaws\.com/,
    },
    {
      name: 'L1 EventBridge rule on alarm state changes to a topic whose key admits CloudWatch but not EventBridge',
      build: (app: App) => {
        const s = stackIn(app, 'S', ACCOUNT);
        const key = new kms.Key(s, 'TopicKey', { enableKeyRotation: true });
        key.grantEncryptDecrypt(new iam.ServicePrincipal('cloudwatch.amazonaws.com'));
        const topic = new sns.CfnTopic(s, 'Ops', { kmsMasterKeyId: key.keyArn, subscription: [{ protocol: 'email', endpoint: 'ops@example.com' }] });
        alarm(s);
        new events.CfnRule(s, 'AlarmRoute', {
          eventPattern: { source: ['aws.cloudwatch'], 'detail-type': ['CloudWatch Alarm State Change'] },
          targets: [{ id: 'ops', arn: topic.ref }],
        });
      },
      reason: /whose key policy does not let events\.amazonaws\.com use it/,
    },
  ],
  compliant: [
    {
      name: 'L2 alarm to a topic encrypted with a customer managed key that CloudWatch may use',
      build: (app: App) => {
        const s = stackIn(app, 'S', ACCOUNT);
        const key = new kms.Key(s, 'TopicKey', { enableKeyRotation: true });
        key.grantEncryptDecrypt(new iam.ServicePrincipal('cloudwatch.amazonaws.com'));
        const topic = new sns.Topic(s, 'Ops', { masterKey: key });
        topic.addSubscription(new subs.EmailSubscription('ops@example.com'));
        alarm(s).addAlarmAction(new actions.SnsAction(topic));
      },
    },
    {
      name: 'L1 alarm to a topic whose key policy names CloudWatch and EventBridge (kms:GenerateDataKey*, kms:Decrypt)',
      build: (app: App) => {
        const s = stackIn(app, 'S', ACCOUNT);
        const key = new kms.CfnKey(s, 'TopicKey', {
          enableKeyRotation: true,
          keyPolicy: {
            Version: '2012-10-17',
            Statement: [
              { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' },
              { Effect: 'Allow', Principal: { Service: ['cloudwatch.amazonaws.com', 'events.amazonaws.com'] }, Action: ['kms:GenerateDataKey*', 'kms:Decrypt'], Resource: '*' },
            ],
          },
        });
        const topic = new sns.CfnTopic(s, 'Ops', { kmsMasterKeyId: key.attrArn, subscription: [{ protocol: 'email', endpoint: 'ops@example.com' }] });
        new cw.CfnAlarm(s, 'Errors', {
          namespace: 'Shop', metricName: 'Errors', statistic: 'Sum', period: 60, threshold: 1, evaluationPeriods: 1,
          comparisonOperator: 'GreaterThanOrEqualToThreshold', alarmActions: [topic.ref],
        });
      },
    },
    {
      name: 'L2 EventBridge rule to an encrypted topic: SnsTopic grants events.amazonaws.com publish and the key',
      build: (app: App) => {
        const s = stackIn(app, 'S', ACCOUNT);
        const topic = new sns.Topic(s, 'Ops', { masterKey: new kms.Key(s, 'TopicKey', { enableKeyRotation: true }) });
        topic.addSubscription(new subs.EmailSubscription('ops@example.com'));
        alarm(s);
        new events.Rule(s, 'AlarmRoute', {
          eventPattern: { source: ['aws.cloudwatch'], detailType: ['CloudWatch Alarm State Change'] },
          targets: [new targets.SnsTopic(topic)],
        });
      },
    },
    {
      name: 'L2 alarm notifying the operations topic, with an e-mail subscription',
      build: (app: App) => { const s = stackIn(app, 'S', ACCOUNT); alarm(s).addAlarmAction(new actions.SnsAction(opsTopic(s))); },
    },
    {
      name: 'a composite alarm pages on-call over HTTPS; its child alarms have no action',
      build: (app: App) => {
        const s = stackIn(app, 'S', ACCOUNT);
        const composite = new cw.CompositeAlarm(s, 'Service', { alarmRule: cw.AlarmRule.anyOf(alarm(s, 'Errors'), alarm(s, 'Latency')) });
        composite.addAlarmAction(new actions.SnsAction(opsTopic(s, new subs.UrlSubscription('https://events.pagerduty.com/integration/abc/enqueue'))));
      },
    },
    {
      name: 'an Incident Manager response plan (SsmIncidentAction) and an OpsItem (SsmAction)',
      build: (app: App) => {
        const s = stackIn(app, 'S', ACCOUNT);
        alarm(s, 'Errors').addAlarmAction(new actions.SsmIncidentAction('shop-outage'));
        alarm(s, 'Latency').addAlarmAction(new actions.SsmAction(actions.OpsItemSeverity.HIGH));
      },
    },
    {
      name: 'a topic whose only subscriber is an AWS Chatbot Slack channel (L1)',
      build: (app: App) => {
        const s = stackIn(app, 'S', ACCOUNT);
        const topic = opsTopic(s, 'none');
        alarm(s).addAlarmAction(new actions.SnsAction(topic));
        const role = new iam.Role(s, 'ChatbotRole', { assumedBy: new iam.ServicePrincipal('chatbot.amazonaws.com') });
        new chatbot.CfnSlackChannelConfiguration(s, 'Slack', { configurationName: 'ops', iamRoleArn: role.roleArn, slackChannelId: 'C0123', slackWorkspaceId: 'T0123', snsTopicArns: [topic.topicArn] });
      },
    },
    {
      name: 'alarms without actions, routed by an EventBridge rule on alarm state changes to the operations topic',
      build: (app: App) => {
        const s = stackIn(app, 'S', ACCOUNT);
        alarm(s);
        new events.Rule(s, 'AlarmRoute', {
          eventPattern: { source: ['aws.cloudwatch'], detailType: ['CloudWatch Alarm State Change'] },
          targets: [new targets.SnsTopic(opsTopic(s))],
        });
      },
    },
    {
      name: 'the operations topic and its subscription in another stack of the same account (cross-stack reference)',
      build: (app: App) => {
        const topic = opsTopic(stackIn(app, 'Operations', ACCOUNT));
        alarm(stackIn(app, 'Workload', ACCOUNT)).addAlarmAction(new actions.SnsAction(topic));
      },
    },
  ],
  notShown: [
    {
      name: 'a central operations topic in another account, outside the app',
      build: (app: App) => {
        const s = stackIn(app, 'S', ACCOUNT);
        alarm(s).addAlarmAction(new actions.SnsAction(sns.Topic.fromTopicArn(s, 'Central', 'arn:aws:sns:eu-west-1:444444444444:central-ops')));
      },
      reason: /^topic arn:aws:sns:eu-west-1:444444444444:central-ops is not part of the app, so the template cannot show who subscribes to it: the results of CLOUDWATCH_ALARM_ACTION_CHECK and an attestation of who receives the alarm show it instead$/,
    },
    {
      name: 'a topic of the app with no subscription in the template',
      build: (app: App) => { const s = stackIn(app, 'S', ACCOUNT); alarm(s).addAlarmAction(new actions.SnsAction(opsTopic(s, 'none'))); },
      reason: /topic S\/Ops\/Resource has no subscription in the template/,
    },
    {
      name: 'a topic whose only subscription is a queue',
      build: (app: App) => {
        const s = stackIn(app, 'S', ACCOUNT);
        alarm(s).addAlarmAction(new actions.SnsAction(opsTopic(s, new subs.SqsSubscription(new sqs.Queue(s, 'Tickets', { enforceSSL: true })))));
      },
      reason: /delivers only to sqs subscriptions, which the template cannot show reaching people/,
    },
    {
      name: 'a function as the alarm action',
      build: (app: App) => {
        const s = stackIn(app, 'S', ACCOUNT);
        const fn = new lambda.Function(s, 'Notify', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => {};') });
        alarm(s).addAlarmAction(new actions.LambdaAction(fn));
      },
      reason: /function S\/Notify\/Resource receives the alarm; what it sends to people the template cannot show/,
    },
    {
      name: 'ActionsEnabled from a template parameter',
      build: (app: App) => {
        const s = stackIn(app, 'S', ACCOUNT);
        const a = alarm(s);
        a.addAlarmAction(new actions.SnsAction(opsTopic(s)));
        (a.node.defaultChild as cw.CfnAlarm).addPropertyOverride('ActionsEnabled', new CfnParameter(s, 'Enabled').valueAsString);
      },
      reason: /whether the alarm's actions are enabled is known only at deploy time \(parameter Enabled of stack S\)/,
    },
  ],
};
