import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { asList, isIntrinsic } from '../../aws';
import { referencedResource } from '../utils/references';

/**
 * Reads: `AWS::AutoScaling::AutoScalingGroup` and, across its stack, the target groups it names, the
 * `AWS::ElasticLoadBalancingV2::Listener`s (default actions) and `ListenerRule`s forwarding to them, and
 * the `AWS::ElasticLoadBalancingV2::LoadBalancer` of each listener; or the classic
 * `AWS::ElasticLoadBalancing::LoadBalancer`s of `LoadBalancerNames`.
 * Passes when one of the group's load balancers spans at least 2 subnets (`Subnets` or `SubnetMappings`;
 * ELBv2 takes one subnet per AZ, so 2 subnets are 2 AZs) or, for a classic one, 2 subnets or AZs.
 * Fails when: the group is in no target group; its target groups have no listener; the load balancer
 * spans one subnet; a target group or subnet list is unknown at synth (imported ARN, parameter).
 * Fix: register the group with a target group of a load balancer in subnets of at least two AZs.
 */
export const ApplianceBehindLoadBalancer = defineRule({
  name: 'ApplianceBehindLoadBalancer',
  description: 'Appliance Auto Scaling groups receive traffic from an Elastic Load Balancing load balancer spanning several AZs',
  fix: 'Register the Auto Scaling group with a target group (TargetGroupARNs) that a listener of a load balancer in at least two subnets / AZs forwards to',
  resourceTypes: ['AWS::AutoScaling::AutoScalingGroup'],
  scope: 'stack',
  check(r, app): RuleVerdict {
    if (r.type !== 'AWS::AutoScaling::AutoScalingGroup') return NOT_APPLICABLE;
    const tgs = asList(r.properties.TargetGroupARNs);
    const classic = asList(r.properties.LoadBalancerNames);
    if (tgs.length === 0 && classic.length === 0) return nonCompliant('the group is registered with no load balancer target group (TargetGroupARNs is empty)', 'TargetGroupARNs');
    let problem: RuleVerdict | undefined;
    const entries = [...tgs.map((v, i) => ({ v, at: `TargetGroupARNs/${i}` })), ...classic.map((v, i) => ({ v, at: `LoadBalancerNames/${i}` }))];
    for (const { v, at } of entries) {
      const target = referencedResource(r, v);
      if (!target) { problem ??= unverifiable(`the load balancer behind ${at}`, v, at); continue; }
      const lbs = target.type === 'AWS::ElasticLoadBalancing::LoadBalancer' ? [target] : loadBalancersOf(app).get(`${r.stack.path}|${target.logicalId}`) ?? [];
      if (lbs.length === 0) { problem ??= nonCompliant(`target group ${target.path} is attached to no load balancer listener`, at); continue; }
      for (const lb of lbs) {
        const v2 = spread(lb);
        if (v2 === 'unknown') problem ??= unverifiable(`the subnets of load balancer ${lb.path}`, lb.properties.Subnets, at);
        else if (v2 >= 2) return COMPLIANT;
        else problem ??= nonCompliant(`load balancer ${lb.path} spans ${v2} subnet${v2 === 1 ? '' : 's'}, so the group is not reachable through several AZs`, at);
      }
    }
    return problem ?? COMPLIANT;
  },
});

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
      const lb = listener && referencedResource(listener, listener.properties.LoadBalancerArn);
      if (!lb) return;
      for (const a of asList<any>(actions)) {
        for (const tgArn of [a?.TargetGroupArn, ...asList<any>(a?.ForwardConfig?.TargetGroups).map((t) => t?.TargetGroupArn)]) {
          const tg = referencedResource(from, tgArn);
          if (!tg) continue;
          const key = `${from.stack.path}|${tg.logicalId}`;
          const list = index.get(key);
          if (list) { if (!list.includes(lb)) list.push(lb); } else index.set(key, [lb]);
        }
      }
    };
    for (const l of app.ofType('AWS::ElasticLoadBalancingV2::Listener')) add(l, l.properties.DefaultActions, l);
    for (const lr of app.ofType('AWS::ElasticLoadBalancingV2::ListenerRule')) add(lr, lr.properties.Actions, referencedResource(lr, lr.properties.ListenerArn));
    return index;
  });
}
