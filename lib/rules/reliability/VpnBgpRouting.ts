import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, unverifiable } from '../rule';
import { resolveResource } from '../utils/references';
import { isIntrinsic, isTrue, literalString } from '../../aws';

/**
 * Reads: `AWS::EC2::VPNConnection` and the `AWS::EC2::CustomerGateway` it references (same stack or a
 * cross-stack import).
 * Fails when: `StaticRoutesOnly` is true (static routing does not fail over between tunnels or connections),
 * or the customer gateway of the app declares neither `BgpAsn` nor `BgpAsnExtended` (the device's ASN).
 * `StaticRoutesOnly` unknown at synth, or a customer gateway given by an unresolvable intrinsic, is reported.
 * A literal customer gateway id (created outside the app) passes on the connection's dynamic routing.
 * Fix: use dynamic (BGP) routing and declare the customer device's ASN on its customer gateway.
 */
export const VpnBgpRouting = defineRule({
  name: 'VpnBgpRouting',
  description: 'Site-to-Site VPN connections use dynamic (BGP) routing',
  fix: "Remove 'StaticRoutesOnly: true' from the VPN connection and set 'BgpAsn' on its customer gateway to the device's ASN",
  resourceTypes: ['AWS::EC2::VPNConnection'],
  scope: 'app',
  check(r, app) {
    if (r.type !== 'AWS::EC2::VPNConnection') return NOT_APPLICABLE;
    const staticOnly = r.properties.StaticRoutesOnly;
    if (isIntrinsic(staticOnly)) return unverifiable('StaticRoutesOnly', staticOnly, 'StaticRoutesOnly');
    if (isTrue(staticOnly)) return nonCompliant('the VPN connection uses static routes only (StaticRoutesOnly: true)', 'StaticRoutesOnly');
    const cgw = r.properties.CustomerGatewayId;
    if (literalString(cgw) !== undefined) return COMPLIANT;
    const target = resolveResource(r, cgw, app);
    if (!target || target.type !== 'AWS::EC2::CustomerGateway') return unverifiable('the customer gateway of the VPN connection', cgw, 'CustomerGatewayId');
    const asn = target.properties.BgpAsn ?? target.properties.BgpAsnExtended;
    if (asn === undefined || asn === null || asn === '') return nonCompliant(`the customer gateway ${target.path} declares no BgpAsn`, 'CustomerGatewayId');
    return COMPLIANT;
  },
});
