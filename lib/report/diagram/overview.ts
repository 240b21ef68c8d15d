import { AssemblyStack, LoadedAssembly } from '../assembly';
import { Architecture, FlowEnd } from '../architecture';
import { capacityOf, shortName } from '../architecture/naming';
import { IndexedResource, ResourceIndex } from '../architecture/resource-index';
import { RESOURCE_KINDS, resourceKind } from '../architecture/resource-kinds';
import { DiagramBox, DiagramEdge, DiagramModel, DiagramNode, LegendFlow } from './model';

const STACK_ICON = 'resource/AWSCloudFormationStack.svg';
const GENERIC_ICON = 'resource/Gear.svg';

/** What a stack node lists first: the constructs a reviewer looks for. */
const MAJOR_TYPES = [
  'AWS::EC2::VPC', 'AWS::EC2::TransitGateway', 'AWS::EC2::VPNConnection', 'AWS::DirectConnect::DirectConnectGateway',
  'AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::AutoScaling::AutoScalingGroup', 'AWS::ECS::Service', 'AWS::EKS::Cluster',
  'AWS::RDS::DBCluster', 'AWS::RDS::DBInstance', 'AWS::DynamoDB::Table', 'AWS::FSx::FileSystem', 'AWS::DirectoryService::MicrosoftAD',
  'AWS::CloudTrail::Trail', 'AWS::Logs::Destination', 'AWS::KinesisFirehose::DeliveryStream', 'AWS::Backup::BackupPlan', 'AWS::Backup::BackupVault',
  'AWS::CloudFormation::StackSet', 'AWS::Config::ConfigRule', 'AWS::Config::OrganizationConfigRule', 'AWS::CloudWatch::Alarm', 'AWS::S3::Bucket',
];
const MAX_LINES = 5;
/** Resources the diagrams draw as arrows: no construct to name. */
const ARROW_TYPES: ReadonlySet<string> = new Set(['AWS::Logs::SubscriptionFilter', 'AWS::ElasticLoadBalancingV2::TargetGroup', 'AWS::EC2::VPCEndpointService', 'AWS::SNS::Subscription']);

/**
 * The overview of a whole app: its accounts (by role) and regions as boxes, one node per stack listing its major
 * constructs, and every step of a numbered flow that goes from one stack to another (most cross accounts), with
 * the same numbers as the stage diagrams.
 */
export function buildOverviewModel(assembly: LoadedAssembly, architecture: Architecture): DiagramModel {
  const index = new ResourceIndex(assembly.stacks, assembly.nestedStacks);
  const names = architecture.accountNames;
  const topBoxes: DiagramBox[] = [];
  const boxes = new Map<string, DiagramBox>();
  const box = (parent: DiagramBox | undefined, id: string, kind: DiagramBox['kind'], title: string, order: string, detail?: string) => {
    let b = boxes.get(id);
    if (!b) {
      b = { id, kind, title, detail, order, boxes: [], nodes: [] };
      boxes.set(id, b);
      (parent ? parent.boxes : topBoxes).push(b);
    }
    return b;
  };
  const account = (a: string | undefined) => (a
    ? box(undefined, `acct-${a}`, 'account', names[a] ? `${names[a]} account` : `AWS account ${a}`, `1-${a}`, names[a] ? `AWS account ${a}` : undefined)
    : box(undefined, 'acct-unknown', 'account', 'AWS account (unknown)', '2-unknown', 'environment-agnostic stacks'));
  const region = (a: string | undefined, r: string | undefined) => {
    const acct = account(a);
    return box(acct, `${acct.id}/${r ?? 'unknown-region'}`, 'region', r ? `Region ${r}` : 'Region (unknown)', `1-${r ?? '~'}`);
  };
  const stackNode = new Map<string, string>();
  for (const s of assembly.stacks) {
    const id = `stack:${s.artifactId}`;
    region(s.account, s.region).nodes.push({ id, icon: STACK_ICON, type: 'AWS::CloudFormation::Stack', title: s.displayName, detail: majorConstructs(s, index).join('\n') || undefined, count: 1, resources: [] });
    stackNode.set(s.artifactId, id);
  }

  const externals = new Map<string, DiagramNode>();
  const nodeOf = (e: FlowEnd): { node: string; stack?: string; account?: string } | undefined => {
    if (e.kind === 'resource') {
      const r = index.get(e.key);
      return r ? { node: stackNode.get(r.stack.artifactId)!, stack: r.stack.artifactId, account: r.stack.account } : undefined;
    }
    if (e.kind === 'internet') return undefined;
    const id = `ext:${e.id}`;
    if (!externals.has(id)) {
      const n: DiagramNode = { id, icon: RESOURCE_KINDS[e.type]?.icon ?? resourceKind({ Type: e.type })?.icon ?? GENERIC_ICON, type: e.type, title: e.title, detail: e.detail, count: 1, resources: [] };
      externals.set(id, n);
      (e.account ? (e.region ? region(e.account, e.region) : account(e.account)) : box(undefined, 'outside-app', 'external', 'Outside this app', '3', 'referenced by name or ARN')).nodes.push(n);
    }
    return { node: id, account: e.account };
  };

  const edges = new Map<string, DiagramEdge>();
  const legend: LegendFlow[] = [];
  for (const f of architecture.flows) {
    const drawn: LegendFlow['steps'][number][] = [];
    for (const s of f.steps) {
      let any = false;
      for (const l of s.links) {
        const a = nodeOf(l.from);
        const b = nodeOf(l.to);
        if (!a || !b || a.node === b.node) continue;
        any = true;
        const key = `${a.node}->${b.node}:${s.medium}`;
        const prev = edges.get(key);
        if (prev) {
          if (!prev.steps.includes(s.id)) edges.set(key, { ...prev, steps: [...prev.steps, s.id] });
        } else {
          edges.set(key, { from: a.node, to: b.node, steps: [s.id], medium: s.medium, crossAccount: !!a.account && !!b.account && a.account !== b.account, ...(l.bidirectional ? { bidirectional: true } : {}) });
        }
      }
      if (any) drawn.push({ id: s.id, text: s.text, crossAccount: s.crossAccount });
    }
    if (drawn.length) legend.push({ number: f.number, title: f.title, steps: drawn, note: drawn.length < f.steps.length ? 'The other steps are in the stage\'s diagram.' : undefined });
  }

  const sort = (list: DiagramBox[]) => {
    list.sort((a, b) => a.order.localeCompare(b.order));
    for (const b of list) {
      b.nodes.sort((x, y) => x.title.localeCompare(y.title));
      sort(b.boxes);
    }
  };
  sort(topBoxes);
  const accounts = [...new Set(assembly.stacks.map((s) => s.account ?? 'unknown'))].sort();
  return {
    stage: '',
    kind: 'overview',
    title: 'Overview: accounts, stacks and the flows between them',
    subtitle: `${assembly.stacks.length} stacks in ${assembly.stages.length} stage${assembly.stages.length === 1 ? '' : 's'}, accounts ${accounts.map((a) => (names[a] ? `${a} (${names[a]})` : a)).join(', ')}`,
    boxes: topBoxes,
    nodes: [],
    edges: [...edges.values()],
    legend,
  };
}

/** Up to five lines naming a stack's major constructs: `VPC competency-multi-az-vpc 10.10.0.0/16`, `Config rules ×33`. */
function majorConstructs(stack: AssemblyStack, index: ResourceIndex): string[] {
  const own = index.all().filter((r) => r.stack === stack);
  const lines: string[] = [];
  for (const type of MAJOR_TYPES) {
    const rs = own.filter((r) => r.type === type);
    if (!rs.length) continue;
    if (type === 'AWS::EC2::VPC') {
      for (const r of rs) lines.push(describe(r, 'VPC', index));
      continue;
    }
    const kind = resourceKind(rs[0].resource);
    if (!kind) continue;
    if (rs.length === 1) lines.push(describe(rs[0], kind.label, index));
    else lines.push(`${kind.plural} ×${rs.length}`);
  }
  if (lines.length > MAX_LINES) return [...lines.slice(0, MAX_LINES - 1), `and ${lines.length - MAX_LINES + 1} more kinds`];
  if (!lines.length) {
    // no major construct: its first kinds of resources
    const kinds = new Map<string, IndexedResource[]>();
    for (const r of own) {
      const kind = resourceKind(r.resource);
      if (kind && !ARROW_TYPES.has(r.type)) kinds.set(kind.label, [...(kinds.get(kind.label) ?? []), r]);
    }
    for (const [label, rs] of [...kinds].slice(0, 3)) lines.push(rs.length === 1 ? describe(rs[0], label, index) : `${resourceKind(rs[0].resource)!.plural} ×${rs.length}`);
  }
  return lines;
}

function describe(r: IndexedResource, label: string, index: ResourceIndex): string {
  if (r.type === 'AWS::EC2::VPC') {
    const cidr = typeof r.props.CidrBlock === 'string' ? ` ${r.props.CidrBlock}` : '';
    const azs = new Set(index.ofType('AWS::EC2::Subnet').filter((s) => s.stack === r.stack && index.deref(s.props.VpcId, s.stack)?.key === r.key)
      .map((s) => JSON.stringify(s.props.AvailabilityZone))).size;
    return `VPC ${shortName(r)}${cidr}${azs ? `, ${azs} AZs` : ''}`;
  }
  const capacity = capacityOf(r);
  return `${label} ${shortName(r, resourceKind(r.resource))}${capacity ? ` (${capacity})` : ''}`;
}
