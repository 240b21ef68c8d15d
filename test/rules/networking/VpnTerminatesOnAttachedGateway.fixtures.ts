import { App, aws_ec2 as ec2, Stack } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { MANAGEMENT, stackIn } from '../fixture-stacks';

function customerGateway(s: Stack): ec2.CfnCustomerGateway {
  return new ec2.CfnCustomerGateway(s, 'Device', { type: 'ipsec.1', bgpAsn: 65010, ipAddress: '203.0.113.10' });
}

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'L1 virtual private gateway attached to no VPC',
      build: (app: App) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        const vgw = new ec2.CfnVPNGateway(s, 'Vgw', { type: 'ipsec.1' });
        new ec2.CfnVPNConnection(s, 'Vpn', { type: 'ipsec.1', customerGatewayId: customerGateway(s).ref, vpnGatewayId: vgw.ref });
      },
      reason: /the virtual private gateway S\/Vgw is attached to no VPC/,
    },
    {
      name: 'literal gateway id created outside the app (unverifiable)',
      build: (app: App) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        new ec2.CfnVPNConnection(s, 'Vpn', { type: 'ipsec.1', customerGatewayId: customerGateway(s).ref, vpnGatewayId: 'vgw-0123456789abcdef0' });
      },
      reason: /could not verify that virtual private gateway vgw-0123456789abcdef0 is attached to a VPC/,
    },
  ],
  compliant: [
    {
      name: 'L2 VPC with a VPN gateway and a VPN connection (vpnConnections)',
      build: (app: App) => {
        new ec2.Vpc(stackIn(app, 'S', MANAGEMENT), 'Vpc', {
          maxAzs: 2,
          natGateways: 0,
          vpnGateway: true,
          vpnConnections: { Branch: { ip: '203.0.113.20', asn: 65020 } },
        });
      },
    },
    {
      name: 'L1 VPN connection to a transit gateway (VPN attachment)',
      build: (app: App) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        const tgw = new ec2.CfnTransitGateway(s, 'Tgw', { amazonSideAsn: 64512 });
        new ec2.CfnVPNConnection(s, 'Vpn', { type: 'ipsec.1', customerGatewayId: customerGateway(s).ref, transitGatewayId: tgw.ref });
      },
    },
  ],
};
