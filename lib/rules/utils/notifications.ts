import { AppView, ResourceView } from '../rule';
import { arnFields, asList, DeployTimeValue, isObject, literalString, ResourceValue, Text } from '../../aws';
import { referrers, referrersOf } from './references';
import { keyRefusal } from './key-policies';

/**
 * Where an alarm (or an EventBridge rule on alarm state changes) sends its notifications, and whether the template
 * shows that reaching people: the facts behind item 2.4 ("with alarms generated and sent to the appropriate
 * operations staff").
 */

/** What one action or target does, as far as the template shows. */
export type Delivery =
  /** It reaches people: a topic of the app with a subscription to people or a chat channel, a response plan, an OpsItem. */
  | { readonly kind: 'reaches'; readonly what: string }
  /** It acts on resources (EC2 stop/reboot/recover, a scaling policy): no notification. */
  | { readonly kind: 'automation' }
  /** A notification whose recipients the template cannot show (a topic outside the app, a function), and why. */
  | { readonly kind: 'not-shown'; readonly why: string }
  /** A notification the template shows cannot be delivered (the publishing service may not use the topic's key), and why. */
  | { readonly kind: 'fails'; readonly why: string };

/** CloudWatch alarms: metric and composite. */
export const ALARM_TYPES: readonly string[] = ['AWS::CloudWatch::Alarm', 'AWS::CloudWatch::CompositeAlarm'];
/** The properties of an alarm naming what it notifies, one list per alarm state. */
export const ALARM_ACTION_PROPERTIES: readonly string[] = ['AlarmActions', 'OKActions', 'InsufficientDataActions'];

/** The service that publishes a notification: CloudWatch for alarm actions, EventBridge for a rule's targets. */
export type Publisher = 'cloudwatch.amazonaws.com' | 'events.amazonaws.com';

/** Subscription protocols that deliver to people (mail, text, paging and chat webhooks, mobile push). */
const TO_PEOPLE = new Set(['email', 'email-json', 'sms', 'http', 'https', 'application']);
/** Chat channels that subscribe to topics (AWS Chatbot / Amazon Q Developer in chat applications). */
const CHAT_CHANNELS = ['AWS::Chatbot::SlackChannelConfiguration', 'AWS::Chatbot::MicrosoftTeamsChannelConfiguration'];
const AUTOMATION_SERVICES = new Set(['automate', 'autoscaling', 'application-autoscaling', 'swf', 'ec2']);
const AUTOMATION_TYPES = new Set(['AWS::AutoScaling::ScalingPolicy', 'AWS::ApplicationAutoScaling::ScalingPolicy']);
const FUNCTION_TYPES = new Set(['AWS::Lambda::Function', 'AWS::Lambda::Alias', 'AWS::Lambda::Version', 'AWS::Serverless::Function']);

/** A topic of the app a literal ARN names: its literal `TopicName` in a stack of the ARN's account and region. */
function topicByArn(app: AppView, arn: string): ResourceView | undefined {
  const f = arnFields(arn);
  if (!f || typeof f.resource !== 'string') return undefined;
  return app.ofType('AWS::SNS::Topic').find((t) => literalString(t.properties.TopicName) === f.resource
    && (!t.stack.account || t.stack.account === f.account) && (!t.stack.region || t.stack.region === f.region));
}

/**
 * Why `publisher` cannot publish to the topic because of its key, if the template shows that it cannot (see
 * `keyRefusal`: an AWS managed key, or a key of the app whose policy does not admit the service).
 */
function keyRefuses(topic: ResourceView, publisher: Publisher, app: AppView): string | undefined {
  const refusal = keyRefusal(topic, publisher, app);
  return refusal?.kind === 'refused' ? `${refusal.why}, so its messages are never published` : undefined;
}

/** How a topic of the app delivers: to people when a subscription or a chat channel of the app says so. */
function topicDelivery(topic: ResourceView, app: AppView, publisher: Publisher | undefined): Delivery {
  const reach = topicReach(topic, app);
  if (reach.kind !== 'reaches' || publisher === undefined) return reach;
  const refused = keyRefuses(topic, publisher, app);
  return refused ? { kind: 'fails', why: refused } : reach;
}

/** Whom a topic of the app delivers to, its key aside. */
function topicReach(topic: ResourceView, app: AppView): Delivery {
  const byLiteral = (_from: ResourceView, literal: string) => topicByArn(app, literal);
  const protocols: string[] = [];
  const protocolOf = (v: unknown) => literalString(v)?.toLowerCase() ?? 'deploy-time';
  for (const s of asList(topic.properties.Subscription)) if (isObject(s)) protocols.push(protocolOf(s.Protocol));
  for (const s of referrersOf(topic, referrers(app, { key: 'subscriptions-by-topic', fromType: 'AWS::SNS::Subscription', path: 'TopicArn', targetType: 'AWS::SNS::Topic', byLiteral }))) {
    protocols.push(protocolOf(s.properties.Protocol));
  }
  const people = protocols.find((p) => TO_PEOPLE.has(p));
  if (people) return { kind: 'reaches', what: `topic ${topic.path} (${people} subscription)` };
  const chat = CHAT_CHANNELS.flatMap((type) => referrersOf(topic, referrers(app, { key: `chat-by-topic:${type}`, fromType: type, path: 'SnsTopicArns', targetType: 'AWS::SNS::Topic', byLiteral })));
  if (chat.length > 0) return { kind: 'reaches', what: `topic ${topic.path} (chat channel ${chat[0].path})` };
  if (protocols.length === 0) return { kind: 'not-shown', why: `topic ${topic.path} has no subscription in the template` };
  return { kind: 'not-shown', why: `topic ${topic.path} delivers only to ${[...new Set(protocols)].join(', ')} subscriptions, which the template cannot show reaching people` };
}

/** What an ARN (literal or built by `Fn::Join`/`Fn::Sub`) names, when no resource of the app stands for it. */
function arnDelivery(value: string | Text, app: AppView, publisher: Publisher | undefined): Delivery {
  const shown = typeof value === 'string' ? value : value.render();
  const f = arnFields(value);
  const service = typeof f?.service === 'string' ? f.service : undefined;
  const resource = typeof f?.resource === 'string' ? f.resource : f ? (f.resource instanceof Text ? f.resource.literals().join('') : '') : '';
  if (service === 'sns') {
    const topic = typeof value === 'string' ? topicByArn(app, value) : undefined;
    return topic ? topicDelivery(topic, app, publisher) : { kind: 'not-shown', why: `topic ${shown} is not part of the app, so the template cannot show who subscribes to it` };
  }
  if (service === 'ssm-incidents' && resource.startsWith('response-plan/')) return { kind: 'reaches', what: `Incident Manager response plan ${shown}` };
  if (service === 'ssm' && resource.startsWith('opsitem:')) return { kind: 'reaches', what: `an OpsItem in OpsCenter (${shown})` };
  if (service && AUTOMATION_SERVICES.has(service)) return { kind: 'automation' };
  if (service === 'lambda') return { kind: 'not-shown', why: `function ${shown} receives the alarm; what it sends to people the template cannot show` };
  return { kind: 'not-shown', why: `the template cannot show what ${shown} does with the alarm` };
}

/**
 * How one resolved action or target, published by `publisher` (its key checked), delivers. `undefined` when a role
 * of the app publishes (an EventBridge target with a `RoleArn`): its access to the key is not read here.
 */
export function deliveryOf(item: unknown, app: AppView, publisher: Publisher | undefined): Delivery {
  if (item instanceof ResourceValue) {
    const r = item.resource as ResourceView;
    if (r.type === 'AWS::SNS::Topic') return topicDelivery(r, app, publisher);
    if (r.type === 'AWS::SSMIncidents::ResponsePlan') return { kind: 'reaches', what: `Incident Manager response plan ${r.path}` };
    if (AUTOMATION_TYPES.has(r.type)) return { kind: 'automation' };
    if (FUNCTION_TYPES.has(r.type)) return { kind: 'not-shown', why: `function ${r.path} receives the alarm; what it sends to people the template cannot show` };
    return { kind: 'not-shown', why: `the template cannot show what ${r.path} (${r.type}) does with the alarm` };
  }
  if (typeof item === 'string' || item instanceof Text) return arnDelivery(item, app, publisher);
  if (item instanceof DeployTimeValue) return { kind: 'not-shown', why: `the action is ${String(item)}, known only at deploy time` };
  return { kind: 'not-shown', why: `the template cannot show where ${JSON.stringify(item)} sends the alarm` };
}
