import { AppView, ResourceView } from '../rule';
import { asList, isIntrinsic, literalNumber, referencedLogicalId } from '../../aws';
import { resolveResource } from './references';

/** One ingress or egress rule, wherever it is declared. */
export interface SecurityGroupRule {
  readonly rule: { readonly [key: string]: any };
  /** Property path of the rule, e.g. `SecurityGroupIngress/0`. */
  readonly location: string;
  /** The security group resource it belongs to (anywhere in the app), when known. */
  readonly group?: ResourceView;
}

/** The ingress (or egress) rules a resource declares: inline on a group, or as a standalone rule resource. */
export function rulesOf(r: ResourceView, direction: 'ingress' | 'egress', app: AppView): readonly SecurityGroupRule[] {
  const inline = direction === 'ingress' ? 'SecurityGroupIngress' : 'SecurityGroupEgress';
  const standalone = direction === 'ingress' ? 'AWS::EC2::SecurityGroupIngress' : 'AWS::EC2::SecurityGroupEgress';
  if (r.type === 'AWS::EC2::SecurityGroup') {
    return asList<any>(r.properties[inline]).map((rule, i) => ({ rule: rule ?? {}, location: `${inline}/${i}`, group: r }));
  }
  if (r.type === standalone) {
    const group = resolveResource(r, r.properties.GroupId, app);
    return [{ rule: r.properties, location: '', group }];
  }
  return [];
}

export const OPEN_CIDRS = ['0.0.0.0/0', '::/0'];

/** The CIDR a rule opens to, as a literal, or the intrinsic; undefined when the source is a group or prefix list. */
export function cidrOf(rule: { readonly [key: string]: any }): unknown {
  return rule.CidrIp ?? rule.CidrIpv6;
}

/** Whether an intrinsic CIDR is a VPC's own CIDR block (`Fn::GetAtt [Vpc, CidrBlock]`), which is not open. */
export function isVpcCidrAttribute(v: unknown): boolean {
  if (!isIntrinsic(v)) return false;
  const getAtt = v['Fn::GetAtt'];
  if (Array.isArray(getAtt) && (getAtt[1] === 'CidrBlock' || getAtt[1] === 'CidrBlockAssociations')) return true;
  const select = v['Fn::Select'];
  return Array.isArray(select) && isVpcCidrAttribute(select[1]);
}

/** The port range of a rule; all ports for protocol -1. Undefined when a port is an intrinsic. */
export function portRange(rule: { readonly [key: string]: any }): { from: number; to: number; allProtocols: boolean } | undefined {
  const protocol = String(rule.IpProtocol ?? '');
  if (protocol === '-1' || protocol === 'all') return { from: 0, to: 65535, allProtocols: true };
  const from = literalNumber(rule.FromPort);
  const to = literalNumber(rule.ToPort);
  if (from === undefined || to === undefined) return undefined;
  // ICMP uses type/code in these fields; -1 means all types.
  if (protocol === 'icmp' || protocol === '1' || protocol === 'icmpv6' || protocol === '58') return { from: 0, to: 0, allProtocols: false };
  return { from: from < 0 ? 0 : from, to: to < 0 ? 65535 : to, allProtocols: false };
}

/** Logical ids (per stack path) of security groups attached to internet-facing load balancers, indexed once. */
export function internetFacingLbGroups(app: AppView): ReadonlySet<string> {
  return app.memo('internet-facing-lb-groups', () => {
    const set = new Set<string>();
    const lbs = [...app.ofType('AWS::ElasticLoadBalancingV2::LoadBalancer'), ...app.ofType('AWS::ElasticLoadBalancing::LoadBalancer')];
    for (const lb of lbs) {
      const scheme = lb.properties.Scheme ?? 'internet-facing';
      if (scheme !== 'internet-facing') continue;
      for (const sg of asList(lb.properties.SecurityGroups)) {
        const id = referencedLogicalId(sg);
        if (id) set.add(`${lb.stack.path}|${id}`);
      }
    }
    return set;
  });
}
