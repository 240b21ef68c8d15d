import { AssemblyStack, LoadedAssembly } from '../assembly';
import { Architecture, Flow, FlowEnd } from '../architecture';
import { constructName, detailOf, endpointService } from '../architecture/naming';
import { Network, SubnetInfo } from '../architecture/network';
import { IndexedResource, pseudoOf, ResourceIndex } from '../architecture/resource-index';
import { resolveString } from '../../aws';
import { RESOURCE_KINDS, resourceKind, ResourceKind, SPECIAL_ICONS } from '../architecture/resource-kinds';
import { BoxKind, DiagramBox, DiagramEdge, DiagramModel, DiagramNode, GridBand, GridCell, GridLane, GridTier, LegendFlow, VpcGrid } from './model';

/** Options of {@link buildDiagramModel}. */
export interface DiagramBuildOptions {
  /** The flows and account names of the pack. */
  readonly architecture: Architecture;
  /**
   * Draw each stack as a dashed box around its resources.
   * @default false
   */
  readonly stackBoundaries?: boolean;
}

/** The stages that get a diagram: each stage with stacks, and `''` (the app) when it has top-level stacks. */
export function diagramStages(assembly: LoadedAssembly): string[] {
  const withStacks = new Set(assembly.stacks.map((s) => s.stage));
  return ['', ...assembly.stages].filter((s) => withStacks.has(s));
}

/** Builds the diagram of one stage (`''` for the top-level stacks) with the flows that start in it. */
export function buildDiagramModel(assembly: LoadedAssembly, stage: string, opts: DiagramBuildOptions): DiagramModel {
  return new ModelBuilder(assembly, stage, opts).build();
}

/** Types the arrows stand for: not drawn as icons when a drawn flow step describes them. */
const FOLDED_TYPES: ReadonlySet<string> = new Set([
  'AWS::ElasticLoadBalancingV2::TargetGroup', 'AWS::Logs::SubscriptionFilter', 'AWS::EC2::VPCEndpointService', 'AWS::SNS::Subscription',
]);
/** What sits on the customer's side: their gateways and Direct Connect connections. */
const ON_PREMISES_TYPES: ReadonlySet<string> = new Set(['AWS::EC2::CustomerGateway', 'AWS::DirectConnect::Connection', 'AWS::DirectConnect::Lag']);
/** Resources on the way into a VPC: drawn on its border, above the lanes. */
const GATEWAY_TYPES: ReadonlySet<string> = new Set(['AWS::EC2::InternetGateway', 'AWS::EC2::VPNGateway', 'AWS::EC2::EgressOnlyInternetGateway']);
/** Properties that hold a resource's subnets. */
const NO_DEEP_PLACEMENT = new Set(['AWS::SSM::Parameter', 'AWS::CloudWatch::Alarm', 'AWS::CloudWatch::Dashboard', 'AWS::Events::Rule', 'AWS::Logs::MetricFilter']);
const TIER_ORDER = { public: 0, private: 1, isolated: 2 } as const;

type Container = { readonly box: DiagramBox } | { readonly cell: GridCell } | { readonly band: { readonly vpc: DiagramBox; readonly tier: string; readonly lanes: readonly string[] } } | { readonly gateway: DiagramBox };

interface MutableGrid {
  readonly vpc: DiagramBox;
  readonly lanes: Map<string, GridLane & { readonly order: string }>;
  readonly tiers: Map<string, GridTier & { readonly order: string }>;
  readonly cells: Map<string, GridCell & { readonly subnetInfos: SubnetInfo[] }>;
  readonly bands: GridBand[];
}

class ModelBuilder {
  private readonly index: ResourceIndex;
  private readonly network: Network;
  private readonly stacks: AssemblyStack[];
  private readonly inDiagram: Set<string>;
  private readonly topBoxes: DiagramBox[] = [];
  private readonly topNodes: DiagramNode[] = [];
  private readonly boxes = new Map<string, DiagramBox>();
  private readonly grids = new Map<string, MutableGrid>();
  /** VPC key → its box. */
  private readonly vpcBoxes = new Map<string, DiagramBox>();
  /** Subnet key → its grid cell. */
  private readonly subnetCells = new Map<string, { grid: MutableGrid; cell: GridCell }>();
  /** Resource key → where its icon goes. */
  private readonly placements = new Map<string, Container>();
  private readonly extraDetail = new Map<string, string>();
  private readonly nodeAccount = new Map<string, string | undefined>();
  private readonly flows: readonly Flow[];
  /** Resource key → the signature of its arrows (`3a>` out of step 3a, `>3b` into 3b). */
  private readonly signatures = new Map<string, string[]>();
  private readonly hidden = new Set<string>();
  private readonly skipped: Set<string>;
  /** Resource key → node id, once nodes exist. */
  private readonly keyNodes = new Map<string, string>();

  constructor(assembly: LoadedAssembly, private readonly stage: string, private readonly opts: DiagramBuildOptions) {
    this.index = new ResourceIndex(assembly.stacks, assembly.nestedStacks);
    this.network = new Network(this.index);
    this.stacks = assembly.stacks.filter((s) => s.stage === stage);
    this.inDiagram = new Set(this.stacks.map((s) => s.artifactId));
    this.skipped = customResourceProviders(this.index);
    this.flows = opts.architecture.flows.filter((f) => f.stage === stage && f.steps.some((s) => s.links.some((l) => this.touches(l.from) || this.touches(l.to))));
  }

  private touches(e: FlowEnd): boolean {
    return e.kind === 'resource' && this.inDiagram.has(this.index.get(e.key)?.stack.artifactId ?? '');
  }

  build(): DiagramModel {
    this.readFlows();
    this.buildNetworks();
    const resources = this.index.all().filter((r) => this.inDiagram.has(r.stack.artifactId));
    for (const res of resources) {
      if (this.drawn(res) && !this.placements.has(res.key)) this.place(res);
    }
    this.placeFlowEnds();
    this.createNodes();
    this.disambiguate();
    const edges = this.createEdges();
    this.finishGrids();
    sortBoxes(this.topBoxes);
    const accounts = [...new Set(this.stacks.map((s) => s.account ?? 'unknown'))].sort();
    const names = this.opts.architecture.accountNames;
    return {
      stage: this.stage,
      kind: 'stage',
      title: this.stage ? `Architecture: ${this.stage}` : 'Architecture',
      subtitle: `${this.stacks.length} stack${this.stacks.length === 1 ? '' : 's'} (${this.stacks.map((s) => s.displayName).join(', ')}) in account${accounts.length === 1 ? '' : 's'} ${accounts.map((a) => (names[a] ? `${a} (${names[a]})` : a)).join(', ')}`,
      boxes: this.topBoxes,
      nodes: this.topNodes,
      edges,
      legend: legendOf(this.flows),
    };
  }

  private drawn(res: IndexedResource): boolean {
    return !this.skipped.has(res.key) && !this.hidden.has(res.key) && !!resourceKind(res.resource);
  }

  // ---------------------------------------------------------------- flows

  private readFlows(): void {
    const endpoints = new Set<string>();
    for (const f of this.flows) {
      for (const s of f.steps) {
        for (const l of s.links) {
          if (l.from.kind === 'resource') this.sign(l.from.key, `${s.id}>`), endpoints.add(l.from.key);
          if (l.to.kind === 'resource') this.sign(l.to.key, `>${s.id}`), endpoints.add(l.to.key);
        }
      }
    }
    for (const f of this.flows) {
      for (const s of f.steps) {
        for (const v of s.via) if (!endpoints.has(v) && FOLDED_TYPES.has(this.index.get(v)?.type ?? '')) this.hidden.add(v);
      }
    }
  }

  private sign(key: string, mark: string): void {
    const list = this.signatures.get(key) ?? [];
    if (!list.includes(mark)) list.push(mark);
    this.signatures.set(key, list);
  }

  // ---------------------------------------------------------------- boxes

  private box(parent: DiagramBox | undefined, id: string, kind: BoxKind, title: string, order: string, detail?: string): DiagramBox {
    const existing = this.boxes.get(id);
    if (existing) return existing;
    const box: DiagramBox = { id, kind, title, detail, order, boxes: [], nodes: [], ...(kind === 'vpc' ? { gateways: [] } : {}) };
    this.boxes.set(id, box);
    (parent ? parent.boxes : this.topBoxes).push(box);
    return box;
  }

  private accountBox(account: string | undefined): DiagramBox {
    if (!account) return this.box(undefined, 'acct-unknown', 'account', 'AWS account (unknown)', '2-unknown', 'environment-agnostic stacks');
    const name = this.opts.architecture.accountNames[account];
    return name
      ? this.box(undefined, `acct-${account}`, 'account', `${name} account`, `1-${account}`, `AWS account ${account}`)
      : this.box(undefined, `acct-${account}`, 'account', `AWS account ${account}`, `1-${account}`);
  }

  private regionBox(account: string | undefined, region: string | undefined): DiagramBox {
    const acct = this.accountBox(account);
    return this.box(acct, `${acct.id}/${region ?? 'unknown-region'}`, 'region', region ? `Region ${region}` : 'Region (unknown)', `1-${region ?? '~'}`);
  }

  /** Where a stack's resources go: its region, or its own dashed box in it. */
  private stackBox(stack: AssemblyStack): DiagramBox {
    const region = this.regionBox(stack.account, stack.region);
    if (!this.opts.stackBoundaries || !this.inDiagram.has(stack.artifactId)) return region;
    return this.box(region, `${region.id}/stack-${stack.artifactId}`, 'stack', `Stack ${stack.displayName}`, `1-${stack.displayName}`, 'CloudFormation stack');
  }

  private onPremBox(): DiagramBox {
    return this.box(undefined, 'on-premises', 'onPremises', 'Customer network', '0', 'on-premises');
  }

  private externalBox(): DiagramBox {
    return this.box(undefined, 'outside-app', 'external', 'Outside this app', '3', 'referenced by name or ARN');
  }

  // ---------------------------------------------------------------- VPCs: AZ lanes × subnet tiers

  private buildNetworks(): void {
    const inDiagram = (r: IndexedResource) => this.inDiagram.has(r.stack.artifactId);
    const vpcs = this.index.ofType('AWS::EC2::VPC').filter(inDiagram);
    const names = new Map<string, string>();
    for (const vpc of vpcs) names.set(vpc.key, vpcName(vpc));
    // two VPCs of one name (a construct id used in two stacks) are told apart by their stack
    const dup = (n: string) => [...names.values()].filter((x) => x === n).length > 1;
    for (const vpc of vpcs) {
      const parent = this.stackBox(vpc.stack);
      const cidr = vpcCidr(vpc);
      const name = names.get(vpc.key)!;
      const title = dup(name) ? `VPC ${vpc.stack.displayName}/${name}` : name.toLowerCase() === 'vpc' ? 'VPC' : `VPC ${name}`;
      const box = this.box(parent, `${parent.id}/vpc-${vpc.key.replace('/', '-')}`, 'vpc', title, `1-${vpc.key}`, cidr);
      this.vpcBoxes.set(vpc.key, box);
    }
    for (const info of this.network.subnets.values()) {
      if (!inDiagram(info.res)) continue;
      const vpcBox = (info.vpc ? this.vpcBoxes.get(info.vpc) : undefined) ?? this.importedVpcBox(info.res.stack);
      const grid = this.gridOf(vpcBox);
      const laneOrder = info.az.startsWith('#') ? info.az.slice(1).padStart(4, '0') : info.az;
      if (!grid.lanes.has(info.az)) grid.lanes.set(info.az, { id: `${vpcBox.id}/az-${info.az.replace('#', '')}`, title: info.az.startsWith('#') ? info.azName : `Availability Zone ${info.azName}`, order: laneOrder });
      const tierKey = `${info.type}:${info.group}`;
      if (!grid.tiers.has(tierKey)) grid.tiers.set(tierKey, { id: `${vpcBox.id}/tier-${info.type}-${info.group}`, kind: info.type, order: `${TIER_ORDER[info.type]}-${String(grid.tiers.size).padStart(3, '0')}` });
      const lane = grid.lanes.get(info.az)!;
      const tier = grid.tiers.get(tierKey)!;
      const cellKey = `${lane.id}|${tier.id}`;
      let cell = grid.cells.get(cellKey);
      if (!cell) {
        const typeTitle = `${info.type[0].toUpperCase()}${info.type.slice(1)} subnet`;
        cell = { lane: lane.id, tier: tier.id, id: `${tier.id}/${info.az.replace('#', '')}#subnet`, title: info.group.toLowerCase() === info.type ? typeTitle : `${typeTitle} ${info.group}`, subnets: [], nodes: [], subnetInfos: [] };
        grid.cells.set(cellKey, cell);
      }
      (cell.subnets as string[]).push(info.res.key);
      cell.subnetInfos.push(info);
      this.subnetCells.set(info.res.key, { grid, cell });
    }
  }

  private gridOf(vpc: DiagramBox): MutableGrid {
    let g = this.grids.get(vpc.id);
    if (!g) {
      g = { vpc, lanes: new Map(), tiers: new Map(), cells: new Map(), bands: [] };
      this.grids.set(vpc.id, g);
    }
    return g;
  }

  private importedVpcBox(stack: AssemblyStack): DiagramBox {
    const parent = this.stackBox(stack);
    return this.box(parent, `${parent.id}/vpc-imported`, 'vpc', 'VPC (imported)', '9');
  }

  /** Sorted lanes, tiers and cells, each cell's detail (its CIDRs) set. */
  private finishGrids(): void {
    for (const g of this.grids.values()) {
      const lanes = [...g.lanes.values()].sort((a, b) => a.order.localeCompare(b.order));
      const tiers = [...g.tiers.values()].sort((a, b) => a.order.localeCompare(b.order));
      const cells = [...g.cells.values()].map(({ subnetInfos, ...cell }): GridCell => ({
        ...cell,
        detail: subnetInfos.map((s) => s.cidr).filter(Boolean).join(', ') || undefined,
        nodes: cell.nodes.sort(byTitle),
      })).sort((a, b) => tiers.findIndex((t) => t.id === a.tier) - tiers.findIndex((t) => t.id === b.tier) || lanes.findIndex((l) => l.id === a.lane) - lanes.findIndex((l) => l.id === b.lane));
      const laneIndex = (id: string) => lanes.findIndex((l) => l.id === id);
      // in a tier, bands in the order flows reach them (a GWLB before the appliances behind it)
      const reached = (b: GridBand) => Math.min(...b.node.resources.flatMap((r) => (this.signatures.get(r) ?? []).filter((m) => m.startsWith('>')).map((m) => stepOrder(m.slice(1)))));
      const bands = [...g.bands].sort((a, b) => tiers.findIndex((t) => t.id === a.tier) - tiers.findIndex((t) => t.id === b.tier)
        || reached(a) - reached(b) || laneIndex(a.lanes[0]) - laneIndex(b.lanes[0]) || b.lanes.length - a.lanes.length || byTitle(a.node, b.node));
      g.vpc.grid = {
        lanes: lanes.map(({ id, title }) => ({ id, title })),
        tiers: tiers.map(({ id, kind }) => ({ id, kind })),
        cells,
        bands,
      } satisfies VpcGrid;
    }
  }

  // ---------------------------------------------------------------- placement

  private place(res: IndexedResource): void {
    if (ON_PREMISES_TYPES.has(res.type)) return this.put(res, { box: this.onPremBox() });
    if (res.type === 'AWS::DirectConnect::DirectConnectGateway') return this.put(res, { box: this.accountBox(res.stack.account) });
    if (GATEWAY_TYPES.has(res.type)) {
      const vpc = this.network.gatewayVpc.get(res.key) ?? this.index.deref(res.props.VpcId, res.stack)?.key;
      const box = vpc ? this.vpcBoxes.get(vpc) : undefined;
      return this.put(res, box ? { gateway: box } : { box: this.stackBox(res.stack) });
    }
    const refs = NO_DEEP_PLACEMENT.has(res.type) ? [] : this.index.refsIn(res.props, res.stack);
    const subnets: IndexedResource[] = [];
    for (const ref of refs) {
      if (ref.type === 'AWS::EC2::Subnet') subnets.push(ref);
      else if (ref.type.endsWith('SubnetGroup')) subnets.push(...this.index.refsIn(ref.props, ref.stack).filter((s) => s.type === 'AWS::EC2::Subnet'));
    }
    const cells = [...new Set(subnets.map((s) => this.subnetCells.get(s.key)).filter((c): c is { grid: MutableGrid; cell: GridCell } => !!c))];
    if (cells.length === 1) return this.put(res, { cell: cells[0].cell });
    if (cells.length > 1) {
      const grid = cells[0].grid;
      const lanes = [...new Set(cells.filter((c) => c.grid === grid).map((c) => c.cell.lane))];
      if (lanes.length === 1) return this.put(res, { cell: cells[0].cell });
      return this.put(res, { band: { vpc: grid.vpc, tier: cells[0].cell.tier, lanes } });
    }
    const vpc = refs.find((r) => r.type === 'AWS::EC2::VPC' && this.vpcBoxes.has(r.key));
    this.put(res, { box: vpc ? this.vpcBoxes.get(vpc.key)! : this.stackBox(res.stack) });
  }

  private put(res: IndexedResource, where: Container): void {
    this.placements.set(res.key, where);
  }

  /** Ends of drawn flows outside this stage: resources of other stages in their own account, external things by their ARN. */
  private placeFlowEnds(): void {
    for (const f of this.flows) {
      for (const s of f.steps) {
        for (const e of s.links.flatMap((l) => [l.from, l.to])) {
          if (e.kind === 'internet') this.extraNode(undefined, 'internet', 'Internet', 'Internet', undefined);
          else if (e.kind === 'external') {
            const box = ON_PREMISES_TYPES.has(e.type) ? this.onPremBox()
              : e.account ? (e.region ? this.regionBox(e.account, e.region) : this.accountBox(e.account)) : this.externalBox();
            this.extraNode(box, `ext:${e.id}`, e.type, e.title, e.detail, e.account);
          } else if (!this.placements.has(e.key)) {
            const res = this.index.get(e.key)!;
            // this stage's resources are placed already (subnets and VPCs are boxes); plumbing has no icon
            if (this.inDiagram.has(res.stack.artifactId) || !resourceKind(res.resource)) continue;
            this.put(res, { box: this.regionBox(res.stack.account, res.stack.region) });
            this.extraDetail.set(res.key, res.stack.stage ? `stage ${res.stack.stage}` : `stack ${res.stack.displayName}`);
          }
        }
      }
    }
  }

  private extraNode(parent: DiagramBox | undefined, id: string, type: string, title: string, detail: string | undefined, account?: string): string {
    const list = parent ? parent.nodes : this.topNodes;
    const icon = type === 'Internet' ? SPECIAL_ICONS.internet : kindOfType(type)?.icon ?? SPECIAL_ICONS.generic;
    if (!list.some((n) => n.id === id)) list.push({ id, icon, type, title, detail, count: 1, resources: [] });
    this.nodeAccount.set(id, account);
    return id;
  }

  // ---------------------------------------------------------------- nodes

  /** Turns placements into icons: resources of one kind in one place that do the same thing share an icon. */
  private createNodes(): void {
    const groups = new Map<string, { where: Container; members: IndexedResource[]; kind: ResourceKind }>();
    // arrows' ends of one kind in one place that do the same thing share an icon when there are three or more
    // (seven metric filters, seven alarms); two stay apart, with their own names (two customer gateways)
    const alike = new Map<string, number>();
    const keyOf = (key: string, where: Container) => {
      const res = this.index.get(key)!;
      const kind = resourceKind(res.resource) ?? kindOfType(res.type)!;
      return `${containerKey(where)}|${kind.label}|${(this.signatures.get(key) ?? []).sort().join(',')}`;
    };
    for (const [key, where] of this.placements) alike.set(keyOf(key, where), (alike.get(keyOf(key, where)) ?? 0) + 1);
    for (const [key, where] of this.placements) {
      const res = this.index.get(key)!;
      const kind = resourceKind(res.resource) ?? kindOfType(res.type)!;
      const sig = (this.signatures.get(key) ?? []).sort().join(',');
      const shared = keyOf(key, where);
      const groupKey = sig && (alike.get(shared) ?? 0) < 3 ? `${shared}|${key}` : shared;
      const g = groups.get(groupKey) ?? { where, members: [], kind };
      g.members.push(res);
      groups.set(groupKey, g);
    }
    for (const [groupKey, { where, members, kind }] of groups) {
      const node = members.length === 1 ? this.singleNode(members[0], kind, where) : this.groupNode(groupKey, members, kind, where);
      for (const m of members) this.keyNodes.set(m.key, node.id);
      this.nodeAccount.set(node.id, members[0].stack.account);
      if ('box' in where) where.box.nodes.push(node);
      else if ('cell' in where) where.cell.nodes.push(node);
      else if ('gateway' in where) where.gateway.gateways!.push(node);
      else this.gridOf(where.band.vpc).bands.push({ tier: where.band.tier, lanes: this.laneSpan(where.band.vpc, where.band.lanes), node: this.bandNode(node, where.band.vpc, where.band.lanes) });
    }
  }

  /** Icons that would read the same in one region (an `AlarmTopic` of two stacks) name their stack. */
  private disambiguate(): void {
    const lists: Array<{ scope: string; list: DiagramNode[] }> = [];
    const walk = (b: DiagramBox, scope: string) => {
      const s = b.kind === 'region' || b.kind === 'account' ? b.id : scope;
      lists.push({ scope: s, list: b.nodes }, { scope: s, list: b.gateways ?? [] });
      b.boxes.forEach((c) => walk(c, s));
    };
    this.topBoxes.forEach((b) => walk(b, b.id));
    const scopeOfVpc = (vpc: DiagramBox) => lists.find((l) => l.list === vpc.nodes)?.scope ?? vpc.id;
    for (const g of this.grids.values()) for (const c of g.cells.values()) lists.push({ scope: scopeOfVpc(g.vpc), list: c.nodes });
    const label = (scope: string, n: DiagramNode) => `${scope}|${n.title}|${n.detail ?? ''}`;
    const stacksOf = (n: DiagramNode) => [...new Set(n.resources.map((r) => this.index.get(r)!.stack.displayName))];
    const seen = new Map<string, { nodes: number; stacks: Set<string> }>();
    const note = (scope: string, n: DiagramNode) => {
      const entry = seen.get(label(scope, n)) ?? { nodes: 0, stacks: new Set<string>() };
      entry.nodes++;
      stacksOf(n).forEach((s) => entry.stacks.add(s));
      seen.set(label(scope, n), entry);
    };
    for (const { scope, list } of lists) list.forEach((n) => note(scope, n));
    for (const g of this.grids.values()) g.bands.forEach((b) => note(scopeOfVpc(g.vpc), b.node));
    const rename = (scope: string, n: DiagramNode): DiagramNode => {
      const entry = seen.get(label(scope, n));
      if (!entry || entry.nodes < 2 || entry.stacks.size < 2) return n;
      return { ...n, detail: [n.detail, `stack ${stacksOf(n).join(', ')}`].filter(Boolean).join('\n') };
    };
    for (const { scope, list } of lists) list.splice(0, list.length, ...list.map((n) => rename(scope, n)));
    for (const g of this.grids.values()) g.bands.splice(0, g.bands.length, ...g.bands.map((b) => ({ ...b, node: rename(scopeOfVpc(g.vpc), b.node) })));
  }

  private singleNode(res: IndexedResource, kind: ResourceKind, where: Container): DiagramNode {
    const extra = this.extraDetail.get(res.key);
    let detail = detailOf(res, kind);
    if (res.type === 'AWS::EC2::VPCEndpoint') {
      const service = endpointService(res, this.index);
      detail = 'cell' in where ? [this.laneTitle(where.cell), service ? `service ${service}` : undefined].filter(Boolean).join('\n') : service;
    }
    return { id: res.key, icon: kind.icon, type: res.type, title: kind.label, detail: [detail, extra].filter(Boolean).join('\n') || undefined, count: 1, resources: [res.key] };
  }

  private groupNode(groupKey: string, members: IndexedResource[], kind: ResourceKind, where: Container): DiagramNode {
    const services = members[0].type === 'AWS::EC2::VPCEndpoint' ? members.map((m) => endpointService(m, this.index)).filter((s): s is string => !!s) : [];
    const names = members.map((m) => constructName(m));
    const detail = services.length === members.length ? services.join(', ')
      : names.join(', ').length <= 60 ? names.join(', ') : undefined;
    const id = `${containerKey(where)}#${kind.plural}#${hash(groupKey)}`;
    return { id, icon: kind.icon, type: members[0].type, title: `${kind.plural} ×${members.length}`, detail, count: members.length, resources: members.map((m) => m.key) };
  }

  /** A band's node: its detail says which AZs it covers when it skips one of the lanes between its ends. */
  private bandNode(node: DiagramNode, vpc: DiagramBox, lanes: readonly string[]): DiagramNode {
    const span = this.laneSpan(vpc, lanes);
    if (span.length === lanes.length) return node;
    const grid = this.gridOf(vpc);
    const titles = lanes.map((l) => [...grid.lanes.values()].find((x) => x.id === l)?.title.replace(/^Availability Zone /, '') ?? l);
    return { ...node, detail: [node.detail, `only in ${titles.join(', ')}`].filter(Boolean).join('\n') };
  }

  /** The lanes from the first to the last of `lanes`, in grid order. */
  private laneSpan(vpc: DiagramBox, lanes: readonly string[]): string[] {
    const ordered = [...this.gridOf(vpc).lanes.values()].sort((a, b) => a.order.localeCompare(b.order)).map((l) => l.id);
    const idx = lanes.map((l) => ordered.indexOf(l)).filter((i) => i >= 0);
    return ordered.slice(Math.min(...idx), Math.max(...idx) + 1);
  }

  private laneTitle(cell: GridCell): string | undefined {
    for (const g of this.grids.values()) {
      const lane = [...g.lanes.values()].find((l) => l.id === cell.lane);
      if (lane) return lane.title.replace(/^Availability Zone /, '');
    }
    return undefined;
  }

  // ---------------------------------------------------------------- edges

  private endNode(e: FlowEnd): { node: string; box?: string } | undefined {
    if (e.kind === 'internet') return { node: 'internet' };
    if (e.kind === 'external') return { node: `ext:${e.id}` };
    const cell = this.subnetCells.get(e.key);
    if (cell) return { node: cell.cell.id };
    const vpc = this.vpcBoxes.get(e.key);
    if (vpc) return { node: vpc.id, box: vpc.id };
    const node = this.keyNodes.get(e.key);
    return node ? { node } : undefined;
  }

  private accountOf(e: FlowEnd): string | undefined {
    if (e.kind === 'resource') return this.index.get(e.key)?.stack.account;
    return e.kind === 'external' ? e.account : undefined;
  }

  private createEdges(): DiagramEdge[] {
    const out = new Map<string, DiagramEdge>();
    for (const f of this.flows) {
      for (const s of f.steps) {
        for (const l of s.links) {
          const a = this.endNode(l.from);
          const b = this.endNode(l.to);
          if (!a || !b || a.node === b.node) continue;
          const fa = this.accountOf(l.from);
          const fb = this.accountOf(l.to);
          const key = `${a.node}->${b.node}:${s.medium}:${!!l.bidirectional}`;
          const prev = out.get(key);
          if (prev) {
            if (!prev.steps.includes(s.id)) out.set(key, { ...prev, steps: [...prev.steps, s.id] });
            continue;
          }
          out.set(key, {
            from: a.node, to: b.node, steps: [s.id], medium: s.medium, crossAccount: !!fa && !!fb && fa !== fb,
            ...(a.box ? { fromBox: a.box } : {}), ...(b.box ? { toBox: b.box } : {}), ...(l.bidirectional ? { bidirectional: true } : {}),
          });
        }
      }
    }
    return [...out.values()];
  }
}

/** `12b` → a number that sorts steps in flow order. */
function stepOrder(id: string): number {
  const m = /^(\d+)([a-z]?)/.exec(id);
  return m ? Number(m[1]) * 100 + (m[2] ? m[2].charCodeAt(0) - 96 : 0) : Infinity;
}

function legendOf(flows: readonly Flow[]): LegendFlow[] {
  return flows.map((f) => ({ number: f.number, title: f.title, note: f.note, steps: f.steps.map((s) => ({ id: s.id, text: s.text, crossAccount: s.crossAccount })) }));
}

function containerKey(c: Container): string {
  if ('box' in c) return c.box.id;
  if ('cell' in c) return c.cell.id;
  if ('gateway' in c) return `${c.gateway.id}#gateways`;
  return `${c.band.vpc.id}#band:${c.band.tier}:${c.band.lanes.join(',')}`;
}

function byTitle(x: DiagramNode, y: DiagramNode): number {
  return x.title.localeCompare(y.title) || (x.detail ?? '').localeCompare(y.detail ?? '') || x.id.localeCompare(y.id);
}

function sortBoxes(list: DiagramBox[]): void {
  list.sort((a, b) => a.order.localeCompare(b.order));
  for (const b of list) {
    b.nodes.sort(byTitle);
    b.gateways?.sort(byTitle);
    sortBoxes(b.boxes);
  }
}

function kindOfType(type: string): ResourceKind | undefined {
  return RESOURCE_KINDS[type] ?? resourceKind({ Type: type });
}

/** A VPC's name: its `Name` tag's last segment, else its construct name. */
function vpcName(vpc: IndexedResource): string {
  const tags = Array.isArray(vpc.props.Tags) ? vpc.props.Tags : [];
  const tag = tags.find((t: any) => t?.Key === 'Name' && typeof t.Value === 'string');
  return tag ? String(tag.Value).split('/').pop()! : constructName(vpc);
}

function vpcCidr(vpc: IndexedResource): string | undefined {
  return resolveString(vpc.props.CidrBlock, pseudoOf(vpc.stack)) ?? (vpc.props.Ipv4IpamPoolId ? 'IPAM-allocated' : undefined);
}

/** A short stable hash for ids. */
function hash(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
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
