import { AppView, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { parseCidr } from '../../aws';
import { asList, isIntrinsic, literalString, referencedLogicalId } from '../../aws';
import { resolveResource } from './references';
import { referrers, referrersOf } from './references';
import { isVpcCidrAttribute, rulesOf } from './security-groups';

/** Protocols that encrypt the traffic to the listener, or keep it inside the VPC (GENEVE: gateway load balancers). */
const PROTECTED = ['HTTPS', 'TLS', 'GENEVE'];

/**
 * Where a listener's traffic comes from, as far as the template shows (item 1.24 asks for encryption of
 * data in transit across a VPC boundary):
 * - `crosses`: the load balancer is internet-facing, or an internal one whose security groups admit a source
 *   outside its VPC (a CIDR outside the VPC's blocks, a prefix list, or any address while the app connects
 *   the VPC to other networks by peering, transit gateway or VPN);
 * - `inside`: any other internal load balancer: nothing in the app shows traffic from outside its VPC
 *   reaching it;
 * - a verdict when the template cannot tell (the load balancer, its scheme or its VPC's range unknown at synth).
 */
export type ListenerTraffic = { readonly kind: 'crosses'; readonly why: string } | { readonly kind: 'inside'; readonly why: string } | RuleVerdict;

/** Whether the listener's own protocol protects the traffic (TLS, or a gateway load balancer's GENEVE). */
export function isProtectedListener(listener: ResourceView, app: AppView): boolean | 'unknown' {
  const protocol = listener.properties.Protocol;
  if (isIntrinsic(protocol)) return 'unknown';
  if (typeof protocol === 'string' && PROTECTED.includes(protocol)) return true;
  const lb = resolveResource(listener, listener.properties.LoadBalancerArn, app);
  return protocol === undefined && lb?.properties.Type === 'gateway';
}

/** Listener rules by the listener they belong to. */
function listenerRules(app: AppView) {
  return referrers(app, {
    key: 'listener-rules-by-listener',
    fromType: 'AWS::ElasticLoadBalancingV2::ListenerRule',
    targetType: 'AWS::ElasticLoadBalancingV2::Listener',
    path: 'ListenerArn',
  });
}

function redirectsToHttps(actions: unknown): boolean {
  const list = asList<any>(actions);
  return list.length > 0 && list.every((a) => a?.Type === 'redirect' && a.RedirectConfig?.Protocol === 'HTTPS');
}

/**
 * What a plain-text listener serves: nothing (an HTTP listener whose default action and every rule only
 * redirect to HTTPS), else a sentence naming what serves plain traffic.
 */
export function plainTextServing(listener: ResourceView, app: AppView): string | undefined {
  const protocol = listener.properties.Protocol;
  if (protocol !== 'HTTP') return `the ${protocol ?? '(no protocol)'} listener carries traffic without TLS`;
  if (!redirectsToHttps(listener.properties.DefaultActions)) return 'the HTTP listener serves traffic instead of redirecting to HTTPS';
  const serving = referrersOf(listener, listenerRules(app)).find((rule) => !redirectsToHttps(rule.properties.Actions));
  return serving ? `listener rule ${serving.path} serves plain HTTP instead of redirecting to HTTPS` : undefined;
}

/** Where the traffic of a listener comes from: see {@link ListenerTraffic}. */
export function listenerTraffic(listener: ResourceView, app: AppView): ListenerTraffic {
  const lb = resolveResource(listener, listener.properties.LoadBalancerArn, app);
  if (!lb) return unverifiable('the load balancer of this listener', listener.properties.LoadBalancerArn, 'LoadBalancerArn');
  const scheme = lb.properties.Scheme ?? 'internet-facing';
  if (isIntrinsic(scheme)) return unverifiable(`the scheme of load balancer ${lb.path}`, scheme, 'LoadBalancerArn');
  if (scheme !== 'internal') return { kind: 'crosses', why: `load balancer ${lb.path} is internet-facing` };
  const groups = asList(lb.properties.SecurityGroups);
  if (isIntrinsic(lb.properties.SecurityGroups)) return unverifiable(`the security groups of internal load balancer ${lb.path}`, lb.properties.SecurityGroups, 'LoadBalancerArn');
  for (const ref of groups) {
    const sg = resolveResource(lb, ref, app);
    if (!sg || sg.type !== 'AWS::EC2::SecurityGroup') {
      return unverifiable(`a security group of internal load balancer ${lb.path} (so whether sources outside its VPC reach it)`, ref, 'LoadBalancerArn');
    }
    const outside = outsideSource(sg, app);
    if (outside && 'status' in outside) return outside;
    if (outside) return { kind: 'crosses', why: `internal load balancer ${lb.path} admits ${outside.source} from outside its VPC (security group ${sg.path})` };
  }
  return { kind: 'inside', why: `load balancer ${lb.path} is internal and admits only sources inside its VPC` };
}

/**
 * The first ingress source of a security group from outside its VPC, a verdict when unknown, or undefined.
 * A specific CIDR outside the VPC's blocks, or a prefix list, comes from outside. An open CIDR (0.0.0.0/0,
 * ::/0) admits whatever can be routed to the VPC: it comes from outside only when the app connects the VPC to
 * other networks (a peering connection, a transit gateway attachment, a VPN gateway).
 */
function outsideSource(sg: ResourceView, app: AppView): { readonly source: string } | RuleVerdict | undefined {
  const rules = [...rulesOf(sg, 'ingress', app), ...referrersOf(sg, standaloneIngress(app)).flatMap((r) => rulesOf(r, 'ingress', app))];
  const vpc = resolveResource(sg, sg.properties.VpcId, app);
  let vpcBlocks: ReturnType<typeof vpcRanges> | undefined;
  for (const { rule } of rules) {
    if (rule.SourceSecurityGroupId !== undefined || rule.SourceSecurityGroupName !== undefined) continue;
    if (rule.SourcePrefixListId !== undefined) return { source: `prefix list ${literalString(rule.SourcePrefixListId) ?? JSON.stringify(rule.SourcePrefixListId)}` };
    const cidr = rule.CidrIp ?? rule.CidrIpv6;
    if (cidr === undefined || isVpcCidrAttribute(cidr)) continue;
    const text = literalString(cidr);
    const range = text !== undefined ? parseCidr(text) : undefined;
    if (!range) return unverifiable(`an ingress source of security group ${sg.path}`, cidr, 'LoadBalancerArn');
    if (range.first === 0n && range.cidr.endsWith('/0')) {
      const link = vpc ? connectionOf(vpc, app) : undefined;
      if (link) return { source: `${text} while its VPC ${vpc!.path} is connected to other networks (${link.type} ${link.path})` };
      continue;
    }
    vpcBlocks ??= vpcRanges(vpc);
    if (vpcBlocks === 'unknown') return unverifiable(`whether ${text} is inside the VPC of security group ${sg.path}: the VPC's range is not in the app`, sg.properties.VpcId, 'LoadBalancerArn');
    if (!vpcBlocks.some((b) => b.version === range.version && b.first <= range.first && range.last <= b.last)) return { source: text! };
  }
  return undefined;
}

/** Resource types that connect a VPC to other networks (by their `VpcId`). */
const VPC_LINKS: readonly [string, string][] = [
  ['AWS::EC2::VPCPeeringConnection', 'VpcId'],
  ['AWS::EC2::VPCPeeringConnection', 'PeerVpcId'],
  ['AWS::EC2::TransitGatewayAttachment', 'VpcId'],
  ['AWS::EC2::TransitGatewayVpcAttachment', 'VpcId'],
];

/** A resource of the app that connects the VPC to other networks (peering, transit gateway, VPN gateway), if any. */
function connectionOf(vpc: ResourceView, app: AppView): ResourceView | undefined {
  const refersToVpc = (r: ResourceView, property: string) => resolveResource(r, r.properties[property], app) === vpc;
  for (const [type, property] of VPC_LINKS) {
    const link = app.ofType(type).find((r) => r.stack === vpc.stack && refersToVpc(r, property));
    if (link) return link;
  }
  return vpc.stack.ofType('AWS::EC2::VPCGatewayAttachment').find((a) => a.properties.VpnGatewayId !== undefined && refersToVpc(a, 'VpcId'));
}

/** `AWS::EC2::SecurityGroupIngress` resources by the group they add to. */
function standaloneIngress(app: AppView) {
  return referrers(app, {
    key: 'ingress-by-security-group',
    fromType: 'AWS::EC2::SecurityGroupIngress',
    targetType: 'AWS::EC2::SecurityGroup',
    path: 'GroupId',
  });
}

/** The CIDR blocks of a VPC of the app (its `CidrBlock` and `AWS::EC2::VPCCidrBlock`s), or 'unknown'. */
function vpcRanges(vpc: ResourceView | undefined) {
  if (!vpc || vpc.type !== 'AWS::EC2::VPC') return 'unknown' as const;
  const texts = [vpc.properties.CidrBlock, ...vpc.stack.ofType('AWS::EC2::VPCCidrBlock')
    .filter((b) => referencedLogicalId(b.properties.VpcId) === vpc.logicalId)
    .map((b) => b.properties.CidrBlock ?? b.properties.Ipv6CidrBlock)];
  const ranges = texts.map((t) => (typeof t === 'string' ? parseCidr(t) : undefined));
  if (ranges[0] === undefined) return 'unknown' as const;
  return ranges.filter((r): r is NonNullable<typeof r> => r !== undefined);
}
