import { COMPLIANT, defineRule, nonCompliant, notShown, NOT_APPLICABLE, ResourceView, RuleVerdict, unverifiable, AppView } from '../rule';
import { asList, isDeployTime, isFalse, isObject, literalString } from '../../aws';
import { ALARM_TYPES, Delivery, deliveryOf } from '../utils/notifications';

const ALARM_STATE_CHANGE = 'CloudWatch Alarm State Change';

/**
 * Reads: `AWS::CloudWatch::Alarm` and `AWS::CloudWatch::CompositeAlarm` (`ActionsEnabled`, `AlarmActions`), and
 * `AWS::Events::Rule`s matching CloudWatch alarm state changes (their `Targets`), each action followed across the app
 * to what it notifies: an SNS topic of the app with a subscription to people (e-mail, SMS, HTTP(S) paging or chat
 * webhooks, mobile push) or an AWS Chatbot channel, an Incident Manager response plan, or an OpsCenter OpsItem.
 * Compliant when every `Fn::If` branch sends the alarm to one of them. Alarms that notify nobody (no ALARM action,
 * actions disabled, only EC2 or scaling actions: a composite alarm's children, a scaling alarm) are not in scope
 * (`AlarmHasAction` recommends an action).
 * Not shown (no finding; the item's runtime control and the attestation decide): a topic outside the app or one with
 * no subscription in the template (subscribed elsewhere, e.g. a central operations account), a subscription to a
 * queue or function, a function action, an action known only at deploy time. A reference the resolver cannot follow
 * is a finding, and so is a topic whose key the publishing service may not use (CloudWatch for an alarm action,
 * EventBridge for a rule's target without a `RoleArn`): an AWS managed key, or a customer managed key whose policy does not give the
 * service principal `kms:GenerateDataKey*` and `kms:Decrypt` (Amazon SNS Developer Guide, "Enable compatibility between
 * event sources from AWS services and encrypted topics"); the alarm is then sent to nobody.
 * Fix: send the alarm to a topic with the operations team's subscription (`topic.addSubscription(new EmailSubscription(...))`,
 * `AccountBaseline` `alarmEmails`) or to an Incident Manager response plan; on an encrypted topic, let the service use
 * the key (`key.grantEncryptDecrypt(new ServicePrincipal('cloudwatch.amazonaws.com'))`, or the `EncryptedTopic` of
 * this library).
 */
export const AlarmNotifiesOperations = defineRule({
  name: 'AlarmNotifiesOperations',
  description: 'Alarms are sent to people: a topic of the app with a subscription or chat channel, an Incident Manager response plan or an OpsItem',
  fix: 'Point the alarm action (or an EventBridge rule on alarm state changes) at a topic with the operations team\'s subscription (alarm.addAlarmAction(new SnsAction(topic)); topic.addSubscription(new EmailSubscription(...))) or at an Incident Manager response plan',
  resourceTypes: [...ALARM_TYPES, 'AWS::Events::Rule'],
  scope: 'app',
  check(r, app) {
    if (ALARM_TYPES.includes(r.type)) return alarmVerdict(r, app);
    if (r.type === 'AWS::Events::Rule') return routeVerdict(r, app);
    return NOT_APPLICABLE;
  },
});

function alarmVerdict(r: ResourceView, app: AppView): RuleVerdict {
  const enabled = app.resolve(r, 'ActionsEnabled');
  if (!enabled.ok) return unverifiable('ActionsEnabled', enabled.unresolved, 'ActionsEnabled');
  const unknown = enabled.values.find((a) => isDeployTime(a.value));
  if (unknown) return notShown(`whether the alarm's actions are enabled is known only at deploy time (${String(unknown.value)})`, 'ActionsEnabled');
  if (enabled.values.some((a) => isFalse(a.value))) return NOT_APPLICABLE;
  const actions = app.resolve(r, 'AlarmActions');
  if (!actions.ok) return unverifiable('AlarmActions', actions.unresolved, 'AlarmActions');
  return verdictOf(actions.values.map((a) => asList(a.value).filter((i) => i !== undefined && i !== null).map((i) => deliveryOf(i, app, 'cloudwatch.amazonaws.com'))), 'AlarmActions');
}

/** An EventBridge rule that routes alarm state changes (source `aws.cloudwatch`) to its targets. */
function routeVerdict(r: ResourceView, app: AppView): RuleVerdict {
  const pattern = r.properties.EventPattern;
  const sources = isObject(pattern) ? asList(pattern.source).map(literalString) : [];
  const types = isObject(pattern) ? asList(pattern['detail-type']).map(literalString) : [];
  if (!sources.includes('aws.cloudwatch') || (types.length > 0 && !types.includes(ALARM_STATE_CHANGE))) return NOT_APPLICABLE;
  if (literalString(r.properties.State) === 'DISABLED') return NOT_APPLICABLE;
  const targets = app.resolve(r, 'Targets');
  if (!targets.ok) return unverifiable('Targets', targets.unresolved, 'Targets');
  return verdictOf(targets.values.map((a) => asList(a.value).filter(isObject).map((t) => deliveryOf(t.Arn, app, t.RoleArn === undefined ? 'events.amazonaws.com' : undefined))), 'Targets');
}

/**
 * Compliant when every branch reaches people; not in scope when none notifies; a finding when a branch reaches nobody
 * because a topic's key refuses the publisher; else what the template cannot show.
 */
function verdictOf(branches: readonly (readonly Delivery[])[], location: string): RuleVerdict {
  const notifying = branches.map((b) => b.filter((d) => d.kind !== 'automation'));
  if (notifying.every((b) => b.length === 0)) return NOT_APPLICABLE;
  if (notifying.every((b) => b.some((d) => d.kind === 'reaches'))) return COMPLIANT;
  const failed = [...new Set(notifying.flatMap((b) => (b.some((d) => d.kind === 'reaches') || b.some((d) => d.kind === 'not-shown') ? [] : b.flatMap((d) => (d.kind === 'fails' ? [d.why] : [])))))];
  if (failed.length > 0) return nonCompliant(`the alarm reaches nobody: ${failed.join('; ')}`, location);
  const why = [...new Set(notifying.flatMap((b) => (b.some((d) => d.kind === 'reaches') ? [] : b.length === 0 ? ['in one Fn::If branch it notifies nobody'] : b.map((d) => (d.kind === 'not-shown' || d.kind === 'fails' ? d.why : '')))))];
  return notShown(`${why.join('; ')}: the results of CLOUDWATCH_ALARM_ACTION_CHECK and an attestation of who receives the alarm show it instead`, location);
}
