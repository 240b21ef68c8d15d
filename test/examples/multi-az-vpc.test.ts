import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { referenceConfigFrom } from '../../examples/config';
import { verifyIntegSnapshot } from '../../examples/integ-snapshots';
import { CUSTOMER_GATEWAYS, deployment, MULTI_AZ_VPC_CIDR } from '../../examples/multi-az-vpc';
import { build as buildInteg } from '../../examples/multi-az-vpc/integ.multi-az-vpc';
import { competencyFindings, competencySnapshotSerializer } from '../../lib/testing';

// GIVEN the reference configuration of cdk.json (placeholder accounts, explicit AZs)
// WHEN the multi-az-vpc deployment builds its stage (once for the whole file)
const context = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'cdk.json'), 'utf-8')).context;
const app = new App({ context });
const config = referenceConfigFrom(app);
const stage = deployment.build(app, config);
const stacks = stage.node.children.filter(Stack.isStack);
const template = Template.fromStack(stacks[0]);

describe('multi-az-vpc reference deployment', () => {
  test('one environment-specific stack in the workload account and primary region, under stage MultiAzVpc', () => {
    // THEN
    expect(stage.node.id).toBe(deployment.stageId);
    expect(stacks.map((s) => [s.account, s.region])).toEqual([[config.workloadAccount, config.primaryRegion]]);
  });

  test('a VPC with its own CIDR, subnets in the 3 configured AZs and a NAT gateway per AZ', () => {
    // THEN
    template.hasResourceProperties('AWS::EC2::VPC', { CidrBlock: MULTI_AZ_VPC_CIDR });
    const azs = Object.values(template.findResources('AWS::EC2::Subnet')).map((s) => s.Properties.AvailabilityZone);
    expect([...new Set(azs)].sort()).toEqual([...config.availabilityZones[config.primaryRegion]].sort());
    template.resourceCountIs('AWS::EC2::NatGateway', 3);
  });

  test('redundant VPN: two BGP connections on the virtual private gateway to two different customer gateways', () => {
    // THEN
    template.resourceCountIs('AWS::EC2::CustomerGateway', 2);
    for (const cgw of CUSTOMER_GATEWAYS) {
      template.hasResourceProperties('AWS::EC2::CustomerGateway', { IpAddress: cgw.ip, BgpAsn: cgw.asn, Type: 'ipsec.1' });
    }
    const connections = Object.values(template.findResources('AWS::EC2::VPNConnection'));
    expect(connections).toHaveLength(2);
    for (const c of connections) {
      expect(c.Properties).toMatchObject({ StaticRoutesOnly: false, VpnGatewayId: { Ref: expect.any(String) } });
    }
    const gateways = new Set(connections.map((c) => c.Properties.CustomerGatewayId.Ref));
    expect(gateways.size).toBe(2);
    template.hasResourceProperties('AWS::EC2::VPNGateway', { AmazonSideAsn: 64512, Type: 'ipsec.1' });
    template.resourceCountIs('AWS::EC2::VPNGatewayRoutePropagation', 1);
  });

  test('flow logs of all traffic with the network-management fields, into an encrypted log group kept a year', () => {
    // THEN
    template.hasResourceProperties('AWS::EC2::FlowLog', {
      TrafficType: 'ALL',
      MaxAggregationInterval: 60,
      LogFormat: Match.stringLikeRegexp('\\$\\{vpc-id\\}.*\\$\\{traffic-path\\}'),
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365, KmsKeyId: Match.anyValue() });
  });

  test('S3 and DynamoDB gateway endpoints; SSM, Session Manager, CloudWatch Logs and STS interface endpoints with private DNS', () => {
    // THEN
    const endpoints = Object.values(template.findResources('AWS::EC2::VPCEndpoint')).map((e) => e.Properties);
    expect(endpoints.filter((e) => e.VpcEndpointType === 'Gateway')).toHaveLength(2);
    const iface = endpoints.filter((e) => e.VpcEndpointType === 'Interface');
    expect(iface.map((e) => JSON.stringify(e.ServiceName).match(/\.(ssm|ssmmessages|ec2messages|logs|sts)"/)?.[1]).sort()).toEqual(['ec2messages', 'logs', 'ssm', 'ssmmessages', 'sts']);
    for (const e of iface) expect(e.PrivateDnsEnabled).toBe(true);
  });

  test('passes every pack it claims (each deployment model and strict) with zero unacknowledged errors', () => {
    // THEN
    const { checklist, deploymentModels, categories } = deployment.claims;
    const selections = [
      ...deploymentModels.map((deploymentModel) => ({ checklist, deploymentModel, categories })),
      { checklist, deploymentModel: deploymentModels[0], categories, strict: true },
    ];
    for (const selection of selections) {
      const findings = competencyFindings(stage, selection);
      expect(findings.errors.map((e) => `${e.ruleId} ${e.path}: ${e.reason}`)).toEqual([]);
      expect(findings.passed).toBeGreaterThan(0);
    }
  });

  test('AwsSolutionsChecks: no error violations', () => {
    // THEN
    const report = new AwsSolutionsChecks().validateScope(stage);
    expect(report.violations.filter((v) => /error/i.test(String(v.severity))).map((v) => v.ruleName)).toEqual([]);
  });

  test('integ snapshot matches a fresh synth of integ.multi-az-vpc.ts', () => {
    // THEN
    expect(verifyIntegSnapshot(buildInteg, path.join(__dirname, '..', '..', 'examples', 'multi-az-vpc', 'integ.multi-az-vpc.ts.snapshot'))).toEqual([]);
  });

  test('snapshot', () => {
    // THEN
    expect.addSnapshotSerializer(competencySnapshotSerializer);
    for (const stack of stacks) expect(stack).toMatchSnapshot(stack.node.id);
  });
});
