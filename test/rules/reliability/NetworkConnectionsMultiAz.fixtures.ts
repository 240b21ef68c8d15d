import { App, aws_ec2 as ec2, Stack } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { MANAGEMENT, stackIn } from '../fixture-stacks';

/** A hub VPC (L2, two zones) attached to a transit gateway through the subnets `pick` selects. */
function hub(s: Stack, pick: (subnets: ec2.ISubnet[]) => ec2.ISubnet[]): ec2.CfnTransitGateway {
  const vpc = new ec2.Vpc(s, 'Hub', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'Attach', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 28 }] });
  const tgw = new ec2.CfnTransitGateway(s, 'Tgw', { amazonSideAsn: 64512 });
  new ec2.CfnTransitGatewayAttachment(s, 'Attachment', { transitGatewayId: tgw.ref, vpcId: vpc.vpcId, subnetIds: pick(vpc.isolatedSubnets).map((x) => x.subnetId) });
  return tgw;
}

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'L1 transit gateway attachment in one subnet of an L2 VPC over two zones',
      build: (app: App) => { hub(stackIn(app, 'S', MANAGEMENT), (subnets) => subnets.slice(0, 1)); },
      reason: /the attachment's subnets spans 1 Availability Zone/,
    },
  ],
  compliant: [{
    name: 'L1 transit gateway attachment with a subnet in each of two zones; a Site-to-Site VPN connection (two tunnels in different zones by design)',
    build: (app: App) => {
      const s = stackIn(app, 'S', MANAGEMENT);
      const tgw = hub(s, (subnets) => subnets);
      const router = new ec2.CfnCustomerGateway(s, 'Router', { type: 'ipsec.1', ipAddress: '198.51.100.10', bgpAsn: 65010 });
      new ec2.CfnVPNConnection(s, 'Vpn', { type: 'ipsec.1', customerGatewayId: router.ref, transitGatewayId: tgw.ref });
    },
  }],
};
