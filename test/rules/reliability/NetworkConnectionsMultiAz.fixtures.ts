import { App, aws_ec2 as ec2, aws_networkfirewall as nfw, aws_route53resolver as resolver, Stack } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { MANAGEMENT, stackIn } from '../fixture-stacks';

/** A hub VPC (L2, two zones) attached to a transit gateway through the subnets `pick` selects. */
function hub(s: Stack, pick: (subnets: ec2.ISubnet[]) => ec2.ISubnet[]): ec2.CfnTransitGateway {
  const vpc = new ec2.Vpc(s, 'Hub', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'Attach', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 28 }] });
  const tgw = new ec2.CfnTransitGateway(s, 'Tgw', { amazonSideAsn: 64512 });
  new ec2.CfnTransitGatewayAttachment(s, 'Attachment', { transitGatewayId: tgw.ref, vpcId: vpc.vpcId, subnetIds: pick(vpc.isolatedSubnets).map((x) => x.subnetId) });
  return tgw;
}

/** An inspection VPC (L2, three zones) with a firewall mapped to the subnets `pick` selects. */
function firewall(s: Stack, pick: (subnets: ec2.ISubnet[]) => ec2.ISubnet[]): void {
  const vpc = new ec2.Vpc(s, 'Inspection', { availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'], natGateways: 0, subnetConfiguration: [{ name: 'Firewall', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 28 }] });
  const policy = new nfw.CfnFirewallPolicy(s, 'Policy', { firewallPolicyName: 'p', firewallPolicy: { statelessDefaultActions: ['aws:forward_to_sfe'], statelessFragmentDefaultActions: ['aws:forward_to_sfe'] } });
  new nfw.CfnFirewall(s, 'Firewall', { firewallName: 'fw', firewallPolicyArn: policy.attrFirewallPolicyArn, vpcId: vpc.vpcId, subnetMappings: pick(vpc.isolatedSubnets).map((x) => ({ subnetId: x.subnetId })) });
}

/** A shared-services VPC (L2, two zones) with an inbound resolver endpoint whose IP addresses are in the subnets `pick` selects. */
function inbound(s: Stack, pick: (subnets: ec2.ISubnet[]) => ec2.ISubnet[]): void {
  const vpc = new ec2.Vpc(s, 'Shared', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'Dns', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 28 }] });
  const sg = new ec2.SecurityGroup(s, 'DnsSg', { vpc, allowAllOutbound: false });
  new resolver.CfnResolverEndpoint(s, 'Inbound', { direction: 'INBOUND', securityGroupIds: [sg.securityGroupId], ipAddresses: pick(vpc.isolatedSubnets).map((x) => ({ subnetId: x.subnetId })) });
}

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'L1 transit gateway attachment in one subnet of an L2 VPC over two zones',
      build: (app: App) => { hub(stackIn(app, 'S', MANAGEMENT), (subnets) => subnets.slice(0, 1)); },
      reason: /the attachment's subnets spans 1 Availability Zone/,
    },
    {
      name: 'L1 Network Firewall mapped to one subnet of an L2 VPC over three zones',
      build: (app: App) => { firewall(stackIn(app, 'S', MANAGEMENT), (subnets) => subnets.slice(0, 1)); },
      reason: /the firewall's subnets \(one firewall endpoint per subnet mapping\) span 1 Availability Zone/,
    },
    {
      name: 'L1 inbound Resolver endpoint with its two IP addresses in one subnet',
      build: (app: App) => { inbound(stackIn(app, 'S', MANAGEMENT), (subnets) => [subnets[0], subnets[0]]); },
      reason: /the resolver endpoint's IP addresses span 1 Availability Zone/,
    },
    {
      name: 'L2 interface endpoint placed in one subnet of a VPC over two zones',
      build: (app: App) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'Private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
        vpc.addInterfaceEndpoint('Ssm', { service: ec2.InterfaceVpcEndpointAwsService.SSM, subnets: { subnets: [vpc.isolatedSubnets[0]] } });
      },
      reason: /the interface endpoint's subnets spans 1 Availability Zone/,
    },
  ],
  compliant: [{
    name: 'L1 Network Firewall mapped to a subnet in each of three zones; an inbound Resolver endpoint with IP addresses in two zones',
    build: (app: App) => {
      const s = stackIn(app, 'S', MANAGEMENT);
      firewall(s, (subnets) => subnets);
      inbound(s, (subnets) => subnets);
    },
  }, {
    name: 'L2 interface endpoint in a subnet of each zone (the CDK default); L2 gateway endpoint (routes, in no zone); L1 Gateway Load Balancer endpoint (one subnet by design)',
    build: (app: App) => {
      const s = stackIn(app, 'S', MANAGEMENT);
      const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'Private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
      vpc.addInterfaceEndpoint('Ssm', { service: ec2.InterfaceVpcEndpointAwsService.SSM });
      vpc.addGatewayEndpoint('S3', { service: ec2.GatewayVpcEndpointAwsService.S3 });
      new ec2.CfnVPCEndpoint(s, 'Gwlbe', { vpcId: vpc.vpcId, vpcEndpointType: 'GatewayLoadBalancer', serviceName: 'com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0', subnetIds: [vpc.isolatedSubnets[0].subnetId] });
    },
  }, {
    name: 'L1 transit gateway attachment with a subnet in each of two zones; a Site-to-Site VPN connection (two tunnels in different zones by design)',
    build: (app: App) => {
      const s = stackIn(app, 'S', MANAGEMENT);
      const tgw = hub(s, (subnets) => subnets);
      const router = new ec2.CfnCustomerGateway(s, 'Router', { type: 'ipsec.1', ipAddress: '198.51.100.10', bgpAsn: 65010 });
      new ec2.CfnVPNConnection(s, 'Vpn', { type: 'ipsec.1', customerGatewayId: router.ref, transitGatewayId: tgw.ref });
    },
  }],
};
