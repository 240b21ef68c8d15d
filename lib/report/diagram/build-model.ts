import { AssemblyStack, LoadedAssembly } from '../assembly';
import { RESOURCE_KINDS, SPECIAL_ICONS } from './icon-table';
import { resourceKind } from './icons';
import { asList, availabilityZone, parseArn, resolveString, tagValue } from '../../aws';
import { BoxKind, DiagramBox, DiagramEdge, DiagramModel, DiagramNode, EdgeKind } from './model';
import { detailOf, endpointService, shortName, truncate } from './naming';
import { IndexedResource, pseudoOf, ResourceIndex } from './resource-index';

/** The stages that get a diagram: each stage with stacks, and `''` (the app) when it has top-level stacks. */
export function diagramStages(assembly: LoadedAssembly): string[] {
  const withStacks = new Set(assembly.stacks.map((s) => s.stage));
  return ['', ...assembly.stages].filter((s) => withStacks.has(s));
}

/** Builds the diagram of one stage ('' for the top-level stacks). */
export function buildDiagramModel(assembly: LoadedAssembly, stage: string): DiagramModel {
  return new ModelBuilder(assembly, stage).build();
}

type Endpoint = { readonly key: string } | { readonly node: string };

interface PendingEdge {
  readonly from: Endpoint;
  readonly to: Endpoint;
  readonly kind: EdgeKind;
  readonly label?: string;
  readonly toBox?: string;
  readonly bidirectional?: boolean;
}

const SUBNET_TYPE_ORDER: Record<string, number> = { public: 0, private: 1, isolated: 2 };
const NO_DEEP_PLACEMENT = new Set(['AWS::SSM::Parameter', 'AWS::CloudWatch::Alarm', 'AWS::CloudWatch::Dashboard', 'AWS::Events::Rule']);

class ModelBuilder {
  private readonly index: ResourceIndex;
  private readonly stacks: AssemblyStack[];
  private readonly inDiagram: Set<string>;
  private readonly topBoxes: DiagramBox[] = [];
  private readonly topNodes: DiagramNode[] = [];
  private readonly boxes = new Map<string, DiagramBox>();
  /** Resource key → the boxes its icon(s) go in. */
  private readonly placements = new Map<string, DiagramBox[]>();
  private readonly extraDetail = new Map<string, string>();
  private readonly nodeAccount = new Map<string, string | undefined>();
  private readonly edges: PendingEdge[] = [];
  private readonly vpcBoxes = new Map<string, DiagramBox>();
  private readonly subnetBoxes = new Map<string, DiagramBox>();
  private readonly gatewayVpc = new Map<string, string>();
  private readonly skipped: Set<string>;

  constructor(assembly: LoadedAssembly, private readonly stage: string) {
    this.index = new ResourceIndex(assembly.stacks);
    this.stacks = assembly.stacks.filter((s) => s.stage === stage);
    this.inDiagram = new Set(this.stacks.map((s) => s.artifactId));
    this.skipped = customResourceProviders(this.index);
  }

  build(): DiagramModel {
    this.buildNetworks();
    const resources = this.index.all().filter((r) => this.inDiagram.has(r.stack.artifactId));
    for (const res of resources) {
      if (!this.skipped.has(res.key) && resourceKind(res.resource)) this.place(res);
    }
    for (const res of resources) this.connect(res);
    const endpointKeys = new Set(this.edges.flatMap((e) => [e.from, e.to]).filter((e): e is { key: string } => 'key' in e).map((e) => e.key));
    const keyNodes = this.createNodes(endpointKeys);
    const edges = this.resolveEdges(keyNodes);
    const sortBoxes = (list: DiagramBox[]) => {
      list.sort((a, b) => a.order.localeCompare(b.order));
      list.forEach((b) => {
        b.nodes.sort((x, y) => x.title.localeCompare(y.title) || (x.detail ?? '').localeCompare(y.detail ?? '') || x.id.localeCompare(y.id));
        sortBoxes(b.boxes);
      });
    };
    sortBoxes(this.topBoxes);
    const accounts = [...new Set(this.stacks.map((s) => s.account ?? 'unknown'))].sort();
    return {
      stage: this.stage,
      title: this.stage ? `Architecture: ${this.stage}` : 'Architecture',
      subtitle: `${this.stacks.length} stack${this.stacks.length === 1 ? '' : 's'} (${this.stacks.map((s) => s.displayName).join(', ')}) in account${accounts.length === 1 ? '' : 's'} ${accounts.join(', ')}`,
      boxes: this.topBoxes,
      nodes: this.topNodes,
      edges,
    };
  }

  // ---------------------------------------------------------------- boxes

  private box(parent: DiagramBox | undefined, id: string, kind: BoxKind, title: string, order: string, detail?: string): DiagramBox {
    const existing = this.boxes.get(id);
    if (existing) return existing;
    const box: DiagramBox = { id, kind, title, detail, order, boxes: [], nodes: [] };
    this.boxes.set(id, box);
    (parent ? parent.boxes : this.topBoxes).push(box);
    return box;
  }

  private accountBox(account: string | undefined): DiagramBox {
    return account
      ? this.box(undefined, `acct-${account}`, 'account', `AWS account ${account}`, `1-${account}`)
      : this.box(undefined, 'acct-unknown', 'account', 'AWS account (unknown)', '2-unknown', 'environment-agnostic stacks');
  }

  private regionBox(account: string | undefined, region: string | undefined): DiagramBox {
    const acct = this.accountBox(account);
    return this.box(acct, `${acct.id}/${region ?? 'unknown-region'}`, 'region', region ? `Region ${region}` : 'Region (unknown)', `1-${region ?? '~'}`);
  }

  private stackRegion(stack: AssemblyStack): DiagramBox {
    return this.regionBox(stack.account, stack.region);
  }

  private onPremBox(): DiagramBox {
    return this.box(undefined, 'on-premises', 'onPremises', 'Customer network', '0', 'on-premises');
  }

  private externalBox(): DiagramBox {
    return this.box(undefined, 'outside-app', 'external', 'Outside this app', '3', 'referenced by name or ARN');
  }

  private extraNode(parent: DiagramBox | undefined, id: string, type: string, title: string, detail: string | undefined, account?: string): string {
    const list = parent ? parent.nodes : this.topNodes;
    const icon = RESOURCE_KINDS[type]?.icon ?? SPECIAL_ICONS.internet;
    if (!list.some((n) => n.id === id)) list.push({ id, icon, type, title, detail: truncate(detail), count: 1, resources: [] });
    this.nodeAccount.set(id, account);
    return id;
  }

  // ---------------------------------------------------------------- network skeleton

  private buildNetworks(): void {
    const inDiagram = (r: IndexedResource) => this.inDiagram.has(r.stack.artifactId);
    for (const vpc of this.index.ofType('AWS::EC2::VPC').filter(inDiagram)) {
      const region = this.stackRegion(vpc.stack);
      const cidr = resolveString(vpc.props.CidrBlock, pseudoOf(vpc.stack)) ?? (vpc.props.Ipv4IpamPoolId ? 'IPAM-allocated' : undefined);
      const name = shortName(vpc);
      const box = this.box(region, `${region.id}/vpc-${vpc.key.replace('/', '-')}`, 'vpc', name.toLowerCase() === 'vpc' ? 'VPC' : `VPC ${name}`, `1-${vpc.key}`, cidr);
      this.vpcBoxes.set(vpc.key, box);
    }
    for (const att of this.index.ofType('AWS::EC2::VPCGatewayAttachment').filter(inDiagram)) {
      const vpc = this.index.deref(att.props.VpcId, att.stack);
      for (const gw of [att.props.InternetGatewayId, att.props.VpnGatewayId]) {
        const g = this.index.deref(gw, att.stack);
        if (g && vpc) this.gatewayVpc.set(g.key, vpc.key);
      }
    }
    const subnetTypes = this.routeBasedSubnetTypes();
    for (const subnet of this.index.ofType('AWS::EC2::Subnet').filter(inDiagram)) {
      const vpc = this.index.deref(subnet.props.VpcId, subnet.stack);
      const vpcBox = (vpc && this.vpcBoxes.get(vpc.key)) ?? this.importedVpcBox(subnet.stack);
      const az = placeholderAz(availabilityZone(subnet.props.AvailabilityZone));
      const azKey = az?.index !== undefined ? String(az.index) : az?.name ?? 'unknown';
      const azBox = this.box(vpcBox, `${vpcBox.id}/az-${azKey}`, 'az', az?.index !== undefined ? `Availability Zone ${az.index}` : az?.name ? `Availability Zone ${az.name}` : 'Availability Zone (unknown)',
        `2-${azKey.padStart(4, '0')}`);
      const cdkType = tagValue(subnet.props.Tags, 'aws-cdk:subnet-type');
      const type: BoxKind = cdkType === 'Public' ? 'public' : cdkType === 'Private' ? 'private' : cdkType === 'Isolated' ? 'isolated'
        : subnet.props.MapPublicIpOnLaunch === true ? 'public' : subnetTypes.get(subnet.key) ?? 'isolated';
      const name = tagValue(subnet.props.Tags, 'aws-cdk:subnet-name');
      const typeTitle = `${type[0].toUpperCase()}${type.slice(1)} subnet`;
      const cidr = resolveString(subnet.props.CidrBlock, pseudoOf(subnet.stack));
      const detail = [name && name.toLowerCase() !== type ? name : undefined, cidr].filter(Boolean).join(' · ') || undefined;
      const box = this.box(azBox, `${azBox.id}/${type}-${subnet.logicalId}`, type, typeTitle, `${SUBNET_TYPE_ORDER[type]}-${name ?? ''}-${subnet.key}`, detail);
      this.subnetBoxes.set(subnet.key, box);
    }
  }

  private importedVpcBox(stack: AssemblyStack): DiagramBox {
    const region = this.stackRegion(stack);
    return this.box(region, `${region.id}/vpc-imported`, 'vpc', 'VPC (imported)', '9');
  }

  /** Subnets without CDK tags: public when routed to an internet gateway, private when routed to NAT/TGW/instance. */
  private routeBasedSubnetTypes(): Map<string, BoxKind> {
    const tableOf = new Map<string, string>();
    for (const a of this.index.ofType('AWS::EC2::SubnetRouteTableAssociation')) {
      const subnet = this.index.deref(a.props.SubnetId, a.stack);
      const table = this.index.deref(a.props.RouteTableId, a.stack);
      if (subnet && table) tableOf.set(subnet.key, table.key);
    }
    const tableType = new Map<string, BoxKind>();
    for (const r of this.index.ofType('AWS::EC2::Route')) {
      const table = this.index.deref(r.props.RouteTableId, r.stack);
      if (!table) continue;
      const gw = this.index.deref(r.props.GatewayId, r.stack);
      if (gw?.type === 'AWS::EC2::InternetGateway') tableType.set(table.key, 'public');
      else if ((r.props.NatGatewayId || r.props.TransitGatewayId || r.props.InstanceId || r.props.NetworkInterfaceId) && tableType.get(table.key) !== 'public') {
        tableType.set(table.key, 'private');
      }
    }
    const out = new Map<string, BoxKind>();
    for (const [subnet, table] of tableOf) {
      const t = tableType.get(table);
      if (t) out.set(subnet, t);
    }
    return out;
  }

  // ---------------------------------------------------------------- placement

  private addPlacement(key: string, boxes: DiagramBox[]): void {
    const list = this.placements.get(key) ?? [];
    for (const b of boxes) if (!list.includes(b)) list.push(b);
    this.placements.set(key, list);
  }

  private place(res: IndexedResource): void {
    switch (res.type) {
      case 'AWS::EC2::CustomerGateway':
      case 'AWS::DirectConnect::Connection':
      case 'AWS::DirectConnect::Lag':
        return this.addPlacement(res.key, [this.onPremBox()]);
      case 'AWS::DirectConnect::DirectConnectGateway':
        return this.addPlacement(res.key, [this.accountBox(res.stack.account)]);
      case 'AWS::EC2::InternetGateway':
      case 'AWS::EC2::VPNGateway': {
        const vpc = this.gatewayVpc.get(res.key);
        return this.addPlacement(res.key, [(vpc ? this.vpcBoxes.get(vpc) : undefined) ?? this.stackRegion(res.stack)]);
      }
    }
    const refs = NO_DEEP_PLACEMENT.has(res.type) ? [] : this.index.refsIn(res.props, res.stack);
    const subnets: DiagramBox[] = [];
    for (const ref of refs) {
      if (ref.type === 'AWS::EC2::Subnet') subnets.push(...this.subnetBox(ref));
      else if (ref.type.endsWith('SubnetGroup')) {
        this.index.refsIn(ref.props, ref.stack).filter((s) => s.type === 'AWS::EC2::Subnet').forEach((s) => subnets.push(...this.subnetBox(s)));
      }
    }
    if (subnets.length > 0) return this.addPlacement(res.key, subnets);
    const vpc = refs.find((r) => r.type === 'AWS::EC2::VPC' && this.vpcBoxes.has(r.key));
    this.addPlacement(res.key, [vpc ? this.vpcBoxes.get(vpc.key)! : this.stackRegion(res.stack)]);
  }

  private subnetBox(subnet: IndexedResource): DiagramBox[] {
    const box = this.subnetBoxes.get(subnet.key);
    return box ? [box] : [];
  }

  /** A resource outside this diagram's stage that an edge points at: drawn in its own account/region. */
  private endpointFor(res: IndexedResource): Endpoint {
    if (!this.inDiagram.has(res.stack.artifactId) && !this.placements.has(res.key)) {
      this.addPlacement(res.key, [this.stackRegion(res.stack)]);
      this.extraDetail.set(res.key, res.stack.stage ? `stage ${res.stack.stage}` : 'top-level stack');
    }
    return { key: res.key };
  }

  // ---------------------------------------------------------------- connections

  private edge(from: Endpoint, to: Endpoint, kind: EdgeKind, label?: string, extra: Partial<PendingEdge> = {}): void {
    this.edges.push({ from, to, kind, label, ...extra });
  }

  private internet(): Endpoint {
    return { node: this.extraNode(undefined, 'internet', 'Internet', 'Internet', undefined) };
  }

  private connect(res: IndexedResource): void {
    if (this.skipped.has(res.key)) return;
    const p = res.props;
    const deref = (v: unknown) => this.index.deref(v, res.stack);
    const str = (v: unknown) => resolveString(v, pseudoOf(res.stack));
    switch (res.type) {
      case 'AWS::EC2::InternetGateway':
        return this.edge(this.internet(), { key: res.key }, 'internet', undefined, { bidirectional: true });
      case 'AWS::EC2::EgressOnlyInternetGateway':
        return this.edge({ key: res.key }, this.internet(), 'internet', 'IPv6 egress');
      case 'AWS::EC2::VPNConnection': {
        const cgw = deref(p.CustomerGatewayId);
        const target = deref(p.VpnGatewayId) ?? deref(p.TransitGatewayId);
        if (cgw) this.edge({ key: cgw.key }, { key: res.key }, 'vpn', 'IPsec');
        if (target) this.edge({ key: res.key }, { key: target.key }, 'vpn');
        else if (str(p.TransitGatewayId) ?? str(p.VpnGatewayId)) {
          const id = (str(p.TransitGatewayId) ?? str(p.VpnGatewayId))!;
          const node = this.extraNode(this.stackRegion(res.stack), `ext-${id}`, p.TransitGatewayId ? 'AWS::EC2::TransitGateway' : 'AWS::EC2::VPNGateway',
            p.TransitGatewayId ? 'Transit gateway' : 'Virtual private gateway', id, res.stack.account);
          this.edge({ key: res.key }, { node }, 'vpn');
        }
        return;
      }
      case 'AWS::EC2::TransitGatewayAttachment':
      case 'AWS::EC2::TransitGatewayVpcAttachment': {
        const tgw = deref(p.TransitGatewayId);
        const vpc = deref(p.VpcId);
        const vpcBox = vpc && this.vpcBoxes.get(vpc.key);
        if (tgw && vpcBox) this.edge({ key: tgw.key }, { node: vpcBox.id }, 'attachment', 'TGW attachment', { toBox: vpcBox.id, bidirectional: true });
        return;
      }
      case 'AWS::DirectConnect::PrivateVirtualInterface':
      case 'AWS::DirectConnect::TransitVirtualInterface':
      case 'AWS::DirectConnect::PublicVirtualInterface': {
        const conn = deref(p.ConnectionId);
        const connId = str(p.ConnectionId);
        const from: Endpoint | undefined = conn ? { key: conn.key }
          : connId ? { node: this.extraNode(this.onPremBox(), `dx-${connId}`, 'AWS::DirectConnect::Connection', 'Direct Connect', connId) } : undefined;
        const target = deref(p.DirectConnectGatewayId) ?? deref(p.VirtualGatewayId);
        const vif = res.type.replace('AWS::DirectConnect::', '').replace('VirtualInterface', '').toLowerCase();
        const vlan = str(p.Vlan);
        if (from && target) this.edge(from, { key: target.key }, 'directConnect', `${vif} VIF${vlan ? ` (VLAN ${vlan})` : ''}`);
        return;
      }
      case 'AWS::DirectConnect::DirectConnectGatewayAssociation': {
        const dxgw = deref(p.DirectConnectGatewayId);
        const gw = deref(p.AssociatedGatewayId);
        if (dxgw && gw) this.edge({ key: dxgw.key }, { key: gw.key }, 'directConnect', 'association');
        return;
      }
      case 'AWS::CloudTrail::Trail':
        return this.bucketEdge(res, p.S3BucketName, 'CloudTrail logs');
      case 'AWS::Config::DeliveryChannel':
        return this.bucketEdge(res, p.S3BucketName, 'Config snapshots');
      case 'AWS::Logs::SubscriptionFilter': {
        const group = this.index.deref(p.LogGroupName, res.stack);
        if (group?.type === 'AWS::Logs::LogGroup') this.logDestinationEdge(group, p.DestinationArn);
        return;
      }
      case 'AWS::Backup::BackupPlan':
        for (const rule of asList(p.BackupPlan?.BackupPlanRule)) {
          const r = rule as Record<string, unknown>;
          this.vaultEdge(res, r.TargetBackupVault, 'backups', false);
          for (const copy of asList(r.CopyActions)) this.vaultEdge(res, (copy as Record<string, unknown>).DestinationBackupVaultArn, 'backup copy', true);
        }
        return;
    }
  }

  private bucketEdge(from: IndexedResource, value: unknown, label: string): void {
    if (value === undefined) return;
    const local = this.index.deref(value, from.stack);
    if (local?.type === 'AWS::S3::Bucket') return this.edge({ key: from.key }, this.endpointFor(local), 'logs', label);
    const name = resolveString(value, pseudoOf(from.stack));
    if (!name) return;
    const buckets = this.index.ofType('AWS::S3::Bucket').filter((b) => resolveString(b.props.BucketName, pseudoOf(b.stack)) === name);
    const bucket = buckets.find((b) => this.inDiagram.has(b.stack.artifactId)) ?? buckets[0];
    if (bucket) return this.edge({ key: from.key }, this.endpointFor(bucket), 'logs', label);
    const node = this.extraNode(this.externalBox(), `ext-bucket-${name}`, 'AWS::S3::Bucket', 'S3 bucket', name);
    this.edge({ key: from.key }, { node }, 'logs', label);
  }

  /** A log group's subscription to a CloudWatch Logs destination (central logging), local or by ARN in another account. */
  private logDestinationEdge(group: IndexedResource, value: unknown): void {
    const local = this.index.deref(value, group.stack);
    if (local?.type === 'AWS::Logs::Destination') return this.edge({ key: group.key }, this.endpointFor(local), 'logs', 'log subscription');
    const text = resolveString(value, pseudoOf(group.stack));
    const arn = text ? parseArn(text) : undefined;
    if (!text || !arn || !arn.resource.startsWith('destination:')) return;
    const name = arn.resource.slice('destination:'.length);
    const destination = this.index.ofType('AWS::Logs::Destination').find((d) =>
      resolveString(d.props.DestinationName, pseudoOf(d.stack)) === name
      && (!d.stack.account || d.stack.account === arn.account)
      && (!d.stack.region || d.stack.region === arn.region));
    if (destination) return this.edge({ key: group.key }, this.endpointFor(destination), 'logs', 'log subscription');
    const box = /^\d{12}$/.test(arn.account) ? this.regionBox(arn.account, arn.region || undefined) : this.externalBox();
    const node = this.extraNode(box, `ext-log-destination-${text}`, 'AWS::Logs::Destination', 'Log destination', `${name} (by ARN)`, arn.account);
    this.edge({ key: group.key }, { node }, 'logs', 'log subscription');
  }

  private vaultEdge(plan: IndexedResource, value: unknown, label: string, byArn: boolean): void {
    if (value === undefined) return;
    const local = this.index.deref(value, plan.stack);
    if (local?.type === 'AWS::Backup::BackupVault') return this.edge({ key: plan.key }, this.endpointFor(local), 'backup', label);
    const text = resolveString(value, pseudoOf(plan.stack));
    if (!text) return;
    const arn = byArn ? parseArn(text) : undefined;
    const name = arn ? arn.resource.replace(/^backup-vault:/, '') : text;
    const account = arn ? arn.account : plan.stack.account;
    const region = arn ? arn.region : plan.stack.region;
    const vault = this.index.ofType('AWS::Backup::BackupVault').find((v) =>
      resolveString(v.props.BackupVaultName, pseudoOf(v.stack)) === name
      && (!v.stack.account || !account || v.stack.account === account)
      && (!v.stack.region || !region || v.stack.region === region));
    if (vault) return this.edge({ key: plan.key }, this.endpointFor(vault), 'backup', label);
    const box = arn && /^\d{12}$/.test(arn.account) ? this.regionBox(arn.account, arn.region || undefined) : this.externalBox();
    const node = this.extraNode(box, `ext-vault-${text}`, 'AWS::Backup::BackupVault', 'Backup vault', `${name} (by ARN)`, arn?.account);
    this.edge({ key: plan.key }, { node }, 'backup', label);
  }

  // ---------------------------------------------------------------- nodes and edges

  /** Turns placements into icons: edge endpoints one icon each, the rest grouped by kind per box. */
  private createNodes(endpointKeys: ReadonlySet<string>): Map<string, string> {
    const keyNodes = new Map<string, string>();
    const perBox = new Map<DiagramBox, string[]>();
    for (const [key, boxes] of this.placements) for (const b of boxes) perBox.set(b, [...(perBox.get(b) ?? []), key]);
    const copies = new Map<string, number>();
    for (const [box, keys] of perBox) {
      const groups = new Map<string, IndexedResource[]>();
      for (const key of keys) {
        const res = this.index.get(key)!;
        const kind = resourceKind(res.resource)!;
        if (endpointKeys.has(key)) {
          const n = (copies.get(key) ?? 0) + 1;
          copies.set(key, n);
          const id = n === 1 ? key : `${key}#${n}`;
          if (n === 1) keyNodes.set(key, id);
          const extra = this.extraDetail.get(key);
          box.nodes.push({ id, icon: kind.icon, type: res.type, title: kind.label, detail: truncate([detailOf(res, kind), extra].filter(Boolean).join(' · ')), count: 1, resources: [key] });
          this.nodeAccount.set(id, res.stack.account);
          continue;
        }
        groups.set(kind.label, [...(groups.get(kind.label) ?? []), res]);
      }
      for (const [label, members] of groups) {
        const kind = resourceKind(members[0].resource)!;
        if (members.length === 1) {
          const res = members[0];
          const n = (copies.get(res.key) ?? 0) + 1;
          copies.set(res.key, n);
          box.nodes.push({ id: n === 1 ? res.key : `${res.key}#${n}`, icon: kind.icon, type: res.type, title: label, detail: detailOf(res, kind), count: 1, resources: [res.key] });
          continue;
        }
        const services = members[0].type === 'AWS::EC2::VPCEndpoint' ? members.map(endpointService).filter(Boolean) : [];
        box.nodes.push({
          id: `${box.id}#${kind.plural}`,
          icon: kind.icon,
          type: members[0].type,
          title: `${kind.plural} ×${members.length}`,
          detail: services.length === members.length && services.length <= 4 ? truncate(services.join(', ')) : undefined,
          count: members.length,
          resources: members.map((m) => m.key),
        });
      }
    }
    return keyNodes;
  }

  private resolveEdges(keyNodes: ReadonlyMap<string, string>): DiagramEdge[] {
    const idOf = (e: Endpoint) => ('key' in e ? keyNodes.get(e.key) : e.node);
    const accountOf = (e: Endpoint) => ('key' in e ? this.index.get(e.key)?.stack.account : this.nodeAccount.get(e.node));
    const out: DiagramEdge[] = [];
    const seen = new Set<string>();
    for (const e of this.edges) {
      const from = idOf(e.from);
      const to = idOf(e.to);
      if (!from || !to) continue;
      const sig = `${from}->${to}:${e.label ?? ''}`;
      if (seen.has(sig)) continue;
      seen.add(sig);
      const a = accountOf(e.from);
      const b = 'node' in e.to && e.toBox ? a : accountOf(e.to);
      out.push({ from, to, kind: e.kind, label: e.label, crossAccount: !!a && !!b && a !== b, toBox: e.toBox, bidirectional: e.bidirectional });
    }
    return out;
  }
}

/**
 * Lambda functions (and their log groups) that only back custom resources: the `ServiceToken` of a
 * `Custom::*` resource, functions they call (provider framework), and log groups they write to.
 */
function customResourceProviders(index: ResourceIndex): Set<string> {
  const out = new Set<string>();
  const queue: IndexedResource[] = [];
  for (const r of index.all()) {
    if (r.type.startsWith('Custom::') || r.type === 'AWS::CloudFormation::CustomResource') {
      const fn = index.deref(r.props.ServiceToken, r.stack);
      if (fn && fn.type === 'AWS::Lambda::Function') queue.push(fn);
    }
  }
  while (queue.length > 0) {
    const fn = queue.pop()!;
    if (out.has(fn.key)) continue;
    out.add(fn.key);
    for (const ref of index.refsIn([fn.props.Environment, fn.props.LoggingConfig], fn.stack)) {
      if (ref.type === 'AWS::Lambda::Function') queue.push(ref);
      else if (ref.type === 'AWS::Logs::LogGroup') out.add(ref.key);
    }
  }
  for (const r of index.ofType('AWS::Logs::LogGroup')) {
    // log groups CDK creates for custom-resource handlers (`/aws/lambda/<handler>`)
    const refs = index.refsIn(r.props.LogGroupName, r.stack);
    if (refs.some((f) => out.has(f.key))) out.add(r.key);
  }
  return out;
}

/** `dummy1a`, `dummy1b`... are the AZs CDK makes up when it has no context for the account: number them. */
/** The zone as shown: a name, or a 1-based number (`Fn::Select` of `Fn::GetAZs`, and the CDK's `dummy1a` placeholders). */
function placeholderAz(az: { readonly name?: string; readonly index?: number } | undefined) {
  const m = az?.name ? /^dummy1([a-z])$/.exec(az.name) : null;
  if (m) return { index: m[1].charCodeAt(0) - 96 };
  return az?.index !== undefined ? { index: az.index + 1 } : az;
}
