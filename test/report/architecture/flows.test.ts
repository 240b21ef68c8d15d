import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { NetworkApplianceStack } from '../../../examples/network-appliance/stack';
import { loadAssembly } from '../../../lib/report/assembly';
import { describeArchitecture, Flow, FlowEnd } from '../../../lib/report/architecture';
import { accountNamesFromCdkJson, accountNamesProblems, cdkJsonOf, parseAccountNames } from '../../../lib/report/architecture/accounts';
import { constructName, withoutHash } from '../../../lib/report/architecture/naming';
import { cidrContains } from '../../../lib/report/architecture/network';
import { ResourceIndex } from '../../../lib/report/architecture/resource-index';
import { inspectionApp, webApp } from '../diagram/partner-apps';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'assemblies');
const REPO = path.join(__dirname, '..', '..', '..');

const ends = (e: FlowEnd) => (e.kind === 'resource' ? e.key.split('/')[1] : e.kind === 'internet' ? 'Internet' : e.id);
/** `3a: A → B, C → D` for each step of a flow. */
const arrows = (f: Flow) => f.steps.map((s) => `${s.id}: ${s.links.map((l) => `${ends(l.from)} ${l.bidirectional ? '↔' : '→'} ${ends(l.to)}`).join(', ')}`);

describe('flows of a partner web app: Internet → ALB listeners → target groups → targets', () => {
  // GIVEN: an internet-facing ALB with an HTTPS listener (ASG by default, ECS service for /api/*) and an HTTP redirect
  const assembly = webApp();
  const { flows } = describeArchitecture(assembly, { accountNames: { '555555555555': 'Workload' } });
  const ingress = flows.find((f) => f.kind === 'ingress')!;

  test('the Internet reaches the load balancer through the internet gateway, its listeners named in words', () => {
    expect(ingress.title).toBe('Internet traffic to the Application LB Frontend');
    expect(ingress.steps[0]).toMatchObject({ id: '1a', text: 'Clients on the Internet → internet gateway Vpc', medium: 'traffic', crossAccount: false });
    expect(ingress.steps[1].text).toBe('Internet gateway Vpc → Application LB Frontend: listeners HTTPS:443 and HTTP:80 redirects to HTTPS:443');
    expect(arrows(ingress).slice(0, 2)).toEqual([expect.stringMatching(/^1a: Internet → VpcIGW[0-9A-F]{8}$/), expect.stringMatching(/^1b: VpcIGW[0-9A-F]{8} → Frontend[0-9A-F]{8}$/)]);
  });

  test('each target group leads to its targets with their capacity; the listeners and target groups are what the arrows stand for', () => {
    expect(ingress.steps.slice(2).map((s) => s.text)).toEqual([
      'Application LB Frontend → target group WebGroup (HTTP:8080, health check /health) → Auto Scaling group WebServers (2–6 instances)',
      'Application LB Frontend → target group ApiTargetsGroup (HTTP:8000, health check /api/health) → ECS service Api (3 tasks)',
    ]);
    expect(arrows(ingress).slice(2)).toEqual([expect.stringMatching(/^1c: Frontend\w+ → WebServersASG\w+$/), expect.stringMatching(/^1d: Frontend\w+ → Api\w+$/)]);
    expect(ingress.steps[1].via.map((v) => v.split('/')[1])).toEqual([expect.stringMatching(/^FrontendHttps/), expect.stringMatching(/^FrontendHttp[0-9A-F]/)]);
    expect(ingress.steps[2].via).toEqual([expect.stringMatching(/WebGroup/)]);
  });

  test('private subnets go out through the NAT gateway, the internet gateway, to the Internet; flow logs go to their bucket', () => {
    const egress = flows.find((f) => f.kind === 'egress')!;
    expect(egress.steps.map((s) => s.text)).toEqual([
      'The App subnets (3 AZs) send Internet-bound traffic (0.0.0.0/0) to the NAT gateway in eu-west-1a',
      'NAT gateway → internet gateway Vpc (route 0.0.0.0/0 of the public subnets)',
      'Internet gateway Vpc → the Internet',
    ]);
    expect(egress.steps[0].links).toHaveLength(3);
    const logs = flows.find((f) => f.kind === 'flow-logs')!;
    expect(logs.steps.map((s) => s.text)).toEqual(['Flow log of VPC Vpc (all traffic) → S3 bucket FlowLogBucket']);
  });

  test('flows are numbered 1..n, network paths first; steps are lettered', () => {
    expect(flows.map((f) => `${f.number} ${f.kind}`)).toEqual(['1 ingress', '2 egress', '3 flow-logs']);
    for (const f of flows) f.steps.forEach((s, i) => expect(s.id).toBe(`${f.number}${'abcdefghij'[i]}`));
  });
});

describe('flows of a GWLB inspection VPC: ingress routing, appliances, return path', () => {
  const { flows } = describeArchitecture(inspectionApp());
  const inspection = flows.find((f) => f.kind === 'inspection')!;

  test('every step is derived from the route tables, the endpoint service and the target group', () => {
    expect(inspection.title).toBe('Traffic inspection by the Gateway LB Gwlb and the appliances of Auto Scaling group Firewalls');
    expect(inspection.note).toBeUndefined();
    expect(inspection.steps.map((s) => s.text)).toEqual([
      'Internet gateway Vpc (ingress routing: a route table associated with the gateway) sends traffic for 10.3.2.0/24 and 10.3.3.0/24 to the GWLB endpoint of the destination\'s AZ',
      'GWLB endpoints (eu-west-1a and eu-west-1b) ↔ Gateway LB Gwlb through endpoint service InspectionService (PrivateLink, GENEVE); traffic returns to the endpoint it came from',
      'Gateway LB Gwlb ↔ target group Geneve (GENEVE:6081, health check TCP:80) → Auto Scaling group Firewalls (2–4 instances): each appliance inspects the traffic and returns what it allows',
      'After inspection each endpoint delivers the traffic to the App subnets (2 AZs) (10.3.2.0/24 and 10.3.3.0/24, the VPC\'s local route)',
      'Return and outbound traffic: the route tables of the App subnets (2 AZs) send 0.0.0.0/0 to the GWLB endpoint, which inspects it on the way out',
      'Inspected outbound traffic leaves through internet gateway Vpc (route 0.0.0.0/0 of the endpoints\' subnets)',
    ]);
    expect(arrows(inspection)).toEqual([
      expect.stringMatching(/^1a: VpcIGW\w+ → Endpoint1, VpcIGW\w+ → Endpoint2$/),
      '1b: Endpoint1 ↔ Gwlb, Endpoint2 ↔ Gwlb',
      '1c: Gwlb ↔ Firewalls',
      expect.stringMatching(/^1d: Endpoint1 → VpcAppSubnet1Subnet\w+, Endpoint2 → VpcAppSubnet2Subnet\w+$/),
      expect.stringMatching(/^1e: VpcAppSubnet1Subnet\w+ → Endpoint1, VpcAppSubnet2Subnet\w+ → Endpoint2$/),
      expect.stringMatching(/^1f: Endpoint1 → VpcIGW\w+, Endpoint2 → VpcIGW\w+$/),
    ]);
  });

  test('without a route to the endpoints (the reference appliance stack), the flow says who steers traffic to them', () => {
    // GIVEN
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-competency-appliance-'));
    const app = new App({ outdir });
    new NetworkApplianceStack(app, 'Appliances', { env: { account: '333333333333', region: 'eu-west-1' }, availabilityZones: ['eu-west-1a', 'eu-west-1b'] });
    app.synth();
    // WHEN
    const appliance = describeArchitecture(loadAssembly(outdir)).flows.find((f) => f.kind === 'inspection')!;
    fs.rmSync(outdir, { recursive: true, force: true });
    // THEN
    expect(appliance.note).toBe('No route table of this app sends traffic to the GWLB endpoints: the consumer\'s route tables (or a transit gateway in appliance mode) steer traffic to them.');
    expect(appliance.steps.map((s) => s.links.length)).toEqual([2, 1]);
  });
});

describe('flows of the staged fixture: customer network, trail, backups', () => {
  const { flows } = describeArchitecture(loadAssembly(path.join(FIXTURES, 'staged')), { accountNames: { '222222222222': 'Audit / log archive' } });

  test('customer gateways → VPN → transit gateway, Direct Connect → DX gateway → transit gateway, transit gateway ↔ VPC', () => {
    const c = flows.find((f) => f.kind === 'connectivity')!;
    expect(c.title).toBe('Customer network over Site-to-Site VPN and Direct Connect to transit gateway hub-tgw');
    expect(arrows(c)).toEqual([
      '1a: LondonCgw → LondonVpn, ParisCgw → ParisVpn',
      '1b: LondonVpn → Tgw, ParisVpn → Tgw',
      '1c: dx-dxcon-fgabc123 → DxGateway',
      '1d: DxGateway → Tgw',
      '1e: Tgw ↔ Vpc8378EB38',
    ]);
  });

  test('the trail delivers to the bucket of another account, named with its role; the step crosses accounts', () => {
    const trail = flows.find((f) => f.kind === 'audit-trail')!;
    expect(trail.steps[0]).toMatchObject({ crossAccount: true, text: 'CloudTrail trail organization-trail → S3 bucket org-audit-logs-222222222222 in account 222222222222 (Audit / log archive): log files (log file validation)' });
  });

  test('backup plan → vault → copy to a vault known by ARN in another account and region', () => {
    const backup = flows.find((f) => f.kind === 'backup')!;
    expect(backup.steps.map((s) => `${s.id} ${s.crossAccount}`)).toEqual(['3a false', '3b true']);
    expect(backup.steps[1].links[0].to).toEqual({ kind: 'external', id: 'vault:arn:aws:backup:us-west-2:333333333333:backup-vault:dr-vault', type: 'AWS::Backup::BackupVault', title: 'Backup vault', detail: 'dr-vault (by ARN)', account: '333333333333', region: 'us-west-2' });
  });
});

describe('account names: from the app\'s cdk.json, or given', () => {
  test('the reference app names its management, audit, workload and DR accounts by role', () => {
    expect(accountNamesFromCdkJson(path.join(REPO, 'cdk.json'))).toEqual({
      '111111111111': 'Management', '222222222222': 'Audit / log archive', '333333333333': 'Workload', '444444444444': 'DR',
    });
  });

  test('the cdk.json of an assembly is next to the top-level cdk.out, also for a stage\'s nested assembly', () => {
    const app = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-competency-app-'));
    fs.mkdirSync(path.join(app, 'cdk.out', 'assembly-Prod'), { recursive: true });
    fs.writeFileSync(path.join(app, 'cdk.out', 'manifest.json'), '{}');
    expect(cdkJsonOf(path.join(app, 'cdk.out'))).toBeUndefined();
    fs.writeFileSync(path.join(app, 'cdk.json'), '{}');
    expect(cdkJsonOf(path.join(app, 'cdk.out'))).toBe(path.join(app, 'cdk.json'));
    expect(cdkJsonOf(path.join(app, 'cdk.out', 'assembly-Prod'))).toBe(path.join(app, 'cdk.json'));
    fs.rmSync(app, { recursive: true, force: true });
  });

  test('an explicit cdk-competency:accountNames map wins; other roles are worded from their key; a broken cdk.json names nothing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-competency-names-'));
    const file = path.join(dir, 'cdk.json');
    fs.writeFileSync(file, JSON.stringify({ context: { 'my:config': { sharedServicesAccount: '666666666666', auditAccount: '222222222222', region: 'eu-west-1' }, 'cdk-competency:accountNames': { '222222222222': 'Log archive (Control Tower)' } } }));
    expect(accountNamesFromCdkJson(file)).toEqual({ '666666666666': 'Shared services', '222222222222': 'Log archive (Control Tower)' });
    fs.writeFileSync(file, '{ not json');
    expect(accountNamesFromCdkJson(file)).toEqual({});
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('--account-names parses id=name pairs and names the malformed entry', () => {
    expect(parseAccountNames('111111111111=Management, 222222222222=Audit / log archive')).toEqual({ '111111111111': 'Management', '222222222222': 'Audit / log archive' });
    expect(() => parseAccountNames('1111=Management')).toThrow("'--account-names' entries look like 111111111111=Management, got '1111=Management'");
    expect(() => parseAccountNames('111111111111=A,111111111111=B')).toThrow("'--account-names' names account 111111111111 twice");
    expect(accountNamesProblems({ '12': 'x', '111111111111': '' }, 'accountNames')).toEqual([
      "accountNames: '12' is not a 12-digit account id",
      'accountNames: the name of account 111111111111 must be non-empty text, got ""',
    ]);
  });
});

describe('readable names', () => {
  const index = new ResourceIndex(loadAssembly(path.join(REPO, 'test', 'fixtures', 'assemblies', 'staged')).stacks);

  test('a construct path\'s last meaningful segment, never a hash suffix', () => {
    expect(withoutHash('NetworkFlowLogs2BEC3212')).toBe('NetworkFlowLogs');
    expect(withoutHash('Vpc')).toBe('Vpc');
    for (const r of index.all()) expect(constructName(r)).not.toMatch(/[0-9A-F]{8}$/);
  });

  test('CIDR containment', () => {
    expect(cidrContains('10.0.0.0/16', '10.0.3.0/24')).toBe(true);
    expect(cidrContains('10.0.3.0/24', '10.0.3.0/24')).toBe(true);
    expect(cidrContains('10.0.3.0/24', '10.0.0.0/16')).toBe(false);
    expect(cidrContains('0.0.0.0/0', '192.168.1.1')).toBe(true);
    expect(cidrContains('pl-123', '10.0.0.0/24')).toBe(false);
  });
});
