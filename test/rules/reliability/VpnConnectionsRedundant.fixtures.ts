import { App, aws_ec2 as ec2, Fn, Stack } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

const cgw = (s: Stack, id: string, ip: string) => new ec2.CfnCustomerGateway(s, id, { type: 'ipsec.1', ipAddress: ip, bgpAsn: 65001 });
const vpn = (s: Stack, id: string, gateway: { vpnGatewayId?: string; transitGatewayId?: string }, customerGatewayId: string) =>
  new ec2.CfnVPNConnection(s, id, { type: 'ipsec.1', customerGatewayId, ...gateway });

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'one VPN connection to a VPN gateway',
      build: (app: App) => {
        const s = stackIn(app, 'S');
        const vgw = new ec2.CfnVPNGateway(s, 'Vgw', { type: 'ipsec.1' });
        vpn(s, 'Vpn', { vpnGatewayId: vgw.ref }, cgw(s, 'Cgw', '203.0.113.1').ref);
      },
      reason: /has only one VPN connection/,
    },
    {
      name: 'two connections to a transit gateway from the same device (two customer gateway resources, one IP)',
      build: (app: App) => {
        const s = stackIn(app, 'S');
        const tgw = new ec2.CfnTransitGateway(s, 'Tgw', {});
        vpn(s, 'Vpn1', { transitGatewayId: tgw.ref }, cgw(s, 'Cgw1', '203.0.113.1').ref);
        vpn(s, 'Vpn2', { transitGatewayId: tgw.ref }, cgw(s, 'Cgw2', '203.0.113.1').ref);
      },
      reason: /all terminate on one customer gateway \(203\.0\.113\.1\)/,
    },
    {
      name: 'gateway imported from an export the app does not define (unverifiable)',
      build: (app: App) => {
        const s = stackIn(app, 'S');
        vpn(s, 'Vpn', { vpnGatewayId: Fn.importValue('NetworkVpnGatewayId') }, 'cgw-1');
      },
      reason: /could not verify which gateway/,
    },
  ],
  compliant: [
    {
      name: 'two connections from two customer gateways to one VPN gateway',
      build: (app: App) => {
        const s = stackIn(app, 'S');
        const vgw = new ec2.CfnVPNGateway(s, 'Vgw', { type: 'ipsec.1' });
        vpn(s, 'Vpn1', { vpnGatewayId: vgw.ref }, cgw(s, 'Cgw1', '203.0.113.1').ref);
        vpn(s, 'Vpn2', { vpnGatewayId: vgw.ref }, cgw(s, 'Cgw2', '198.51.100.7').ref);
      },
    },
    {
      name: 'two connections to a literal transit gateway id from literal customer gateways, in two stacks',
      build: (app: App) => {
        vpn(stackIn(app, 'A'), 'Vpn', { transitGatewayId: 'tgw-0123456789abcdef0' }, 'cgw-aaaa');
        vpn(stackIn(app, 'B'), 'Vpn', { transitGatewayId: 'tgw-0123456789abcdef0' }, 'cgw-bbbb');
      },
    },
    {
      name: 'L2 ec2.Vpc with two VPN connections (vpnConnections)',
      build: (app: App) => {
        new ec2.Vpc(stackIn(app, 'S'), 'Vpc', {
          maxAzs: 2,
          natGateways: 0,
          vpnConnections: { Dc1: { ip: '203.0.113.1' }, Dc2: { ip: '198.51.100.7' } },
        });
      },
    },
  ],
};
