import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { applianceReason } from '../utils/appliances';
import { groupEventHandlers } from '../utils/autoscaling';
import { actionMatches, managedPolicyRefs } from '../utils/iam';
import { asList, isIntrinsic } from '../../aws';
import { statementsOf } from '../utils/policy';
import { referrers, referrersOf, resolveResource, resourceKey } from '../utils/references';

/**
 * Reads: `AWS::AutoScaling::AutoScalingGroup`s of network appliances (see `utils/appliances.ts`: tagged
 * `cdk-competency:appliance`, or registered with a Gateway Load Balancer target group; other groups are
 * ordinary compute and not applicable) and, across its stack, the target groups it names, the
 * `AWS::ElasticLoadBalancingV2::Listener`s (default actions) and `ListenerRule`s forwarding to them, and
 * the `AWS::ElasticLoadBalancingV2::LoadBalancer` of each listener, or the classic
 * `AWS::ElasticLoadBalancing::LoadBalancer`s of `LoadBalancerNames`; for DNS, the group's event handlers
 * (EventBridge rules on `aws.autoscaling`, lifecycle hooks) and their Lambda functions' roles.
 * Item load-balancers.5: "the solution must use DNS or Elastic Load Balancing to distribute inbound requests".
 * Passes when one of the group's load balancers spans at least 2 subnets (`Subnets` or `SubnetMappings`;
 * ELBv2 takes one subnet per AZ) or, for a classic one, 2 subnets or AZs; or when the group's lifecycle events
 * reach a Lambda function whose role may change Route 53 records (`route53:ChangeResourceRecordSets`): DNS
 * that follows the group's instances across AZs (whether the group spans AZs is AutoScalingGroupMultiAz's).
 * Fails when: neither; a target group has no listener; the load balancer spans one subnet; a target group or
 * subnet list is unknown at synth (imported ARN, parameter).
 * Fix: register the group with a target group of a load balancer in subnets of at least two AZs, or keep DNS
 * records of its instances up to date from its lifecycle events.
 */
export const ApplianceBehindLoadBalancer = defineRule({
  name: 'ApplianceBehindLoadBalancer',
  description: 'Appliance Auto Scaling groups receive inbound traffic through Elastic Load Balancing across several AZs, or through DNS records kept up to date with the group',
  fix: 'Register the Auto Scaling group with a target group (TargetGroupARNs) that a listener of a load balancer in at least two subnets / AZs forwards to, or update Route 53 records of its instances from its lifecycle events (an EventBridge rule or lifecycle hook invoking a Lambda function allowed route53:ChangeResourceRecordSets)',
  resourceTypes: ['AWS::AutoScaling::AutoScalingGroup'],
  scope: 'app',
  check(r, app): RuleVerdict {
    if (r.type !== 'AWS::AutoScaling::AutoScalingGroup' || !applianceReason(r, app)) return NOT_APPLICABLE;
    const tgs = asList(r.properties.TargetGroupARNs);
    const classic = asList(r.properties.LoadBalancerNames);
    if (tgs.length === 0 && classic.length === 0) {
      if (dnsHandler(r, app)) return COMPLIANT;
      return nonCompliant('the group is registered with no load balancer target group (TargetGroupARNs is empty), and no lifecycle event handler of the group may update Route 53 records', 'TargetGroupARNs');
    }
    let problem: RuleVerdict | undefined;
    const entries = [...tgs.map((v, i) => ({ v, at: `TargetGroupARNs/${i}` })), ...classic.map((v, i) => ({ v, at: `LoadBalancerNames/${i}` }))];
    for (const { v, at } of entries) {
      const target = resolveResource(r, v, app);
      if (!target) { problem ??= unverifiable(`the load balancer behind ${at}`, v, at); continue; }
      const lbs = target.type === 'AWS::ElasticLoadBalancing::LoadBalancer' ? [target] : loadBalancersOf(app).get(resourceKey(target)) ?? [];
      if (lbs.length === 0) { problem ??= nonCompliant(`target group ${target.path} is attached to no load balancer listener`, at); continue; }
      for (const lb of lbs) {
        const v2 = spread(lb);
        if (v2 === 'unknown') problem ??= unverifiable(`the subnets of load balancer ${lb.path}`, lb.properties.Subnets, at);
        else if (v2 >= 2) return COMPLIANT;
        else problem ??= nonCompliant(`load balancer ${lb.path} spans ${v2} subnet${v2 === 1 ? '' : 's'}, so the group is not reachable through several AZs`, at);
      }
    }
    if (problem && dnsHandler(r, app)) return COMPLIANT;
    return problem ?? COMPLIANT;
  },
});

/** A Lambda function handling the group's lifecycle events whose role may change Route 53 records, if any. */
function dnsHandler(asg: ResourceView, app: AppView): ResourceView | undefined {
  return groupEventHandlers(asg, app).map((h) => h.fn).find((fn): fn is ResourceView => !!fn && roleAllows(fn, 'route53:ChangeResourceRecordSets', app));
}

/** Whether a Lambda function's execution role allows an action: its inline and attached policies, or an AWS managed Route 53 policy. */
function roleAllows(fn: ResourceView, action: string, app: AppView): boolean {
  const role = resolveResource(fn, fn.properties.Role, app);
  if (!role || role.type !== 'AWS::IAM::Role') return false;
  if (asList(role.properties.ManagedPolicyArns).some((arn) => {
    const refs = managedPolicyRefs(role, arn, app);
    return refs.every((ref) => ref.kind === 'aws' && (ref.name === 'AmazonRoute53FullAccess' || ref.name === 'AdministratorAccess'));
  })) return true;
  const docs = [
    ...asList<any>(role.properties.Policies).map((p) => p?.PolicyDocument),
    ...referrersOf(role, attachedPolicies(app)).map((p) => p.properties.PolicyDocument),
  ];
  return docs.flatMap((d) => statementsOf(d)).some((s) => s.effect === 'Allow' && s.actions.some((a) => typeof a === 'string' && actionMatches(a, action)));
}

/** `AWS::IAM::Policy` resources by the roles they are attached to. */
function attachedPolicies(app: AppView) {
  return referrers(app, { key: 'policies-by-role', fromType: 'AWS::IAM::Policy', targetType: 'AWS::IAM::Role', path: 'Roles' });
}

/** Distinct subnets (or AZs for a classic load balancer) of a load balancer; 'unknown' when a list is an intrinsic. */
function spread(lb: ResourceView): number | 'unknown' {
  const p = lb.properties;
  const lists = [p.Subnets, p.SubnetMappings, ...(lb.type === 'AWS::ElasticLoadBalancing::LoadBalancer' ? [p.AvailabilityZones] : [])];
  if (lists.some(isIntrinsic)) return 'unknown';
  const subnets = new Set([...asList(p.Subnets), ...asList<any>(p.SubnetMappings).map((m) => m?.SubnetId)].map((s) => JSON.stringify(s)));
  const azs = lb.type === 'AWS::ElasticLoadBalancing::LoadBalancer' ? asList(p.AvailabilityZones).length : 0;
  return Math.max(subnets.size, azs);
}

/** ELBv2 load balancers by `<stack>|<target group id>`, through listeners and listener rules (indexed once per pass). */
function loadBalancersOf(app: AppView): ReadonlyMap<string, readonly ResourceView[]> {
  return app.memo('networking/lbs-by-target-group', () => {
    const index = new Map<string, ResourceView[]>();
    const add = (from: ResourceView, actions: unknown, listener: ResourceView | undefined) => {
      const lb = listener && resolveResource(listener, listener.properties.LoadBalancerArn, app);
      if (!lb) return;
      for (const a of asList<any>(actions)) {
        for (const tgArn of [a?.TargetGroupArn, ...asList<any>(a?.ForwardConfig?.TargetGroups).map((t) => t?.TargetGroupArn)]) {
          const tg = tgArn === undefined ? undefined : resolveResource(from, tgArn, app);
          if (!tg) continue;
          const key = resourceKey(tg);
          const list = index.get(key);
          if (list) { if (!list.includes(lb)) list.push(lb); } else index.set(key, [lb]);
        }
      }
    };
    for (const l of app.ofType('AWS::ElasticLoadBalancingV2::Listener')) add(l, l.properties.DefaultActions, l);
    for (const lr of app.ofType('AWS::ElasticLoadBalancingV2::ListenerRule')) add(lr, lr.properties.Actions, resolveResource(lr, lr.properties.ListenerArn, app));
    return index;
  });
}
