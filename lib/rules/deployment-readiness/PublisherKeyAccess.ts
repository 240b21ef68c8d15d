import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, unverifiable } from '../rule';
import { asList, isObject, resourcesWithin } from '../../aws';
import { referrers, referrersOf } from '../utils/references';
import { keyRefusal } from '../utils/key-policies';
import { ALARM_ACTION_PROPERTIES, ALARM_TYPES } from '../utils/notifications';

/** The custom resource that aws-cdk-lib's `bucket.addEventNotification` writes a bucket's notifications with. */
const CDK_BUCKET_NOTIFICATIONS = 'Custom::S3BucketNotifications';

/** One delivery a service makes: the service principal, and the resource and property path naming the destination. */
interface Delivery { readonly service: string; readonly from: ResourceView; readonly location: string }

/**
 * Reads: the AWS services of the app that publish to SNS topics or send to SQS queues with their own service
 * principal, and the `AWS::KMS::Key` policies of those topics' and queues' keys across the app:
 * - `AWS::CloudWatch::Alarm`, `AWS::CloudWatch::CompositeAlarm`: `AlarmActions`, `OKActions`,
 *   `InsufficientDataActions` (`cloudwatch.amazonaws.com`);
 * - `AWS::Events::Rule`: each target's `Arn` (unless the target has a `RoleArn`: the role then sends, and its access to
 *   the key is not read here) and its `DeadLetterConfig.Arn` (`events.amazonaws.com`);
 * - `AWS::S3::Bucket`: `NotificationConfiguration` `TopicConfigurations[].Topic` and `QueueConfigurations[].Queue`, and
 *   the same in the `Custom::S3BucketNotifications` resource aws-cdk-lib writes for the bucket (`s3.amazonaws.com`);
 * every value in every `Fn::If` branch.
 * Fails when: the destination's key is an AWS managed key (`alias/aws/sns`, `alias/aws/sqs`), whose key policy cannot
 * admit the service, or a key of the app whose policy gives the service principal no Allow for `kms:GenerateDataKey*`
 * and `kms:Decrypt` (Amazon SNS Developer Guide, "Enable compatibility between event sources from AWS services and
 * encrypted topics"; Amazon SQS Developer Guide, "Configuring KMS permissions for AWS services"). The deployment
 * succeeds, and every alarm notification, event or object notification is then dropped. A key whose reference cannot
 * be followed is reported; a key outside the app (its policy is not in the template) is not read.
 * Fix: use a customer managed key and let the service use it (`key.grantEncryptDecrypt(new ServicePrincipal(...))`,
 * or a key policy statement for the service principal with `kms:GenerateDataKey*` and `kms:Decrypt`).
 */
export const PublisherKeyAccess = defineRule({
  name: 'PublisherKeyAccess',
  description: 'AWS services that publish to an encrypted SNS topic or send to an encrypted SQS queue of the app (CloudWatch alarms, EventBridge rules, S3 event notifications) may use its key',
  fix: 'Encrypt the topic or queue with a customer managed key whose key policy allows the publishing service principal (cloudwatch.amazonaws.com, events.amazonaws.com, s3.amazonaws.com) kms:GenerateDataKey* and kms:Decrypt: key.grantEncryptDecrypt(new iam.ServicePrincipal(...)); the AWS managed keys alias/aws/sns and alias/aws/sqs cannot admit them',
  resourceTypes: [...ALARM_TYPES, 'AWS::Events::Rule', 'AWS::S3::Bucket'],
  scope: 'app',
  check(r, app) {
    const deliveries = ALARM_TYPES.includes(r.type) ? alarmDeliveries(r)
      : r.type === 'AWS::Events::Rule' ? ruleDeliveries(r)
        : r.type === 'AWS::S3::Bucket' ? bucketDeliveries(r, app) : undefined;
    if (deliveries === undefined) return NOT_APPLICABLE;
    const problems: string[] = [];
    let read = 0;
    for (const d of deliveries) {
      const res = app.resolve(d.from, d.location);
      if (!res.ok) return unverifiable(d.location, res.unresolved, d.from === r ? d.location : undefined);
      for (const destination of new Set(res.values.flatMap((v) => resourcesWithin(v.value).map((x) => x.resource as ResourceView)))) {
        const refusal = keyRefusal(destination, d.service, app);
        if (destination.type === 'AWS::SNS::Topic' || destination.type === 'AWS::SQS::Queue') read++;
        if (refusal?.kind === 'unresolved') return unverifiable(refusal.what, refusal.value, d.from === r ? d.location : undefined);
        if (refusal) problems.push(`${refusal.why}, so what ${d.service} sends there (${d.location}${d.from === r ? '' : ` of ${d.from.path}`}) is never delivered`);
      }
    }
    if (problems.length > 0) return nonCompliant([...new Set(problems)].join('; '));
    return read > 0 ? COMPLIANT : NOT_APPLICABLE;
  },
});

function alarmDeliveries(r: ResourceView): Delivery[] {
  return ALARM_ACTION_PROPERTIES.filter((p) => r.properties[p] !== undefined).map((location) => ({ service: 'cloudwatch.amazonaws.com', from: r, location }));
}

/** A rule's targets (sent by EventBridge unless the target names a role) and their dead-letter queues. */
function ruleDeliveries(r: ResourceView): Delivery[] {
  const targets = r.properties.Targets;
  const service = 'events.amazonaws.com';
  // A list built by an intrinsic is read whole (its targets' roles aside).
  if (targets !== undefined && !Array.isArray(targets)) return [{ service, from: r, location: 'Targets' }];
  const out: Delivery[] = [];
  asList(targets).forEach((target, i) => {
    if (!isObject(target)) return;
    if (target.RoleArn === undefined) out.push({ service, from: r, location: `Targets/${i}/Arn` });
    if (target.DeadLetterConfig !== undefined) out.push({ service, from: r, location: `Targets/${i}/DeadLetterConfig/Arn` });
  });
  return out;
}

/** A bucket's topic and queue notifications: its own configuration, and the one aws-cdk-lib writes in a custom resource. */
function bucketDeliveries(r: ResourceView, app: AppView): Delivery[] {
  const out: Delivery[] = [];
  // CloudFormation names the destination `Topic`/`Queue`; the custom resource passes the S3 API's `TopicArn`/`QueueArn`.
  const add = (from: ResourceView, config: unknown, suffix: '' | 'Arn') => {
    if (!isObject(config)) return;
    for (const [list, field] of [['TopicConfigurations', 'Topic'], ['QueueConfigurations', 'Queue']] as const) {
      asList(config[list]).forEach((_, i) => out.push({ service: 's3.amazonaws.com', from, location: `NotificationConfiguration/${list}/${i}/${field}${suffix}` }));
    }
  };
  add(r, r.properties.NotificationConfiguration, '');
  for (const custom of referrersOf(r, referrers(app, { key: 'cdk-bucket-notifications', fromType: CDK_BUCKET_NOTIFICATIONS, path: 'BucketName', targetType: 'AWS::S3::Bucket' }))) {
    add(custom, custom.properties.NotificationConfiguration, 'Arn');
  }
  return out;
}
