import { AppView, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { asList, CidrBlock, defaultEndpointPort, DeployTimeValue, ENDPOINT_PORTS, isDeployTime, isEndpointPortAttribute, literalNumber, parseCidr, ResourceValue, Text, Unresolved } from '../../aws';
import { isMarkedAppliance } from './appliances';
import { referrers, referrersOf, resolveResource } from './references';

/** One ingress or egress rule, wherever it is declared, its values read through the resolver (one per `Fn::If` branch). */
export interface SecurityGroupRule {
  /** The rule's properties, resolved (literals, or the resolver's deploy-time values). */
  readonly rule: { readonly [key: string]: any };
  /** Property path of the rule, e.g. `SecurityGroupIngress/0` ('' for a standalone rule resource). */
  readonly location: string;
  /** The security group resource it belongs to (anywhere in the app), when known. */
  readonly group?: ResourceView;
}

/** The resource types that declare a security group's rules, per direction: the group itself (inline) and the standalone rule. */
export const RULE_TYPES: { readonly [D in 'ingress' | 'egress']: readonly string[] } = {
  ingress: ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'],
  egress: ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupEgress'],
};

/**
 * The ingress (or egress) rules a resource declares: inline on a group, or as a standalone rule resource
 * (`AWS::EC2::SecurityGroupIngress`/`Egress`, whose `GroupId` may lead to a group of another stack). Every `Fn::If`
 * branch gives its own rules; `unresolved` is set when the rules cannot be followed.
 */
export function rulesOf(r: ResourceView, direction: 'ingress' | 'egress', app: AppView): { readonly rules: readonly SecurityGroupRule[]; readonly unresolved?: Unresolved } {
  const inline = direction === 'ingress' ? 'SecurityGroupIngress' : 'SecurityGroupEgress';
  const standalone = RULE_TYPES[direction][1];
  if (r.type === 'AWS::EC2::SecurityGroup') {
    if (r.properties[inline] === undefined) return { rules: [] };
    const res = app.resolve(r, inline);
    if (!res.ok) return { rules: [], unresolved: res.unresolved };
    return { rules: res.values.flatMap((alt) => asList<any>(alt.value).map((rule, i) => ({ rule: withEndpointPorts(rule ?? {}, app), location: `${inline}/${i}`, group: r }))) };
  }
  if (r.type === standalone) {
    const res = app.resolve(r, '');
    if (!res.ok) return { rules: [], unresolved: res.unresolved };
    const group = resolveResource(r, r.properties.GroupId, app);
    return { rules: res.values.map((alt) => ({ rule: withEndpointPorts((alt.value ?? {}) as object, app), location: '', group })) };
  }
  return { rules: [] };
}

/**
 * The rules a security-group rule reads on a resource ({@link rulesOf}), or the finding when they cannot be followed:
 * the start every ingress and egress rule shares.
 */
export function readRules(r: ResourceView, direction: 'ingress' | 'egress', app: AppView): { readonly rules: readonly SecurityGroupRule[] } | { readonly verdict: RuleVerdict } {
  const { rules, unresolved } = rulesOf(r, direction, app);
  return unresolved ? { verdict: unverifiable(`the ${direction} rules`, unresolved, unresolved.property) } : { rules };
}

/** A rule whose ports name a database or cache endpoint's port by attribute, with the port that endpoint listens on when the template shows it. */
function withEndpointPorts(rule: { readonly [key: string]: any }, app: AppView): { readonly [key: string]: any } {
  const from = endpointPort(rule.FromPort, app);
  const to = endpointPort(rule.ToPort, app);
  return from === undefined && to === undefined ? rule : { ...rule, ...(from !== undefined ? { FromPort: from } : {}), ...(to !== undefined ? { ToPort: to } : {}) };
}

/**
 * The port of a database or cache endpoint that a value names by attribute (`Fn::GetAtt <db>.Endpoint.Port`, what
 * `connections.allowDefaultPortFrom(...)` writes): the resource's port property, else its cluster's or its source
 * instance's port (an Aurora member, a read replica), else its engine's default. Undefined when the value is not such
 * an attribute or the port is not known at synth (several `Fn::If` branches, a parameter, a cluster outside the app).
 */
export function endpointPort(v: unknown, app: AppView): number | undefined {
  if (!(v instanceof ResourceValue) || !isEndpointPortAttribute(v.resource.type, v.attribute)) return undefined;
  return portOfEndpoint(v.resource as ResourceView, app, 0);
}

function portOfEndpoint(r: ResourceView, app: AppView, depth: number): number | undefined {
  const fact = ENDPOINT_PORTS[r.type];
  if (!fact || depth > 2) return undefined;
  const one = (path: string): unknown => {
    const res = app.resolve(r, path);
    return res.ok && res.values.length === 1 ? res.values[0].value : undefined;
  };
  for (const path of fact.inheritsFrom ?? []) {
    if (r.properties[path] === undefined) continue;
    // An Aurora member listens on its cluster's port whatever it says; a replica keeps its own Port when it sets one.
    if (path !== 'DBClusterIdentifier' && r.properties[fact.property] !== undefined) break;
    const target = one(path);
    const parts = target instanceof Text ? target.parts : [target];
    const source = parts.find((p): p is ResourceValue => p instanceof ResourceValue && ENDPOINT_PORTS[p.resource.type] !== undefined);
    return source ? portOfEndpoint(source.resource as ResourceView, app, depth + 1) : undefined;
  }
  if (r.properties[fact.property] !== undefined) return literalNumber(one(fact.property));
  const engine = fact.engineProperty ? one(fact.engineProperty) : undefined;
  return defaultEndpointPort(r.type, typeof engine === 'string' ? engine : undefined);
}

/** `AWS::EC2::SecurityGroupIngress` resources by the group they add to (anywhere in the app). */
export function standaloneIngress(app: AppView) {
  return referrers(app, { key: 'ingress-by-security-group', fromType: 'AWS::EC2::SecurityGroupIngress', targetType: 'AWS::EC2::SecurityGroup', path: 'GroupId' });
}

/** Every ingress rule of a group: inline, and the standalone ones that add to it from any stack. */
export function ingressOfGroup(group: ResourceView, app: AppView): { readonly rules: readonly SecurityGroupRule[]; readonly unresolved?: Unresolved } {
  const parts = [rulesOf(group, 'ingress', app), ...referrersOf(group, standaloneIngress(app)).map((r) => rulesOf(r, 'ingress', app))];
  return { rules: parts.flatMap((p) => p.rules), unresolved: parts.find((p) => p.unresolved)?.unresolved };
}

export const OPEN_CIDRS = ['0.0.0.0/0', '::/0'];

/** Where a rule's traffic comes from (ingress) or goes to (egress). */
export type RuleSource =
  | { readonly kind: 'cidr'; readonly cidr: string; readonly range: CidrBlock; /** Every address of its family (`/0`). */ readonly open: boolean }
  /** The CIDR block of a VPC of the app (`Fn::GetAtt [Vpc, CidrBlock]`). */
  | { readonly kind: 'vpc-cidr'; readonly vpc: ResourceView }
  /** Another security group, or the rule's own group (`self`). */
  | { readonly kind: 'group'; readonly group?: ResourceView; readonly self: boolean; readonly shown: string }
  /** A prefix list: one of the app (with its entries), or a managed one by id. */
  | { readonly kind: 'prefix-list'; readonly list?: ResourceView; readonly shown: string }
  /** Not known at synth: `value` is what `unverifiable` takes. */
  | { readonly kind: 'unknown'; readonly value: unknown }
  | { readonly kind: 'none' };

function shown(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v instanceof ResourceValue) return v.resource.path;
  if (v instanceof Text || v instanceof DeployTimeValue) return String(v);
  return JSON.stringify(v);
}

/** The source (ingress) or destination (egress) of a resolved rule. */
export function sourceOf(sg: SecurityGroupRule, direction: 'ingress' | 'egress'): RuleSource {
  const rule = sg.rule;
  const groupId = direction === 'ingress' ? rule.SourceSecurityGroupId ?? rule.SourceSecurityGroupName : rule.DestinationSecurityGroupId;
  if (groupId !== undefined) {
    const group = groupId instanceof ResourceValue && groupId.resource.type === 'AWS::EC2::SecurityGroup' ? groupId.resource as ResourceView : undefined;
    const self = group !== undefined && sg.group !== undefined && group === sg.group;
    return { kind: 'group', group, self, shown: shown(groupId) };
  }
  const prefixList = direction === 'ingress' ? rule.SourcePrefixListId : rule.DestinationPrefixListId;
  if (prefixList !== undefined) {
    const list = prefixList instanceof ResourceValue && prefixList.resource.type === 'AWS::EC2::PrefixList' ? prefixList.resource as ResourceView : undefined;
    return { kind: 'prefix-list', list, shown: shown(prefixList) };
  }
  const cidr = rule.CidrIp ?? rule.CidrIpv6;
  if (cidr === undefined) return { kind: 'none' };
  const vpc = vpcBlockOf(cidr);
  if (vpc) return { kind: 'vpc-cidr', vpc };
  const range = typeof cidr === 'string' ? parseCidr(cidr) : undefined;
  if (!range) return { kind: 'unknown', value: cidr };
  return { kind: 'cidr', cidr, range, open: range.prefix === 0 };
}

/** The VPC whose own block a CIDR value is (`Fn::GetAtt [Vpc, CidrBlock]`, or `Fn::Select` of its block associations). */
function vpcBlockOf(v: unknown): ResourceView | undefined {
  if (v instanceof ResourceValue) return v.resource.type === 'AWS::EC2::VPC' ? v.resource as ResourceView : undefined;
  if (v instanceof DeployTimeValue && v.kind === 'intrinsic' && v.name === 'Fn::Select') {
    const list = (v.source as { 'Fn::Select'?: unknown[] })['Fn::Select']?.[1];
    return list instanceof ResourceValue && list.resource.type === 'AWS::EC2::VPC' ? list.resource as ResourceView : undefined;
  }
  return undefined;
}

/** The entries of a prefix list of the app that open it to every address (`0.0.0.0/0`, `::/0`); 'unknown' when not known at synth. */
export function openEntriesOf(list: ResourceView, app: AppView): readonly string[] | { readonly unknown: unknown } {
  const res = app.resolve(list, 'Entries');
  if (!res.ok) return { unknown: res.unresolved };
  const open: string[] = [];
  for (const alt of res.values) {
    for (const e of asList<any>(alt.value)) {
      const cidr = e?.Cidr;
      if (typeof cidr !== 'string') return { unknown: cidr };
      if (parseCidr(cidr)?.prefix === 0) open.push(cidr);
    }
  }
  return open;
}

/** The port range of a resolved rule; all ports for protocol -1. Undefined when a port or the protocol is known only at deploy time. */
export function portRange(rule: { readonly [key: string]: any }): { from: number; to: number; allProtocols: boolean } | undefined {
  if (isDeployTime(rule.IpProtocol)) return undefined;
  const protocol = String(rule.IpProtocol ?? '');
  if (protocol === '-1' || protocol === 'all') return { from: 0, to: 65535, allProtocols: true };
  const from = literalNumber(rule.FromPort);
  const to = literalNumber(rule.ToPort);
  if (from === undefined || to === undefined) return undefined;
  // ICMP uses type/code in these fields; -1 means all types.
  if (protocol === 'icmp' || protocol === '1' || protocol === 'icmpv6' || protocol === '58') return { from: 0, to: 0, allProtocols: false };
  return { from: from < 0 ? 0 : from, to: to < 0 ? 65535 : to, allProtocols: false };
}

/** `tcp 443`, `udp 1000-2000`, `all traffic`. */
export function describePorts(rule: { readonly [key: string]: any }): string {
  const ports = portRange(rule);
  if (!ports) return 'ports unknown at synth';
  if (ports.allProtocols) return 'all traffic';
  return `${rule.IpProtocol} ${ports.from === ports.to ? ports.from : `${ports.from}-${ports.to}`}`;
}

/** Security groups attached to internet-facing load balancers anywhere in the app (followed by the resolver), by `<stack path>|<logical id>`. */
export function internetFacingLbGroups(app: AppView): ReadonlySet<string> {
  return app.memo('internet-facing-lb-groups', () => lbGroups(app, true));
}

/** Security groups attached to load balancers of any scheme anywhere in the app, by `<stack path>|<logical id>`. */
export function loadBalancerGroups(app: AppView): ReadonlySet<string> {
  return app.memo('lb-groups', () => lbGroups(app, false));
}

function lbGroups(app: AppView, internetFacingOnly: boolean): Set<string> {
  const set = new Set<string>();
  const lbs = [...app.ofType('AWS::ElasticLoadBalancingV2::LoadBalancer'), ...app.ofType('AWS::ElasticLoadBalancing::LoadBalancer')];
  for (const lb of lbs) {
    const scheme = lb.properties.Scheme ?? 'internet-facing';
    if (internetFacingOnly && scheme !== 'internet-facing') continue;
    const res = app.resolve(lb, 'SecurityGroups');
    if (!res.ok) continue;
    for (const alt of res.values) {
      for (const sg of asList(alt.value)) if (sg instanceof ResourceValue) set.add(`${sg.resource.stack.path}|${sg.resource.logicalId}`);
    }
  }
  return set;
}

/** Where each type of compute names its security groups (a `*` step runs over a list). */
const GROUPS_OF_COMPUTE: { readonly [type: string]: readonly string[] } = {
  'AWS::EC2::Instance': ['SecurityGroupIds', 'SecurityGroups', 'NetworkInterfaces/*/GroupSet'],
  'AWS::EC2::LaunchTemplate': ['LaunchTemplateData/SecurityGroupIds', 'LaunchTemplateData/SecurityGroups', 'LaunchTemplateData/NetworkInterfaces/*/Groups'],
  'AWS::AutoScaling::LaunchConfiguration': ['SecurityGroups'],
};

/**
 * Security groups attached to compute the partner marks as the solution's appliances (`cdk-competency:appliance`:
 * its own load balancers, proxies, gateways), anywhere in the app, by `<stack path>|<logical id>`.
 */
export function applianceGroups(app: AppView): ReadonlySet<string> {
  return app.memo('appliance-security-groups', () => {
    const set = new Set<string>();
    for (const [type, paths] of Object.entries(GROUPS_OF_COMPUTE)) {
      for (const r of app.ofType(type)) {
        if (!isMarkedAppliance(r, app)) continue;
        for (const path of paths) {
          const [head, tail] = path.split('/*/');
          if (r.properties[head.split('/')[0]] === undefined) continue;
          const res = app.resolve(r, head);
          if (!res.ok) continue;
          for (const alt of res.values) {
            const items = tail === undefined ? asList(alt.value) : asList<any>(alt.value).flatMap((ni) => asList(ni?.[tail]));
            for (const sg of items) if (sg instanceof ResourceValue && sg.resource.type === 'AWS::EC2::SecurityGroup') set.add(`${sg.resource.stack.path}|${sg.resource.logicalId}`);
          }
        }
      }
    }
    return set;
  });
}
