import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { asList, literalNumber, literalString, Unresolved, valueAtPath } from '../../aws';
import { applianceReason } from '../utils/appliances';
import { resolveResource } from '../utils/references';
import { portRange, rulesOf } from '../utils/security-groups';

/**
 * Reads: `AWS::AutoScaling::AutoScalingGroup`s of network appliances (see `utils/appliances.ts`); in the group's
 * stack, the internal `AWS::ElasticLoadBalancingV2::LoadBalancer`s (application or network) that do not forward to
 * the group (its listeners' target groups are not the group's) and their `Listener` ports; the security groups the
 * group launches its instances with (launch template `SecurityGroupIds`, launch configuration `SecurityGroups`) and
 * their egress rules (inline and `AWS::EC2::SecurityGroupEgress`; none at all means all egress).
 * Item load-balancers.6: "In the high availability configuration the load balancing solution must be able to send
 * downstream traffic to an Elastic Load Balancing load balancer". Not applicable when the stack holds no
 * downstream load balancer (the template shows nothing either way; the capability is attested).
 * Fails when: the appliances' security groups allow egress to none of the downstream load balancers' listener ports;
 * a security group or port unknown at synth.
 * Fix: allow the appliances' egress to the downstream load balancer's listener port (its security group or subnets).
 */
export const ApplianceReachesDownstreamElb = defineRule({
  name: 'ApplianceReachesDownstreamElb',
  description: 'Appliance instances can send traffic on to an internal Elastic Load Balancing load balancer downstream of them',
  fix: 'Allow the appliances\' security group egress to the listener port of the downstream load balancer (e.g. appliances.connections.allowTo(downstreamAlb, ec2.Port.tcp(80)))',
  resourceTypes: ['AWS::AutoScaling::AutoScalingGroup'],
  scope: 'stack',
  check(r, app): RuleVerdict {
    if (r.type !== 'AWS::AutoScaling::AutoScalingGroup' || !applianceReason(r, app)) return NOT_APPLICABLE;
    const downstream = downstreamPorts(r, app);
    if (downstream.length === 0) return NOT_APPLICABLE;
    const launches = app.launches(r);
    if (!launches.ok) return unverifiable('how the group launches its instances', launches.unresolved, 'LaunchTemplate');
    const groups: ResourceView[] = [];
    for (const launch of launches.launches) {
      const source = launch.settings.get('SecurityGroupIds') ?? launch.settings.get('SecurityGroups');
      if (!source) return COMPLIANT; // the VPC's default security group: all egress
      const raw = valueAtPath(source.from.properties, source.path);
      for (const value of asList<unknown>(raw)) {
        const sg = resolveResource(source.from, value, app);
        if (!sg || sg.type !== 'AWS::EC2::SecurityGroup') return unverifiable('a security group of the appliances', value, source.path);
        groups.push(sg);
      }
    }
    const ports = [...new Set(downstream.map((d) => d.port))];
    for (const sg of groups) {
      const egress = egressOf(sg, app);
      if (!Array.isArray(egress)) return unverifiable(`the egress rules of ${sg.path}`, egress.unresolved, egress.unresolved.property);
      if (egress.length === 0) return COMPLIANT; // no egress rule: CloudFormation allows all egress
      for (const rule of egress) {
        const range = portRange(rule);
        if (!range) return unverifiable('the egress ports of the appliances', rule.FromPort ?? rule.ToPort, 'SecurityGroupEgress');
        if (range.allProtocols || ((String(rule.IpProtocol) === 'tcp' || String(rule.IpProtocol) === '6') && ports.some((p) => range.from <= p && p <= range.to))) return COMPLIANT;
      }
    }
    const lbs = [...new Set(downstream.map((d) => d.lb.path))].join(', ');
    return nonCompliant(`the appliances' security groups allow no egress to TCP ${ports.join(', ')}, the listener port${ports.length === 1 ? '' : 's'} of the downstream load balancer${downstream.length === 1 ? '' : 's'} ${lbs}`);
  },
});

/** Internal load balancers of the group's stack that do not forward to the group, with their listener ports. */
function downstreamPorts(group: ResourceView, app: AppView): { lb: ResourceView; port: number }[] {
  const mine = new Set(asList(group.properties.TargetGroupARNs).map((v) => resolveResource(group, v, app)).filter((tg): tg is ResourceView => !!tg));
  const listeners = group.stack.ofType('AWS::ElasticLoadBalancingV2::Listener');
  const forwardsToGroup = (l: ResourceView) => asList<any>(l.properties.DefaultActions).some((a) =>
    [a?.TargetGroupArn, ...asList<any>(a?.ForwardConfig?.TargetGroups).map((t) => t?.TargetGroupArn)].some((v) => v !== undefined && mine.has(resolveResource(l, v, app)!)));
  const fronts = new Set(listeners.filter(forwardsToGroup).map((l) => resolveResource(l, l.properties.LoadBalancerArn, app)));
  const out: { lb: ResourceView; port: number }[] = [];
  for (const l of listeners) {
    const lb = resolveResource(l, l.properties.LoadBalancerArn, app);
    if (!lb || fronts.has(lb) || literalString(lb.properties.Scheme) !== 'internal' || literalString(lb.properties.Type) === 'gateway') continue;
    const port = literalNumber(l.properties.Port);
    if (port !== undefined) out.push({ lb, port });
  }
  return out;
}

/** Egress rules of a security group: inline, and `AWS::EC2::SecurityGroupEgress` resources of the app naming it. */
function egressOf(sg: ResourceView, app: AppView): { readonly [key: string]: any }[] | { readonly unresolved: Unresolved } {
  const standalone = app.ofType('AWS::EC2::SecurityGroupEgress').filter((e) => resolveResource(e, e.properties.GroupId, app) === sg);
  const parts = [rulesOf(sg, 'egress', app), ...standalone.map((e) => rulesOf(e, 'egress', app))];
  const unresolved = parts.find((p) => p.unresolved)?.unresolved;
  if (unresolved) return { unresolved };
  return parts.flatMap((p) => p.rules).map((x) => x.rule);
}
