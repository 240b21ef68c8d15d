import { AppView, ResourceView, STACK_OUTPUT_TYPE } from '../rule';
import { asList, DeployTimeValue, isIntrinsic, literalString, NESTED_STACK_TYPE, partitionOf, ResourceValue, Text } from '../../aws';
import { actionMatches } from './iam';
import { policyDocumentTypes, statementsIn } from './policy-documents';
import { Statement } from './policy';
import { ALARM_ACTION_PROPERTIES, ALARM_TYPES } from './notifications';
import { inboundReferences, InboundReference, resolveResource } from './references';

/**
 * Resources that carry no customer data, so the data-protection rules of items 1.11 and 1.22 (about
 * customer data and credentials) do not read them:
 * - an SNS topic that only relays Auto Scaling lifecycle notifications (the notification target of an
 *   `AWS::AutoScaling::LifecycleHook` or of a group's `LifecycleHookSpecificationList`, as CDK's
 *   lifecycle-hook targets create): instance ids and group names;
 * - an SNS topic that only CloudWatch alarms, and AWS DMS or Amazon RDS event subscriptions, publish to: alarm states
 *   and event notifications (see {@link alarmOnlyTopicReason});
 * - a log group written only by the handlers of custom resources (the Lambda functions a `Custom::*` or
 *   `AWS::CloudFormation::CustomResource` calls, directly or through CDK's provider framework): deployment logs;
 *   or by functions that only lifecycle notifications invoke (CDK's ECS drain hook): what they print about instances.
 */
export function noCustomerDataReason(r: ResourceView, app: AppView): string | undefined {
  if (r.type === 'AWS::SNS::Topic') {
    if (lifecycleTopics(app).has(key(r))) return 'it only relays Auto Scaling lifecycle notifications';
    return alarmOnlyTopicReason(r, app);
  }
  if (r.type === 'AWS::Logs::LogGroup') {
    const writers = logGroupWriters(app).get(key(r));
    if (!writers || writers.length === 0) return undefined;
    const helpers = customResourceHandlers(app);
    if (writers.every((fn) => helpers.has(key(fn)))) return `only custom resource handlers write to it (${writers.map((f) => f.path).join(', ')})`;
    if (writers.every((fn) => helpers.has(key(fn)) || isLifecycleHandler(fn, app))) {
      return `only functions that Auto Scaling lifecycle notifications invoke${writers.some((fn) => helpers.has(key(fn))) ? ', and custom resource handlers,' : ''} write to it (${writers.map((f) => f.path).join(', ')})`;
    }
    return undefined;
  }
  return undefined;
}

/** A reference path inside one of an alarm's action lists. */
const ALARM_ACTIONS = new RegExp(`^(${ALARM_ACTION_PROPERTIES.join('|')})(/|$)`);

/**
 * Event subscriptions whose `SnsTopicArn` receives the service's event notifications: the category, the source's
 * identifier and a fixed message ("Replication task has started", "DB instance restarted"), never the rows being
 * migrated or stored (AWS DMS User Guide, "Working with Amazon SNS events and notifications in AWS DMS"; Amazon RDS User
 * Guide, "Working with Amazon RDS event notification").
 */
const EVENT_SUBSCRIPTION_TYPES = ['AWS::DMS::EventSubscription', 'AWS::RDS::EventSubscription'];
/** The service principals that publish those notifications, which a topic policy may let publish. */
const NOTIFYING_SERVICES = ['cloudwatch.amazonaws.com', 'dms.amazonaws.com', 'events.rds.amazonaws.com'];

/**
 * Why a topic carries alarm states only, or undefined: CloudWatch alarms name it in their actions (`AlarmActions`,
 * `OKActions`, `InsufficientDataActions`), and nothing else in the app can publish to it. Every other reference to the
 * topic is read: subscriptions (they receive what the topic carries), outputs that export nothing, alarms and
 * dashboards reading its metrics, and topic policies that let no one but CloudWatch publish are accepted; anything else
 * that designates the topic (an IAM grant, a function's environment, an EventBridge target, a notification setting of
 * another service, an export no stack of the app imports) may publish data to it. So may an identity policy whose SNS
 * publish action covers the topic by a wildcard or a literal ARN. Decided from the template, never from the topic's name.
 */
export function alarmOnlyTopicReason(topic: ResourceView, app: AppView): string | undefined {
  return app.memo(`customer-data/alarm-only:${key(topic)}`, () => {
    const inbound = inboundReferences(topic, app);
    if (inbound.exportedOutside) return undefined;
    const alarms = new Set<string>();
    const events = new Set<string>();
    for (const ref of inbound.references) {
      const use = topicUse(ref, app);
      if (use === 'publisher') return undefined;
      if (use === 'alarm') alarms.add(ref.from.path);
      if (use === 'event') events.add(ref.from.path);
    }
    if (alarms.size + events.size === 0 || wildcardPublishers(app).some((p) => p.matches(topic))) return undefined;
    if (events.size === 0) return `only CloudWatch alarms publish to it (${[...alarms].join(', ')}): alarm states, not customer data`;
    const publishers = [...alarms, ...events].join(', ');
    return `only ${alarms.size > 0 ? 'CloudWatch alarms and ' : ''}event subscriptions publish to it (${publishers}): ${alarms.size > 0 ? 'alarm states and ' : ''}event notifications, not customer data`;
  });
}

/**
 * How one reference uses a topic: an alarm or an event subscription publishing to it, a use that adds nothing to it, or
 * a possible publisher.
 */
function topicUse(ref: InboundReference, app: AppView): 'alarm' | 'event' | 'neutral' | 'publisher' {
  const { from, path } = ref;
  if (ALARM_TYPES.includes(from.type)) return ALARM_ACTIONS.test(path) ? 'alarm' : 'neutral';
  if (EVENT_SUBSCRIPTION_TYPES.includes(from.type)) return path === 'SnsTopicArn' ? 'event' : 'publisher';
  if (from.type === 'AWS::CloudWatch::Dashboard') return 'neutral';
  if (from.type === 'AWS::SNS::Subscription') return path === 'TopicArn' ? 'neutral' : 'publisher';
  if (from.type === STACK_OUTPUT_TYPE) return 'neutral';
  if (from.type === NESTED_STACK_TYPE && path.startsWith('Parameters/')) return 'neutral';
  if (from.type === 'AWS::SNS::TopicPolicy' || from.type === 'AWS::SNS::TopicInlinePolicy') {
    const { statements, unresolved } = statementsIn(from, app, ['resource']);
    if (unresolved) return 'publisher';
    return statements.some(({ s }) => s.effect === 'Allow' && grantsPublish(s) && !onlyNotifyingServices(s)) ? 'publisher' : 'neutral';
  }
  return 'publisher';
}

/** Whether a statement's actions include `sns:Publish` (`sns:Publish`, `sns:*`, `*`...). */
function grantsPublish(s: Statement): boolean {
  return s.notActions.length > 0 || s.actions.some((a) => typeof a !== 'string' || actionMatches(a, 'sns:Publish'));
}

/** Whether a resource-policy statement's only principals are the services that publish alarm states or event notifications. */
function onlyNotifyingServices(s: Statement): boolean {
  const services = s.principalsByKind.get('Service') ?? [];
  return s.principals.length > 0 && s.principals.length === services.length && services.every((p) => typeof p === 'string' && NOTIFYING_SERVICES.includes(p));
}

/** An identity-policy statement allowing an SNS publish action on resources given by pattern, and which topics it covers. */
interface WildcardPublisher {
  matches(topic: ResourceView): boolean;
}

/**
 * Identity policies of the app whose SNS publish actions (`sns:Publish`, `sns:*`, `sns:Pub*`: an action of the SNS
 * service, not the `*` of an administrator) name topics by pattern or literal ARN rather than by reference (references
 * are read by {@link alarmOnlyTopicReason}). A resource known only at deploy time matches every topic.
 */
function wildcardPublishers(app: AppView): readonly WildcardPublisher[] {
  return app.memo('customer-data/wildcard-publishers', () => {
    const out: WildcardPublisher[] = [];
    for (const type of policyDocumentTypes('identity')) {
      for (const r of app.ofType(type)) {
        const { statements, unresolved } = statementsIn(r, app, ['identity']);
        if (unresolved) out.push({ matches: () => true });
        for (const { s } of statements) {
          if (s.effect !== 'Allow' || !s.actions.some((a) => typeof a === 'string' && /^sns:/i.test(a) && actionMatches(a, 'sns:Publish'))) continue;
          for (const res of s.resources) {
            if (res instanceof ResourceValue) continue;
            const pattern = typeof res === 'string' ? res : res instanceof Text ? res.render(() => '*') : res instanceof DeployTimeValue ? '*' : undefined;
            if (pattern === undefined) { out.push({ matches: () => true }); continue; }
            out.push({ matches: (topic) => arnMatches(pattern, topicArnFields(topic)) });
          }
        }
      }
    }
    return out;
  });
}

/** The fields of the ARN a topic will have (`undefined`: not known at synth, so any pattern field matches it). */
function topicArnFields(topic: ResourceView): readonly (string | undefined)[] {
  const region = topic.stack.region;
  return [
    'arn', region ? partitionOf(region)?.id : undefined, 'sns', region, topic.stack.account,
    literalString(topic.properties.TopicName) ?? generatedName(topic),
  ];
}

/**
 * The name CloudFormation generates for a resource: `<stack name>-<logical id>-<random suffix>`, the stack name being
 * the one CDK gives by default (the construct path, `-` for `/`). Marked so that only a pattern with a wildcard matches it.
 */
function generatedName(r: ResourceView): string {
  return `${GENERATED}${r.stack.path.replace(/\//g, '-')}-${r.logicalId}-RANDOMSUFFIX`;
}

const GENERATED = '\u0000';

/**
 * Whether an IAM resource pattern (`*` and `?` wildcards, case-sensitive as IAM compares resources) may match an ARN
 * given by its six fields: field by field when the pattern has six, with an unknown field matching anything; as one
 * string otherwise (`*`, `arn:aws:sns:*`), an unknown region or account written `*`.
 */
function arnMatches(pattern: string, fields: readonly (string | undefined)[]): boolean {
  const glob = (p: string) => new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  const parts = pattern.split(':');
  if (parts.length >= 6) {
    const patternFields = [...parts.slice(0, 5), parts.slice(5).join(':')];
    return patternFields.every((p, i) => fields[i] === undefined || nameMatches(p, fields[i]!, glob));
  }
  return glob(pattern).test(fields.map((f, i) => (f === undefined ? (i === 1 ? 'aws' : '*') : f.startsWith(GENERATED) ? f.slice(GENERATED.length) : f)).join(':'));
}

/** A pattern field against a field: a generated name is matched by a pattern that starts with a wildcard or covers the default name. */
function nameMatches(p: string, field: string, glob: (p: string) => RegExp): boolean {
  if (!field.startsWith(GENERATED)) return glob(p).test(field);
  return /^[*?]/.test(p) || (/[*?]/.test(p) && glob(p).test(field.slice(GENERATED.length)));
}

/** The log group resource of the app a Lambda function writes to (`LoggingConfig.LogGroup`, or a group named `/aws/lambda/<function>`), if any. */
export function logGroupOfFunction(fn: ResourceView, app: AppView): ResourceView | undefined {
  const index = app.memo('customer-data/log-group-of-function', () => {
    const m = new Map<string, ResourceView>();
    for (const g of app.ofType('AWS::Logs::LogGroup')) for (const writer of logGroupWriters(app).get(key(g)) ?? []) m.set(key(writer), g);
    return m;
  });
  return index.get(key(fn));
}

/** Whether only handlers of custom resources (deployment helpers) write to a log group the app creates. */
export function writtenOnlyByCustomResourceHandlers(group: ResourceView, app: AppView): boolean {
  const writers = logGroupWriters(app).get(key(group));
  if (!writers || writers.length === 0) return false;
  const helpers = customResourceHandlers(app);
  return writers.every((fn) => helpers.has(key(fn)));
}

/** Whether a Lambda function handles custom resources (deployment helpers, whose logs hold no customer data). */
export function isCustomResourceHandler(fn: ResourceView, app: AppView): boolean {
  return customResourceHandlers(app).has(key(fn));
}

function key(r: ResourceView): string {
  return `${r.stack.path}|${r.logicalId}`;
}

/** Topics that are notification targets of lifecycle hooks, by `<stack>|<logical id>`. */
function lifecycleTopics(app: AppView): ReadonlySet<string> {
  return app.memo('customer-data/lifecycle-topics', () => {
    const set = new Set<string>();
    const add = (from: ResourceView, target: unknown) => {
      const topic = resolveResource(from, target, app);
      if (topic?.type === 'AWS::SNS::Topic') set.add(key(topic));
    };
    for (const hook of app.ofType('AWS::AutoScaling::LifecycleHook')) add(hook, hook.properties.NotificationTargetARN);
    for (const asg of app.ofType('AWS::AutoScaling::AutoScalingGroup')) {
      for (const spec of asList<any>(asg.properties.LifecycleHookSpecificationList)) add(asg, spec?.NotificationTargetARN);
    }
    return set;
  });
}

/** The Lambda functions writing to each log group (`LoggingConfig.LogGroup`, or a `/aws/lambda/<function>` name). */
function logGroupWriters(app: AppView): ReadonlyMap<string, readonly ResourceView[]> {
  return app.memo('customer-data/log-group-writers', () => {
    const byName = new Map<string, ResourceView>();
    for (const g of app.ofType('AWS::Logs::LogGroup')) {
      const name = g.properties.LogGroupName;
      const fn = functionOfLogGroupName(g, name, app);
      if (fn) byName.set(key(g), fn);
    }
    const index = new Map<string, ResourceView[]>();
    const add = (group: ResourceView, fn: ResourceView) => {
      const list = index.get(key(group)) ?? [];
      if (!list.includes(fn)) list.push(fn);
      index.set(key(group), list);
    };
    for (const fn of app.ofType('AWS::Lambda::Function')) {
      const group = resolveResource(fn, fn.properties.LoggingConfig?.LogGroup, app);
      if (group?.type === 'AWS::Logs::LogGroup') add(group, fn);
    }
    for (const g of app.ofType('AWS::Logs::LogGroup')) {
      const fn = byName.get(key(g));
      if (fn) add(g, fn);
    }
    return index;
  });
}

/** The function a log group name `/aws/lambda/<function name>` names (a `Fn::Join` with a `Ref` to it), if any. */
function functionOfLogGroupName(group: ResourceView, name: unknown, app: AppView): ResourceView | undefined {
  const join = isIntrinsic(name) ? name['Fn::Join'] : undefined;
  if (!Array.isArray(join) || !Array.isArray(join[1])) return undefined;
  const parts = join[1] as unknown[];
  const prefix = parts.slice(0, -1).map(literalString).join('');
  if (!prefix.endsWith('/aws/lambda/')) return undefined;
  const fn = resolveResource(group, parts[parts.length - 1], app);
  return fn?.type === 'AWS::Lambda::Function' ? fn : undefined;
}

/**
 * Lambda functions that handle custom resources: the target of a custom resource's `ServiceToken`, and the
 * handlers CDK's provider framework calls (its `USER_ON_EVENT_FUNCTION_ARN` / `USER_IS_COMPLETE_FUNCTION_ARN`, and the
 * functions its waiter state machine, `WAITER_STATE_MACHINE_ARN`, calls).
 */
function customResourceHandlers(app: AppView): ReadonlySet<string> {
  return app.memo('customer-data/custom-resource-handlers', () => {
    const set = new Set<string>();
    const visit = (from: ResourceView, token: unknown) => {
      const fn = resolveResource(from, token, app);
      if (fn?.type !== 'AWS::Lambda::Function' || set.has(key(fn))) return;
      set.add(key(fn));
      const env = fn.properties.Environment?.Variables ?? {};
      for (const name of ['USER_ON_EVENT_FUNCTION_ARN', 'USER_IS_COMPLETE_FUNCTION_ARN']) if (env[name] !== undefined) visit(fn, env[name]);
      // The provider framework's waiter: a state machine calling its isComplete and onTimeout functions.
      const waiter = env.WAITER_STATE_MACHINE_ARN !== undefined ? resolveResource(fn, env.WAITER_STATE_MACHINE_ARN, app) : undefined;
      if (waiter?.type === 'AWS::StepFunctions::StateMachine') {
        const definition = app.resolve(waiter, 'DefinitionString');
        if (definition.ok) {
          for (const { value } of definition.values) {
            for (const part of value instanceof Text ? value.parts : []) if (part instanceof ResourceValue) visit(waiter, { Ref: part.resource.logicalId });
          }
        }
      }
    };
    for (const stack of app.stacks) {
      for (const r of stack.resources.values()) {
        if (r.type.startsWith('Custom::') || r.type === 'AWS::CloudFormation::CustomResource') visit(r, r.properties.ServiceToken);
      }
    }
    return set;
  });
}

/**
 * Whether a Lambda function is invoked only by Auto Scaling lifecycle notifications (CDK's ECS drain hook): an SNS
 * subscription of a lifecycle topic (see {@link lifecycleTopics}) delivers to it, and every other reference to it is
 * its own log group or retention, or a permission letting SNS invoke it from such a topic. Its input is instance ids
 * and group names; its log holds what it prints about them.
 */
function isLifecycleHandler(fn: ResourceView, app: AppView): boolean {
  return app.memo(`customer-data/lifecycle-handler:${key(fn)}`, () => {
    const topics = lifecycleTopics(app);
    const fromLifecycleTopic = (from: ResourceView, value: unknown) => {
      const topic = resolveResource(from, value, app);
      return topic !== undefined && topics.has(key(topic));
    };
    const inbound = inboundReferences(fn, app);
    if (inbound.exportedOutside) return false;
    let subscribed = false;
    for (const { from, path } of inbound.references) {
      if (from.type === 'AWS::SNS::Subscription' && path === 'Endpoint' && literalString(from.properties.Protocol) === 'lambda' && fromLifecycleTopic(from, from.properties.TopicArn)) {
        subscribed = true;
      } else if (from.type === 'AWS::Lambda::Permission' && path === 'FunctionName') {
        if (literalString(from.properties.Principal) !== 'sns.amazonaws.com' || !fromLifecycleTopic(from, from.properties.SourceArn)) return false;
      } else if (!((from.type === 'AWS::Logs::LogGroup' && path.startsWith('LogGroupName')) || (from.type === 'Custom::LogRetention' && path.startsWith('LogGroupName')) || from.type === STACK_OUTPUT_TYPE)) {
        return false;
      }
    }
    return subscribed;
  });
}
