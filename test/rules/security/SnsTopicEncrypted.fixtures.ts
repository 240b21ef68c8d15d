import { App, aws_cloudwatch as cloudwatch, aws_iam as iam, aws_kms as kms, aws_lambda as lambda, aws_sns as sns, aws_sns_subscriptions as subscriptions } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';
import { alarmTopic } from './builders';

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'unencrypted topic', build: (app: App) => { new sns.Topic(stackIn(app, 'S'), 'T'); }, reason: /no KmsMasterKeyId/ },
    {
      name: 'alarm topic that a function may also publish to (L2 grantPublish)',
      build: (app: App) => {
        const s = stackIn(app, 'S');
        const fn = new lambda.Function(s, 'Orders', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => {}') });
        alarmTopic(s).grantPublish(fn);
      },
      reason: /no KmsMasterKeyId/,
    },
    {
      name: 'alarm topic covered by a publish grant on every topic of the account (a wildcard, no reference)',
      build: (app: App) => {
        const s = stackIn(app, 'S', '111111111111');
        alarmTopic(s);
        new iam.Role(s, 'Worker', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') })
          .addToPolicy(new iam.PolicyStatement({ actions: ['sns:Publish'], resources: ['arn:aws:sns:eu-west-1:111111111111:*'] }));
      },
      reason: /no KmsMasterKeyId/,
    },
    {
      name: 'alarm topic whose topic policy lets EventBridge publish too (L1 topic policy)',
      build: (app: App) => {
        const s = stackIn(app, 'S');
        const topic = alarmTopic(s);
        new sns.CfnTopicPolicy(s, 'Policy', {
          topics: [topic.topicArn],
          policyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sns:Publish', Resource: topic.topicArn }] },
        });
      },
      reason: /no KmsMasterKeyId/,
    },
  ],
  compliant: [{
    name: 'topic with a customer key; a topic only CloudWatch alarms publish to (alarm and OK actions, an email subscription, an alarm on its own metrics, a publish grant to CloudWatch) carries no customer data',
    build: (app: App) => {
      const s = stackIn(app, 'S', '111111111111');
      new sns.Topic(s, 'T', { masterKey: new kms.Key(s, 'K', { enableKeyRotation: true }) });
      const ops = alarmTopic(s);
      ops.addSubscription(new subscriptions.EmailSubscription('noc@partner.example.com'));
      ops.addToResourcePolicy(new iam.PolicyStatement({ principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')], actions: ['sns:Publish'], resources: [ops.topicArn] }));
      new cloudwatch.Alarm(s, 'Undelivered', { metric: ops.metricNumberOfNotificationsFailed(), threshold: 1, evaluationPeriods: 1 });
      new iam.Role(s, 'Mailer', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') })
        .addToPolicy(new iam.PolicyStatement({ actions: ['sns:Publish'], resources: ['arn:aws:sns:eu-west-1:111111111111:mailer-*'] }));
    },
  }],
};
