import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, RuleVerdict, unverifiable } from '../rule';
import { referrers, referrersOf, unresolvedIn } from '../utils/references';

function connections(app: AppView) {
  return referrers(app, {
    key: 'vpn-connections-by-customer-gateway',
    fromType: 'AWS::EC2::VPNConnection',
    targetType: 'AWS::EC2::CustomerGateway',
    path: 'CustomerGatewayId',
  });
}

/**
 * Reads: `AWS::EC2::CustomerGateway` and, anywhere in the app, the `AWS::EC2::VPNConnection`s whose `CustomerGatewayId`
 * leads to it (a Ref, an import, a nested-stack parameter).
 * Fails when: no VPN connection uses the customer gateway, so whatever links it to the VPC (if anything) is
 * not shown to be the IPsec-encrypted connection across the VPC boundary. A VPN connection of the stack whose
 * customer gateway is unknown at synth makes an unused gateway unverifiable.
 * Fix: create an `AWS::EC2::VPNConnection` (ec2.VpnConnection, or a transit gateway VPN attachment) for the gateway.
 */
export const CustomerGatewayUsesVpn = defineRule({
  name: 'CustomerGatewayUsesVpn',
  description: 'Customer gateways connect to the VPC over IPsec VPN connections',
  fix: 'Create a VPN connection (ec2.VpnConnection, or an AWS::EC2::VPNConnection to a virtual private or transit gateway) for the customer gateway',
  resourceTypes: ['AWS::EC2::CustomerGateway'],
  scope: 'app',
  check(r, app): RuleVerdict {
    if (r.type !== 'AWS::EC2::CustomerGateway') return NOT_APPLICABLE;
    const index = connections(app);
    if (referrersOf(r, index).length > 0) return COMPLIANT;
    const unknown = unresolvedIn(r.stack, index);
    if (unknown) return unverifiable(`whether VPN connection ${unknown.from.path} uses this customer gateway`, unknown.value, 'CustomerGatewayId');
    return nonCompliant(`no AWS::EC2::VPNConnection uses customer gateway ${r.path}`);
  },
});
