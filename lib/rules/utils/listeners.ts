import { AppView, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { asList, isDeployTime, parseCidr, ResourceValue } from '../../aws';
import { referrers, referrersOf, resolveResource, resourceKey } from './references';
import { ingressOfGroup, sourceOf } from './security-groups';

/** Protocols that encrypt the traffic to an ELBv2 listener, or keep it inside the VPC (GENEVE: gateway load balancers). */
const PROTECTED = ['HTTPS', 'TLS', 'GENEVE'];
/** Front-end protocols of a Classic Load Balancer listener that encrypt the traffic. */
const CLASSIC_PROTECTED = ['HTTPS', 'SSL'];

/**
 * Where a load balancer's traffic comes from, as far as the template shows (item 1.24 asks for encryption of
 * data in transit across a VPC boundary):
 * - `crosses`: the load balancer is internet-facing, or an internal one that a service of the app puts in front of
 *   other networks (a PrivateLink endpoint service, a Global Accelerator endpoint group, an API Gateway VPC link), or
 *   whose security groups admit a source outside its VPC (a CIDR outside the VPC's blocks, a prefix list, or any
 *   address while the app connects the VPC to other networks by peering, transit gateway or VPN);
 * - `inside`: any other internal load balancer: nothing in the app shows traffic from outside its VPC
 *   reaching it;
 * - a verdict when the template cannot tell (the load balancer, its scheme or its VPC's range unknown at synth).
 */
export type ListenerTraffic = { readonly kind: 'crosses'; readonly why: string } | { readonly kind: 'inside'; readonly why: string } | RuleVerdict;

/** One listener of a Classic Load Balancer, resolved. */
export interface ClassicListener {
  readonly protocol: unknown;
  readonly port: unknown;
  readonly location: string;
}

/** The listeners of a Classic Load Balancer, every `Fn::If` branch; a verdict when they cannot be followed. */
export function classicListeners(lb: ResourceView, app: AppView): readonly ClassicListener[] | RuleVerdict {
  const res = app.resolve(lb, 'Listeners');
  if (!res.ok) return unverifiable('Listeners', res.unresolved, 'Listeners');
  return res.values.flatMap((alt) => asList<any>(alt.value).map((l, i) => ({ protocol: l?.Protocol, port: l?.LoadBalancerPort, location: `Listeners/${i}` })));
}

/** Whether a Classic Load Balancer front-end protocol encrypts (HTTPS, SSL); 'unknown' when known only at deploy time. */
export function isProtectedClassicProtocol(protocol: unknown): boolean | 'unknown' {
  if (isDeployTime(protocol)) return 'unknown';
  return typeof protocol === 'string' && CLASSIC_PROTECTED.includes(protocol.toUpperCase());
}

/** The protocols an ELBv2 listener can have (one per `Fn::If` branch); a verdict when it cannot be followed. */
function protocolsOf(listener: ResourceView, app: AppView): readonly unknown[] | RuleVerdict {
  const res = app.resolve(listener, 'Protocol');
  if (!res.ok) return unverifiable('Protocol', res.unresolved, 'Protocol');
  return res.values.map((v) => v.value);
}

/** Whether the listener's own protocol protects the traffic (TLS, or a gateway load balancer's GENEVE), in every branch. */
export function isProtectedListener(listener: ResourceView, app: AppView): boolean | 'unknown' {
  const protocols = protocolsOf(listener, app);
  if (!Array.isArray(protocols)) return 'unknown';
  let lb: ResourceView | undefined | null = null;
  for (const protocol of protocols) {
    if (isDeployTime(protocol)) return 'unknown';
    if (typeof protocol === 'string' && PROTECTED.includes(protocol)) continue;
    if (protocol === undefined) {
      if (lb === null) lb = resolveResource(listener, listener.properties.LoadBalancerArn, app);
      if (lb?.properties.Type === 'gateway') continue;
    }
    return false;
  }
  return true;
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

/** Whether every branch of a resource's actions (at `path`) only redirects to HTTPS. */
function onlyRedirects(r: ResourceView, path: string, app: AppView): boolean {
  const res = app.resolve(r, path);
  return res.ok && res.values.every((v) => redirectsToHttps(v.value));
}

/**
 * Whether a target group shows that its targets speak TLS on the port they receive traffic on: a health check over
 * HTTPS on the traffic port ("the default is traffic-port, which is the port on which each target receives traffic from
 * the load balancer", Elastic Load Balancing API reference, CreateTargetGroup HealthCheckPort), or on the group's `Port`.
 */
function targetsSpeakTls(group: ResourceView, app: AppView): boolean {
  const protocol = app.resolve(group, 'HealthCheckProtocol');
  const port = app.resolve(group, 'HealthCheckPort');
  return protocol.ok && port.ok
    && protocol.values.every((v) => v.value === 'HTTPS')
    && port.values.every((v) => v.value === undefined || v.value === 'traffic-port' || (v.value !== null && String(v.value) === String(group.properties.Port)));
}

/**
 * Whether a TCP listener passes TLS through to targets that terminate it: every branch of its default actions forwards
 * only to target groups of the app whose targets speak TLS on the traffic port (see {@link targetsSpeakTls}).
 */
function passesTlsThrough(listener: ResourceView, app: AppView): boolean {
  const res = app.resolve(listener, 'DefaultActions');
  if (!res.ok) return false;
  return res.values.every(({ value }) => {
    const actions = asList<any>(value);
    if (actions.length === 0) return false;
    return actions.every((a) => {
      if (a?.Type !== 'forward') return false;
      const arns = a.ForwardConfig?.TargetGroups !== undefined ? asList<any>(a.ForwardConfig.TargetGroups).map((t) => t?.TargetGroupArn) : [a.TargetGroupArn];
      return arns.length > 0 && arns.every((arn) => {
        const group = resolveResource(listener, arn, app);
        return group?.type === 'AWS::ElasticLoadBalancingV2::TargetGroup' && targetsSpeakTls(group, app);
      });
    });
  });
}

/**
 * What a plain-text listener serves: nothing (an HTTP listener whose default action and every rule only
 * redirect to HTTPS; a TCP listener that passes TLS through to targets whose health check shows they terminate it),
 * else a sentence naming what serves plain traffic.
 */
export function plainTextServing(listener: ResourceView, app: AppView): string | undefined {
  const protocols = protocolsOf(listener, app);
  const plain = Array.isArray(protocols) ? protocols.find((p) => typeof p !== 'string' || !PROTECTED.includes(p)) : listener.properties.Protocol;
  if (plain === 'TCP' && passesTlsThrough(listener, app)) return undefined;
  if (plain !== 'HTTP') return `the ${typeof plain === 'string' ? plain : '(no protocol)'} listener carries traffic without TLS`;
  if (!onlyRedirects(listener, 'DefaultActions', app)) return 'the HTTP listener serves traffic instead of redirecting to HTTPS';
  const serving = referrersOf(listener, listenerRules(app)).find((rule) => !onlyRedirects(rule, 'Actions', app));
  return serving ? `listener rule ${serving.path} serves plain HTTP instead of redirecting to HTTPS` : undefined;
}

/** Where the traffic of an ELBv2 listener comes from: see {@link ListenerTraffic}. */
export function listenerTraffic(listener: ResourceView, app: AppView): ListenerTraffic {
  const lb = resolveResource(listener, listener.properties.LoadBalancerArn, app);
  if (!lb) return unverifiable('the load balancer of this listener', listener.properties.LoadBalancerArn, 'LoadBalancerArn');
  return loadBalancerTraffic(lb, app, 'LoadBalancerArn');
}

/** Where the traffic of a load balancer (ELBv2 or Classic) comes from; `location` names the property findings point at. */
export function loadBalancerTraffic(lb: ResourceView, app: AppView, location = 'Scheme'): ListenerTraffic {
  const schemes = app.resolve(lb, 'Scheme');
  if (!schemes.ok) return unverifiable(`the scheme of load balancer ${lb.path}`, schemes.unresolved, location);
  for (const { value } of schemes.values) {
    const scheme = value ?? 'internet-facing';
    if (isDeployTime(scheme)) return unverifiable(`the scheme of load balancer ${lb.path}`, scheme, location);
    if (scheme !== 'internal') return { kind: 'crosses', why: `load balancer ${lb.path} is internet-facing` };
  }
  const front = frontDoors(app).get(resourceKey(lb));
  if (front) return { kind: 'crosses', why: `internal load balancer ${lb.path} is reached from outside its VPC through ${front}` };
  const groups = app.resolve(lb, 'SecurityGroups');
  if (!groups.ok) return unverifiable(`the security groups of internal load balancer ${lb.path}`, groups.unresolved, location);
  for (const alt of groups.values) {
    if (isDeployTime(alt.value)) return unverifiable(`the security groups of internal load balancer ${lb.path}`, alt.value, location);
    for (const ref of asList(alt.value)) {
      const sg = ref instanceof ResourceValue && ref.resource.type === 'AWS::EC2::SecurityGroup' ? ref.resource as ResourceView : undefined;
      if (!sg) return unverifiable(`a security group of internal load balancer ${lb.path} (so whether sources outside its VPC reach it)`, ref, location);
      const outside = outsideSource(sg, app, location);
      if (outside && 'status' in outside) return outside;
      if (outside) return { kind: 'crosses', why: `internal load balancer ${lb.path} admits ${outside.source} from outside its VPC (security group ${sg.path})` };
    }
  }
  return { kind: 'inside', why: `load balancer ${lb.path} is internal and admits only sources inside its VPC` };
}

/**
 * Internal load balancers that other networks reach through a service of the app, by key, with that service: a
 * PrivateLink endpoint service (`AWS::EC2::VPCEndpointService` `NetworkLoadBalancerArns`: its consumers are in other
 * VPCs), a Global Accelerator endpoint group (`EndpointConfigurations[].EndpointId`: clients on the internet), an API
 * Gateway REST API VPC link (`AWS::ApiGateway::VpcLink` `TargetArns`: API Gateway is outside the VPC).
 */
function frontDoors(app: AppView): ReadonlyMap<string, string> {
  return app.memo('load-balancer-front-doors', () => {
    const doors = new Map<string, string>();
    const add = (from: ResourceView, values: readonly unknown[], what: string) => {
      for (const v of values) {
        const target = resolveResource(from, v, app);
        if (target?.type === 'AWS::ElasticLoadBalancingV2::LoadBalancer' && !doors.has(resourceKey(target))) doors.set(resourceKey(target), `${what} ${from.path}`);
      }
    };
    for (const r of app.ofType('AWS::EC2::VPCEndpointService')) add(r, asList(r.properties.NetworkLoadBalancerArns), 'PrivateLink endpoint service');
    for (const r of app.ofType('AWS::GlobalAccelerator::EndpointGroup')) add(r, asList<any>(r.properties.EndpointConfigurations).map((e) => e?.EndpointId), 'Global Accelerator endpoint group');
    for (const r of app.ofType('AWS::ApiGateway::VpcLink')) add(r, asList(r.properties.TargetArns), 'API Gateway VPC link');
    return doors;
  });
}

/**
 * The first ingress source of a security group from outside its VPC, a verdict when unknown, or undefined.
 * A specific CIDR outside the VPC's blocks, or a prefix list, comes from outside. An open CIDR (0.0.0.0/0,
 * ::/0) admits whatever can be routed to the VPC: it comes from outside only when the app connects the VPC to
 * other networks (a peering connection, a transit gateway attachment, a VPN gateway).
 */
function outsideSource(sg: ResourceView, app: AppView, location: string): { readonly source: string } | RuleVerdict | undefined {
  const { rules, unresolved } = ingressOfGroup(sg, app);
  if (unresolved) return unverifiable(`the ingress rules of security group ${sg.path}`, unresolved, location);
  const vpc = resolveResource(sg, sg.properties.VpcId, app);
  let vpcBlocks: ReturnType<typeof vpcRanges> | undefined;
  for (const rule of rules) {
    const source = sourceOf(rule, 'ingress');
    if (source.kind === 'group' || source.kind === 'vpc-cidr' || source.kind === 'none') continue;
    if (source.kind === 'prefix-list') return { source: `prefix list ${source.shown}` };
    if (source.kind === 'unknown') return unverifiable(`an ingress source of security group ${sg.path}`, source.value, location);
    if (source.open) {
      const link = vpc ? connectionOf(vpc, app) : undefined;
      if (link) return { source: `${source.cidr} while its VPC ${vpc!.path} is connected to other networks (${link.type} ${link.path})` };
      continue;
    }
    vpcBlocks ??= vpcRanges(vpc, app);
    if (vpcBlocks === 'unknown') return unverifiable(`whether ${source.cidr} is inside the VPC of security group ${sg.path}: the VPC's range is not in the app`, sg.properties.VpcId, location);
    const range = source.range;
    if (!vpcBlocks.some((b) => b.version === range.version && b.first <= range.first && range.last <= b.last)) return { source: source.cidr };
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
    const link = app.ofType(type).find((r) => refersToVpc(r, property));
    if (link) return link;
  }
  return app.ofType('AWS::EC2::VPCGatewayAttachment').find((a) => a.properties.VpnGatewayId !== undefined && refersToVpc(a, 'VpcId'));
}

/** The CIDR blocks of a VPC of the app (its `CidrBlock` and the `AWS::EC2::VPCCidrBlock`s of any stack), or 'unknown'. */
function vpcRanges(vpc: ResourceView | undefined, app: AppView) {
  if (!vpc || vpc.type !== 'AWS::EC2::VPC') return 'unknown' as const;
  const texts = [vpc.properties.CidrBlock, ...app.ofType('AWS::EC2::VPCCidrBlock')
    .filter((b) => resolveResource(b, b.properties.VpcId, app) === vpc)
    .map((b) => b.properties.CidrBlock ?? b.properties.Ipv6CidrBlock)];
  const ranges = texts.map((t) => (typeof t === 'string' ? parseCidr(t) : undefined));
  if (ranges[0] === undefined) return 'unknown' as const;
  return ranges.filter((r): r is NonNullable<typeof r> => r !== undefined);
}
