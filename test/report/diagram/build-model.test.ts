import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, aws_logs as logs } from 'aws-cdk-lib';
import { CentralLogDestination } from '../../../constructs/central-log-destination';
import { CentralLogShipping } from '../../../constructs/central-log-shipping';
import { CfnTemplate } from '../../../lib/aws';
import { AssemblyStack, LoadedAssembly, loadAssembly } from '../../../lib/report/assembly';
import { buildDiagramModel, DiagramBox, DiagramModel, DiagramNode, diagramStages } from '../../../lib/report/diagram';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'assemblies');

/** Every box with its ancestors' kinds, e.g. `account>region>vpc>az>public`. */
function boxPaths(model: DiagramModel): Map<string, DiagramBox> {
  const out = new Map<string, DiagramBox>();
  const walk = (b: DiagramBox, prefix: string) => {
    const p = prefix ? `${prefix}>${b.kind}` : b.kind;
    out.set(`${p}:${b.title}${b.detail ? ` ${b.detail}` : ''}`, b);
    b.boxes.forEach((c) => walk(c, p));
  };
  model.boxes.forEach((b) => walk(b, ''));
  return out;
}

/** The chain of box titles leading to a node, e.g. ['AWS account 1111', 'Region us-east-1']. */
function locate(model: DiagramModel, predicate: (n: DiagramNode) => boolean): { node: DiagramNode; boxes: string[] } | undefined {
  const search = (boxes: readonly DiagramBox[], trail: string[]): { node: DiagramNode; boxes: string[] } | undefined => {
    for (const b of boxes) {
      const node = b.nodes.find(predicate);
      if (node) return { node, boxes: [...trail, b.title] };
      const found = search(b.boxes, [...trail, b.title]);
      if (found) return found;
    }
    return undefined;
  };
  const top = model.nodes.find(predicate);
  return top ? { node: top, boxes: [] } : search(model.boxes, []);
}

const byDetail = (detail: string) => (n: DiagramNode) => n.detail === detail;

describe('buildDiagramModel: one diagram per stage', () => {
  test('stages with stacks get a diagram; the app gets one for its top-level stacks', () => {
    expect(diagramStages(loadAssembly(path.join(FIXTURES, 'staged')))).toEqual(['', 'OrganizationTrail']);
    expect(diagramStages(loadAssembly(path.join(FIXTURES, 'single-stack')))).toEqual(['']);
  });

  test('an env-agnostic stack is drawn in "AWS account (unknown)"', () => {
    const model = buildDiagramModel(loadAssembly(path.join(FIXTURES, 'staged')), '');
    expect(model.title).toBe('Architecture');
    expect(locate(model, (n) => n.type === 'AWS::SNS::Topic')?.boxes).toEqual(['AWS account (unknown)', 'Region (unknown)']);
  });
});

describe('buildDiagramModel: account → region → VPC → AZ → subnet nesting', () => {
  const model = buildDiagramModel(loadAssembly(path.join(FIXTURES, 'single-stack')), '');
  const paths = [...boxPaths(model).keys()];

  test('boxes nest account > region > VPC (with CIDR) > AZ > typed subnets (with CIDR)', () => {
    expect(paths).toEqual([
      'account:AWS account 111111111111',
      'account>region:Region eu-west-1',
      'account>region>vpc:VPC 10.0.0.0/16',
      'account>region>vpc>az:Availability Zone 1',
      'account>region>vpc>az>public:Public subnet 10.0.0.0/24',
      'account>region>vpc>az>private:Private subnet 10.0.2.0/24',
      'account>region>vpc>az:Availability Zone 2',
      'account>region>vpc>az>public:Public subnet 10.0.1.0/24',
      'account>region>vpc>az>private:Private subnet 10.0.3.0/24',
    ]);
  });

  test('resources sit in their subnets, the internet gateway in the VPC, regional ones in the region', () => {
    expect(locate(model, (n) => n.type === 'AWS::EC2::NatGateway')?.boxes).toEqual(['AWS account 111111111111', 'Region eu-west-1', 'VPC', 'Availability Zone 1', 'Public subnet']);
    expect(locate(model, (n) => n.type === 'AWS::EC2::InternetGateway')?.boxes).toEqual(['AWS account 111111111111', 'Region eu-west-1', 'VPC']);
    expect(locate(model, byDetail('network-data-111111111111'))?.boxes).toEqual(['AWS account 111111111111', 'Region eu-west-1']);
    // a Lambda function in two subnets is drawn in each
    const lambdas = [...boxPaths(model).values()].filter((b) => b.kind === 'private').map((b) => b.nodes.map((n) => n.title));
    expect(lambdas).toEqual([['Lambda function'], ['Lambda function']]);
  });

  test('resources of one kind are grouped with a count; plumbing is left out', () => {
    const region = [...boxPaths(model).values()].find((b) => b.kind === 'region')!;
    expect(region.nodes.map((n) => n.title)).toEqual(['CloudWatch alarms ×2', 'S3 bucket']);
    const all = JSON.stringify(model);
    for (const plumbing of ['AWS::IAM::Role', 'AWS::EC2::EIP', 'AWS::EC2::VPCGatewayAttachment', 'AWS::CDK::Metadata']) expect(all).not.toContain(plumbing);
  });

  test('the internet gateway connects to the Internet', () => {
    expect(model.nodes.map((n) => n.id)).toEqual(['internet']);
    expect(model.edges).toContainEqual(expect.objectContaining({ from: 'internet', to: 'Network/VpcIGWD7BA715C', kind: 'internet', bidirectional: true }));
  });
});

describe('buildDiagramModel: connections outside AWS and cross-account flows', () => {
  const model = buildDiagramModel(loadAssembly(path.join(FIXTURES, 'staged')), 'OrganizationTrail');
  const NET = 'OrganizationTrailNetwork9C0D1E2F';
  const MGMT = 'OrganizationTrailManagement1A2B3C4D';

  test('customer gateways and the Direct Connect connection are in the customer network, outside the accounts', () => {
    const onPrem = model.boxes.find((b) => b.kind === 'onPremises')!;
    expect(onPrem.title).toBe('Customer network');
    expect(onPrem.nodes.map((n) => `${n.title}: ${n.detail}`)).toEqual([
      'Customer gateway: 198.51.100.20 · ASN 65002',
      'Customer gateway: 203.0.113.10 · ASN 65001',
      'Direct Connect: dxcon-fgabc123',
    ]);
  });

  test('customer gateway → VPN connection → transit gateway → VPC', () => {
    expect(model.edges).toEqual(expect.arrayContaining([
      expect.objectContaining({ from: `${NET}/LondonCgw`, to: `${NET}/LondonVpn`, kind: 'vpn' }),
      expect.objectContaining({ from: `${NET}/LondonVpn`, to: `${NET}/Tgw`, kind: 'vpn' }),
      expect.objectContaining({ from: `${NET}/ParisVpn`, to: `${NET}/Tgw`, kind: 'vpn' }),
      expect.objectContaining({ from: `${NET}/Tgw`, kind: 'attachment', toBox: 'acct-111111111111/us-east-1/vpc-OrganizationTrailNetwork9C0D1E2F-Vpc8378EB38' }),
    ]));
    expect(locate(model, (n) => n.type === 'AWS::EC2::VPNConnection')?.boxes).toEqual(['AWS account 111111111111', 'Region us-east-1']);
  });

  test('Direct Connect: connection → DX gateway (transit VIF) → transit gateway', () => {
    expect(model.edges).toEqual(expect.arrayContaining([
      expect.objectContaining({ from: 'dx-dxcon-fgabc123', to: `${NET}/DxGateway`, label: 'transit VIF (VLAN 101)' }),
      expect.objectContaining({ from: `${NET}/DxGateway`, to: `${NET}/Tgw`, label: 'association' }),
    ]));
    // the DX gateway is global: in the account, outside the regions
    expect(locate(model, (n) => n.type === 'AWS::DirectConnect::DirectConnectGateway')?.boxes).toEqual(['AWS account 111111111111']);
  });

  test('the trail delivers to the audit bucket of another account, found by its literal name', () => {
    const edge = model.edges.find((e) => e.label === 'CloudTrail logs')!;
    expect(edge).toMatchObject({ from: `${MGMT}/OrgTrail00859FAE`, to: 'OrganizationTrailAudit5E6F7A8B/AuditLogs6819BB44', crossAccount: true, kind: 'logs' });
    expect(locate(model, (n) => n.id === edge.to)?.boxes).toEqual(['AWS account 222222222222', 'Region us-east-1']);
  });

  test('the backup plan copies to a vault known only by ARN: a box for the ARN\'s account', () => {
    const copy = model.edges.find((e) => e.label === 'backup copy')!;
    expect(copy).toMatchObject({ from: `${MGMT}/PlanDAF4E53A`, crossAccount: true, kind: 'backup' });
    const vault = locate(model, (n) => n.id === copy.to)!;
    expect(vault.boxes).toEqual(['AWS account 333333333333', 'Region us-west-2']);
    expect(vault.node).toMatchObject({ title: 'Backup vault', detail: 'dr-vault (by ARN)' });
    expect(model.edges).toContainEqual(expect.objectContaining({ from: `${MGMT}/PlanDAF4E53A`, to: `${MGMT}/Vault23237E5B`, label: 'backups', crossAccount: false }));
  });

  test('Config rules are one icon with a count', () => {
    expect(locate(model, (n) => n.type === 'AWS::Config::ConfigRule')?.node).toMatchObject({ title: 'Config rules ×3', count: 3 });
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
    const model = buildDiagramModel(assemblyOf({ id: 'Net', account: '111111111111', template: vpcTemplate() }), '');
    expect([...boxPaths(model).keys()].filter((k) => k.includes('>az'))).toEqual([
      'account>region>vpc>az:Availability Zone eu-west-1a',
      'account>region>vpc>az>public:Public subnet 10.9.0.0/24',
      'account>region>vpc>az:Availability Zone eu-west-1b',
      'account>region>vpc>az>isolated:Isolated subnet 10.9.1.0/24',
    ]);
  });

  test('a resource in another stack is placed in a subnet it imports (Fn::ImportValue)', () => {
    const app = { Resources: { Server: { Type: 'AWS::EC2::Instance', Properties: { SubnetId: { 'Fn::ImportValue': 'Net:SubnetB' } } } } };
    const model = buildDiagramModel(assemblyOf({ id: 'Net', account: '111111111111', template: vpcTemplate() }, { id: 'App', account: '111111111111', template: app }), '');
    expect(locate(model, (n) => n.type === 'AWS::EC2::Instance')?.boxes.slice(-2)).toEqual(['Availability Zone eu-west-1b', 'Isolated subnet']);
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
    const model = buildDiagramModel(assemblyOf({ id: 'S', account: '111111111111', template }), '');
    const region = model.boxes[0].boxes[0];
    expect(region.nodes.map((n) => `${n.title}: ${n.detail}`)).toEqual(['Lambda function: orders']);
  });

  test('a trail whose bucket is not in the app points at "Outside this app"', () => {
    const template: CfnTemplate = { Resources: { Trail: { Type: 'AWS::CloudTrail::Trail', Properties: { S3BucketName: 'someone-elses-bucket', IsLogging: true } } } };
    const model = buildDiagramModel(assemblyOf({ id: 'S', account: '111111111111', template }), '');
    const outside = model.boxes.find((b) => b.kind === 'external')!;
    expect(outside.nodes).toEqual([expect.objectContaining({ title: 'S3 bucket', detail: 'someone-elses-bucket' })]);
    expect(model.edges).toEqual([expect.objectContaining({ from: 'S/Trail', to: outside.nodes[0].id, label: 'CloudTrail logs', crossAccount: false })]);
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
    new CentralLogShipping(workload, 'Ship', { destinationArn: 'arn:aws:logs:eu-west-1:222222222222:destination:central-logs' });
    app.synth();
    const assembly = loadAssembly(outdir);
    fs.rmSync(outdir, { recursive: true, force: true });
    return assembly;
  }

  test('a subscribed log group flows to the destination known only by ARN: a box for its account', () => {
    // GIVEN / WHEN
    const model = buildDiagramModel(synthesized(false), '');
    // THEN
    const edge = model.edges.find((e) => e.label === 'log subscription')!;
    expect(edge).toMatchObject({ from: 'Workload/AppLogsC5DF83A6', crossAccount: true, kind: 'logs' });
    const destination = locate(model, (n) => n.id === edge.to)!;
    expect(destination.boxes).toEqual(['AWS account 222222222222', 'Region eu-west-1']);
    expect(destination.node).toMatchObject({ title: 'Log destination', detail: 'central-logs (by ARN)' });
  });

  test('when the app deploys the destination, the flow ends at that resource', () => {
    // GIVEN / WHEN
    const model = buildDiagramModel(synthesized(true), '');
    // THEN
    const edge = model.edges.find((e) => e.label === 'log subscription')!;
    expect(edge).toMatchObject({ from: 'Workload/AppLogsC5DF83A6', to: expect.stringMatching(/^Audit\/CentralLogsDestination/), crossAccount: true });
  });
});
