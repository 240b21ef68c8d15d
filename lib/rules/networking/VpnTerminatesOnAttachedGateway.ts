import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { literalString } from '../../aws';
import { resolveResource } from '../utils/references';

/**
 * Reads: `AWS::EC2::VPNConnection` (`TransitGatewayId`, `VpnGatewayId`) and, across the app, the
 * `AWS::EC2::VPNGateway` it names and the `AWS::EC2::VPCGatewayAttachment`s that attach it to a VPC.
 * Passes when the VPN connection terminates on a transit gateway (a VPN attachment), or on a virtual private gateway
 * of the app that is attached to a VPC: the solution takes its VPN from AWS's own gateways, natively.
 * Fails when: the virtual private gateway of the app is attached to no VPC (its tunnels reach nothing); the gateway is
 * given by a value that cannot be followed (a literal id of a gateway created outside the app is unverifiable too).
 * Fix: attach the virtual private gateway to the VPC (`VPCGatewayAttachment` with `VpnGatewayId`, CDK `vpnGateway: true`),
 * or terminate the VPN on a transit gateway.
 */
export const VpnTerminatesOnAttachedGateway = defineRule({
  name: 'VpnTerminatesOnAttachedGateway',
  description: 'Site-to-Site VPN connections terminate on a transit gateway or on a virtual private gateway attached to a VPC',
  fix: 'Attach the virtual private gateway to the VPC (a VPCGatewayAttachment with VpnGatewayId; CDK: vpnGateway: true on the Vpc), or terminate the VPN on a transit gateway',
  resourceTypes: ['AWS::EC2::VPNConnection'],
  scope: 'app',
  check(r, app): RuleVerdict {
    if (r.type !== 'AWS::EC2::VPNConnection') return NOT_APPLICABLE;
    if (r.properties.TransitGatewayId !== undefined) return COMPLIANT;
    const value = r.properties.VpnGatewayId;
    if (value === undefined) return nonCompliant('the VPN connection names neither a transit gateway nor a virtual private gateway', 'VpnGatewayId');
    const vgw = resolveResource(r, value, app);
    if (!vgw || vgw.type !== 'AWS::EC2::VPNGateway') {
      return literalString(value) !== undefined
        ? nonCompliant(`could not verify that virtual private gateway ${literalString(value)} is attached to a VPC: it is not created in the app`, 'VpnGatewayId')
        : unverifiable('the virtual private gateway of the VPN connection', value, 'VpnGatewayId');
    }
    return attachedGateways(app).has(vgw) ? COMPLIANT : nonCompliant(`the virtual private gateway ${vgw.path} is attached to no VPC (no VPCGatewayAttachment names it)`, 'VpnGatewayId');
  },
});

/** The virtual private gateways of the app that a `VPCGatewayAttachment` attaches to a VPC, indexed once. */
function attachedGateways(app: Parameters<typeof resolveResource>[2]): ReadonlySet<ResourceView> {
  return app.memo('networking/attached-vpn-gateways', () => {
    const set = new Set<ResourceView>();
    for (const a of app.ofType('AWS::EC2::VPCGatewayAttachment')) {
      if (a.properties.VpnGatewayId === undefined) continue;
      const vgw = resolveResource(a, a.properties.VpnGatewayId, app);
      if (vgw?.type === 'AWS::EC2::VPNGateway') set.add(vgw);
    }
    return set;
  });
}
