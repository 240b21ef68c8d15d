import { aws_ec2 as ec2, Fn } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'customer gateway without a VPN connection (L1)', build: (app) => { new ec2.CfnCustomerGateway(stackIn(app, 'S'), 'Cgw', { bgpAsn: 65000, ipAddress: '203.0.113.10', type: 'ipsec.1' }); }, reason: /no AWS::EC2::VPNConnection uses customer gateway S\/Cgw/ },
    {
      name: 'a VPN connection of the stack with an imported customer gateway (unverifiable)',
      build: (app) => {
        const s = stackIn(app, 'S');
        new ec2.CfnCustomerGateway(s, 'Cgw', { bgpAsn: 65000, ipAddress: '203.0.113.10', type: 'ipsec.1' });
        new ec2.CfnVPNConnection(s, 'Vpn', { type: 'ipsec.1', customerGatewayId: Fn.importValue('CgwId'), vpnGatewayId: 'vgw-1' });
      },
      reason: /could not verify whether VPN connection S\/Vpn uses this customer gateway.*Fn::ImportValue/,
    },
  ],
  compliant: [
    {
      name: 'L2 VPN connection on a VPC',
      build: (app) => {
        const s = stackIn(app, 'S');
        new ec2.Vpc(s, 'V', { maxAzs: 1, natGateways: 0, vpnGateway: true, vpnConnections: { onPrem: { ip: '203.0.113.10' } } });
      },
    },
    {
      name: 'L1 transit gateway VPN attachment',
      build: (app) => {
        const s = stackIn(app, 'S');
        const cgw = new ec2.CfnCustomerGateway(s, 'Cgw', { bgpAsn: 65000, ipAddress: '203.0.113.10', type: 'ipsec.1' });
        new ec2.CfnVPNConnection(s, 'Vpn', { type: 'ipsec.1', customerGatewayId: cgw.ref, transitGatewayId: 'tgw-1' });
      },
    },
  ],
};
