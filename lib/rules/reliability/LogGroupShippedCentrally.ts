import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, unverifiable } from '../rule';
import { accountKeyOf, resourceKey, resolveResource } from '../utils/references';
import { asList, isIntrinsic, isTrue, literalString } from '../../aws';

/**
 * Reads: `AWS::Logs::LogGroup` and, across the app: `AWS::Logs::SubscriptionFilter` (`LogGroupName`: a `Ref`,
 * an import, or the group's literal name in the same account), `AWS::Logs::AccountPolicy` of type
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
  resourceTypes: ['AWS::Logs::LogGroup'],
  scope: 'app',
  check(r, app) {
    if (r.type !== 'AWS::Logs::LogGroup') return NOT_APPLICABLE;
    const idx = shippingIndex(app);
    const name = literalString(r.properties.LogGroupName);
    const account = accountKeyOf(r.stack);
    if (idx.direct.has(resourceKey(r)) || (name !== undefined && idx.direct.has(`${account}|name:${name}`))) return COMPLIANT;
    if (idx.links.has(account)) return COMPLIANT;
    if ((idx.accountPolicies.get(account) ?? []).some((excluded) => name === undefined || !excluded.includes(name))) return COMPLIANT;
    const unresolved = idx.unresolved.get(account);
    if (unresolved) return unverifiable(`whether subscription filter ${unresolved.path} ships this log group`, unresolved.properties.LogGroupName, '');
    return nonCompliant(`no subscription filter, account-level subscription policy or OAM link of ${r.stack.account ? `account ${r.stack.account}` : `stack ${r.stack.path}`} ships the log group ${name ?? r.path}`);
  },
});

interface ShippingIndex {
  /** Keys of shipped groups (resource keys, and `<account key>|name:<name>`). */
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
      if (name !== undefined) direct.add(`${accountKeyOf(f.stack)}|name:${name}`);
      else if (target) direct.add(resourceKey(target));
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
