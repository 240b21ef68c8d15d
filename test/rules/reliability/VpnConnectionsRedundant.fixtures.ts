import { App, aws_ec2 as ec2, Fn, Stack } from 'aws-cdk-lib';
import { MultiAzVpc } from '../../../constructs';
import { declareSingleVpnConnection } from '../../../lib/declarations';
import { RuleFixtures } from '../harness';
import { MANAGEMENT, stackIn } from '../fixture-stacks';

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
      name: 'one L2 VPN connection whose customer choice is not recorded',
      build: (app: App) => {
        new ec2.Vpc(stackIn(app, 'S'), 'Vpc', { maxAzs: 2, natGateways: 0, vpnConnections: { Dc1: { ip: '203.0.113.1' } } });
      },
      reason: /only one VPN connection, and nothing records that the customer chose a single connection/,
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
      name: 'two connections to one transit gateway from the same device (the customer side is the customer\'s choice)',
      build: (app: App) => {
        const s = stackIn(app, 'S');
        const tgw = new ec2.CfnTransitGateway(s, 'Tgw', {});
        vpn(s, 'Vpn1', { transitGatewayId: tgw.ref }, cgw(s, 'Cgw1', '203.0.113.1').ref);
        vpn(s, 'Vpn2', { transitGatewayId: tgw.ref }, cgw(s, 'Cgw2', '203.0.113.1').ref);
      },
    },
    {
      name: 'one BGP connection, the redundancy documented as the customer\'s choice (declareSingleVpnConnection)',
      build: (app: App) => {
        const s = stackIn(app, 'S');
        const vgw = new ec2.CfnVPNGateway(s, 'Vgw', { type: 'ipsec.1' });
        const connection = vpn(s, 'Vpn', { vpnGatewayId: vgw.ref }, cgw(s, 'Cgw', '203.0.113.1').ref);
        declareSingleVpnConnection(connection, 'Customer runs one branch router; a second connection is offered in the deployment guide (section 4.2)');
      },
    },
    {
      name: 'MultiAzVpc with one customer gateway and singleConnectionReason',
      build: (app: App) => {
        new MultiAzVpc(stackIn(app, 'S', MANAGEMENT), 'Vpc', {
          vpn: { customerGateways: [{ ip: '203.0.113.1', asn: 65010 }], singleConnectionReason: 'The customer chose one device; the solution supports two' },
        });
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
