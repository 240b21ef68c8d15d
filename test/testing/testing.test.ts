import * as fs from 'fs';
import * as path from 'path';
import { App, aws_cloudtrail as ct, aws_ec2 as ec2, aws_s3 as s3, NestedStack, Stack, Stage, Validations } from 'aws-cdk-lib';
import {
  assertCompetencyCompliant, competencyFindings, competencyMatchers, competencySnapshotSerializer, CompetencyComplianceError, normalizeTemplate,
} from '../../lib/testing';

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
    if (process.env.UPDATE_GOLDEN) fs.writeFileSync(GOLDEN, message + '\n');
    expect(message + '\n').toBe(fs.readFileSync(GOLDEN, 'utf-8'));
    expect(message).toMatch(/^\s+1\.14\s+TrailBucketInAnotherAccount\s+Partner\/Trail\s+the log bucket Partner\/Logs is created in the trail's own stack/m);
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

  test('warnings fail only with failOnWarnings', () => {
    // GIVEN: SSH open to the world is a 1.16 ("should") finding
    const stack = new Stack(new App(), 'Ssh');
    new ec2.CfnSecurityGroup(stack, 'Sg', {
      groupDescription: 'ssh', vpcId: 'vpc-12345678',
      securityGroupIngress: [{ ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIp: '0.0.0.0/0' }],
      securityGroupEgress: [{ ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIp: '10.0.0.0/16' }],
    });
    // THEN
    expect(stack).toBeCompetencyCompliant(NET_SAAS);
    expect(stack).not.toBeCompetencyCompliant({ ...NET_SAAS, failOnWarnings: true });
    expect(() => assertCompetencyCompliant(stack, { ...NET_SAAS, failOnWarnings: true })).toThrow(/1\.16\s+SecurityGroupNoOpenIngress\s+Ssh\/Sg\s+ingress from 0\.0\.0\.0\/0 is allowed \(tcp 22\)/);
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
