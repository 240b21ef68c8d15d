import { AppView, ResourceView } from '../rule';
import { asList, isIntrinsic, literalString } from '../../aws';
import { resolveResource } from './references';

/**
 * Resources that carry no customer data, so the data-protection rules of items 1.11 and 1.22 (about
 * customer data and credentials) do not read them:
 * - an SNS topic that only relays Auto Scaling lifecycle notifications (the notification target of an
 *   `AWS::AutoScaling::LifecycleHook` or of a group's `LifecycleHookSpecificationList`, as CDK's
 *   lifecycle-hook targets create): instance ids and group names;
 * - a log group written only by the handlers of custom resources (the Lambda functions a `Custom::*` or
 *   `AWS::CloudFormation::CustomResource` calls, directly or through CDK's provider framework): deployment logs.
 */
export function noCustomerDataReason(r: ResourceView, app: AppView): string | undefined {
  if (r.type === 'AWS::SNS::Topic') {
    return lifecycleTopics(app).has(key(r)) ? 'it only relays Auto Scaling lifecycle notifications' : undefined;
  }
  if (r.type === 'AWS::Logs::LogGroup') {
    const writers = logGroupWriters(app).get(key(r));
    if (!writers || writers.length === 0) return undefined;
    const helpers = customResourceHandlers(app);
    return writers.every((fn) => helpers.has(key(fn))) ? `only custom resource handlers write to it (${writers.map((f) => f.path).join(', ')})` : undefined;
  }
  return undefined;
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
 * handlers CDK's provider framework calls (its `USER_ON_EVENT_FUNCTION_ARN` / `USER_IS_COMPLETE_FUNCTION_ARN`).
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
    };
    for (const stack of app.stacks) {
      for (const r of stack.resources.values()) {
        if (r.type.startsWith('Custom::') || r.type === 'AWS::CloudFormation::CustomResource') visit(r, r.properties.ServiceToken);
      }
    }
    return set;
  });
}
