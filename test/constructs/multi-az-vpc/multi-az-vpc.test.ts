import { App, Stack, Validations } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { MultiAzVpc, MultiAzVpcProps } from '../../../constructs/multi-az-vpc';

const ENV = { account: '111111111111', region: 'eu-west-1' };
const AZS = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];

function build(props: MultiAzVpcProps = {}) {
  const app = new App();
  const stack = new Stack(app, 'Net', { env: ENV });
  const vpc = new MultiAzVpc(stack, 'Vpc', props);
  return { app, stack, vpc, template: Template.fromStack(stack) };
}

/** Replaces asset hashes so the snapshot is stable. */
function normalize(template: object): object {
  return JSON.parse(JSON.stringify(template).replace(/[0-9a-f]{64}/g, '<hash>'));
}

describe('MultiAzVpc defaults', () => {
  // GIVEN a stack with a known region WHEN a MultiAzVpc is built with no props
  const { app, stack, vpc, template } = build();

  test('10.0.0.0/16 across eu-west-1a/b/c, 3 tiers of /20 subnets', () => {
    // THEN
    template.hasResourceProperties('AWS::EC2::VPC', { CidrBlock: '10.0.0.0/16', EnableDnsHostnames: true, EnableDnsSupport: true });
    template.resourceCountIs('AWS::EC2::Subnet', 9);
    for (const az of AZS) template.hasResourceProperties('AWS::EC2::Subnet', { AvailabilityZone: az, CidrBlock: Match.stringLikeRegexp('/20$') });
    template.hasResourceProperties('AWS::EC2::Subnet', { MapPublicIpOnLaunch: false, Tags: Match.arrayWith([{ Key: 'aws-cdk:subnet-type', Value: 'Public' }]) });
    template.hasResourceProperties('AWS::EC2::Subnet', { Tags: Match.arrayWith([{ Key: 'aws-cdk:subnet-type', Value: 'Private' }]) });
    template.hasResourceProperties('AWS::EC2::Subnet', { Tags: Match.arrayWith([{ Key: 'aws-cdk:subnet-type', Value: 'Isolated' }]) });
    expect(vpc.availabilityZones).toEqual(AZS);
    expect(vpc.cidr).toBe('10.0.0.0/16');
  });

  test('synth needs no context lookup (explicit AZs)', () => {
    expect(app.synth().manifest.missing).toBeUndefined();
  });

  test('one NAT gateway per AZ', () => {
    template.resourceCountIs('AWS::EC2::NatGateway', 3);
  });

  test('flow logs of ALL traffic to a KMS-encrypted, retained log group with a 1-year retention and a custom format', () => {
    template.hasResourceProperties('AWS::EC2::FlowLog', {
      ResourceType: 'VPC',
      TrafficType: 'ALL',
      LogDestinationType: 'cloud-watch-logs',
      MaxAggregationInterval: 60,
      LogFormat: Match.stringLikeRegexp('\\$\\{vpc-id\\} \\$\\{subnet-id\\} \\$\\{instance-id\\}.*\\$\\{region\\} \\$\\{az-id\\}'),
    });
    template.hasResource('AWS::Logs::LogGroup', {
      Properties: {
        RetentionInDays: 365,
        KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('FlowLogsKey'), 'Arn'] },
        Tags: Match.arrayWith([{ Key: 'DataClassification', Value: 'internal' }]),
      },
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
    template.hasResource('AWS::KMS::Key', { Properties: { EnableKeyRotation: true }, DeletionPolicy: 'Retain' });
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: { Statement: Match.arrayWith([Match.objectLike({ Sid: 'AllowCloudWatchLogsOfThisAccount', Principal: { Service: { 'Fn::Join': ['', ['logs.eu-west-1.', { Ref: 'AWS::URLSuffix' }]] } } })]) },
    });
    expect(vpc.flowLogLogGroup).toBeInstanceOf(logs.LogGroup);
    expect(vpc.flowLogKey).not.toBeUndefined();
  });

  test('the default security group is stripped of its rules', () => {
    template.resourceCountIs('Custom::VpcRestrictDefaultSG', 1);
  });

  test('S3 and DynamoDB gateway endpoints, no interface endpoints, no VPN', () => {
    template.resourceCountIs('AWS::EC2::VPCEndpoint', 2);
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', { VpcEndpointType: 'Gateway', ServiceName: { 'Fn::Join': ['', ['com.amazonaws.', { Ref: 'AWS::Region' }, '.s3']] } });
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', { VpcEndpointType: 'Gateway', ServiceName: { 'Fn::Join': ['', ['com.amazonaws.', { Ref: 'AWS::Region' }, '.dynamodb']] } });
    template.resourceCountIs('AWS::EC2::VPNGateway', 0);
    template.resourceCountIs('AWS::EC2::VPNConnection', 0);
    expect(vpc.vpnConnections).toEqual([]);
  });

  test('no warnings', () => {
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('cdk-competency'))).toEqual([]);
  });

  test("CloudFormation's W3010 (literal AZs) is acknowledged on the construct, with its reason, not on the stack", () => {
    // THEN: aws-cdk-lib's validation reads acknowledgements from the node and its ancestors
    expect(acknowledgedRules(vpc)).toEqual({
      'CloudFormation-Validate::W3010': expect.stringMatching(/^MultiAzVpc names its AZs \(eu-west-1a, eu-west-1b, eu-west-1c\) literally on purpose/),
    });
    expect(acknowledgedRules(stack)).toEqual({});
  });

  test('snapshot', () => {
    expect(normalize(template.toJSON())).toMatchSnapshot();
  });
});

/** The acknowledgements (rule ID to reason) that `Validations.of(scope).acknowledge` recorded on a node. */
function acknowledgedRules(scope: IConstruct): Record<string, string> {
  return Object.assign({}, ...scope.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY).map((m) => m.data));
}

describe('MultiAzVpc overrides', () => {
  test('explicit AZs, CIDR and subnet mask', () => {
    // GIVEN / WHEN
    const { template } = build({ availabilityZones: ['eu-west-1a', 'eu-west-1b'], cidr: '172.16.0.0/20', subnetCidrMask: 24 });
    // THEN
    template.hasResourceProperties('AWS::EC2::VPC', { CidrBlock: '172.16.0.0/20' });
    template.resourceCountIs('AWS::EC2::Subnet', 6);
    template.hasResourceProperties('AWS::EC2::Subnet', { AvailabilityZone: 'eu-west-1b', CidrBlock: Match.stringLikeRegexp('/24$') });
    template.resourceCountIs('AWS::EC2::NatGateway', 2);
  });

  test('default AZs of an environment-agnostic stack come from Fn::GetAZs', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Net');
    // WHEN
    const vpc = new MultiAzVpc(stack, 'Vpc');
    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::EC2::Subnet', 9);
    template.hasResourceProperties('AWS::EC2::Subnet', { AvailabilityZone: { 'Fn::Select': [2, { 'Fn::GetAZs': '' }] } });
    expect(vpc.availabilityZones).toHaveLength(3);
    expect(acknowledgedRules(vpc)).toEqual({}); // no literal AZ, nothing for W3010 to report
  });

  test('IPAM pool with a netmask', () => {
    const { template, vpc } = build({ ipamPoolId: 'ipam-pool-0123456789abcdef0', ipamNetmaskLength: 20 });
    template.hasResourceProperties('AWS::EC2::VPC', { Ipv4IpamPoolId: 'ipam-pool-0123456789abcdef0', Ipv4NetmaskLength: 20 });
    template.hasResourceProperties('AWS::EC2::Subnet', { CidrBlock: { 'Fn::Select': Match.anyValue() } });
    expect(vpc.cidr).toBeUndefined();
  });

  test("natGateways: 1 is a cost option with a warning about 2.8", () => {
    const { template, stack } = build({ natGateways: 1 });
    template.resourceCountIs('AWS::EC2::NatGateway', 1);
    Annotations.fromStack(stack).hasWarning('/Net/Vpc', Match.stringLikeRegexp("'natGateways' is 1.*breaks checklist item 2\\.8.*cdk-competency:SingleNatGateway"));
  });

  test('natGateways: 2 of 3 AZs warns too', () => {
    const { stack } = build({ natGateways: 2 });
    Annotations.fromStack(stack).hasWarning('/Net/Vpc', Match.stringLikeRegexp('cdk-competency:FewerNatGatewaysThanAzs'));
  });

  test('flow logs to a central bucket: Parquet, Hive-compatible, per hour; no log group', () => {
    // GIVEN
    const app = new App();
    const stack = new Stack(app, 'Net', { env: ENV });
    const bucket = s3.Bucket.fromBucketName(stack, 'Central', 'central-flow-logs');
    // WHEN
    const vpc = new MultiAzVpc(stack, 'Vpc', { flowLogBucket: bucket, flowLogBucketPrefix: 'network' });
    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::EC2::FlowLog', {
      LogDestinationType: 's3',
      LogDestination: Match.objectLike({ 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('central-flow-logs/network')])] }),
      DestinationOptions: { fileFormat: 'parquet', hiveCompatiblePartitions: true, perHourPartition: true },
    });
    template.resourceCountIs('AWS::Logs::LogGroup', 0);
    expect(vpc.flowLogLogGroup).toBeUndefined();
  });

  test('flow-log retention and classification', () => {
    const { template } = build({ flowLogRetention: logs.RetentionDays.TWO_YEARS, flowLogDataClassification: 'confidential' });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 731, Tags: Match.arrayWith([{ Key: 'DataClassification', Value: 'confidential' }]) });
  });

  test('interface endpoints: private DNS, HTTPS from the VPC CIDR only', () => {
    const { template, vpc } = build({ interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.SSM, ec2.InterfaceVpcEndpointAwsService.ECR_DOCKER] });
    template.resourceCountIs('AWS::EC2::VPCEndpoint', 4);
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', { VpcEndpointType: 'Interface', PrivateDnsEnabled: true, ServiceName: 'com.amazonaws.eu-west-1.ssm' });
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: Match.stringLikeRegexp('Interface VPC endpoints'),
      SecurityGroupIngress: [{ CidrIp: '10.0.0.0/16', FromPort: 443, ToPort: 443, IpProtocol: 'tcp', Description: 'HTTPS from the VPC CIDR' }],
    });
    expect(vpc.interfaceEndpoints).toHaveLength(2);
  });

  test('VPN on a virtual private gateway: two BGP connections, route propagation into the private route tables', () => {
    // GIVEN / WHEN
    const { template, vpc, stack } = build({
      vpn: { amazonSideAsn: 64600, customerGateways: [{ ip: '203.0.113.10', asn: 65000 }, { ip: '198.51.100.10', asn: 65001 }] },
    });
    // THEN
    template.hasResourceProperties('AWS::EC2::VPNGateway', { Type: 'ipsec.1', AmazonSideAsn: 64600 });
    template.resourceCountIs('AWS::EC2::CustomerGateway', 2);
    template.hasResourceProperties('AWS::EC2::CustomerGateway', { IpAddress: '203.0.113.10', BgpAsn: 65000, Type: 'ipsec.1' });
    template.hasResourceProperties('AWS::EC2::CustomerGateway', { IpAddress: '198.51.100.10', BgpAsn: 65001 });
    template.resourceCountIs('AWS::EC2::VPNConnection', 2);
    template.hasResourceProperties('AWS::EC2::VPNConnection', { StaticRoutesOnly: false, VpnGatewayId: Match.anyValue(), Type: 'ipsec.1' });
    template.hasResourceProperties('AWS::EC2::VPNGatewayRoutePropagation', { RouteTableIds: Match.arrayWith([{ Ref: Match.stringLikeRegexp('PrivateSubnet1RouteTable') }]) });
    const propagation = Object.values(template.findResources('AWS::EC2::VPNGatewayRoutePropagation'))[0];
    expect(propagation.Properties.RouteTableIds).toHaveLength(3);
    expect(vpc.vpnConnections).toHaveLength(2);
    expect(vpc.vpnGatewayId).toMatch(/TOKEN/);
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('SingleVpnConnection'))).toEqual([]);
  });

  test('VPN on a Transit Gateway with one customer gateway: attachment, routes, single-connection warning', () => {
    // GIVEN / WHEN
    const { template, stack, vpc } = build({
      vpn: { transitGatewayId: 'tgw-0123456789abcdef0', remoteCidrs: ['192.168.0.0/16'], customerGateways: [{ ip: '203.0.113.10', asn: 65000 }] },
    });
    // THEN
    template.resourceCountIs('AWS::EC2::VPNGateway', 0);
    template.hasResourceProperties('AWS::EC2::TransitGatewayAttachment', { TransitGatewayId: 'tgw-0123456789abcdef0', SubnetIds: Match.arrayWith([{ Ref: Match.stringLikeRegexp('PrivateSubnet1Subnet') }]) });
    template.hasResourceProperties('AWS::EC2::VPNConnection', { StaticRoutesOnly: false, TransitGatewayId: 'tgw-0123456789abcdef0' });
    template.resourceCountIs('AWS::EC2::Route', 3 /* public IGW */ + 3 /* private NAT */ + 3 /* remote via TGW */);
    template.hasResourceProperties('AWS::EC2::Route', { DestinationCidrBlock: '192.168.0.0/16', TransitGatewayId: 'tgw-0123456789abcdef0' });
    expect(vpc.transitGatewayAttachment).toBeInstanceOf(ec2.CfnTransitGatewayAttachment);
    Annotations.fromStack(stack).hasWarning('/Net/Vpc', Match.stringLikeRegexp('one customer gateway.*2\\.1.*cdk-competency:SingleVpnConnection'));
  });
});

describe('MultiAzVpc validation', () => {
  const cases: [string, MultiAzVpcProps, RegExp][] = [
    ['one AZ', { availabilityZones: ['eu-west-1a'] }, /MultiAzVpc: 'availabilityZones' must list at least 2 AZs \(checklist 2\.8: survive the loss of one AZ\), got \["eu-west-1a"\]/],
    ['duplicate AZs', { availabilityZones: ['eu-west-1a', 'eu-west-1a'] }, /'availabilityZones' must not list an AZ twice, got 'eu-west-1a'/],
    ['AZ of another region', { availabilityZones: ['eu-west-1a', 'us-east-1b'] }, /'availabilityZones' must be AZs of the stack's region eu-west-1, got 'us-east-1b'/],
    ['malformed AZ', { availabilityZones: ['eu-west-1a', 'west'] }, /'availabilityZones' must hold AZ names like eu-west-1a, got 'west'/],
    ['malformed CIDR', { cidr: '10.0.0/16' }, /MultiAzVpc: 'cidr' must be an IPv4 CIDR block like 10\.0\.0\.0\/16, got '10\.0\.0\/16'/],
    ['host bits', { cidr: '10.0.1.0/16' }, /'cidr' must not have host bits set \(did you mean 10\.0\.0\.0\/16\?\), got '10\.0\.1\.0\/16'/],
    ['prefix too short', { cidr: '10.0.0.0/8' }, /'cidr' must have a prefix length between \/16 and \/28 \(the VPC limits\), got '10\.0\.0\.0\/8'/],
    ['prefix too long', { cidr: '10.0.0.0/29' }, /'cidr' must have a prefix length between \/16 and \/28/],
    ['block too small for the subnets', { cidr: '10.0.0.0/26' }, /'cidr' is too small for 9 subnets \(3 tiers × 3 AZs\) of at least \/28, got '10\.0\.0\.0\/26'/],
    ['subnet mask too wide', { subnetCidrMask: 18 }, /'subnetCidrMask' must be an integer between 20 and 28 \(9 subnets must fit in the VPC\), got 18/],
    ['cidr and IPAM', { cidr: '10.0.0.0/16', ipamPoolId: 'ipam-pool-0123456789abcdef0' }, /'cidr' must not be given together with 'ipamPoolId'/],
    ['bad IPAM pool', { ipamPoolId: 'pool-1' }, /'ipamPoolId' must be an IPAM pool ID like ipam-pool-0123456789abcdef0, got 'pool-1'/],
    ['bad IPAM netmask', { ipamPoolId: 'ipam-pool-0123456789abcdef0', ipamNetmaskLength: 12 }, /'ipamNetmaskLength' must be an integer between 16 and 28, got 12/],
    ['netmask without IPAM', { ipamNetmaskLength: 20 }, /'ipamNetmaskLength' is only used with 'ipamPoolId', got 20/],
    ['no NAT gateway', { natGateways: 0 }, /'natGateways' must be an integer from 1 to the number of AZs \(3\), got 0/],
    ['more NATs than AZs', { natGateways: 4 }, /'natGateways' must be an integer from 1 to the number of AZs \(3\), got 4/],
    ['short retention', { flowLogRetention: logs.RetentionDays.SIX_MONTHS }, /'flowLogRetention' must be at least 1 year \(365 days; checklist 2\.3\), got 180/],
    ['retention CloudWatch Logs does not offer', { flowLogRetention: 500 as logs.RetentionDays }, /'flowLogRetention' must be a CloudWatch Logs retention \(a logs\.RetentionDays value\), got 500/],
    ['prefix without bucket', { flowLogBucketPrefix: 'x' }, /'flowLogBucketPrefix' is only used with 'flowLogBucket', got 'x'/],
    ['no customer gateway', { vpn: { customerGateways: [] } }, /'vpn\.customerGateways' must list 1 or 2 customer gateways \(2 for redundancy\), got 0/],
    ['bad CGW IP', { vpn: { customerGateways: [{ ip: '203.0.113', asn: 65000 }] } }, /'vpn\.customerGateways\[0\]\.ip' must be an IPv4 address, got '203\.0\.113'/],
    ['bad CGW ASN', { vpn: { customerGateways: [{ ip: '203.0.113.1', asn: 0 }] } }, /'vpn\.customerGateways\[0\]\.asn' must be a BGP ASN from 1 to 2147483647, got 0/],
    ['same CGW twice', { vpn: { customerGateways: [{ ip: '203.0.113.1', asn: 65000 }, { ip: '203.0.113.1', asn: 65001 }] } }, /'vpn\.customerGateways' must use two different devices \(IPs\) for redundancy/],
    ['bad TGW', { vpn: { transitGatewayId: 'tgw-x', customerGateways: [{ ip: '203.0.113.1', asn: 65000 }] } }, /'vpn\.transitGatewayId' must be a Transit Gateway ID like tgw-0123456789abcdef0, got 'tgw-x'/],
    ['Amazon ASN with TGW', { vpn: { transitGatewayId: 'tgw-0123456789abcdef0', amazonSideAsn: 64600, customerGateways: [{ ip: '203.0.113.1', asn: 65000 }] } }, /'vpn\.amazonSideAsn' is only used with a virtual private gateway/],
    ['public Amazon ASN', { vpn: { amazonSideAsn: 7224, customerGateways: [{ ip: '203.0.113.1', asn: 65000 }] } }, /'vpn\.amazonSideAsn' must be a private ASN in 64512–65534 or 4200000000–4294967294, got 7224/],
    ['remote CIDRs with a VGW', { vpn: { remoteCidrs: ['192.168.0.0/16'], customerGateways: [{ ip: '203.0.113.1', asn: 65000 }] } }, /'vpn\.remoteCidrs' is only used with 'transitGatewayId'/],
    ['bad remote CIDR', { vpn: { transitGatewayId: 'tgw-0123456789abcdef0', remoteCidrs: ['192.168.0.0'], customerGateways: [{ ip: '203.0.113.1', asn: 65000 }] } }, /'vpn\.remoteCidrs' must be an IPv4 CIDR block/],
  ];

  test.each(cases)('%s', (_name, props, message) => {
    expect(() => build(props)).toThrow(message);
  });

  test('problems are collected and thrown together, before anything is created', () => {
    // GIVEN
    const app = new App();
    const stack = new Stack(app, 'Net', { env: ENV });
    // WHEN / THEN
    expect(() => new MultiAzVpc(stack, 'Vpc', { availabilityZones: ['eu-west-1a'], cidr: '10.0.0.0/8', natGateways: 0 })).toThrow(/'availabilityZones'.*\n.*'cidr'.*\n.*'natGateways'/);
    expect(stack.node.findAll().filter((c) => c.node.path.startsWith('Net/Vpc/'))).toEqual([]);
  });
});

describe('MultiAzVpc CIDR overlaps', () => {
  test('a MultiAzVpc overlapping another of the same app throws, naming both', () => {
    // GIVEN
    const app = new App();
    const net = new Stack(app, 'Net', { env: ENV });
    new MultiAzVpc(net, 'Other', { cidr: '10.0.128.0/17' });
    const shared = new Stack(app, 'Shared', { env: ENV });
    // WHEN / THEN
    expect(() => new MultiAzVpc(shared, 'Vpc', { cidr: '10.0.0.0/16' })).toThrow(/MultiAzVpc: 'cidr' 10\.0\.0\.0\/16 of Shared\/Vpc overlaps 10\.0\.128\.0\/17 of Net\/Other/);
  });

  test('separate apps, disjoint blocks and allowCidrOverlap pass', () => {
    // GIVEN
    const app = new App();
    const stack = new Stack(app, 'Net', { env: ENV });
    new MultiAzVpc(stack, 'A', { cidr: '10.0.0.0/16' });
    // WHEN / THEN
    expect(() => new MultiAzVpc(stack, 'B', { cidr: '10.1.0.0/16' })).not.toThrow();
    expect(() => new MultiAzVpc(stack, 'C', { cidr: '10.0.0.0/16', allowCidrOverlap: true })).not.toThrow();
    expect(() => build({ cidr: '10.0.0.0/16' })).not.toThrow();
  });

  test('MultiAzVpc.assertNoOverlap checks a given set', () => {
    // GIVEN
    const app = new App();
    const stack = new Stack(app, 'Net', { env: ENV });
    const a = new MultiAzVpc(stack, 'A', { cidr: '10.0.0.0/16' });
    const b = new MultiAzVpc(stack, 'B', { cidr: '10.0.0.0/17', allowCidrOverlap: true });
    const c = new MultiAzVpc(stack, 'C', { cidr: '10.2.0.0/16' });
    // WHEN / THEN
    expect(() => MultiAzVpc.assertNoOverlap(a, c)).not.toThrow();
    expect(() => MultiAzVpc.assertNoOverlap(a, b, c)).toThrow(/MultiAzVpc: 'cidr' 10\.0\.0\.0\/16 of Net\/A overlaps 10\.0\.0\.0\/17 of Net\/B/);
  });
});

describe('MultiAzVpc under cdk-nag', () => {
  test('AwsSolutions: no findings, with VPN, interface endpoints and IPAM', () => {
    // GIVEN
    const app = new App();
    const stack = new Stack(app, 'Net', { env: ENV });
    new MultiAzVpc(stack, 'Vpc', {
      interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.SSM],
      vpn: { customerGateways: [{ ip: '203.0.113.10', asn: 65000 }, { ip: '198.51.100.10', asn: 65001 }] },
    });
    new MultiAzVpc(stack, 'Ipam', { ipamPoolId: 'ipam-pool-0123456789abcdef0', interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.SSM] });
    // WHEN
    const report = new AwsSolutionsChecks().validateScope(stack);
    // THEN
    expect(report.violations).toEqual([]);
    expect(report.success).toBe(true);
  });
});
