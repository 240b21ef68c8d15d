import { AppView, ResourceView } from '../rule';
import { asList, literalString, referencedLogicalId } from '../../aws';
import { resolveResource, resourceKey } from './references';

/** Auto Scaling groups by the {@link resourceKey} of each launch template / configuration they launch from (indexed once per pass). */
export function asgsByLaunchSource(app: AppView): ReadonlyMap<string, readonly ResourceView[]> {
  return app.memo('asgs-by-launch-source', () => {
    const index = new Map<string, ResourceView[]>();
    for (const asg of app.ofType('AWS::AutoScaling::AutoScalingGroup')) {
      const launches = app.launches(asg);
      if (!launches.ok) continue;
      for (const key of new Set(launches.launches.flatMap((l) => (l.template ? [resourceKey(l.template)] : [])))) {
        const list = index.get(key);
        if (list) list.push(asg); else index.set(key, [asg]);
      }
    }
    return index;
  });
}

/** The Auto Scaling groups launching from a launch template / configuration (from any stack of the app). */
export function asgsUsing(source: ResourceView, app: AppView): readonly ResourceView[] {
  return asgsByLaunchSource(app).get(resourceKey(source)) ?? [];
}

/** Whether an Auto Scaling group is registered with a load balancer (ELBv2 target groups or classic load balancers). */
export function isBehindLoadBalancer(asg: ResourceView): boolean {
  return asList(asg.properties.TargetGroupARNs).length > 0 || asList(asg.properties.LoadBalancerNames).length > 0;
}

/** A way a group's scaling and lifecycle events reach code: an EventBridge rule or a lifecycle hook, and the Lambda function it invokes. */
export interface GroupEventHandler {
  /** The EventBridge rule, lifecycle hook or Auto Scaling group (inline hook specification) the events go through. */
  readonly via: ResourceView;
  /** The Lambda function of the app invoked, when it is one. */
  readonly fn?: ResourceView;
  /** Whether the target is a Lambda function (of the app, or by literal ARN). */
  readonly lambda: boolean;
}

/**
 * The handlers of an Auto Scaling group's events: enabled EventBridge rules on `source: aws.autoscaling` naming
 * the group in `detail.AutoScalingGroupName` (a `Ref` to it, or its literal name), and lifecycle hooks of the
 * group (`AWS::AutoScaling::LifecycleHook`, or `LifecycleHookSpecificationList`) whose SNS topic a Lambda
 * function subscribes to (CDK's lifecycle-hook `FunctionHook`).
 */
export function groupEventHandlers(asg: ResourceView, app: AppView): readonly GroupEventHandler[] {
  const index = eventHandlersIndex(app);
  const name = literalString(asg.properties.AutoScalingGroupName);
  const hooks: GroupEventHandler[] = [];
  const viaHook = (via: ResourceView, target: unknown) => {
    const topic = resolveResource(via, target, app);
    if (topic?.type !== 'AWS::SNS::Topic') return;
    for (const fn of topicLambdaSubscribers(topic, app)) hooks.push({ via, fn, lambda: true });
  };
  for (const spec of asList<any>(asg.properties.LifecycleHookSpecificationList)) viaHook(asg, spec?.NotificationTargetARN);
  for (const hook of asg.stack.ofType('AWS::AutoScaling::LifecycleHook')) {
    if (referencedLogicalId(hook.properties.AutoScalingGroupName) === asg.logicalId || (name && hook.properties.AutoScalingGroupName === name)) {
      viaHook(hook, hook.properties.NotificationTargetARN);
    }
  }
  return [...(index.get(`${asg.stack.path}|ref:${asg.logicalId}`) ?? []), ...(name ? index.get(`name:${name}`) ?? [] : []), ...hooks];
}

/** EventBridge rules on Auto Scaling events with their targets, by the group they name (`<stack>|ref:<id>` or `name:<name>`). */
function eventHandlersIndex(app: AppView): ReadonlyMap<string, readonly GroupEventHandler[]> {
  return app.memo('autoscaling/event-rules-by-group', () => {
    const index = new Map<string, GroupEventHandler[]>();
    for (const rule of app.ofType('AWS::Events::Rule')) {
      const pattern = rule.properties.EventPattern;
      if (rule.properties.State === 'DISABLED' || !pattern || typeof pattern !== 'object') continue;
      if (!asList(pattern.source).includes('aws.autoscaling')) continue;
      const targets = asList<any>(rule.properties.Targets).map((t) => {
        const fn = t?.Arn === undefined ? undefined : resolveResource(rule, t.Arn, app);
        const lambda = fn?.type === 'AWS::Lambda::Function' || /^arn:aws[a-z-]*:lambda:/.test(literalString(t?.Arn) ?? '');
        return { via: rule, fn: fn?.type === 'AWS::Lambda::Function' ? fn : undefined, lambda };
      });
      const handlers = targets.length > 0 ? targets : [{ via: rule, lambda: false }];
      for (const g of asList(pattern.detail?.AutoScalingGroupName)) {
        const id = referencedLogicalId(g);
        const key = id ? `${rule.stack.path}|ref:${id}` : literalString(g) ? `name:${g}` : undefined;
        if (!key) continue;
        index.set(key, [...(index.get(key) ?? []), ...handlers]);
      }
    }
    return index;
  });
}

/** The Lambda functions of the app subscribed to a topic (`AWS::SNS::Subscription` or the topic's inline `Subscription`). */
function topicLambdaSubscribers(topic: ResourceView, app: AppView): readonly ResourceView[] {
  const fns: ResourceView[] = [];
  const add = (from: ResourceView, protocol: unknown, endpoint: unknown) => {
    const fn = protocol === 'lambda' ? resolveResource(from, endpoint, app) : undefined;
    if (fn?.type === 'AWS::Lambda::Function' && !fns.includes(fn)) fns.push(fn);
  };
  for (const s of asList<any>(topic.properties.Subscription)) add(topic, s?.Protocol, s?.Endpoint);
  for (const sub of app.ofType('AWS::SNS::Subscription')) {
    if (sub.stack === topic.stack && referencedLogicalId(sub.properties.TopicArn) === topic.logicalId) add(sub, sub.properties.Protocol, sub.properties.Endpoint);
  }
  return fns;
}
