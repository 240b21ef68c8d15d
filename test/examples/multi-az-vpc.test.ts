import { Match, Template } from 'aws-cdk-lib/assertions';
import { CUSTOMER_GATEWAYS, deployment, MULTI_AZ_VPC_CIDR } from '../../examples/multi-az-vpc';
import { build as buildInteg } from '../../examples/multi-az-vpc/integ.multi-az-vpc';
import { buildReference, describeConformance } from './conformance';

// GIVEN the reference configuration of cdk.json (placeholder accounts, explicit AZs)
// WHEN the multi-az-vpc deployment builds its stage (once for the whole file)
const { config, stage, stacks } = buildReference(deployment);
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

  describeConformance(deployment, stage, stacks, buildInteg);
});
