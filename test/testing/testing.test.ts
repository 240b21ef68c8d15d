import * as fs from 'fs';
import * as path from 'path';
import {
  App, aws_cloudtrail as ct, aws_ec2 as ec2, aws_elasticloadbalancingv2 as elbv2, aws_kms as kms, aws_s3 as s3, NestedStack, Stack, Stage, Validations,
} from 'aws-cdk-lib';
import {
  assertCompetencyCompliant, competencyFindings, competencyMatchers, competencySnapshotSerializer, CompetencyComplianceError, formatFindings, formatTable,
  normalizeTemplate, RUNNER_INDENT, TABLE_WIDTH, wrapText,
} from '../../lib/testing';
import { expectGolden } from '../golden';

expect.extend(competencyMatchers);

const NET_SAAS = { checklist: 'networking', deploymentModel: 'saas' } as const;
const GOLDEN = path.join(__dirname, 'golden', 'failure-table.txt');

/** A partner-style stack: an L2 trail (which creates its own bucket) and a security group open to the world. */
function partnerStack(scope: App | Stage, id = 'Partner'): Stack {
  const stack = new Stack(scope, id, { env: { account: '111111111111', region: 'eu-west-1' } });
  new ct.CfnTrail(stack, 'Trail', { isLogging: true, s3BucketName: new s3.CfnBucket(stack, 'Logs').ref, isMultiRegionTrail: true, enableLogFileValidation: true });
  const sg = new ec2.CfnSecurityGroup(stack, 'Admin', {
    groupDescription: 'admin', vpcId: 'vpc-12345678',
    securityGroupIngress: [{ ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIp: '0.0.0.0/0' }],
  });
  Validations.of(sg).acknowledge({ id: 'Competency-1.16-SecurityGroupEgressRestricted', reason: 'Bastion reaches package mirrors on the internet' });
  return stack;
}

describe('assertCompetencyCompliant', () => {
  test('throws a readable table: item, rule, construct path, problem, fix; acknowledged findings apart (golden)', () => {
    // GIVEN
    const stack = partnerStack(new App());
    // WHEN
    let message = '';
    try {
      assertCompetencyCompliant(stack, NET_SAAS);
    } catch (e) {
      expect(e).toBeInstanceOf(CompetencyComplianceError);
      message = (e as Error).message;
    }
    // THEN
    expectGolden(GOLDEN, message + '\n');
    expect(message).toMatch(/^\s+1\.14\s+TrailBucketInAnotherAccount\s+Partner\/Trail\s+the log bucket Partner\/Logs is\s/m);
    expect(message).toMatch(/Acknowledged \(not counted\):[\s\S]*SecurityGroupEgressRestricted\s+Partner\/Admin\s+Bastion reaches package mirrors/);
  });

  test('passes a compliant stack and counts no acknowledged finding as a failure', () => {
    // GIVEN: a stack with nothing the networking checklist can object to
    const stack = new Stack(new App(), 'Empty');
    new ec2.CfnSecurityGroup(stack, 'Sg', {
      groupDescription: 'app', vpcId: 'vpc-12345678',
      securityGroupIngress: [{ ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIp: '10.0.0.0/16' }],
      securityGroupEgress: [{ ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIp: '10.0.0.0/16' }],
    });
    // THEN
    expect(() => assertCompetencyCompliant(stack, NET_SAAS)).not.toThrow();
    expect(stack).toBeCompetencyCompliant(NET_SAAS);
  });

  test('the README example: SSH open to the world passes by default and fails with failOnWarnings', () => {
    // GIVEN: a stack whose only problem is SSH open to the world, a 1.16 ("should") finding
    const stack = new Stack(new App(), 'Ssh');
    new ec2.CfnSecurityGroup(stack, 'Sg', {
      groupDescription: 'ssh', vpcId: 'vpc-12345678',
      securityGroupIngress: [{ ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIp: '0.0.0.0/0' }],
      securityGroupEgress: [{ ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIp: '10.0.0.0/16' }],
    });
    // THEN
    expect(stack).toBeCompetencyCompliant(NET_SAAS);
    expect(stack).not.toBeCompetencyCompliant({ ...NET_SAAS, failOnWarnings: true });
    let message = '';
    try { assertCompetencyCompliant(stack, { ...NET_SAAS, failOnWarnings: true }); } catch (e) { message = (e as Error).message; }
    // The 1.16 warning, and 3.1's recommendation (SSH open to the internet invites interactive deployments)
    expect(message).toMatch(/^2 competency checklist findings \(networking \/ saas\):/);
    expect(message).toMatch(/^\s+3\.1\s+NoInteractiveSessionIngress \(recommended\)\s+Ssh\/Sg\s+SSH \(22\) is open to/m);
    expect(message).toMatch(/^\s+1\.16\s+SecurityGroupNoOpenIngress\s+Ssh\/Sg\s+ingress from 0\.0\.0\.0\/0 is/m);
    expect(message).toContain('(tcp 22)');
  });

  test('the README shows the failure table of its SSH example as it is printed', () => {
    // GIVEN: the README's example, as written there
    const stack = new Stack(new App(), 'Stack');
    const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', { vpcId: 'vpc-12345678', availabilityZones: ['eu-west-1a'] });
    const bastion = new ec2.SecurityGroup(stack, 'Bastion', { vpc, allowAllOutbound: false });
    bastion.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(22));
    // WHEN
    let message = '';
    try { assertCompetencyCompliant(stack, { ...NET_SAAS, failOnWarnings: true }); } catch (e) { message = (e as Error).message; }
    // THEN
    expect(stack).toBeCompetencyCompliant(NET_SAAS);
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf-8');
    const shown = /with `failOnWarnings: true` the failure reads:\n\n```\n([\s\S]*?)\n```/.exec(readme);
    expect(shown?.[1]).toBe(message);
  });

  test('"must" items fail by default; a "should" item alone does not', () => {
    // GIVEN: an internet-facing ALB serving plain HTTP (1.24, must)
    const stack = new Stack(new App(), 'Web');
    const alb = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc: new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 }), internetFacing: true });
    alb.addListener('Http', { port: 80, defaultAction: elbv2.ListenerAction.fixedResponse(200) });
    // WHEN
    const findings = competencyFindings(stack, NET_SAAS);
    // THEN
    expect(findings.errors.map((f) => f.ruleId)).toContain('Competency-1.24-LoadBalancerListenerTls');
    expect(stack).not.toBeCompetencyCompliant(NET_SAAS);
  });

  test('recommendations are listed apart and fail only with recommended: \'error\' or failOnWarnings', () => {
    // GIVEN: a KMS key without automatic rotation: good practice beyond 1.23, nothing else
    const stack = new Stack(new App(), 'Keys');
    new kms.Key(stack, 'Key');
    // WHEN
    const findings = competencyFindings(stack, NET_SAAS);
    // THEN
    expect(findings.errors).toEqual([]);
    expect(findings.warnings.map((f) => [f.ruleId, f.kind])).toEqual([['Competency-1.23-KmsKeyRotationEnabled', 'recommended']]);
    expect(stack).toBeCompetencyCompliant(NET_SAAS);
    expect(stack).not.toBeCompetencyCompliant({ ...NET_SAAS, recommended: 'error' });
    expect(stack).not.toBeCompetencyCompliant({ ...NET_SAAS, failOnWarnings: true });
    expect(() => assertCompetencyCompliant(stack, { ...NET_SAAS, recommended: 'error' })).toThrow(/1\.23\s+KmsKeyRotationEnabled \(recommended\)\s+Keys\/Key\/Resource/);
    expect(formatFindings(findings)).toMatch(/Recommended, beyond the checklist \(fail with recommended: 'error' or failOnWarnings: true\):\n\s+Item\s+Rule/);
  });

  test('works on nested stacks and stages the way partners write them', () => {
    // GIVEN
    const app = new App();
    const stage = new Stage(app, 'Prod');
    const parent = new Stack(stage, 'Parent', { env: { account: '111111111111', region: 'eu-west-1' } });
    const nested = new NestedStack(parent, 'Network');
    new ec2.CfnSecurityGroup(nested, 'Sg', {
      groupDescription: 'all', vpcId: 'vpc-12345678',
      securityGroupIngress: [{ ipProtocol: '-1', cidrIp: '10.0.0.0/8' }],
    });
    // WHEN
    const findings = competencyFindings(stage, { ...NET_SAAS, strict: true });
    // THEN
    expect(findings.warnings.map((f) => `${f.itemId} ${f.rule} ${f.path}`)).toContain('1.16 SecurityGroupNoAllPortsRule Prod/Parent/Network/Sg');
  });
});

describe('options take subcategories', () => {
  test('a Microsoft Workloads category is claimed by subcategory; without one the assertion names the choices', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Fleet');
    new ec2.CfnSecurityGroup(stack, 'Sg', { groupDescription: 'app', vpcId: 'vpc-12345678' });
    const base = { checklist: 'microsoft-workloads', deploymentModel: 'customer-deployed-on-aws' } as const;
    // THEN
    expect(() => assertCompetencyCompliant(stack, { ...base, categories: ['ms-operational-optimization'] })).toThrow(
      /^category 'ms-operational-optimization' is claimed by subcategory: name one or more in subcategories \(choices: ms-operational-optimization\.security/,
    );
    const findings = competencyFindings(stack, { ...base, subcategories: ['ms-operational-optimization.management'] });
    expect(findings.selection.subcategories).toEqual(['ms-operational-optimization.management']);
  });
});

describe('an option the check does not read fails naming it', () => {
  // Through an untyped call (JavaScript, `as any`), an options object may carry what the check does not read: ignoring
  // it would check something other than what the caller asked for (`rules` here would still check every rule).
  const untyped = (o: object) => o as typeof NET_SAAS;
  const stack = partnerStack(new App());

  test.each([
    ['the matcher', () => expect(stack).toBeCompetencyCompliant(untyped({ ...NET_SAAS, rules: ['SecurityGroupNoOpenIngress'] })), 'toBeCompetencyCompliant: \'rules\''],
    ['the assertion', () => assertCompetencyCompliant(stack, untyped({ ...NET_SAAS, failOnWarning: true })), 'assertCompetencyCompliant: \'failOnWarning\''],
    ['competencyFindings', () => competencyFindings(stack, untyped({ ...NET_SAAS, failOnWarnings: true })), 'competencyFindings: \'failOnWarnings\''],
  ])('%s', (_name, call, start) => {
    expect(call).toThrow(new RegExp(`^${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not one of its options \\(given .+; expected one of: checklist, deploymentModel, categories, subcategories, strict, recommended`));
  });

  test('the message names the value given, and the keys it reads', () => {
    expect(() => assertCompetencyCompliant(stack, untyped({ ...NET_SAAS, rules: ['SecurityGroupNoOpenIngress'] }))).toThrow(
      'assertCompetencyCompliant: \'rules\' is not one of its options (given ["SecurityGroupNoOpenIngress"]; expected one of: checklist, deploymentModel, categories, subcategories, strict, recommended, failOnWarnings)',
    );
  });

  test('a key set to undefined says nothing and passes, as do all the keys it reads', () => {
    const clean = new Stack(new App(), 'Clean');
    new s3.CfnBucket(clean, 'Unused');
    expect(() => competencyFindings(clean, untyped({ ...NET_SAAS, categories: [], subcategories: [], strict: false, recommended: 'warning', rules: undefined }))).not.toThrow();
    expect(() => assertCompetencyCompliant(partnerStack(new App()), { ...NET_SAAS, failOnWarnings: false })).not.toThrow(/options/);
  });
});

describe('the findings table fits 120 columns for CI logs', () => {
  test('every line of the golden failure table fits 120 columns once jest indents it by 4', () => {
    const lines = fs.readFileSync(GOLDEN, 'utf-8').split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(TABLE_WIDTH - RUNNER_INDENT);
    expect(TABLE_WIDTH).toBe(120);
    expect(RUNNER_INDENT).toBe(4);
  });

  test('long construct paths and messages wrap inside their columns', () => {
    // GIVEN
    const path = 'Production/NetworkingStage/Hub/TransitGatewayAttachments/InspectionVpcAttachment/Resource';
    const rows = [['2.8', 'NatGatewayPerAz', path, 'private subnet Production/NetworkingStage/Hub/Vpc/PrivateSubnet3 routes to a NAT gateway in another AZ', 'Give each AZ its own NAT gateway (natGateways equal to the number of AZs) or use a transit gateway egress VPC']];
    // WHEN
    const lines = formatTable(['Item', 'Rule', 'Resource', 'Problem', 'Fix'], rows);
    // THEN
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(120);
    const resourceColumn = lines[0].indexOf('Resource');
    expect(lines.slice(2).map((l) => l.slice(resourceColumn).split(/\s{2,}/)[0]).join('')).toBe(path);
  });

  test('a narrow table is left as it is, and words wrap at spaces, then after / - or .', () => {
    expect(formatTable(['A', 'B'], [['x', 'y']])).toEqual(['  A  B', '  -  -', '  x  y']);
    expect(wrapText('the bucket has no policy', 10)).toEqual(['the bucket', 'has no', 'policy']);
    expect(wrapText('Prod/Audit/TrailBucket/Resource', 12)).toEqual(['Prod/Audit/', 'TrailBucket/', 'Resource']);
    expect(wrapText('abcdefghijklmnop', 5)).toEqual(['abcde', 'fghij', 'klmno', 'p']);
  });

  test('a failing stack with long paths prints no line over 120 characters', () => {
    // GIVEN
    const app = new App();
    const stage = new Stage(app, 'ProductionNetworkingStageWithALongName');
    partnerStack(stage, 'PartnerStackWithAVeryLongConstructIdForTheTrail');
    // WHEN
    let message = '';
    try { assertCompetencyCompliant(stage, { ...NET_SAAS, failOnWarnings: true }); } catch (e) { message = (e as Error).message; }
    // THEN
    expect(message).toMatch(/TrailBucketInAnotherAccount/);
    expect(Math.max(...message.split('\n').map((l) => `    ${l}`.length))).toBeLessThanOrEqual(120);
  });
});

describe('competencySnapshotSerializer', () => {
  expect.addSnapshotSerializer(competencySnapshotSerializer);

  function withAsset(content: string) {
    const app = new App();
    const stack = new Stack(app, 'S');
    const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'asset-'));
    fs.writeFileSync(path.join(dir, 'index.js'), content);
    new (require('aws-cdk-lib').aws_s3_assets.Asset)(stack, 'A', { path: dir });
    new s3.CfnBucket(stack, 'B');
    return stack;
  }

  test('two synths with different asset contents serialize identically', () => {
    // GIVEN
    const a = normalizeTemplate(require('aws-cdk-lib/assertions').Template.fromStack(withAsset('one')).toJSON());
    const b = normalizeTemplate(require('aws-cdk-lib/assertions').Template.fromStack(withAsset('two')).toJSON());
    // THEN
    expect(a).toEqual(b);
    expect(JSON.stringify(a)).not.toMatch(/[0-9a-f]{64}/);
    expect(JSON.stringify(a)).not.toMatch(/CDKMetadata|BootstrapVersion/);
  });

  test('serializes a stack as its normalized template', () => {
    const stack = withAsset('three');
    expect(competencySnapshotSerializer.test(stack)).toBe(true);
    const printed = competencySnapshotSerializer.serialize(stack, {}, '', 0, [], (v: unknown) => JSON.stringify(v));
    expect(printed).toContain('"B":{"Type":"AWS::S3::Bucket"}');
    expect(printed).not.toMatch(/[0-9a-f]{64}/);
  });
});
