/**
 * Numbered flows, derived from the templates: how traffic enters (Internet → load balancer listeners → target
 * groups → targets), how it is inspected (GWLB endpoints and the route tables that steer traffic to them), how
 * it leaves (NAT), how the customer network connects (VPN, Direct Connect, transit gateway), where logs go (flow
 * logs, log subscriptions, the central archive), the audit trail (bucket, log group, metric filters, alarms,
 * topics), compliance alerts, alarms, backups (selection → plan → vault → copy) and StackSet deployments.
 */
import { LoadedAssembly } from '../assembly';
import { asList, isObject, parseArn, resolveString, tagValue } from '../../aws';
import { AccountNames } from './accounts';
import { Flow, FLOW_KINDS, FlowEnd, FlowKind, FlowLink, FlowMedium } from './model';
import { capacityOf, literalName, shortName } from './naming';
import { cidrContains, Network } from './network';
import { IndexedResource, pseudoOf, ResourceIndex } from './resource-index';
import { resourceKind } from './resource-kinds';

interface DraftStep {
  readonly text: string;
  readonly links: readonly FlowLink[];
  readonly medium: FlowMedium;
  readonly via?: readonly string[];
}

interface DraftFlow {
  readonly kind: FlowKind;
  readonly title: string;
  /** The resource the flow starts from: its stage and its place in the numbering. */
  readonly source: IndexedResource;
  readonly steps: readonly DraftStep[];
  readonly note?: string;
}

const INTERNET: FlowEnd = { kind: 'internet' };
/** Labels that start with a common noun read in lower case mid-sentence (`log group`); product names keep theirs. */
const COMMON_FIRST_WORDS = new Set(['Log', 'Internet', 'Virtual', 'Customer', 'Transit', 'Target', 'Backup', 'Restore', 'Metric', 'Interface', 'Maintenance',
  'Patch', 'Member', 'Organizational', 'Hosted', 'Resolver', 'Prefix', 'Secret', 'Certificate', 'Schedule', 'Event', 'State', 'Nested', 'Composite',
  'Endpoint', 'Egress-only', 'Organization']);
const end = (r: IndexedResource): FlowEnd => ({ kind: 'resource', key: r.key });
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Every flow of an assembly, numbered 1..n: by stage (top-level stacks first, then stages in manifest order), then
 * by kind ({@link FLOW_KINDS}), then by where the source resource appears. Steps are lettered (`3a`, `3b`...).
 */
export function deriveFlows(assembly: LoadedAssembly, index: ResourceIndex, network: Network, accountNames: AccountNames = {}): Flow[] {
  const drafts = new FlowBuilder(index, network, accountNames).build();
  const stageOrder = ['', ...assembly.stages];
  const order = new Map(index.all().map((r, i) => [r.key, i]));
  drafts.sort((a, b) => stageOrder.indexOf(a.source.stack.stage) - stageOrder.indexOf(b.source.stack.stage)
    || FLOW_KINDS.indexOf(a.kind) - FLOW_KINDS.indexOf(b.kind)
    || order.get(a.source.key)! - order.get(b.source.key)!);
  return drafts.map((d, n) => ({
    number: n + 1,
    kind: d.kind,
    title: d.title,
    stage: d.source.stack.stage,
    note: d.note,
    steps: d.steps.map((s, i) => ({
      id: `${n + 1}${LETTERS[i] ?? `.${i + 1}`}`,
      text: s.text,
      links: s.links,
      medium: s.medium,
      via: s.via ?? [],
      crossAccount: s.links.some((l) => {
        const a = accountOfEnd(index, l.from);
        const b = accountOfEnd(index, l.to);
        return !!a && !!b && a !== b;
      }),
    })),
  }));
}

/** The account of a flow end, when known. */
export function accountOfEnd(index: ResourceIndex, e: FlowEnd): string | undefined {
  if (e.kind === 'resource') return index.get(e.key)?.stack.account;
  return e.kind === 'external' ? e.account : undefined;
}

class FlowBuilder {
  private readonly flows: DraftFlow[] = [];
  /** Log groups whose subscriptions a flow-log flow already shows. */
  private readonly shownSubscriptions = new Set<string>();
  /** Alarms an audit-trail flow already shows. */
  private readonly shownAlarms = new Set<string>();

  constructor(private readonly index: ResourceIndex, private readonly network: Network, private readonly accountNames: AccountNames) {}

  build(): DraftFlow[] {
    this.connectivity();
    this.ingress();
    this.inspection();
    this.egress();
    this.flowLogs();
    this.logArchive();
    this.auditTrails();
    this.centralLogs();
    this.eventRules();
    this.monitoring();
    this.backups();
    this.stackSets();
    return this.flows;
  }

  // ------------------------------------------------------------------ words

  private str(v: unknown, r: IndexedResource): string | undefined {
    return resolveString(v, pseudoOf(r.stack));
  }

  private deref(v: unknown, r: IndexedResource): IndexedResource | undefined {
    return this.index.deref(v, r.stack);
  }

  /** `log group FlowLogs`, `Auto Scaling group Appliances (3–6 instances)`. */
  private noun(r: IndexedResource, withCapacity = false): string {
    const kind = resourceKind(r.resource) ?? { label: r.type.split('::').pop()!, plural: '', icon: '' };
    const label = COMMON_FIRST_WORDS.has(kind.label.split(' ')[0]) ? kind.label.charAt(0).toLowerCase() + kind.label.slice(1) : kind.label;
    const capacity = withCapacity ? capacityOf(r) : undefined;
    const name = r.type === 'AWS::Backup::BackupPlan' ? literalName(r, r.props.BackupPlan?.BackupPlanName) ?? shortName(r, kind) : shortName(r, kind);
    return `${label} ${name}${capacity ? ` (${capacity})` : ''}`;
  }

  private nouns(rs: readonly IndexedResource[], withCapacity = false): string {
    return list(rs.map((r) => this.noun(r, withCapacity)));
  }

  /** ` in account 222222222222 (Audit / log archive)` when `account` differs from `from`'s. */
  private elsewhere(account: string | undefined, from: IndexedResource, region?: string): string {
    const parts: string[] = [];
    if (account && account !== from.stack.account) parts.push(`account ${account}${this.accountNames[account] ? ` (${this.accountNames[account]})` : ''}`);
    if (region && region !== from.stack.region) parts.push(region);
    return parts.length ? ` in ${parts.join(', ')}` : '';
  }

  private endText(e: FlowEnd, from: IndexedResource): string {
    if (e.kind === 'internet') return 'the Internet';
    if (e.kind === 'external') return `${e.title.charAt(0).toLowerCase()}${e.title.slice(1)} ${e.detail ?? e.id}${this.elsewhere(e.account, from, e.region)}`;
    const r = this.index.get(e.key)!;
    return `${this.noun(r, true)}${this.elsewhere(r.stack.account, from, r.stack.region)}`;
  }

  private add(flow: DraftFlow): void {
    if (flow.steps.length > 0 && flow.steps.every((s) => s.links.length > 0)) this.flows.push(flow);
  }

  // ------------------------------------------------------------------ connectivity

  /** Customer network → VPN / Direct Connect → virtual private or transit gateway → VPCs. */
  private connectivity(): void {
    const byTarget = new Map<string, { target: IndexedResource; vpns: IndexedResource[]; vifs: IndexedResource[] }>();
    const entry = (t: IndexedResource) => {
      const e = byTarget.get(t.key) ?? { target: t, vpns: [], vifs: [] };
      byTarget.set(t.key, e);
      return e;
    };
    for (const vpn of this.index.ofType('AWS::EC2::VPNConnection')) {
      const target = this.deref(vpn.props.VpnGatewayId, vpn) ?? this.deref(vpn.props.TransitGatewayId, vpn);
      if (target) entry(target).vpns.push(vpn);
    }
    for (const type of ['AWS::DirectConnect::PrivateVirtualInterface', 'AWS::DirectConnect::TransitVirtualInterface']) {
      for (const vif of this.index.ofType(type)) {
        const dxgw = this.deref(vif.props.DirectConnectGatewayId, vif);
        const vgw = this.deref(vif.props.VirtualGatewayId, vif);
        const target = vgw ?? (dxgw && this.dxTarget(dxgw)) ?? dxgw;
        if (target) entry(target).vifs.push(vif);
      }
    }
    for (const tgw of this.index.ofType('AWS::EC2::TransitGateway')) if (this.attachments(tgw).length) entry(tgw);
    for (const { target, vpns, vifs } of byTarget.values()) {
      const steps: DraftStep[] = [];
      const tname = this.noun(target);
      if (vpns.length) {
        const cgws = vpns.map((v) => [v, this.deref(v.props.CustomerGatewayId, v)] as const).filter((x): x is readonly [IndexedResource, IndexedResource] => !!x[1]);
        const routing = vpns.every((v) => v.props.StaticRoutesOnly === true) ? 'static routes' : 'BGP';
        steps.push({
          text: `${cgws.length ? `Customer gateways ${list(cgws.map(([, c]) => `${this.str(c.props.IpAddress, c) ?? shortName(c)}${c.props.BgpAsn !== undefined ? ` (ASN ${this.str(c.props.BgpAsn, c)})` : ''}`))}` : 'The customer network'} → ${vpns.length === 1 ? 'Site-to-Site VPN connection' : `${vpns.length} Site-to-Site VPN connections`} over the Internet: IPsec, two tunnels each, ${routing}`,
          links: cgws.map(([v, c]) => ({ from: end(c), to: end(v) })),
          medium: 'traffic',
        });
        steps.push({ text: `VPN connections → ${tname}`, links: vpns.map((v) => ({ from: end(v), to: end(target) })), medium: 'traffic' });
      }
      for (const vif of vifs) {
        const conn = this.deref(vif.props.ConnectionId, vif);
        const dxgw = this.deref(vif.props.DirectConnectGatewayId, vif);
        const kind = vif.type.includes('Transit') ? 'transit' : 'private';
        const vlan = this.str(vif.props.Vlan, vif);
        const connText = conn ? this.noun(conn) : `Direct Connect connection ${this.str(vif.props.ConnectionId, vif) ?? '(by id)'}`;
        const from: FlowEnd = conn ? end(conn) : { kind: 'external', id: `dx-${this.str(vif.props.ConnectionId, vif) ?? vif.key}`, type: 'AWS::DirectConnect::Connection', title: 'Direct Connect', detail: this.str(vif.props.ConnectionId, vif) };
        const via = dxgw && dxgw.key !== target.key ? dxgw : undefined;
        steps.push({ text: `${connText} → ${via ? this.noun(via) : tname}: ${kind} virtual interface${vlan ? ` (VLAN ${vlan})` : ''}`, links: [{ from, to: end(via ?? target) }], medium: 'traffic' });
        if (via) steps.push({ text: `${this.noun(via)} → ${tname} (gateway association)`, links: [{ from: end(via), to: end(target) }], medium: 'traffic' });
      }
      if (target.type === 'AWS::EC2::VPNGateway') {
        const vpc = this.network.gatewayVpc.get(target.key);
        const subnets = this.propagatedSubnets(target);
        if (subnets.length) {
          steps.push({
            text: `${tname} propagates the customer network's routes to the route tables of ${this.subnetGroups(subnets)}`,
            links: subnets.map((s) => ({ from: end(target), to: end(s) })),
            medium: 'traffic',
          });
        } else if (vpc) {
          steps.push({ text: `${tname} is attached to ${this.noun(this.index.get(vpc)!)}`, links: [{ from: end(target), to: { kind: 'resource', key: vpc } }], medium: 'traffic' });
        }
      }
      for (const att of this.attachments(target)) {
        const vpc = this.deref(att.props.VpcId, att);
        if (!vpc) continue;
        const subnets = asList(att.props.SubnetIds).map((s) => this.deref(s, att)).filter((s): s is IndexedResource => !!s);
        steps.push({
          text: `${tname} ↔ ${this.noun(vpc)}: VPC attachment${subnets.length ? ` in ${this.subnetGroups(subnets)}` : ''}`,
          links: [{ from: end(target), to: end(vpc), bidirectional: true }],
          medium: 'traffic',
          via: [att.key],
        });
      }
      const what = [vpns.length ? 'Site-to-Site VPN' : '', vifs.length ? 'Direct Connect' : ''].filter(Boolean).join(' and ');
      const title = what ? `Customer network over ${what} to ${tname}` : `${capitalize(tname)}: routing between attached VPCs`;
      this.add({ kind: 'connectivity', title, source: vpns[0] ?? vifs[0] ?? target, steps });
    }
  }

  private dxTarget(dxgw: IndexedResource): IndexedResource | undefined {
    const assoc = this.index.ofType('AWS::DirectConnect::DirectConnectGatewayAssociation').find((a) => this.deref(a.props.DirectConnectGatewayId, a)?.key === dxgw.key);
    return assoc ? this.deref(assoc.props.AssociatedGatewayId, assoc) : undefined;
  }

  private attachments(tgw: IndexedResource): IndexedResource[] {
    if (tgw.type !== 'AWS::EC2::TransitGateway') return [];
    return [...this.index.ofType('AWS::EC2::TransitGatewayAttachment'), ...this.index.ofType('AWS::EC2::TransitGatewayVpcAttachment')]
      .filter((a) => this.deref(a.props.TransitGatewayId, a)?.key === tgw.key);
  }

  private propagatedSubnets(vgw: IndexedResource): IndexedResource[] {
    const out: IndexedResource[] = [];
    for (const p of this.index.ofType('AWS::EC2::VPNGatewayRoutePropagation')) {
      if (this.deref(p.props.VpnGatewayId, p)?.key !== vgw.key) continue;
      for (const t of asList(p.props.RouteTableIds)) {
        const table = this.deref(t, p);
        if (table) out.push(...this.network.subnetsOf(table.key).map((s) => this.index.get(s)!));
      }
    }
    return out;
  }

  /** `the private subnets (3 AZs)`, `the app subnet of eu-west-1a`. */
  private subnetGroups(subnets: readonly IndexedResource[]): string {
    const groups = new Map<string, string[]>();
    for (const s of subnets) {
      const info = this.network.subnets.get(s.key);
      const g = info ? (info.group.toLowerCase() === info.type ? info.type : info.group) : shortName(s);
      groups.set(g, [...(groups.get(g) ?? []), info?.azName ?? '?']);
    }
    return list([...groups].map(([g, azs]) => azs.length === 1 ? `the ${g} subnet of ${azs[0]}` : `the ${g} subnets (${azs.length} AZs)`));
  }

  private azOfSubnet(value: unknown, from: IndexedResource): string | undefined {
    const subnet = this.deref(value, from);
    return subnet ? this.network.subnets.get(subnet.key)?.azName : undefined;
  }

  // ------------------------------------------------------------------ load balancers

  private listenersOf(lb: IndexedResource): IndexedResource[] {
    return this.index.ofType('AWS::ElasticLoadBalancingV2::Listener').filter((l) => this.deref(l.props.LoadBalancerArn, l)?.key === lb.key);
  }

  /** Target groups a listener forwards to (default actions and rules). */
  private forwardedGroups(listener: IndexedResource): IndexedResource[] {
    const actions = [...asList(listener.props.DefaultActions)];
    for (const rule of this.index.ofType('AWS::ElasticLoadBalancingV2::ListenerRule')) {
      if (this.deref(rule.props.ListenerArn, rule)?.key === listener.key) actions.push(...asList(rule.props.Actions));
    }
    const out: IndexedResource[] = [];
    for (const a of actions) {
      if (!isObject(a)) continue;
      const refs = [a.TargetGroupArn, ...asList(a.ForwardConfig?.TargetGroups).map((t) => (isObject(t) ? t.TargetGroupArn : undefined))];
      for (const r of refs) {
        const tg = this.deref(r, listener);
        if (tg && !out.includes(tg)) out.push(tg);
      }
    }
    return out;
  }

  private listenerText(l: IndexedResource): string {
    const proto = this.str(l.props.Protocol, l);
    const port = this.str(l.props.Port, l);
    const head = proto || port ? `${proto ?? ''}${proto && port ? ':' : ''}${port ?? ''}` : 'listener';
    const redirect = asList(l.props.DefaultActions).find((a) => isObject(a) && a.Type === 'redirect') as Record<string, any> | undefined;
    if (redirect) return `${head} redirects to ${this.str(redirect.RedirectConfig?.Protocol, l) ?? ''}${redirect.RedirectConfig?.Port ? `:${this.str(redirect.RedirectConfig.Port, l)}` : ''}`;
    return head;
  }

  /** What a target group sends to: Auto Scaling groups, ECS services, registered instances and functions. */
  private targetsOf(tg: IndexedResource): { targets: IndexedResource[]; others: string[] } {
    const targets: IndexedResource[] = [];
    for (const asg of this.index.ofType('AWS::AutoScaling::AutoScalingGroup')) {
      if (asList(asg.props.TargetGroupARNs).some((t) => this.deref(t, asg)?.key === tg.key)) targets.push(asg);
    }
    for (const svc of this.index.ofType('AWS::ECS::Service')) {
      if (asList(svc.props.LoadBalancers).some((l) => isObject(l) && this.deref(l.TargetGroupArn, svc)?.key === tg.key)) targets.push(svc);
    }
    const others: string[] = [];
    for (const t of asList(tg.props.Targets)) {
      if (!isObject(t)) continue;
      const r = this.deref(t.Id, tg);
      if (r) targets.push(r);
      else others.push(this.str(t.Id, tg) ?? 'a target');
    }
    return { targets, others };
  }

  private targetGroupText(tg: IndexedResource): string {
    const proto = this.str(tg.props.Protocol, tg);
    const port = this.str(tg.props.Port, tg);
    const hc = [this.str(tg.props.HealthCheckProtocol, tg), this.str(tg.props.HealthCheckPort, tg)].filter(Boolean).join(':');
    const path = this.str(tg.props.HealthCheckPath, tg);
    const parts = [proto || port ? `${proto ?? ''}${proto && port ? ':' : ''}${port ?? ''}` : undefined, hc || path ? `health check ${[hc, path].filter(Boolean).join(' ')}` : undefined].filter(Boolean);
    return `target group ${shortName(tg, resourceKind(tg.resource))}${parts.length ? ` (${parts.join(', ')})` : ''}`;
  }

  /** The internet gateway of a resource's VPC. */
  private igwOfVpc(vpcKey: string | undefined): IndexedResource | undefined {
    if (!vpcKey) return undefined;
    const igw = [...this.network.gatewayVpc].find(([gw, vpc]) => vpc === vpcKey && this.index.get(gw)?.type === 'AWS::EC2::InternetGateway');
    return igw ? this.index.get(igw[0]) : undefined;
  }

  private vpcOfSubnets(r: IndexedResource, subnets: unknown): string | undefined {
    for (const s of asList(subnets)) {
      const subnet = this.deref(isObject(s) && 'SubnetId' in s ? s.SubnetId : s, r);
      const info = subnet && this.network.subnets.get(subnet.key);
      if (info?.vpc) return info.vpc;
    }
    return undefined;
  }

  /** Internet (or clients) → listeners of an application or network load balancer → target groups → targets. */
  private ingress(): void {
    for (const lb of this.index.ofType('AWS::ElasticLoadBalancingV2::LoadBalancer')) {
      if (lb.props.Type === 'gateway') continue;
      const listeners = this.listenersOf(lb);
      const steps: DraftStep[] = [];
      const lbName = this.noun(lb);
      const listenerWords = listeners.length ? `listener${listeners.length > 1 ? 's' : ''} ${list(listeners.map((l) => this.listenerText(l)))}` : 'no listener in this app';
      const internetFacing = lb.props.Scheme === 'internet-facing';
      if (internetFacing) {
        const igw = this.igwOfVpc(this.vpcOfSubnets(lb, lb.props.Subnets ?? lb.props.SubnetMappings));
        if (igw) {
          steps.push({ text: `Clients on the Internet → ${this.noun(igw)}`, links: [{ from: INTERNET, to: end(igw) }], medium: 'traffic' });
          steps.push({ text: `${capitalize(this.noun(igw))} → ${lbName}: ${listenerWords}`, links: [{ from: end(igw), to: end(lb) }], medium: 'traffic', via: listeners.map((l) => l.key) });
        } else {
          steps.push({ text: `Clients on the Internet → ${lbName}: ${listenerWords}`, links: [{ from: INTERNET, to: end(lb) }], medium: 'traffic', via: listeners.map((l) => l.key) });
        }
      }
      const groups = [...new Set(listeners.flatMap((l) => this.forwardedGroups(l)))];
      for (const tg of groups) {
        const { targets, others } = this.targetsOf(tg);
        const to = targets.length ? targets.map(end) : [end(tg)];
        const what = targets.length ? this.nouns(targets, true) : others.length ? `registered targets ${list(others)}` : 'targets registered outside this app';
        steps.push({
          text: `${capitalize(lbName)}${internetFacing ? '' : ` (${listenerWords})`} → ${this.targetGroupText(tg)} → ${what}`,
          links: to.map((t) => ({ from: end(lb), to: t })),
          medium: 'traffic',
          via: [...(targets.length ? [tg.key] : []), ...(internetFacing ? [] : listeners.map((l) => l.key))],
        });
      }
      const scheme = internetFacing ? 'Internet traffic' : 'Internal traffic';
      this.add({ kind: 'ingress', title: `${scheme} to the ${lbName}`, source: lb, steps });
    }
  }

  // ------------------------------------------------------------------ inspection

  private inspection(): void {
    for (const gwlb of this.index.ofType('AWS::ElasticLoadBalancingV2::LoadBalancer').filter((l) => l.props.Type === 'gateway')) {
      const services = this.index.ofType('AWS::EC2::VPCEndpointService')
        .filter((s) => asList(s.props.GatewayLoadBalancerArns).some((a) => this.deref(a, s)?.key === gwlb.key));
      const endpoints = this.index.ofType('AWS::EC2::VPCEndpoint').filter((e) => e.props.VpcEndpointType === 'GatewayLoadBalancer'
        && this.index.refsIn(e.props.ServiceName, e.stack).some((s) => services.includes(s)));
      const listeners = this.listenersOf(gwlb);
      const groups = [...new Set(listeners.flatMap((l) => this.forwardedGroups(l)))];
      const targets = groups.flatMap((g) => this.targetsOf(g).targets);
      const name = this.noun(gwlb);
      const steps: DraftStep[] = [];
      const azOf = (e: IndexedResource) => {
        const subnet = asList(e.props.SubnetIds).map((s) => this.deref(s, e)).find((s) => s);
        return subnet ? this.network.subnets.get(subnet.key)?.azName : undefined;
      };
      // routes that steer traffic to the endpoints
      const ingress: Array<{ igw: IndexedResource; endpoint: IndexedResource; destination: string }> = [];
      const toEndpoint: Array<{ subnet: IndexedResource; endpoint: IndexedResource; destination: string }> = [];
      for (const [table, routes] of this.network.routes) {
        for (const route of routes) {
          if (!route.target || !endpoints.includes(route.target)) continue;
          for (const gw of this.network.gatewaysOfTable.get(table) ?? []) {
            const igw = this.index.get(gw)!;
            if (igw.type === 'AWS::EC2::InternetGateway') ingress.push({ igw, endpoint: route.target, destination: route.destination });
          }
          for (const s of this.network.subnetsOf(table)) toEndpoint.push({ subnet: this.index.get(s)!, endpoint: route.target, destination: route.destination });
        }
      }
      if (ingress.length) {
        steps.push({
          text: `${capitalize(this.noun(ingress[0].igw))} (ingress routing: a route table associated with the gateway) sends traffic for ${list([...new Set(ingress.map((i) => i.destination))])} to the GWLB endpoint of the destination's AZ`,
          links: ingress.map((i) => ({ from: end(i.igw), to: end(i.endpoint) })),
          medium: 'traffic',
        });
      }
      steps.push({
        text: `GWLB endpoints${endpoints.length ? ` (${list(endpoints.map((e) => azOf(e) ?? shortName(e)))})` : ''} ↔ ${name} through endpoint service ${list(services.map((s) => shortName(s)))} (PrivateLink, GENEVE); traffic returns to the endpoint it came from`,
        links: endpoints.map((e) => ({ from: end(e), to: end(gwlb), bidirectional: true })),
        medium: 'traffic',
        via: services.map((s) => s.key),
      });
      if (groups.length) {
        steps.push({
          text: `${capitalize(name)} ↔ ${list(groups.map((g) => this.targetGroupText(g)))} → ${targets.length ? this.nouns(targets, true) : 'appliances registered outside this app'}: each appliance inspects the traffic and returns what it allows`,
          links: (targets.length ? targets : groups).map((t) => ({ from: end(gwlb), to: end(t), bidirectional: true })),
          medium: 'traffic',
          via: [...listeners.map((l) => l.key), ...(targets.length ? groups.map((g) => g.key) : [])],
        });
      }
      if (ingress.length) {
        const destinations = [...new Set(ingress.map((i) => i.destination))];
        const reached: Array<{ endpoint: IndexedResource; subnet: IndexedResource }> = [];
        for (const i of ingress) {
          for (const info of this.network.subnets.values()) {
            if (info.cidr && cidrContains(i.destination, info.cidr) && !reached.some((r) => r.subnet === info.res && r.endpoint === i.endpoint)) {
              reached.push({ endpoint: i.endpoint, subnet: info.res });
            }
          }
        }
        if (reached.length) {
          steps.push({
            text: `After inspection each endpoint delivers the traffic to ${this.subnetGroups(reached.map((r) => r.subnet))} (${list(destinations)}, the VPC's local route)`,
            links: reached.map((r) => ({ from: end(r.endpoint), to: end(r.subnet) })),
            medium: 'traffic',
          });
        }
      }
      if (toEndpoint.length) {
        steps.push({
          text: `Return and outbound traffic: the route tables of ${this.subnetGroups(toEndpoint.map((t) => t.subnet))} send ${list([...new Set(toEndpoint.map((t) => t.destination))])} to the GWLB endpoint, which inspects it on the way out`,
          links: toEndpoint.map((t) => ({ from: end(t.subnet), to: end(t.endpoint) })),
          medium: 'traffic',
        });
        const out = endpoints.flatMap((e) => {
          const subnet = asList(e.props.SubnetIds).map((s) => this.deref(s, e)).find((s) => s);
          const igwRoute = subnet ? this.network.routesOf(subnet.key).find((r) => r.target?.type === 'AWS::EC2::InternetGateway') : undefined;
          return igwRoute?.target ? [{ endpoint: e, igw: igwRoute.target }] : [];
        });
        if (out.length) {
          steps.push({
            text: `Inspected outbound traffic leaves through ${this.noun(out[0].igw)} (route 0.0.0.0/0 of the endpoints' subnets)`,
            links: out.map((o) => ({ from: end(o.endpoint), to: end(o.igw) })),
            medium: 'traffic',
          });
        }
      }
      const note = ingress.length || toEndpoint.length ? undefined
        : 'No route table of this app sends traffic to the GWLB endpoints: the consumer\'s route tables (or a transit gateway in appliance mode) steer traffic to them.';
      this.add({ kind: 'inspection', title: `Traffic inspection by the ${name}${targets.length ? ` and the appliances of ${this.nouns(targets)}` : ''}`, source: gwlb, steps, note });
    }
  }

  // ------------------------------------------------------------------ egress

  private egress(): void {
    for (const vpc of this.index.ofType('AWS::EC2::VPC')) {
      const subnets = this.network.subnetsOfVpc(vpc.key);
      const toNat: Array<{ subnet: IndexedResource; nat: IndexedResource }> = [];
      for (const s of subnets) {
        for (const r of this.network.routesOf(s.res.key)) {
          if (r.target?.type === 'AWS::EC2::NatGateway' && r.destination === '0.0.0.0/0') toNat.push({ subnet: s.res, nat: r.target });
        }
      }
      if (!toNat.length) continue;
      const nats = [...new Set(toNat.map((t) => t.nat))];
      const natOut: Array<{ nat: IndexedResource; igw: IndexedResource }> = [];
      for (const nat of nats) {
        const subnet = this.deref(nat.props.SubnetId, nat);
        const route = subnet ? this.network.routesOf(subnet.key).find((r) => r.target?.type === 'AWS::EC2::InternetGateway') : undefined;
        if (route?.target) natOut.push({ nat, igw: route.target });
      }
      const igws = [...new Set(natOut.map((n) => n.igw))];
      const steps: DraftStep[] = [{
        text: `${capitalize(this.subnetGroups(toNat.map((t) => t.subnet)))} send Internet-bound traffic (0.0.0.0/0) to the NAT gateway ${nats.length > 1 ? 'of their AZ' : `in ${this.azOfSubnet(nats[0].props.SubnetId, nats[0]) ?? 'their VPC'}`}`,
        links: toNat.map((t) => ({ from: end(t.subnet), to: end(t.nat) })),
        medium: 'traffic',
      }];
      if (natOut.length) {
        steps.push({ text: `NAT gateway${nats.length > 1 ? 's' : ''} → ${this.noun(igws[0])} (route 0.0.0.0/0 of the public subnets)`, links: natOut.map((n) => ({ from: end(n.nat), to: end(n.igw) })), medium: 'traffic' });
        steps.push({ text: `${capitalize(this.noun(igws[0]))} → the Internet`, links: igws.map((g) => ({ from: end(g), to: INTERNET })), medium: 'traffic' });
      }
      this.add({ kind: 'egress', title: `Outbound Internet access from ${this.noun(vpc)}`, source: nats[0], steps });
    }
  }

  // ------------------------------------------------------------------ logs

  /** Where a log group's subscription filters deliver. */
  private subscriptionSteps(group: IndexedResource): DraftStep[] {
    const steps: DraftStep[] = [];
    for (const f of this.index.ofType('AWS::Logs::SubscriptionFilter')) {
      if (this.logGroupOf(f.props.LogGroupName, f)?.key !== group.key) continue;
      const target = this.logDestination(f.props.DestinationArn, f);
      if (!target) continue;
      const pattern = this.str(f.props.FilterPattern, f);
      steps.push({
        text: `${capitalize(this.noun(group))} → ${this.endText(target, group)}: subscription filter (${pattern ? `pattern ${pattern}` : 'every event'})`,
        links: [{ from: end(group), to: target }],
        medium: 'data',
        via: [f.key],
      });
    }
    return steps;
  }

  /** The log group a `LogGroupName` names: a reference, or a literal name of a log group of the app. */
  private logGroupOf(value: unknown, from: IndexedResource): IndexedResource | undefined {
    const ref = this.deref(value, from);
    if (ref?.type === 'AWS::Logs::LogGroup') return ref;
    const name = this.str(value, from);
    return name ? this.index.ofType('AWS::Logs::LogGroup').find((g) => this.str(g.props.LogGroupName, g) === name && g.stack.account === from.stack.account) : undefined;
  }

  /** A subscription's destination: a resource of the app (destination, stream, function), or an end known by ARN. */
  private logDestination(value: unknown, from: IndexedResource): FlowEnd | undefined {
    const local = this.deref(value, from);
    if (local) return end(local);
    const text = this.str(value, from);
    const arn = text ? parseArn(text) : undefined;
    if (!text || !arn) return undefined;
    if (arn.service === 'logs' && arn.resource.startsWith('destination:')) {
      const name = arn.resource.slice('destination:'.length);
      const d = this.index.ofType('AWS::Logs::Destination').find((x) => this.str(x.props.DestinationName, x) === name
        && (!x.stack.account || x.stack.account === arn.account) && (!x.stack.region || x.stack.region === arn.region));
      if (d) return end(d);
      return { kind: 'external', id: `log-destination:${text}`, type: 'AWS::Logs::Destination', title: 'Log destination', detail: `${name} (by ARN)`, account: validAccount(arn.account), region: arn.region || undefined };
    }
    return this.byArn(text);
  }

  /** A resource of the app an ARN names (bucket, stream, topic, function), or an external end. */
  private byArn(text: string): FlowEnd | undefined {
    const arn = parseArn(text);
    if (!arn) return undefined;
    const [type, name] = arnType(arn.service, arn.resource);
    if (type) {
      const kind = resourceKind({ Type: type });
      const found = this.index.ofType(type).find((r) => kind?.nameProperty && this.str(r.props[kind.nameProperty], r) === name
        && (!arn.account || !r.stack.account || r.stack.account === arn.account));
      if (found) return end(found);
      return { kind: 'external', id: `arn:${text}`, type, title: kind?.label ?? type, detail: `${name} (by ARN)`, account: validAccount(arn.account), region: arn.region || undefined };
    }
    return { kind: 'external', id: `arn:${text}`, type: `AWS::${arn.service}`, title: arn.service, detail: `${arn.resource} (by ARN)`, account: validAccount(arn.account), region: arn.region || undefined };
  }

  /** The log group or bucket a flow log writes to. */
  private flowLogDestination(fl: IndexedResource): FlowEnd | undefined {
    const type = this.str(fl.props.LogDestinationType, fl) ?? 'cloud-watch-logs';
    if (type === 'cloud-watch-logs') {
      const g = this.logGroupOf(fl.props.LogGroupName, fl) ?? this.deref(fl.props.LogDestination, fl);
      if (g) return end(g);
      const name = this.str(fl.props.LogGroupName, fl);
      return name ? { kind: 'external', id: `log-group:${name}`, type: 'AWS::Logs::LogGroup', title: 'Log group', detail: name } : undefined;
    }
    const local = this.deref(fl.props.LogDestination, fl);
    if (local) return end(local);
    const arn = this.str(fl.props.LogDestination, fl);
    return arn ? this.byArn(arn) : undefined;
  }

  private flowLogs(): void {
    for (const fl of this.index.ofType('AWS::EC2::FlowLog')) {
      const source = this.deref(fl.props.ResourceId, fl);
      const target = this.flowLogDestination(fl);
      if (!target) continue;
      const traffic = this.str(fl.props.TrafficType, fl) ?? 'ALL';
      const interval = this.str(fl.props.MaxAggregationInterval, fl);
      const of = source ? this.noun(source) : `${this.str(fl.props.ResourceType, fl) ?? 'resource'} ${this.str(fl.props.ResourceId, fl) ?? ''}`.trim();
      const steps: DraftStep[] = [{
        text: `Flow log of ${of} (${traffic.toLowerCase()} traffic${interval ? `, ${interval} s aggregation` : ''}) → ${this.endText(target, fl)}`,
        links: [{ from: end(fl), to: target }],
        medium: 'data',
      }];
      if (target.kind === 'resource') {
        const group = this.index.get(target.key)!;
        if (group.type === 'AWS::Logs::LogGroup') {
          steps.push(...this.subscriptionSteps(group));
          this.shownSubscriptions.add(group.key);
        }
      }
      this.add({ kind: 'flow-logs', title: `VPC flow logs of ${of}`, source: fl, steps });
    }
  }

  /** Log groups with subscriptions (not already shown with their flow log), one flow per destination and stack. */
  private centralLogs(): void {
    const byTarget = new Map<string, { groups: IndexedResource[]; steps: DraftStep[] }>();
    for (const group of this.index.ofType('AWS::Logs::LogGroup')) {
      if (this.shownSubscriptions.has(group.key)) continue;
      for (const step of this.subscriptionSteps(group)) {
        const to = step.links[0].to;
        const key = `${group.stack.artifactId}|${to.kind === 'resource' ? to.key : to.kind === 'external' ? to.id : 'internet'}`;
        const e = byTarget.get(key) ?? { groups: [], steps: [] };
        e.groups.push(group);
        e.steps.push(step);
        byTarget.set(key, e);
      }
    }
    for (const { groups, steps } of byTarget.values()) {
      const target = steps[0].links[0].to;
      const merged: DraftStep = {
        text: `${capitalize(this.nouns(groups))} → ${this.endText(target, groups[0])}: ${groups.length > 1 ? 'a subscription filter each' : 'subscription filter'} (every event)`,
        links: steps.flatMap((s) => s.links),
        medium: 'data',
        via: steps.flatMap((s) => s.via ?? []),
      };
      this.add({ kind: 'central-logs', title: `Central logging: log groups of ${groups[0].stack.displayName} → ${this.endText(target, groups[0])}`, source: groups[0], steps: [merged] });
    }
  }

  /** A CloudWatch Logs destination (central archive) → its stream → the bucket. */
  private logArchive(): void {
    const shownStreams = new Set<string>();
    const deliverySteps = (stream: IndexedResource): DraftStep[] => {
      shownStreams.add(stream.key);
      const cfg = stream.props.ExtendedS3DestinationConfiguration ?? stream.props.S3DestinationConfiguration;
      if (!isObject(cfg)) return [];
      const bucket = this.deref(cfg.BucketARN, stream);
      const to = bucket ? end(bucket) : this.str(cfg.BucketARN, stream) ? this.byArn(this.str(cfg.BucketARN, stream)!) : undefined;
      if (!to) return [];
      const details = [cfg.Prefix ? `prefix ${this.str(cfg.Prefix, stream)}` : undefined, cfg.CompressionFormat && cfg.CompressionFormat !== 'UNCOMPRESSED' ? `${this.str(cfg.CompressionFormat, stream)}-compressed` : undefined,
        cfg.EncryptionConfiguration?.KMSEncryptionConfig ? 'KMS-encrypted' : undefined].filter(Boolean);
      return [{ text: `${capitalize(this.noun(stream))} → ${this.endText(to, stream)}${details.length ? ` (${details.join(', ')})` : ''}`, links: [{ from: end(stream), to }], medium: 'data' }];
    };
    for (const d of this.index.ofType('AWS::Logs::Destination')) {
      const target = this.deref(d.props.TargetArn, d);
      if (!target) continue;
      const senders = this.destinationSenders(d);
      const steps: DraftStep[] = [{
        text: `${capitalize(this.noun(d))}${senders ? ` (accepts subscriptions from ${senders})` : ''} → ${this.noun(target)}`,
        links: [{ from: end(d), to: end(target) }],
        medium: 'data',
      }];
      if (target.type === 'AWS::KinesisFirehose::DeliveryStream') steps.push(...deliverySteps(target));
      this.add({ kind: 'log-archive', title: `Central log archive: ${this.noun(d)}`, source: d, steps });
    }
    for (const stream of this.index.ofType('AWS::KinesisFirehose::DeliveryStream')) {
      if (shownStreams.has(stream.key)) continue;
      const steps = deliverySteps(stream);
      if (steps.length) this.add({ kind: 'log-archive', title: `Delivery: ${this.noun(stream)}`, source: stream, steps });
    }
  }

  /** `organization o-a1b2c3d4e5`, `accounts 333333333333, 444444444444` from a destination's access policy. */
  private destinationSenders(d: IndexedResource): string | undefined {
    const text = typeof d.props.DestinationPolicy === 'string' ? d.props.DestinationPolicy : this.str(d.props.DestinationPolicy, d);
    if (!text) return undefined;
    const org = /o-[a-z0-9]{10,32}/.exec(text);
    if (org) return `organization ${org[0]}`;
    const accounts = [...new Set(text.match(/\b\d{12}\b/g) ?? [])].filter((a) => a !== d.stack.account);
    return accounts.length ? `account${accounts.length > 1 ? 's' : ''} ${accounts.join(', ')}` : undefined;
  }

  // ------------------------------------------------------------------ audit trail

  private auditTrails(): void {
    for (const trail of this.index.ofType('AWS::CloudTrail::Trail')) {
      const steps: DraftStep[] = [];
      const name = this.noun(trail);
      const bucket = this.bucketByName(trail.props.S3BucketName, trail);
      if (bucket) {
        const extras = [trail.props.EnableLogFileValidation === true ? 'log file validation' : undefined, trail.props.KMSKeyId !== undefined ? 'KMS-encrypted' : undefined].filter(Boolean);
        steps.push({ text: `${capitalize(name)} → ${this.endText(bucket, trail)}: log files${extras.length ? ` (${extras.join(', ')})` : ''}`, links: [{ from: end(trail), to: bucket }], medium: 'data' });
      }
      const group = this.deref(trail.props.CloudWatchLogsLogGroupArn, trail);
      if (group?.type === 'AWS::Logs::LogGroup') {
        steps.push({ text: `${capitalize(name)} → ${this.noun(group)}: every event, for the metric filters`, links: [{ from: end(trail), to: end(group) }], medium: 'data' });
        const filters = this.index.ofType('AWS::Logs::MetricFilter').filter((f) => this.logGroupOf(f.props.LogGroupName, f)?.key === group.key);
        if (filters.length) {
          steps.push({
            text: `${capitalize(this.noun(group))} → ${filters.length} metric filter${filters.length > 1 ? 's' : ''} (${list(filters.map((f) => metricsOf(f).map((m) => m.name).join(', ') || shortName(f)))})`,
            links: filters.map((f) => ({ from: end(group), to: end(f) })),
            medium: 'data',
          });
          const pairs = filters.flatMap((f) => this.alarmsOfMetrics(metricsOf(f)).map((a) => ({ f, a })));
          if (pairs.length) {
            const alarms = [...new Set(pairs.map((p) => p.a))];
            alarms.forEach((a) => this.shownAlarms.add(a.key));
            steps.push({ text: `Metric filters → ${alarms.length} CloudWatch alarm${alarms.length > 1 ? 's' : ''} on their metrics (${list([...new Set(pairs.flatMap((p) => metricsOf(p.f).map((m) => m.namespace)))])})`, links: pairs.map((p) => ({ from: end(p.f), to: end(p.a) })), medium: 'data' });
            steps.push(...this.alarmActionSteps(alarms));
          }
        }
      }
      this.add({ kind: 'audit-trail', title: `Audit trail: ${name}${trail.props.IsOrganizationTrail === true ? ' (every account of the organization)' : ''}`, source: trail, steps });
    }
  }

  /** A bucket a trail or a delivery channel names: a reference, a literal name of a bucket of the app, or an external bucket. */
  private bucketByName(value: unknown, from: IndexedResource): FlowEnd | undefined {
    if (value === undefined) return undefined;
    const local = this.deref(value, from);
    if (local?.type === 'AWS::S3::Bucket') return end(local);
    const name = this.str(value, from);
    if (!name) return undefined;
    const buckets = this.index.ofType('AWS::S3::Bucket').filter((b) => this.str(b.props.BucketName, b) === name);
    const bucket = buckets.find((b) => b.stack.stage === from.stack.stage) ?? buckets[0];
    if (bucket) return end(bucket);
    return { kind: 'external', id: `bucket:${name}`, type: 'AWS::S3::Bucket', title: 'S3 bucket', detail: name };
  }

  private alarmsOfMetrics(metrics: readonly { name: string; namespace: string }[]): IndexedResource[] {
    return this.index.ofType('AWS::CloudWatch::Alarm').filter((a) => metrics.some((m) => a.props.MetricName === m.name && a.props.Namespace === m.namespace));
  }

  /** Alarms → the topics (or other actions) they notify. */
  private alarmActionSteps(alarms: readonly IndexedResource[]): DraftStep[] {
    const links: FlowLink[] = [];
    const topics = new Set<IndexedResource>();
    for (const a of alarms) {
      for (const action of asList(a.props.AlarmActions)) {
        const t = this.deref(action, a);
        const to = t ? end(t) : this.str(action, a) ? this.byArn(this.str(action, a)!) : undefined;
        if (!to) continue;
        if (t) topics.add(t);
        if (!links.some((l) => l.from.kind === 'resource' && l.from.key === a.key && JSON.stringify(l.to) === JSON.stringify(to))) links.push({ from: end(a), to });
      }
    }
    if (!links.length) return [];
    const subs = [...topics].flatMap((t) => this.index.ofType('AWS::SNS::Subscription').filter((s) => this.deref(s.props.TopicArn, s)?.key === t.key));
    const targets = [...topics].map((t) => this.noun(t));
    return [{
      text: `Alarms → ${targets.length ? list(targets) : 'their actions'}${subs.length ? `, which notifies ${list(subs.map((s) => `${this.str(s.props.Protocol, s) ?? ''} ${this.str(s.props.Endpoint, s) ?? ''}`.trim()))}` : ''}`,
      links,
      medium: 'data',
      via: subs.map((s) => s.key),
    }];
  }

  /** Alarms not already in an audit-trail flow, by the resource whose metrics they watch. */
  private monitoring(): void {
    const groups = new Map<string, { source?: IndexedResource; alarms: IndexedResource[] }>();
    for (const a of this.index.ofType('AWS::CloudWatch::Alarm')) {
      if (this.shownAlarms.has(a.key)) continue;
      const source = this.alarmSource(a);
      const key = `${a.stack.artifactId}|${source?.key ?? ''}`;
      const g = groups.get(key) ?? { source, alarms: [] };
      g.alarms.push(a);
      groups.set(key, g);
    }
    for (const { source, alarms } of groups.values()) {
      const actions = this.alarmActionSteps(alarms);
      const metrics = [...new Set(alarms.flatMap((a) => alarmMetrics(a)))];
      const steps: DraftStep[] = [];
      if (source) {
        steps.push({
          text: `${capitalize(this.noun(source, true))} → ${alarms.length} CloudWatch alarm${alarms.length > 1 ? 's' : ''} on ${metrics.length ? `metrics ${list(metrics)}` : 'its metrics'}`,
          links: alarms.map((a) => ({ from: end(source), to: end(a) })),
          medium: 'data',
        });
      }
      steps.push(...actions);
      if (!steps.length) continue;
      this.add({ kind: 'monitoring', title: `Alarms${source ? ` on ${this.noun(source)}` : ` of ${alarms[0].stack.displayName}`}`, source: source ?? alarms[0], steps });
    }
  }

  private alarmSource(a: IndexedResource): IndexedResource | undefined {
    const dims = [...asList(a.props.Dimensions), ...asList(a.props.Metrics).flatMap((m) => (isObject(m) ? asList(m.MetricStat?.Metric?.Dimensions) : []))];
    for (const d of dims) {
      if (!isObject(d)) continue;
      const r = this.index.refsIn(d.Value, a.stack)[0];
      if (r) return r;
    }
    return undefined;
  }

  // ------------------------------------------------------------------ events (compliance)

  private eventRules(): void {
    for (const rule of this.index.ofType('AWS::Events::Rule')) {
      const targets = asList(rule.props.Targets).flatMap((t) => {
        if (!isObject(t)) return [];
        const r = this.deref(t.Arn, rule);
        if (r) return [end(r)];
        const text = this.str(t.Arn, rule);
        const e = text ? this.byArn(text) : undefined;
        return e ? [e] : [];
      });
      if (!targets.length) continue;
      const pattern = isObject(rule.props.EventPattern) ? rule.props.EventPattern : undefined;
      const sources = asList(pattern?.source).filter((s): s is string => typeof s === 'string');
      const detailTypes = asList(pattern?.['detail-type']).filter((s): s is string => typeof s === 'string');
      const steps: DraftStep[] = [];
      const config = sources.includes('aws.config');
      if (config) {
        const rules = this.index.ofType('AWS::Config::ConfigRule').filter((c) => c.stack.artifactId === rule.stack.artifactId);
        if (rules.length) {
          steps.push({ text: `${rules.length} AWS Config rule${rules.length > 1 ? 's' : ''} → ${this.noun(rule)}: ${detailTypes.length ? list(detailTypes) : 'their events'}`, links: rules.map((c) => ({ from: end(c), to: end(rule) })), medium: 'data' });
        }
      }
      const schedule = this.str(rule.props.ScheduleExpression, rule);
      const what = schedule ? `on schedule ${schedule}` : sources.length ? `on events of ${list(sources)}${detailTypes.length && !config ? ` (${list(detailTypes)})` : ''}` : 'on its events';
      steps.push({ text: `${capitalize(this.noun(rule))} ${what} → ${list(targets.map((t) => this.endText(t, rule)))}`, links: targets.map((t) => ({ from: end(rule), to: t })), medium: 'data' });
      this.add({ kind: config ? 'compliance' : 'events', title: config ? `Compliance alerts: ${this.noun(rule)}` : `Events: ${this.noun(rule)}`, source: rule, steps });
    }
    for (const ch of this.index.ofType('AWS::Config::DeliveryChannel')) {
      const bucket = this.bucketByName(ch.props.S3BucketName, ch);
      if (bucket) this.add({ kind: 'compliance', title: 'AWS Config history and snapshots', source: ch, steps: [{ text: `AWS Config delivery channel → ${this.endText(bucket, ch)}: configuration history and snapshots`, links: [{ from: end(ch), to: bucket }], medium: 'data' }] });
    }
  }

  // ------------------------------------------------------------------ backups

  private backups(): void {
    for (const plan of this.index.ofType('AWS::Backup::BackupPlan')) {
      const steps: DraftStep[] = [];
      const selections = this.index.ofType('AWS::Backup::BackupSelection').filter((s) => this.deref(s.props.BackupPlanId, s)?.key === plan.key);
      const selected: IndexedResource[] = [];
      const tagWords: string[] = [];
      for (const sel of selections) {
        const body = isObject(sel.props.BackupSelection) ? sel.props.BackupSelection : {};
        for (const r of this.index.refsIn(body.Resources, sel.stack)) if (!selected.includes(r) && resourceKind(r.resource)) selected.push(r);
        for (const t of asList(body.ListOfTags)) {
          if (!isObject(t)) continue;
          const key = this.str(t.ConditionKey, sel);
          const value = this.str(t.ConditionValue, sel);
          if (!key) continue;
          tagWords.push(`${key}=${value ?? '*'}`);
          for (const r of this.index.all()) {
            if (r.stack.account !== plan.stack.account || selected.includes(r) || !resourceKind(r.resource) || tagValue(r.props.Tags, key) !== value) continue;
            // an Auto Scaling group is selected through the instances its tag propagates to
            if (r.type === 'AWS::AutoScaling::AutoScalingGroup' && !asList(r.props.Tags).some((t) => isObject(t) && t.Key === key && t.PropagateAtLaunch === true)) continue;
            selected.push(r);
          }
        }
      }
      const planName = this.noun(plan);
      if (selected.length) {
        steps.push({
          text: `Backup selection${tagWords.length ? ` (resources tagged ${list(tagWords)})` : ''}: ${list(selected.map((r) => `${r.type === 'AWS::AutoScaling::AutoScalingGroup' ? 'the instances of ' : ''}${this.noun(r)}`))} → ${planName}`,
          links: selected.map((r) => ({ from: end(r), to: end(plan) })),
          medium: 'data',
          via: selections.map((s) => s.key),
        });
      }
      const vaults: IndexedResource[] = [];
      for (const rule of asList(plan.props.BackupPlan?.BackupPlanRule)) {
        if (!isObject(rule)) continue;
        const vault = this.vaultEnd(rule.TargetBackupVault, plan, false);
        if (!vault) continue;
        const schedule = this.str(rule.ScheduleExpression, plan);
        const keep = this.str(rule.Lifecycle?.DeleteAfterDays, plan);
        steps.push({
          text: `${capitalize(planName)}, rule ${this.str(rule.RuleName, plan) ?? ''}${schedule ? ` (${schedule}${keep ? `, kept ${keep} days` : ''})` : ''} → ${this.endText(vault, plan)}: recovery points`,
          links: [{ from: end(plan), to: vault }],
          medium: 'data',
        });
        const source = vault.kind === 'resource' ? this.index.get(vault.key)! : undefined;
        if (source) vaults.push(source);
        for (const copy of asList(rule.CopyActions)) {
          if (!isObject(copy)) continue;
          const to = this.vaultEnd(copy.DestinationBackupVaultArn, plan, true);
          if (!to) continue;
          const days = this.str(copy.Lifecycle?.DeleteAfterDays, plan);
          steps.push({
            text: `${source ? capitalize(this.noun(source)) : 'The vault'} → ${this.endText(to, plan)}: a copy of each recovery point${days ? `, kept ${days} days` : ''}`,
            links: [{ from: vault, to }],
            medium: 'data',
          });
        }
      }
      for (const rtp of this.index.ofType('AWS::Backup::RestoreTestingPlan')) {
        if (rtp.stack.artifactId !== plan.stack.artifactId || !vaults.length) continue;
        const sels = this.index.ofType('AWS::Backup::RestoreTestingSelection').filter((s) => this.str(s.props.RestoreTestingPlanName, s) === this.str(rtp.props.RestoreTestingPlanName, rtp) || this.deref(s.props.RestoreTestingPlanName, s)?.key === rtp.key);
        const types = [...new Set(sels.map((s) => this.str(s.props.ProtectedResourceType, s)).filter(Boolean))];
        const schedule = this.str(rtp.props.ScheduleExpression, rtp);
        steps.push({
          text: `${capitalize(this.noun(rtp))} restores recovery points${types.length ? ` of ${list(types as string[])}` : ''} from ${this.nouns(vaults)}${schedule ? ` (${schedule})` : ''} and checks them`,
          links: vaults.map((v) => ({ from: end(v), to: end(rtp) })),
          medium: 'data',
          via: sels.map((s) => s.key),
        });
      }
      this.add({ kind: 'backup', title: `Backups: ${planName}`, source: plan, steps });
    }
  }

  /** A backup vault named by reference, by name (a rule's target) or by ARN (a copy's destination). */
  private vaultEnd(value: unknown, plan: IndexedResource, byArn: boolean): FlowEnd | undefined {
    if (value === undefined) return undefined;
    const local = this.deref(value, plan);
    if (local?.type === 'AWS::Backup::BackupVault') return end(local);
    const text = this.str(value, plan);
    if (!text) return undefined;
    const arn = byArn ? parseArn(text) : undefined;
    const name = arn ? arn.resource.replace(/^backup-vault:/, '') : text;
    const account = arn ? arn.account : plan.stack.account;
    const region = arn ? arn.region : plan.stack.region;
    const vault = this.index.ofType('AWS::Backup::BackupVault').find((v) => this.str(v.props.BackupVaultName, v) === name
      && (!v.stack.account || !account || v.stack.account === account) && (!v.stack.region || !region || v.stack.region === region));
    if (vault) return end(vault);
    return { kind: 'external', id: `vault:${text}`, type: 'AWS::Backup::BackupVault', title: 'Backup vault', detail: `${name} (by ARN)`, account: validAccount(arn?.account), region: arn?.region || undefined };
  }

  // ------------------------------------------------------------------ StackSets

  private stackSets(): void {
    for (const ss of this.index.ofType('AWS::CloudFormation::StackSet')) {
      const links: FlowLink[] = [];
      const words: string[] = [];
      for (const group of asList(ss.props.StackInstancesGroup)) {
        if (!isObject(group)) continue;
        const targets = isObject(group.DeploymentTargets) ? group.DeploymentTargets : {};
        const regions = asList(group.Regions).map((r) => this.str(r, ss)).filter(Boolean);
        const ous = asList(targets.OrganizationalUnitIds).map((o) => this.str(o, ss)).filter((o): o is string => !!o);
        const accounts = asList(targets.Accounts).map((a) => this.str(a, ss)).filter((a): a is string => !!a);
        if (ous.length) {
          links.push({ from: end(ss), to: { kind: 'external', id: `ou:${ous.join(',')}`, type: 'AWS::Organizations::OrganizationalUnit', title: 'Organizational units', detail: ous.join(', ') } });
          words.push(`every account of ${ous.length > 1 ? 'OUs' : 'OU'} ${ous.join(', ')}`);
        }
        for (const a of accounts) {
          links.push({ from: end(ss), to: { kind: 'external', id: `stack-instances:${a}`, type: 'AWS::CloudFormation::Stack', title: 'StackSet instances', detail: ss.props.StackSetName ? this.str(ss.props.StackSetName, ss) : undefined, account: validAccount(a) } });
          words.push(`account ${a}${this.accountNames[a] ? ` (${this.accountNames[a]})` : ''}`);
        }
        if (regions.length) words[words.length - 1] = `${words[words.length - 1] ?? 'its targets'} in ${list(regions as string[])}`;
      }
      if (!links.length) continue;
      const auto = isObject(ss.props.AutoDeployment) && ss.props.AutoDeployment.Enabled === true;
      this.add({
        kind: 'deployment',
        title: `Deployment: ${this.noun(ss)}`,
        source: ss,
        steps: [{ text: `${capitalize(this.noun(ss))} (${this.str(ss.props.PermissionModel, ss)?.toLowerCase().replace('_', '-') ?? 'self-managed'}${auto ? ', deploys to new accounts automatically' : ''}) → ${list(words)}`, links, medium: 'control' }],
      });
    }
  }
}

/** Metric names and namespaces a metric filter publishes. */
function metricsOf(f: IndexedResource): { name: string; namespace: string }[] {
  return asList(f.props.MetricTransformations).flatMap((t) => (isObject(t) && typeof t.MetricName === 'string' && typeof t.MetricNamespace === 'string'
    ? [{ name: t.MetricName, namespace: t.MetricNamespace }] : []));
}

/** Metric names an alarm watches. */
function alarmMetrics(a: IndexedResource): string[] {
  const names = [a.props.MetricName, ...asList(a.props.Metrics).map((m) => (isObject(m) ? m.MetricStat?.Metric?.MetricName : undefined))];
  return names.filter((n): n is string => typeof n === 'string');
}

/** The CloudFormation type and name an ARN's service and resource designate, for the types flows end at. */
function arnType(service: string, resource: string): [string | undefined, string] {
  switch (service) {
    case 's3': return ['AWS::S3::Bucket', resource.split('/')[0]];
    case 'sns': return ['AWS::SNS::Topic', resource];
    case 'sqs': return ['AWS::SQS::Queue', resource];
    case 'firehose': return ['AWS::KinesisFirehose::DeliveryStream', resource.replace(/^deliverystream\//, '')];
    case 'kinesis': return ['AWS::Kinesis::Stream', resource.replace(/^stream\//, '')];
    case 'lambda': return ['AWS::Lambda::Function', resource.replace(/^function:/, '').split(':')[0]];
    case 'logs': return ['AWS::Logs::LogGroup', resource.replace(/^log-group:/, '').replace(/:\*$/, '')];
    default: return [undefined, resource];
  }
}

function validAccount(a: string | undefined): string | undefined {
  return a && /^\d{12}$/.test(a) ? a : undefined;
}

/** `a`, `a and b`, `a, b and c` (long lists: the first five and a count). */
export function list(items: readonly string[]): string {
  const shown = items.length > 6 ? [...items.slice(0, 5), `${items.length - 5} more`] : [...items];
  return shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
