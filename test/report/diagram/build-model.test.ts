import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, aws_logs as logs, aws_sns as sns } from 'aws-cdk-lib';
import { CentralLogDestination } from '../../../constructs/central-log-destination';
import { CentralLogShipping } from '../../../constructs/central-log-shipping';
import { describeArchitecture } from '../../../lib/report/architecture';
import { CfnTemplate } from '../../../lib/aws';
import { AssemblyStack, LoadedAssembly, loadAssembly } from '../../../lib/report/assembly';
import { buildDiagramModel, diagramStages } from '../../../lib/report/diagram/build-model';
import { DiagramBox, DiagramModel, DiagramNode, GridBand, GridCell } from '../../../lib/report/diagram/model';
import { buildOverviewModel } from '../../../lib/report/diagram/overview';
import { inspectionApp, webApp } from './partner-apps';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'assemblies');

function model(assembly: LoadedAssembly, stage = '', opts: { accountNames?: Record<string, string>; stackBoundaries?: boolean } = {}): DiagramModel {
  return buildDiagramModel(assembly, stage, { architecture: describeArchitecture(assembly, { accountNames: opts.accountNames }), stackBoundaries: opts.stackBoundaries });
}

function allBoxes(m: DiagramModel): DiagramBox[] {
  const out: DiagramBox[] = [];
  const walk = (b: DiagramBox) => {
    out.push(b);
    b.boxes.forEach(walk);
  };
  m.boxes.forEach(walk);
  return out;
}

/** The chain of box titles leading to a node (grid cells as `lane / tier`, bands as `band over n lanes`). */
function locate(m: DiagramModel, predicate: (n: DiagramNode) => boolean): { node: DiagramNode; boxes: string[] } | undefined {
  const search = (boxes: readonly DiagramBox[], trail: string[]): { node: DiagramNode; boxes: string[] } | undefined => {
    for (const b of boxes) {
      const here = [...trail, b.title];
      const node = [...b.nodes, ...(b.gateways ?? [])].find(predicate);
      if (node) return { node, boxes: here };
      for (const c of b.grid?.cells ?? []) {
        const n = c.nodes.find(predicate);
        if (n) return { node: n, boxes: [...here, b.grid!.lanes.find((l) => l.id === c.lane)!.title, c.title] };
      }
      for (const band of b.grid?.bands ?? []) {
        if (predicate(band.node)) return { node: band.node, boxes: [...here, `band over ${band.lanes.length} lanes`] };
      }
      const found = search(b.boxes, here);
      if (found) return found;
    }
    return undefined;
  };
  const top = m.nodes.find(predicate);
  return top ? { node: top, boxes: [] } : search(m.boxes, []);
}

const vpcBox = (m: DiagramModel, title?: string) => allBoxes(m).find((b) => b.kind === 'vpc' && (!title || b.title === title))!;
const bands = (m: DiagramModel) => allBoxes(m).flatMap((b) => b.grid?.bands ?? []);
const bandOf = (m: DiagramModel, title: string): GridBand => bands(m).find((b) => b.node.title === title)!;

describe('buildDiagramModel: one diagram per stage', () => {
  test('stages with stacks get a diagram; the app gets one for its top-level stacks', () => {
    expect(diagramStages(loadAssembly(path.join(FIXTURES, 'staged')))).toEqual(['', 'OrganizationTrail']);
    expect(diagramStages(loadAssembly(path.join(FIXTURES, 'single-stack')))).toEqual(['']);
  });

  test('an env-agnostic stack is drawn in "AWS account (unknown)"', () => {
    const m = model(loadAssembly(path.join(FIXTURES, 'staged')));
    expect(m.title).toBe('Architecture');
    expect(locate(m, (n) => n.type === 'AWS::SNS::Topic')?.boxes).toEqual(['AWS account (unknown)', 'Region (unknown)']);
  });
});

describe('buildDiagramModel: a VPC is a grid of AZ lanes and subnet tiers', () => {
  const m = model(loadAssembly(path.join(FIXTURES, 'single-stack')));
  const vpc = vpcBox(m);

  test('account > region > VPC (with its CIDR); inside, one lane per AZ and one tier per subnet group', () => {
    expect(allBoxes(m).map((b) => `${b.kind}:${b.title}${b.detail ? ` ${b.detail}` : ''}`)).toEqual(['account:AWS account 111111111111', 'region:Region eu-west-1', 'vpc:VPC 10.0.0.0/16']);
    expect(vpc.grid!.lanes.map((l) => l.title)).toEqual(['Availability Zone 1', 'Availability Zone 2']);
    expect(vpc.grid!.tiers.map((t) => t.kind)).toEqual(['public', 'private']);
    expect(vpc.grid!.cells.map((c: GridCell) => `${c.title} ${c.detail}`)).toEqual(['Public subnet 10.0.0.0/24', 'Public subnet 10.0.1.0/24', 'Private subnet 10.0.2.0/24', 'Private subnet 10.0.3.0/24']);
  });

  test('a resource in one subnet sits in its cell; the internet gateway on the VPC; regional ones in the region', () => {
    expect(locate(m, (n) => n.type === 'AWS::EC2::NatGateway')?.boxes).toEqual(['AWS account 111111111111', 'Region eu-west-1', 'VPC', 'Availability Zone 1', 'Public subnet']);
    expect(vpc.gateways!.map((g) => g.title)).toEqual(['Internet gateway']);
    expect(locate(m, (n) => n.detail === 'network-data-111111111111')?.boxes).toEqual(['AWS account 111111111111', 'Region eu-west-1']);
  });

  test('a resource in subnets of several AZs is drawn once, as a band across the lanes it covers', () => {
    const lambda = bandOf(m, 'Lambda function');
    expect(lambda.lanes).toEqual(vpc.grid!.lanes.map((l) => l.id));
    expect(lambda.tier).toBe(vpc.grid!.tiers[1].id);
    expect(vpc.grid!.cells.flatMap((c) => c.nodes).filter((n) => n.type === 'AWS::Lambda::Function')).toEqual([]);
  });

  test('resources of one kind that do the same thing are grouped with a count; plumbing is left out', () => {
    const region = allBoxes(m).find((b) => b.kind === 'region')!;
    expect(region.nodes.map((n) => n.title)).toEqual(['CloudWatch alarms ×2', 'S3 bucket']);
    const all = JSON.stringify(m);
    for (const plumbing of ['AWS::IAM::Role', 'AWS::EC2::EIP', 'AWS::EC2::VPCGatewayAttachment', 'AWS::CDK::Metadata']) expect(all).not.toContain(plumbing);
  });
});

describe('buildDiagramModel: a partner web app', () => {
  const assembly = webApp();
  const m = model(assembly, '', { accountNames: { '555555555555': 'Workload' } });

  test('accounts are titled by their role, with their number', () => {
    expect(m.boxes.map((b) => `${b.title} (${b.detail})`)).toEqual(['Workload account (AWS account 555555555555)']);
    expect(m.subtitle).toBe('2 stacks (Web, Shared) in account 555555555555 (Workload)');
  });

  test('the load balancer, the Auto Scaling group, the ECS service and the database are each drawn once across their AZs, with their capacity', () => {
    const web = vpcBox(m, 'VPC Web/Vpc');
    const tier = (id: string) => web.grid!.tiers.find((t) => t.id === id)!.kind;
    expect(bands(m).map((b) => `${b.node.title} | ${b.node.detail} | ${tier(b.tier)} | ${b.lanes.length} lanes`)).toEqual([
      'Application LB | Frontend · internet-facing | public | 3 lanes',
      'Auto Scaling group | WebServers · 2–6 instances | private | 3 lanes',
      'ECS service | Api · 3 tasks | private | 3 lanes',
      'RDS instance | Orders | isolated | 3 lanes',
    ]);
  });

  test('two VPCs of one construct id are told apart by their stack and CIDR', () => {
    expect(allBoxes(m).filter((b) => b.kind === 'vpc').map((b) => `${b.title} ${b.detail}`)).toEqual(['VPC Shared/Vpc 10.2.0.0/16', 'VPC Web/Vpc 10.1.0.0/16']);
  });

  test('arrows carry the numbered steps of the flows; target groups and listeners are the arrows, not icons', () => {
    const step = (id: string) => m.edges.filter((e) => e.steps.includes(id));
    expect(step('1a')).toEqual([expect.objectContaining({ from: 'internet', medium: 'traffic', crossAccount: false })]);
    expect(step('1c')).toEqual([expect.objectContaining({ from: bandOf(m, 'Application LB').node.id, to: bandOf(m, 'Auto Scaling group').node.id })]);
    expect(step('2a')).toHaveLength(3);
    expect(JSON.stringify(m)).not.toContain('"type":"AWS::ElasticLoadBalancingV2::TargetGroup"');
    expect(m.legend.map((f) => `${f.number} ${f.title} (${f.steps.map((s) => s.id).join(' ')})`)).toEqual([
      '1 Internet traffic to the Application LB Frontend (1a 1b 1c 1d)',
      '2 Outbound Internet access from VPC Vpc (2a 2b 2c)',
      '3 VPC flow logs of VPC Vpc (3a)',
    ]);
  });

  test('on demand, each stack is a dashed box around its own resources', () => {
    const s = model(assembly, '', { stackBoundaries: true });
    expect(allBoxes(s).filter((b) => b.kind === 'stack').map((b) => `${b.title}: ${b.boxes.map((c) => c.title).join(', ')}`)).toEqual(['Stack Shared: VPC Shared/Vpc', 'Stack Web: VPC Web/Vpc']);
    const web = allBoxes(s).find((b) => b.title === 'Stack Web')!;
    expect(web.nodes.map((n) => n.title)).toEqual(expect.arrayContaining(['ECS cluster', 'S3 bucket']));
  });
});

describe('buildDiagramModel: GWLB endpoints', () => {
  test('each endpoint is in the subnet of its AZ and says so, never the region', () => {
    const m = model(inspectionApp());
    const endpoints = allBoxes(m).flatMap((b) => b.grid?.cells ?? []).flatMap((c) => c.nodes).filter((n) => n.title === 'GWLB endpoint');
    expect(endpoints.map((n) => n.detail)).toEqual(['eu-west-1a\nservice InspectionService', 'eu-west-1b\nservice InspectionService']);
    expect(locate(m, (n) => n === endpoints[1])?.boxes.slice(-2)).toEqual(['Availability Zone eu-west-1b', 'Public subnet Endpoints']);
  });
});

describe('buildDiagramModel: connections outside AWS and cross-account flows', () => {
  const m = model(loadAssembly(path.join(FIXTURES, 'staged')), 'OrganizationTrail', { accountNames: { '222222222222': 'Audit / log archive' } });
  const NET = 'OrganizationTrailNetwork9C0D1E2F';
  const MGMT = 'OrganizationTrailManagement1A2B3C4D';

  test('customer gateways and the Direct Connect connection are in the customer network, outside the accounts', () => {
    const onPrem = m.boxes.find((b) => b.kind === 'onPremises')!;
    expect(onPrem.title).toBe('Customer network');
    expect(onPrem.nodes.map((n) => `${n.title}: ${n.detail}`)).toEqual([
      'Customer gateway: 198.51.100.20 · ASN 65002',
      'Customer gateway: 203.0.113.10 · ASN 65001',
      'Direct Connect: dxcon-fgabc123',
    ]);
  });

  test('customer gateway → VPN → transit gateway → VPC (an arrow to the VPC\'s border), numbered', () => {
    expect(m.edges).toEqual(expect.arrayContaining([
      expect.objectContaining({ from: `${NET}/LondonCgw`, to: `${NET}/LondonVpn`, steps: ['1a'] }),
      expect.objectContaining({ from: `${NET}/LondonVpn`, to: `${NET}/Tgw`, steps: ['1b'] }),
      expect.objectContaining({ from: `${NET}/Tgw`, steps: ['1e'], toBox: 'acct-111111111111/us-east-1/vpc-OrganizationTrailNetwork9C0D1E2F-Vpc8378EB38', bidirectional: true }),
    ]));
  });

  test('the trail delivers to the audit bucket of another account, titled by its role', () => {
    const edge = m.edges.find((e) => e.steps.includes('2a'))!;
    expect(edge).toMatchObject({ from: `${MGMT}/OrgTrail00859FAE`, to: 'OrganizationTrailAudit5E6F7A8B/AuditLogs6819BB44', crossAccount: true, medium: 'data' });
    expect(locate(m, (n) => n.id === edge.to)?.boxes).toEqual(['Audit / log archive account', 'Region us-east-1']);
  });

  test('the backup plan copies to a vault known only by ARN: a box for the ARN\'s account and region', () => {
    const copy = m.edges.find((e) => e.steps.includes('3b'))!;
    expect(copy).toMatchObject({ from: `${MGMT}/Vault23237E5B`, crossAccount: true, medium: 'data' });
    const vault = locate(m, (n) => n.id === copy.to)!;
    expect(vault.boxes).toEqual(['AWS account 333333333333', 'Region us-west-2']);
    expect(vault.node).toMatchObject({ title: 'Backup vault', detail: 'dr-vault (by ARN)' });
  });

  test('the legend lists the flows drawn, each step in words', () => {
    expect(m.legend.map((f) => f.number)).toEqual([1, 2, 3]);
    expect(m.legend[2].steps.map((s) => `${s.id} ${s.crossAccount}`)).toEqual(['3a false', '3b true']);
  });
});

describe('buildDiagramModel: reading templates', () => {
  /** An in-memory assembly of one stage's stacks. */
  function assemblyOf(...stacks: Array<{ id: string; account?: string; template: CfnTemplate }>): LoadedAssembly {
    return {
      dir: '/virtual',
      stages: [],
      stacks: stacks.map((s): AssemblyStack => ({
        artifactId: s.id, displayName: s.id, stage: '', account: s.account, region: s.account ? 'eu-west-1' : undefined,
        templateFile: `/virtual/${s.id}.template.json`, template: s.template, dependencies: [], constructPaths: {},
      })),
    };
  }
  const vpcTemplate = (extra: CfnTemplate['Resources'] = {}): CfnTemplate => ({
    Resources: {
      Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.9.0.0/16' } },
      SubnetA: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' }, AvailabilityZone: 'eu-west-1a', CidrBlock: '10.9.0.0/24' } },
      SubnetB: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' }, AvailabilityZone: 'eu-west-1b', CidrBlock: '10.9.1.0/24' } },
      Igw: { Type: 'AWS::EC2::InternetGateway' },
      Table: { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: { Ref: 'Vpc' } } },
      Default: { Type: 'AWS::EC2::Route', Properties: { RouteTableId: { Ref: 'Table' }, GatewayId: { Ref: 'Igw' }, DestinationCidrBlock: '0.0.0.0/0' } },
      Assoc: { Type: 'AWS::EC2::SubnetRouteTableAssociation', Properties: { RouteTableId: { Ref: 'Table' }, SubnetId: { Ref: 'SubnetA' } } },
      ...extra,
    },
    Outputs: { SubnetB: { Value: { Ref: 'SubnetB' }, Export: { Name: 'Net:SubnetB' } } },
  });

  test('without CDK tags a subnet routed to an internet gateway is public, one without routes isolated; literal AZ names', () => {
    const m = model(assemblyOf({ id: 'Net', account: '111111111111', template: vpcTemplate() }));
    const grid = vpcBox(m).grid!;
    expect(grid.lanes.map((l) => l.title)).toEqual(['Availability Zone eu-west-1a', 'Availability Zone eu-west-1b']);
    expect(grid.cells.map((c) => `${c.title} ${c.detail}`)).toEqual(['Public subnet 10.9.0.0/24', 'Isolated subnet 10.9.1.0/24']);
  });

  test('a resource in another stack is placed in a subnet it imports (Fn::ImportValue)', () => {
    const app = { Resources: { Server: { Type: 'AWS::EC2::Instance', Properties: { SubnetId: { 'Fn::ImportValue': 'Net:SubnetB' } } } } };
    const m = model(assemblyOf({ id: 'Net', account: '111111111111', template: vpcTemplate() }, { id: 'App', account: '111111111111', template: app }));
    expect(locate(m, (n) => n.type === 'AWS::EC2::Instance')?.boxes.slice(-2)).toEqual(['Availability Zone eu-west-1b', 'Isolated subnet']);
  });

  test('custom-resource provider functions and their log groups are left out; other functions stay', () => {
    const template: CfnTemplate = {
      Resources: {
        Provider: { Type: 'AWS::Lambda::Function', Properties: { Handler: 'framework.onEvent', Environment: { Variables: { USER_ON_EVENT_FUNCTION_ARN: { 'Fn::GetAtt': ['OnEvent', 'Arn'] } } } } },
        OnEvent: { Type: 'AWS::Lambda::Function', Properties: { Handler: 'index.handler' } },
        OnEventLogs: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: { 'Fn::Join': ['', ['/aws/lambda/', { Ref: 'OnEvent' }]] } } },
        Thing: { Type: 'Custom::Thing', Properties: { ServiceToken: { 'Fn::GetAtt': ['Provider', 'Arn'] } } },
        App: { Type: 'AWS::Lambda::Function', Properties: { Handler: 'app.handler', FunctionName: 'orders' } },
      },
    };
    const m = model(assemblyOf({ id: 'S', account: '111111111111', template }));
    expect(m.boxes[0].boxes[0].nodes.map((n) => `${n.title}: ${n.detail}`)).toEqual(['Lambda function: orders']);
  });

  test('a trail whose bucket is not in the app points at "Outside this app"', () => {
    const template: CfnTemplate = { Resources: { Trail: { Type: 'AWS::CloudTrail::Trail', Properties: { S3BucketName: 'someone-elses-bucket', IsLogging: true } } } };
    const m = model(assemblyOf({ id: 'S', account: '111111111111', template }));
    const outside = m.boxes.find((b) => b.kind === 'external')!;
    expect(outside.nodes).toEqual([expect.objectContaining({ title: 'S3 bucket', detail: 'someone-elses-bucket' })]);
    expect(m.edges).toEqual([expect.objectContaining({ from: 'S/Trail', to: outside.nodes[0].id, steps: ['1a'], crossAccount: false })]);
  });

  test('two icons that would read the same in one region name their stack', () => {
    // GIVEN: a topic named `alarms` in two stacks, each with its own alarm
    const template = (): CfnTemplate => ({ Resources: {
      Topic: { Type: 'AWS::SNS::Topic', Properties: { TopicName: 'alarms' } },
      Alarm: { Type: 'AWS::CloudWatch::Alarm', Properties: { AlarmActions: [{ Ref: 'Topic' }], MetricName: 'Errors', Namespace: 'AWS/Lambda' } },
    } });
    // WHEN
    const m = model(assemblyOf({ id: 'One', account: '111111111111', template: template() }, { id: 'Two', account: '111111111111', template: template() }));
    // THEN
    expect(m.boxes[0].boxes[0].nodes.filter((n) => n.type === 'AWS::SNS::Topic').map((n) => n.detail)).toEqual(['alarms\nstack One', 'alarms\nstack Two']);
  });
});

describe('buildDiagramModel: central logging', () => {
  /** A workload stack shipping its log group to the audit account's destination; with or without that destination in the app. */
  function synthesized(withDestination: boolean): LoadedAssembly {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-competency-diagram-'));
    const app = new App({ outdir });
    if (withDestination) {
      const audit = new Stack(app, 'Audit', { env: { account: '222222222222', region: 'eu-west-1' } });
      new CentralLogDestination(audit, 'CentralLogs', { organizationId: 'o-a1b2c3d4e5' });
    }
    const workload = new Stack(app, 'Workload', { env: { account: '333333333333', region: 'eu-west-1' } });
    new logs.LogGroup(workload, 'AppLogs', { retention: logs.RetentionDays.ONE_YEAR });
    new sns.Topic(workload, 'Unrelated');
    new CentralLogShipping(workload, 'Ship', { destinationArn: 'arn:aws:logs:eu-west-1:222222222222:destination:central-logs' });
    app.synth();
    const assembly = loadAssembly(outdir);
    fs.rmSync(outdir, { recursive: true, force: true });
    return assembly;
  }

  test('a subscribed log group flows to the destination known only by ARN: a box for its account; the filter is the arrow', () => {
    // GIVEN / WHEN
    const m = model(synthesized(false));
    // THEN
    const edge = m.edges.find((e) => e.steps.includes('1a'))!;
    expect(edge).toMatchObject({ from: 'Workload/AppLogsC5DF83A6', crossAccount: true, medium: 'data' });
    const destination = locate(m, (n) => n.id === edge.to)!;
    expect(destination.boxes).toEqual(['AWS account 222222222222', 'Region eu-west-1']);
    expect(destination.node).toMatchObject({ title: 'Log destination', detail: 'central-logs (by ARN)' });
    expect(JSON.stringify(m)).not.toContain('AWS::Logs::SubscriptionFilter');
  });

  test('when the app deploys the destination, the flow ends at that resource, and the archive flow follows it to its bucket', () => {
    // GIVEN / WHEN
    const assembly = synthesized(true);
    const m = model(assembly);
    // THEN
    const edge = m.edges.find((e) => e.to.startsWith('Audit/CentralLogsDestination'))!;
    expect(edge).toMatchObject({ from: 'Workload/AppLogsC5DF83A6', crossAccount: true });
    expect(m.legend.map((f) => f.title)).toEqual([
      'Central logging: log groups of Workload → log destination central-logs in account 222222222222',
      'Central log archive: log destination central-logs',
    ]);
  });

  test('the overview draws one node per stack and the cross-account step between them', () => {
    const assembly = synthesized(true);
    const o = buildOverviewModel(assembly, describeArchitecture(assembly, { accountNames: { '222222222222': 'Audit / log archive', '333333333333': 'Workload' } }));
    expect(o.kind).toBe('overview');
    expect(allBoxesOf(o).filter((b) => b.kind === 'account').map((b) => b.title)).toEqual(['Audit / log archive account', 'Workload account']);
    expect(allBoxesOf(o).flatMap((b) => b.nodes).map((n) => `${n.title}: ${n.detail}`)).toEqual([
      'Audit: Log destination central-logs\nFirehose stream CentralLogs\nS3 buckets ×2',
      'Workload: Log group AppLogs\nSNS topic Unrelated',
    ]);
    expect(o.edges).toEqual([expect.objectContaining({ from: expect.stringMatching(/^stack:Workload/), to: expect.stringMatching(/^stack:Audit/), crossAccount: true, steps: ['1a'] })]);
    expect(o.legend).toEqual([expect.objectContaining({ number: 1, steps: [expect.objectContaining({ id: '1a' })] })]);
  });
});

function allBoxesOf(m: DiagramModel): DiagramBox[] {
  return allBoxes(m);
}
