import { App, aws_ec2 as ec2, CfnParameter } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'static routes only (L2 ec2.Vpc vpnConnections with static prefixes)',
      build: (app: App) => {
        new ec2.Vpc(stackIn(app, 'S'), 'Vpc', { maxAzs: 2, natGateways: 0, vpnConnections: { Dc: { ip: '203.0.113.1', staticRoutes: ['192.168.10.0/24'] } } });
      },
      reason: /static routes only/,
    },
    {
      name: 'customer gateway without a BGP ASN',
      build: (app: App) => {
        const s = stackIn(app, 'S');
        const c = new ec2.CfnCustomerGateway(s, 'Cgw', { type: 'ipsec.1', ipAddress: '203.0.113.1' });
        new ec2.CfnVPNConnection(s, 'Vpn', { type: 'ipsec.1', customerGatewayId: c.ref, vpnGatewayId: 'vgw-1' });
      },
      reason: /declares no BgpAsn/,
    },
    {
      name: 'StaticRoutesOnly from a parameter (unverifiable)',
      build: (app: App) => {
        const s = stackIn(app, 'S');
        const p = new CfnParameter(s, 'Static', { type: 'String' });
        const vpn = new ec2.CfnVPNConnection(s, 'Vpn', { type: 'ipsec.1', customerGatewayId: 'cgw-1', vpnGatewayId: 'vgw-1' });
        vpn.addPropertyOverride('StaticRoutesOnly', p.valueAsString);
      },
      reason: /could not verify StaticRoutesOnly/,
    },
  ],
  compliant: [
    {
      name: 'L2 ec2.Vpc vpnConnections with dynamic routing (default ASN 65000)',
      build: (app: App) => { new ec2.Vpc(stackIn(app, 'S'), 'Vpc', { maxAzs: 2, natGateways: 0, vpnConnections: { Dc: { ip: '203.0.113.1', asn: 65010 } } }); },
    },
    {
      name: 'L1 connection to an existing customer gateway id',
      build: (app: App) => { new ec2.CfnVPNConnection(stackIn(app, 'S'), 'Vpn', { type: 'ipsec.1', customerGatewayId: 'cgw-1', transitGatewayId: 'tgw-1', staticRoutesOnly: false }); },
    },
  ],
};
