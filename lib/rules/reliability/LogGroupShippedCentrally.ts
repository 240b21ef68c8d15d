import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { isCustomResourceHandler, logGroupOfFunction, writtenOnlyByCustomResourceHandlers } from '../utils/customer-data';
import { accountKeyOf, byLiteralProperty, resourceKey, resolveResource } from '../utils/references';
import { asList, isIntrinsic, isTrue, literalString, ResourceValue, Text } from '../../aws';

/**
 * Reads: `AWS::Logs::LogGroup`, the group a Lambda function writes to when the app does not create it (CloudWatch Logs
 * creates `/aws/lambda/<function>`, or the name `LoggingConfig.LogGroup` gives, at run time; functions that handle
 * custom resources are deployment helpers and not read, nor is a group the app creates that only they write to, as
 * aws-cdk-lib does for its handlers when `@aws-cdk/aws-lambda:useCdkManagedLogGroup` is on), the group an AppSync GraphQL API with a `LogConfig` writes its
 * logs to unless the app creates it (aws-cdk-lib's aws-appsync README: "AppSync automatically create a log group with
 * the name `/aws/appsync/apis/<graphql_api_id>` upon deployment"), the execution log group of an API Gateway REST
 * stage whose `MethodSettings` set a `LoggingLevel` of ERROR or INFO (API Gateway Developer Guide, "Execution logging
 * for REST APIs": "API Gateway automatically creates and manages a CloudWatch Logs log group. The log group is named
 * API-Gateway-Execution-Logs_{rest-api-id}/{stage_name}"), and, across the app: `AWS::Logs::SubscriptionFilter`
 * (`LogGroupName`: a `Ref`, an import, the group's literal name in the same account, `/aws/lambda/` joined with a
 * function's reference, `/aws/appsync/apis/` joined with an API's `ApiId`, or `API-Gateway-Execution-Logs_` joined with
 * a REST API's reference, `/` and the stage name), `AWS::Logs::AccountPolicy` of type
 * `SUBSCRIPTION_FILTER_POLICY` in the same account (an account-wide subscription; a `LogGroupName NOT IN [...]`
 * selection criterion is honoured), `AWS::Oam::Link` in the same account sharing `AWS::Logs::LogGroup` with a
 * monitoring account, and organization trails (`IsOrganizationTrail`) whose `CloudWatchLogsLogGroupArn` is the group.
 * A log group is shipped centrally when one of those applies: a subscription sends its events on, a link makes
 * it readable from the monitoring account, or it is itself the organization-wide destination. Being the
 * destination of one VPC's flow logs or one trail does not make a group central.
 * Fails when: none applies. A subscription filter of the same account whose log group cannot be resolved makes
 * the verdict unverifiable rather than a pass or a fail.
 * Fix: add a subscription filter to the central log destination, an account-level subscription filter policy,
 * or an OAM link to the monitoring account.
 */
export const LogGroupShippedCentrally = defineRule({
  name: 'LogGroupShippedCentrally',
  description: 'CloudWatch log groups are shipped to (or shared with) a central log account',
  fix: 'Add an AWS::Logs::SubscriptionFilter to the central log destination, an account-level SUBSCRIPTION_FILTER_POLICY (AWS::Logs::AccountPolicy), or an AWS::Oam::Link sharing AWS::Logs::LogGroup with the monitoring account',
  resourceTypes: ['AWS::Logs::LogGroup', 'AWS::Lambda::Function', 'AWS::AppSync::GraphQLApi', 'AWS::ApiGateway::Stage'],
  scope: 'app',
  check(r, app) {
    if (r.type === 'AWS::Lambda::Function') return runtimeGroup(r, app);
    if (r.type === 'AWS::AppSync::GraphQLApi') return appSyncGroup(r, app);
    if (r.type === 'AWS::ApiGateway::Stage') return executionLogGroup(r, app);
    if (r.type !== 'AWS::Logs::LogGroup') return NOT_APPLICABLE;
    // The group the app creates for a custom resource handler is read as its run-time group would be: not at all.
    if (writtenOnlyByCustomResourceHandlers(r, app)) return NOT_APPLICABLE;
    const name = literalString(r.properties.LogGroupName);
    const keys = [resourceKey(r), name !== undefined ? `${accountKeyOf(r.stack)}|name:${name}` : undefined];
    return shippedOrFinding(r, app, { keys, name, group: 'this log group' }, (nobody) => `${nobody} ships the log group ${name ?? r.path}`);
  },
});

/** Which log group, for {@link shippedOrFinding}. */
interface ShippedGroup {
  /** Its keys in the shipping index: resource keys, `<account key>|name:<name>`, `function:`/`appsync:`/`apigw:` keys. */
  readonly keys: readonly (string | undefined)[];
  /** Its literal name, which an account-level policy may exclude; undefined when not known at synth. */
  readonly name?: string;
  /** The group as an unverifiable verdict names it (`the function's log group`). */
  readonly group: string;
  /** Where a verdict points. @default - the resource itself */
  readonly location?: string;
}

/**
 * Compliant when something of the app ships the group of `owner`'s account: a subscription filter naming one of its
 * keys, an OAM link of the account, or an account-level subscription policy that does not exclude its name; otherwise
 * unverifiable when a subscription filter of the account names a group that cannot be followed, else the finding
 * (`finding` receives "no subscription filter, account-level subscription policy or OAM link of <the account>").
 */
function shippedOrFinding(owner: ResourceView, app: AppView, g: ShippedGroup, finding: (nobody: string) => string): RuleVerdict {
  const idx = shippingIndex(app);
  const account = accountKeyOf(owner.stack);
  if (g.keys.some((k) => k !== undefined && idx.direct.has(k))) return COMPLIANT;
  if (idx.links.has(account)) return COMPLIANT;
  if ((idx.accountPolicies.get(account) ?? []).some((excluded) => g.name === undefined || !excluded.includes(g.name))) return COMPLIANT;
  const unresolved = idx.unresolved.get(account);
  if (unresolved) return unverifiable(`whether subscription filter ${unresolved.path} ships ${g.group}`, unresolved.properties.LogGroupName, g.location ?? '');
  const where = owner.stack.account ? `account ${owner.stack.account}` : `stack ${owner.stack.path}`;
  return nonCompliant(finding(`no subscription filter, account-level subscription policy or OAM link of ${where}`), g.location);
}

/** The group CloudWatch Logs creates at run time for a function the app gives no log group. */
function runtimeGroup(fn: ResourceView, app: AppView): RuleVerdict {
  if (logGroupOfFunction(fn, app) || isCustomResourceHandler(fn, app)) return NOT_APPLICABLE;
  const configured = fn.properties.LoggingConfig?.LogGroup;
  let name: string | undefined;
  if (configured !== undefined) {
    const res = app.resolveValue(fn, configured, 'LoggingConfig/LogGroup');
    if (!res.ok) return unverifiable('the function\'s log group', res.unresolved, 'LoggingConfig');
    const value = res.values.length === 1 ? res.values[0].value : undefined;
    if (value instanceof ResourceValue && value.resource.type === 'AWS::Logs::LogGroup') return NOT_APPLICABLE;
    name = literalString(value);
    if (name === undefined) return unverifiable('the function\'s log group', value ?? configured, 'LoggingConfig');
  } else {
    const fnName = literalString(fn.properties.FunctionName);
    name = fnName !== undefined ? `/aws/lambda/${fnName}` : undefined;
  }
  // A group of the app with that name is read itself.
  if (name !== undefined && byLiteralProperty(app, 'AWS::Logs::LogGroup', 'LogGroupName', fn, name)) return NOT_APPLICABLE;
  const keys = [name !== undefined ? `${accountKeyOf(fn.stack)}|name:${name}` : undefined, configured === undefined ? `function:${resourceKey(fn)}` : undefined];
  return shippedOrFinding(fn, app, { keys, name, group: 'the function\'s log group', location: 'LoggingConfig' },
    (nobody) => `the function writes to ${name ?? '/aws/lambda/<its generated name>'}, which CloudWatch Logs creates at run time, and ${nobody} ships it`);
}

/** The group AppSync creates at run time, `/aws/appsync/apis/<ApiId>`, for an API that logs. */
function appSyncGroup(api: ResourceView, app: AppView): RuleVerdict {
  const config = api.properties.LogConfig;
  if (config === undefined) return NOT_APPLICABLE;
  // A group of the app with that name (`/aws/appsync/apis/` joined with the API's id) is read itself.
  if (app.ofType('AWS::Logs::LogGroup').some((g) => namedGroup(g, g.properties.LogGroupName, app)?.resource === api)) return NOT_APPLICABLE;
  return shippedOrFinding(api, app, { keys: [`appsync:${resourceKey(api)}`], group: 'the API\'s log group', location: 'LogConfig' },
    (nobody) => `the API writes to /aws/appsync/apis/<its id>, which AppSync creates at run time, and ${nobody} ships it`);
}

/** The execution log group API Gateway creates at run time for a REST stage that logs at ERROR or INFO. */
function executionLogGroup(stage: ResourceView, app: AppView): RuleVerdict {
  const settings = app.resolve(stage, 'MethodSettings');
  if (!settings.ok) return unverifiable('MethodSettings', settings.unresolved, 'MethodSettings');
  const levels = settings.values.flatMap((v) => asList<any>(v.value).map((m) => m?.LoggingLevel)).filter((l) => l !== undefined);
  const unknown = levels.find((l) => typeof l !== 'string');
  if (unknown !== undefined) return unverifiable('MethodSettings/LoggingLevel', unknown, 'MethodSettings');
  if (!levels.some((l: string) => l === 'ERROR' || l === 'INFO')) return NOT_APPLICABLE;
  const stageName = literalString(stage.properties.StageName);
  const api = resolveResource(stage, stage.properties.RestApiId, app);
  const keys = [api && stageName !== undefined ? `apigw:${resourceKey(api)}|${stageName}` : undefined];
  return shippedOrFinding(stage, app, { keys, group: 'the stage\'s execution log group', location: 'MethodSettings' },
    (nobody) => `the stage writes execution logs to API-Gateway-Execution-Logs_<api id>/${stageName ?? '<stage>'}, which API Gateway creates at run time, and ${nobody} ships it`);
}

interface ShippingIndex {
  /** Keys of shipped groups (resource keys, `<account key>|name:<name>`, and `function:<key>` for `/aws/lambda/<function>`). */
  readonly direct: ReadonlySet<string>;
  /** Account keys with an OAM link sharing log groups. */
  readonly links: ReadonlySet<string>;
  /** Account keys with subscription filter policies → names each policy excludes. */
  readonly accountPolicies: ReadonlyMap<string, readonly (readonly string[])[]>;
  /** Account keys → a subscription filter whose log group could not be resolved. */
  readonly unresolved: ReadonlyMap<string, ResourceView>;
}

function shippingIndex(app: AppView): ShippingIndex {
  return app.memo('log-group-shipping', () => {
    const direct = new Set<string>();
    const links = new Set<string>();
    const accountPolicies = new Map<string, string[][]>();
    const unresolved = new Map<string, ResourceView>();
    for (const f of app.ofType('AWS::Logs::SubscriptionFilter')) {
      const value = f.properties.LogGroupName;
      const name = literalString(value);
      const target = name === undefined ? resolveResource(f, value, app) : undefined;
      const named = name === undefined && !target ? namedGroup(f, value, app) : undefined;
      if (name !== undefined) direct.add(`${accountKeyOf(f.stack)}|name:${name}`);
      else if (target) direct.add(resourceKey(target));
      else if (named) direct.add(`${named.kind}:${resourceKey(named.resource)}${named.stage !== undefined ? `|${named.stage}` : ''}`);
      else unresolved.set(accountKeyOf(f.stack), f);
    }
    for (const t of app.ofType('AWS::CloudTrail::Trail')) {
      const target = isTrue(t.properties.IsOrganizationTrail) ? resolveResource(t, t.properties.CloudWatchLogsLogGroupArn, app) : undefined;
      if (target) direct.add(resourceKey(target));
    }
    for (const l of app.ofType('AWS::Oam::Link')) {
      if (asList(l.properties.ResourceTypes).includes('AWS::Logs::LogGroup')) links.add(accountKeyOf(l.stack));
    }
    for (const p of app.ofType('AWS::Logs::AccountPolicy')) {
      if (p.properties.PolicyType !== 'SUBSCRIPTION_FILTER_POLICY') continue;
      const criteria = p.properties.SelectionCriteria;
      if (isIntrinsic(criteria)) continue;
      const excluded = /LogGroupName\s+NOT\s+IN\s*\[(.*)\]/i.exec(criteria ?? '')?.[1].split(',').map((s: string) => s.trim().replace(/^"|"$/g, '')) ?? [];
      const key = accountKeyOf(p.stack);
      const list = accountPolicies.get(key);
      if (list) list.push(excluded); else accountPolicies.set(key, [excluded]);
    }
    return { direct, links, accountPolicies, unresolved };
  });
}

/**
 * The function or AppSync API whose run-time group a value names: `/aws/lambda/` joined with the function's reference,
 * `/aws/appsync/apis/` joined with the API's `ApiId`, or a REST stage's execution log group
 * (`API-Gateway-Execution-Logs_` joined with the REST API's reference, `/` and the stage name).
 */
function namedGroup(from: ResourceView, value: unknown, app: AppView): { readonly kind: 'function' | 'appsync' | 'apigw'; readonly resource: ResourceView; readonly stage?: string } | undefined {
  if (value === undefined) return undefined;
  const res = app.resolveValue(from, value, 'LogGroupName');
  if (!res.ok || res.values.length !== 1) return undefined;
  const v = res.values[0].value;
  if (v instanceof Text && v.parts.length === 3 && v.parts[0] === 'API-Gateway-Execution-Logs_' && v.parts[1] instanceof ResourceValue
    && v.parts[1].resource.type === 'AWS::ApiGateway::RestApi' && v.parts[1].attribute === undefined && typeof v.parts[2] === 'string' && v.parts[2].startsWith('/')) {
    return { kind: 'apigw', resource: v.parts[1].resource as ResourceView, stage: v.parts[2].slice(1) };
  }
  if (!(v instanceof Text) || v.parts.length !== 2) return undefined;
  const prefix = v.literals().join('');
  const ref = v.parts[1];
  if (!(ref instanceof ResourceValue)) return undefined;
  if (prefix === '/aws/lambda/' && ref.resource.type === 'AWS::Lambda::Function' && ref.attribute === undefined) return { kind: 'function', resource: ref.resource as ResourceView };
  if (prefix === '/aws/appsync/apis/' && ref.resource.type === 'AWS::AppSync::GraphQLApi' && ref.attribute === 'ApiId') return { kind: 'appsync', resource: ref.resource as ResourceView };
  return undefined;
}
