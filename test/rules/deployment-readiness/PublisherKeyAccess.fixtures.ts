import {
  App, aws_cloudwatch as cw, aws_cloudwatch_actions as cwActions, aws_events as events, aws_events_targets as targets, aws_iam as iam, aws_kms as kms, aws_s3 as s3,
  aws_s3_notifications as s3n, aws_sns as sns, aws_sqs as sqs, Duration, Stack,
} from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

/** An alarm of the app. */
function alarm(s: Stack): cw.Alarm {
  return new cw.Alarm(s, 'Errors', { metric: new cw.Metric({ namespace: 'App', metricName: 'Errors', period: Duration.minutes(5) }), threshold: 1, evaluationPeriods: 1 });
}

/** An alarm publishing to a topic encrypted with a customer managed key (L2), the key granting CloudWatch or not. */
function alarmToTopic(grant: boolean) {
  return (app: App) => {
    const s = stackIn(app, 'S');
    const masterKey = new kms.Key(s, 'Key', { enableKeyRotation: true });
    if (grant) masterKey.grantEncryptDecrypt(new iam.ServicePrincipal('cloudwatch.amazonaws.com'));
    alarm(s).addAlarmAction(new cwActions.SnsAction(new sns.Topic(s, 'Alarms', { masterKey })));
  };
}

/** An EventBridge rule sending to a queue encrypted with a customer managed key, with a dead-letter queue (L2). */
function ruleToQueue(grantTarget: boolean, grantDlq: boolean) {
  // The L2 SqsQueue target grants events.amazonaws.com on the target queue's key itself; `grantTarget` adds one more.
  return (app: App) => {
    const s = stackIn(app, 'S');
    const key = new kms.Key(s, 'Key', { enableKeyRotation: true });
    const dlqKey = new kms.Key(s, 'DlqKey', { enableKeyRotation: true });
    if (grantTarget) key.grantEncryptDecrypt(new iam.ServicePrincipal('events.amazonaws.com'));
    if (grantDlq) dlqKey.addToResourcePolicy(new iam.PolicyStatement({ principals: [new iam.ServicePrincipal('events.amazonaws.com')], actions: ['kms:GenerateDataKey*', 'kms:Decrypt'], resources: ['*'] }));
    const queue = new sqs.Queue(s, 'Orders', { encryption: sqs.QueueEncryption.KMS, encryptionMasterKey: key });
    const deadLetterQueue = new sqs.Queue(s, 'Dlq', { encryption: sqs.QueueEncryption.KMS, encryptionMasterKey: dlqKey });
    new events.Rule(s, 'OrderPlaced', { eventPattern: { source: ['shop.orders'] }, targets: [new targets.SqsQueue(queue, { deadLetterQueue })] });
  };
}

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'an alarm publishing to a topic whose customer managed key does not admit CloudWatch (L2)', build: alarmToTopic(false), reason: /topic S\/Alarms\/Resource is encrypted with key S\/Key\/Resource, whose key policy does not let cloudwatch.amazonaws.com use it .* \(AlarmActions\) is never delivered/ },
    {
      name: 'an alarm publishing to a topic encrypted with the AWS managed key alias/aws/sns (L1)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const topic = new sns.CfnTopic(s, 'Alarms', { kmsMasterKeyId: 'alias/aws/sns' });
        new cw.CfnAlarm(s, 'Errors', { namespace: 'App', metricName: 'Errors', statistic: 'Sum', period: 300, evaluationPeriods: 1, threshold: 1, comparisonOperator: 'GreaterThanOrEqualToThreshold', alarmActions: [topic.ref] });
      },
      reason: /AWS managed key alias\/aws\/sns, whose key policy cannot admit cloudwatch.amazonaws.com/,
    },
    {
      name: 'an EventBridge rule (L1) sending to an encrypted queue (L2) whose key does not admit EventBridge',
      build: (app) => {
        const s = stackIn(app, 'S');
        const queue = new sqs.Queue(s, 'Orders', { encryption: sqs.QueueEncryption.KMS, encryptionMasterKey: new kms.Key(s, 'Key', { enableKeyRotation: true }) });
        new events.CfnRule(s, 'OrderPlaced', { eventPattern: { source: ['shop.orders'] }, targets: [{ id: 'Orders', arn: queue.queueArn }] });
      },
      reason: /queue S\/Orders\/Resource is encrypted with key S\/Key\/Resource, whose key policy does not let events.amazonaws.com use it .*Targets\/0\/Arn/,
    },
    { name: 'an EventBridge rule (L2) whose encrypted dead-letter queue\'s key does not admit EventBridge (the SqsQueue target grants only the target queue\'s key)', build: ruleToQueue(true, false), reason: /queue S\/Dlq\/Resource is encrypted with key S\/DlqKey\/Resource, .*Targets\/0\/DeadLetterConfig\/Arn/ },
    {
      name: 'S3 event notifications to a queue encrypted with the AWS managed key alias/aws/sqs (L1 queue, L2 notification)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const queue = new sqs.CfnQueue(s, 'Uploads', { kmsMasterKeyId: 'alias/aws/sqs' });
        new s3.Bucket(s, 'Inbox').addObjectCreatedNotification(new s3n.SqsDestination(sqs.Queue.fromQueueAttributes(s, 'Q', { queueArn: queue.attrArn, queueUrl: queue.ref })));
      },
      reason: /AWS managed key alias\/aws\/sqs, whose key policy cannot admit s3.amazonaws.com/,
    },
  ],
  compliant: [
    { name: 'the alarm\'s topic key grants CloudWatch (masterKey.grantEncryptDecrypt)', build: alarmToTopic(true) },
    { name: 'the rule\'s queue and dead-letter queue keys admit EventBridge (the L2 target\'s own grant, a key policy statement)', build: ruleToQueue(false, true) },
    {
      name: 'an alarm to an unencrypted topic; S3 notifications to an SQS-managed queue and to a queue whose key the L2 destination grants S3 (L2)',
      build: (app) => {
        const s = stackIn(app, 'S');
        alarm(s).addAlarmAction(new cwActions.SnsAction(new sns.Topic(s, 'Plain')));
        const inbox = new s3.Bucket(s, 'Inbox');
        inbox.addObjectCreatedNotification(new s3n.SqsDestination(new sqs.Queue(s, 'Uploads', { encryption: sqs.QueueEncryption.SQS_MANAGED })));
        inbox.addObjectRemovedNotification(new s3n.SqsDestination(new sqs.Queue(s, 'Removals', { encryption: sqs.QueueEncryption.KMS, encryptionMasterKey: new kms.Key(s, 'Key', { enableKeyRotation: true }) })));
      },
    },
  ],
};
