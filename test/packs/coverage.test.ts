import * as fs from 'fs';
import { App, aws_batch as batch, aws_docdbelastic as docdbelastic, aws_ec2 as ec2, aws_networkmanager as networkmanager, aws_timestream as timestream, Stack, Tags, Validations } from 'aws-cdk-lib';
import { CHECKLIST_ITEMS, ChecklistItem, parseSelection, resourceClassesOf, ruleUsesOf } from '../../lib/checklist';
import { CAPACITY, DATA_STORES, isOfClass, RESOURCE_TYPE_CLASSES, TRAFFIC_LOGS, typesOfClass } from '../../lib/aws';
import { CompetencyChecks, planRules } from '../../lib/packs';
import { coverageOf, coverageTable, NOT_VERIFIED, partsCoverage, requiredReaders, RESOURCE_CLASSES, unreadParts } from '../../lib/packs/coverage';
import { collectEvidence, loadAssembly } from '../../lib/report';
import { ALL_RULES } from '../../lib/rules';
import { NOW, tmpDir } from '../report/helpers';

const STRICT = { checklist: 'networking', deploymentModel: 'saas', strict: true } as const;

/**
 * A partner-style stack with types no rule of the items they concern reads: an AWS Batch compute environment, a Timestream table, a
 * network firewall; and a DocumentDB elastic cluster, read at rest by 1.22 and not in transit.
 */
function partnerApp(outdir?: string): { app: App; stack: Stack } {
  const app = new App({ outdir });
  const stack = new Stack(app, 'Workload', { env: { account: '111111111111', region: 'eu-west-1' } });
  new batch.CfnComputeEnvironment(stack, 'Nodes', { type: 'MANAGED', computeResources: { type: 'EC2', maxvCpus: 64, subnets: ['subnet-1', 'subnet-2'], instanceRole: 'arn:aws:iam::111111111111:instance-profile/batch', securityGroupIds: ['sg-0123456789abcdef0'] } });
  new timestream.CfnTable(stack, 'Metrics', { databaseName: 'telemetry' });
  new docdbelastic.CfnCluster(stack, 'Documents', { clusterName: 'documents', adminUserName: 'docadmin', authType: 'SECRET_ARN', shardCapacity: 2, shardCount: 1 });
  new networkmanager.CfnCoreNetwork(stack, 'CoreNetwork', { globalNetworkId: 'global-network-0123456789abcdef0' });
  Tags.of(stack).add('DataClassification', 'internal');
  return { app, stack };
}

describe('the resource-type coverage table is derived from the data, the rules and the class table', () => {
  test('every type of the data, traffic and capacity classes has a row, and no other type does', () => {
    // GIVEN
    const expected = [...new Set(RESOURCE_CLASSES.flatMap((c) => typesOfClass(c)))].sort();
    // WHEN
    const rows = coverageTable();
    // THEN
    expect(rows.map((r) => r.type)).toEqual(expected);
    expect(rows.length).toBeGreaterThan(200);
    for (const row of rows) expect(row.classes.every((c) => isOfClass(row.type, c))).toBe(true);
  });

  test('each cell names the item\'s required rules that list the type, and only those', () => {
    for (const row of coverageTable()) {
      for (const cell of row.cells) {
        const item = CHECKLIST_ITEMS.find((i) => i.id === cell.itemId)!;
        expect(resourceClassesOf(item).map((u) => u.resourceClass)).toContain(cell.resourceClass);
        const readers = ALL_RULES.filter((r) => r.resourceTypes.includes(row.type) && (item.verification.rules ?? []).some((u) => u.rule === r.name && u.kind === 'required')).map((r) => r.name);
        expect({ type: row.type, item: cell.itemId, readBy: [...cell.readBy].sort() }).toEqual({ type: row.type, item: cell.itemId, readBy: readers.sort() });
      }
    }
  });

  test('the types the data-store, capacity and access-log facts describe are classified, in the class their rules are about', () => {
    const unknown = [...Object.keys(DATA_STORES), ...Object.keys(CAPACITY), ...Object.keys(TRAFFIC_LOGS)].filter((t) => !(t in RESOURCE_TYPE_CLASSES));
    expect(unknown).toEqual([]);
    expect(Object.keys(DATA_STORES).filter((t) => !isOfClass(t, 'data'))).toEqual([]);
    // Regional services that scale and span zones by design are read by 2.2 and 2.8 as evidence, without being compute capacity.
    expect(Object.keys(CAPACITY).filter((t) => !isOfClass(t, 'capacity')).sort()).toEqual(['AWS::CloudFront::Distribution', 'AWS::KinesisFirehose::DeliveryStream', 'AWS::S3::Bucket', 'AWS::SQS::Queue']);
    // S3 server access logs, API Gateway deployments' stages and EKS control plane logs (the audit log of every call to the
    // cluster's API endpoint) are read for 2.3 although none of these types is classed as traffic.
    expect(Object.keys(TRAFFIC_LOGS).filter((t) => !isOfClass(t, 'traffic')).sort()).toEqual(['AWS::ApiGateway::Deployment', 'AWS::EKS::Cluster', 'AWS::S3::Bucket']);
  });

  test('the stores, capacity and paths of the issue are read by the items they concern', () => {
    const readBy = (type: string, item: string) => coverageOf(type).cells.filter((c) => c.itemId === item).flatMap((c) => c.readBy);
    for (const type of ['AWS::FSx::FileSystem', 'AWS::EFS::FileSystem', 'AWS::OpenSearchService::Domain', 'AWS::ElastiCache::ReplicationGroup', 'AWS::MemoryDB::Cluster',
      'AWS::Redshift::Cluster', 'AWS::DocDB::DBCluster', 'AWS::Neptune::DBCluster', 'AWS::Kinesis::Stream', 'AWS::MSK::Cluster', 'AWS::SQS::Queue', 'AWS::EC2::Volume', 'AWS::S3::Bucket', 'AWS::RDS::DBCluster', 'AWS::DynamoDB::Table']) {
      for (const item of ['1.21', '1.22', '2.6']) expect({ type, item, read: readBy(type, item).length > 0 }).toEqual({ type, item, read: true });
    }
    for (const type of ['AWS::EC2::Instance', 'AWS::AutoScaling::AutoScalingGroup', 'AWS::ECS::Service', 'AWS::RDS::DBCluster', 'AWS::FSx::FileSystem', 'AWS::ElastiCache::ReplicationGroup', 'AWS::OpenSearchService::Domain', 'AWS::Lambda::Function',
      'AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable', 'AWS::EFS::FileSystem', 'AWS::Kinesis::Stream']) {
      for (const item of ['2.2', '2.8']) expect({ type, item, read: readBy(type, item).length > 0 }).toEqual({ type, item, read: true });
    }
    for (const type of ['AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::ElasticLoadBalancing::LoadBalancer', 'AWS::CloudFront::Distribution', 'AWS::ApiGateway::Stage', 'AWS::ApiGatewayV2::Stage']) {
      expect({ type, readsAccessLogs: readBy(type, '2.3').includes('AccessLogsEnabled') }).toEqual({ type, readsAccessLogs: true });
    }
    // The run-time log groups a service creates for what it logs are read for where they are shipped.
    for (const type of ['AWS::ApiGateway::Stage', 'AWS::AppSync::GraphQLApi']) {
      expect({ type, readsShipping: readBy(type, '2.3').includes('LogGroupShippedCentrally') }).toEqual({ type, readsShipping: true });
    }
  });

  test('1.22 reads Neptune clusters and Amazon MQ brokers in transit as well as at rest', () => {
    for (const type of ['AWS::Neptune::DBCluster', 'AWS::AmazonMQ::Broker']) {
      const readBy = coverageOf(type).cells.find((c) => c.itemId === '1.22')?.readBy ?? [];
      expect({ type, readBy: [...readBy].sort() }).toEqual({ type, readBy: ['DataStoreEncryptedAtRest', 'DataStoreEncryptedInTransit'] });
    }
  });

  test('1.24 reads the types where a protocol is chosen, and not the plumbing that chooses none', () => {
    const cellOf = (type: string) => coverageOf(type).cells.find((c) => c.itemId === '1.24');
    for (const type of ['AWS::ElasticLoadBalancingV2::Listener', 'AWS::ElasticLoadBalancing::LoadBalancer', 'AWS::CloudFront::Distribution', 'AWS::ApiGateway::RestApi',
      'AWS::ApiGatewayV2::Api', 'AWS::ApiGateway::DomainName', 'AWS::EC2::CustomerGateway', 'AWS::EC2::VPNConnection', 'AWS::EC2::ClientVpnEndpoint', 'AWS::Lambda::Url', 'AWS::Transfer::Server', 'AWS::Route53Resolver::ResolverEndpoint']) {
      expect({ type, read: (cellOf(type)?.readBy.length ?? 0) > 0 }).toEqual({ type, read: true });
    }
    for (const type of ['AWS::EC2::VerifiedAccessEndpoint', 'AWS::DirectConnect::Connection', 'AWS::EC2::TransitGatewayConnect']) expect(cellOf(type)?.readBy).toEqual([]);
    for (const type of ['AWS::EC2::InternetGateway', 'AWS::EC2::NatGateway', 'AWS::EC2::TransitGatewayVpcAttachment', 'AWS::EC2::RouteTable']) expect(cellOf(type)).toBeUndefined();
  });

  test('the plan\'s "not verified" checks are exactly the empty cells of the table, for the items that apply', () => {
    // GIVEN
    const plan = planRules(parseSelection(STRICT));
    // WHEN
    const planned = new Set(plan.gaps.flatMap((g) => g.rule.resourceTypes.map((t) => `${g.item.id} ${t}`)));
    const empty = new Set(coverageTable().flatMap((row) => row.cells.filter((c) => !c.verified).map((c) => `${c.itemId} ${row.type}`)));
    // THEN
    expect([...planned].sort()).toEqual([...empty].sort());
    expect(plan.gaps.every((g) => g.ruleId === `Competency-${g.item.id}-${NOT_VERIFIED}` && g.kind === 'required')).toBe(true);
  });

  test('a rule written for another cell\'s condition does not verify a type: only the uses that run in the cell count', () => {
    // GIVEN an item about data stores whose only reader of S3 buckets is written for one condition of its cells
    const item = CHECKLIST_ITEMS.find((i) => i.id === '1.21')!;
    const uses = ruleUsesOf(item);
    const reader = uses.find((u) => u.kind === 'required' && ALL_RULES.find((r) => r.name === u.rule)!.resourceTypes.includes('AWS::S3::Bucket'))!;
    const conditional: ChecklistItem = {
      ...item,
      verification: { ...item.verification, rules: [...uses.filter((u) => u !== reader), { ...reader, onlyWhere: 'a condition of some cells' }] },
    };
    // THEN it verifies the type in the cells with that condition only
    expect(requiredReaders(item, 'AWS::S3::Bucket')).toContain(reader.rule);
    expect(requiredReaders(conditional, 'AWS::S3::Bucket')).not.toContain(reader.rule);
    expect(requiredReaders(conditional, 'AWS::S3::Bucket', 'a condition of some cells')).toEqual([reader.rule]);
    expect(requiredReaders(conditional, 'AWS::S3::Bucket', 'another condition')).not.toContain(reader.rule);
  });

  test('1.22 verifies a type only when both halves of its sentence are read: at rest and in transit', () => {
    const cellOf = (type: string) => coverageOf(type).cells.find((c) => c.itemId === '1.22')!;
    const parts = (type: string) => Object.fromEntries((cellOf(type).parts ?? []).map((p) => [p.name, [...p.readBy].sort()]));
    // Read at rest only: the in-transit half is not verified (no longer a silent pass).
    for (const type of ['AWS::DocDBElastic::Cluster']) {
      expect({ type, verified: cellOf(type).verified, parts: parts(type) }).toEqual({ type, verified: false, parts: { 'at rest': ['DataStoreEncryptedAtRest'], 'in transit': [] } });
    }
    // Both halves read, each by its own rule; an encrypted EBS volume encrypts the data it exchanges with its instance.
    expect(parts('AWS::SQS::Queue')).toEqual({ 'at rest': ['DataStoreEncryptedAtRest'], 'in transit': ['DataStoreEncryptedInTransit'] });
    expect(parts('AWS::S3::Bucket')).toEqual({ 'at rest': ['DataStoreEncryptedAtRest'], 'in transit': ['S3BucketTlsOnly'] });
    expect(parts('AWS::EC2::Instance')).toEqual({ 'at rest': ['EbsVolumeEncrypted'], 'in transit': ['EbsVolumeEncrypted'] });
    for (const type of ['AWS::SQS::Queue', 'AWS::SNS::Topic', 'AWS::DynamoDB::Table', 'AWS::Logs::LogGroup', 'AWS::DocDB::DBInstance', 'AWS::EFS::FileSystem', 'AWS::FSx::FileSystem', 'AWS::RedshiftServerless::Namespace']) {
      expect({ type, verified: cellOf(type).verified }).toEqual({ type, verified: true });
    }
    // Read by neither: not verified as a whole.
    expect(cellOf('AWS::Timestream::Table')).toMatchObject({ readBy: [], verified: false });
  });

  test('a part whose only reader is taken away leaves the type not verified for that part, in the table and the plan', () => {
    // GIVEN 1.22 without its in-transit rule for queues
    const item = CHECKLIST_ITEMS.find((i) => i.id === '1.22')!;
    const use = resourceClassesOf(item)[0];
    const without: ChecklistItem = { ...item, verification: { ...item.verification, rules: ruleUsesOf(item).filter((u) => u.rule !== 'DataStoreEncryptedInTransit') } };
    // THEN the queue is read at rest and not in transit; with both readers nothing is missing
    expect(unreadParts(without, use, 'AWS::SQS::Queue')).toEqual(['in transit']);
    expect(unreadParts(item, use, 'AWS::SQS::Queue')).toEqual([]);
    expect(unreadParts(item, use, 'AWS::Timestream::Table')).toEqual(['at rest', 'in transit']);
    expect(partsCoverage(without, { ...use, parts: undefined }, 'AWS::SQS::Queue')).toEqual([{ readBy: ['DataStoreEncryptedAtRest'] }]);
    // AND the plan's gap for 1.22 names the missing part on the types read at rest only
    const gaps = planRules(parseSelection(STRICT)).gaps.filter((g) => g.item.id === '1.22');
    const halves = gaps.filter((g) => g.rule.resourceTypes.includes('AWS::DocDBElastic::Cluster'));
    expect(halves).toHaveLength(1);
    expect(halves[0].rule.resourceTypes).not.toContain('AWS::SQS::Queue');
    expect(halves[0].rule.resourceTypes).not.toContain('AWS::Timestream::Table');
    expect(halves[0].rule.check({ type: 'AWS::DocDBElastic::Cluster' } as any, undefined as any)).toMatchObject({ reason: 'Not verified: AWS::DocDBElastic::Cluster is not read by 1.22 (in transit)' });
  });

  test('a plan focused on some rules reports no coverage gaps', () => {
    expect(planRules(parseSelection(STRICT), { rules: ['DataStoreClassified'] }).gaps).toEqual([]);
    expect(planRules(parseSelection(STRICT), { rules: ['DataStoreClassified'], coverage: true }).gaps.length).toBeGreaterThan(0);
  });
});

describe('a type no rule of an applicable item reads is "not verified", never a silent pass', () => {
  test('the pack raises Competency-<item>-NotVerified on each resource, at the item\'s level', () => {
    // GIVEN
    const { stack } = partnerApp();
    const pack = new CompetencyChecks(STRICT);
    // WHEN
    const report = pack.validateScope(stack);
    // THEN
    const notVerified = pack.evaluations.filter((e) => e.rule === NOT_VERIFIED).map((e) => `${e.ruleId} ${e.level} ${e.path}: ${e.reason}`).sort();
    expect(notVerified).toEqual([
      'Competency-1.21-NotVerified error Workload/Metrics: Not verified: AWS::Timestream::Table is not read by 1.21',
      'Competency-1.22-NotVerified error Workload/Documents: Not verified: AWS::DocDBElastic::Cluster is not read by 1.22 (in transit)',
      'Competency-1.22-NotVerified error Workload/Metrics: Not verified: AWS::Timestream::Table is not read by 1.22',
      'Competency-2.2-NotVerified error Workload/Nodes: Not verified: AWS::Batch::ComputeEnvironment is not read by 2.2',
      'Competency-2.3-NotVerified warning Workload/CoreNetwork: Not verified: AWS::NetworkManager::CoreNetwork is not read by 2.3',
      'Competency-2.6-NotVerified error Workload/Metrics: Not verified: AWS::Timestream::Table is not read by 2.6',
      'Competency-2.8-NotVerified error Workload/Nodes: Not verified: AWS::Batch::ComputeEnvironment is not read by 2.8',
    ]);
    expect(report.violations.map((v) => v.ruleName)).toEqual(expect.arrayContaining(['Competency-2.2-NotVerified', 'Competency-2.3-NotVerified']));
  });

  test('a Verified Access endpoint (whose protocol the template chooses) is not verified by 1.24; the internet and NAT gateways beside it choose no protocol', () => {
    // GIVEN
    const app = new App();
    const stack = new Stack(app, 'Access', { env: { account: '111111111111', region: 'eu-west-1' } });
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
    new ec2.CfnVerifiedAccessEndpoint(stack, 'Portal', {
      applicationDomain: 'portal.partner.example.com', attachmentType: 'vpc', endpointType: 'network-interface', endpointDomainPrefix: 'portal',
      domainCertificateArn: 'arn:aws:acm:eu-west-1:111111111111:certificate/3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a9f', verifiedAccessGroupId: 'vagr-0123456789abcdef0',
      networkInterfaceOptions: { networkInterfaceId: 'eni-0123456789abcdef0', port: 443, protocol: 'https' }, securityGroupIds: [vpc.vpcDefaultSecurityGroup],
    });
    const pack = new CompetencyChecks(STRICT);
    // WHEN
    pack.validateScope(stack);
    // THEN
    expect(pack.evaluations.filter((e) => e.ruleId === 'Competency-1.24-NotVerified').map((e) => `${e.path}: ${e.reason}`))
      .toEqual(['Access/Portal: Not verified: AWS::EC2::VerifiedAccessEndpoint is not read by 1.24']);
  });

  test('acknowledged with how it is verified, it no longer fails; a pack for a model where the item does not apply raises nothing', () => {
    // GIVEN
    const { stack } = partnerApp();
    Validations.of(stack.node.findChild('Nodes')).acknowledge({ id: 'Competency-2.2-NotVerified', reason: 'Batch scales the compute environment between MinvCpus and MaxvCpus with the job queue; attested (2.2)' });
    const strict = new CompetencyChecks(STRICT);
    const onAws = new CompetencyChecks({ checklist: 'networking', deploymentModel: 'customer-deployed-on-aws' });
    // WHEN
    strict.validateScope(stack);
    onAws.validateScope(stack);
    // THEN
    expect(strict.evaluations.find((e) => e.ruleId === 'Competency-2.2-NotVerified')?.acknowledgement?.reason).toMatch(/MaxvCpus/);
    expect(onAws.evaluations.filter((e) => e.rule === NOT_VERIFIED && ['1.21', '1.22', '2.6', '2.3'].includes(e.itemId))).toEqual([]);
  });

  test('the evidence report lists the finding and cannot show the item Met', () => {
    // GIVEN
    const outdir = tmpDir('cdk-competency-coverage-');
    const { app } = partnerApp(outdir);
    app.synth();
    // WHEN
    const report = collectEvidence({ assembly: loadAssembly(outdir), selection: STRICT, now: NOW });
    // THEN
    const item = report.items.find((i) => i.id === '2.8')!;
    expect(item.status).toBe('not-met');
    expect(item.rules.failed.map((f) => `${f.ruleId} ${f.path}: ${f.reason}`)).toContain('Competency-2.8-NotVerified Workload/Nodes: Not verified: AWS::Batch::ComputeEnvironment is not read by 2.8');
    fs.rmSync(outdir, { recursive: true, force: true });
  });
});
