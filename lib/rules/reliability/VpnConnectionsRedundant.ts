import { METADATA } from '../../conventions';
import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, unverifiable } from '../rule';
import { resourceKey, resolveResource } from '../utils/references';
import { isIntrinsic, literalString } from '../../aws';

/**
 * Reads: `AWS::EC2::VPNConnection` and, across the app, every other VPN connection to the same VPN gateway
 * or transit gateway (a reference to an `AWS::EC2::VPNGateway` / `AWS::EC2::TransitGateway`, or a literal id),
 * and the connection's metadata `cdk-competency:vpn-redundancy` (`declareSingleVpnConnection`).
 * Passes when the gateway has at least two VPN connections (each with two tunnels), or the single connection
 * records that one connection is the customer's documented choice: item 2.1 asks the solution to support
 * redundant connections "even if the customers do not always implement this". Whether the connections end on
 * distinct customer devices is the customer's side, not asked.
 * Fails when: the gateway has one VPN connection and no such record. A gateway unknown at synth is reported.
 * Fix: add a second VPN connection to the gateway, or record the customer's choice of one connection.
 */
export const VpnConnectionsRedundant = defineRule({
  name: 'VpnConnectionsRedundant',
  description: 'Every VPN gateway or transit gateway supports redundant VPN connections: two connections, or one that the customer chose',
  fix: "Add a second AWS::EC2::VPNConnection to the same VPN or transit gateway, or record the customer's documented choice of one: declareSingleVpnConnection(connection, reason) (MultiAzVpc: vpn.singleConnectionReason)",
  resourceTypes: ['AWS::EC2::VPNConnection'],
  scope: 'app',
  check(r, app) {
    if (r.type !== 'AWS::EC2::VPNConnection') return NOT_APPLICABLE;
    const gateway = gatewayKey(r, app);
    if (gateway.key === undefined) return unverifiable('which gateway the VPN connection attaches to', gateway.value, gateway.location);
    const peers = connectionsByGateway(app).get(gateway.key) ?? [];
    if (peers.length >= 2) return COMPLIANT;
    const choice = r.metadata[METADATA.VPN_REDUNDANCY]?.customerChoice;
    if (typeof choice === 'string' && choice.trim() !== '') return COMPLIANT;
    return nonCompliant(`the gateway ${gateway.label} has only one VPN connection, and nothing records that the customer chose a single connection`, gateway.location);
  },
});

function gatewayKey(r: ResourceView, app: AppView): { key?: string; label: string; value: unknown; location: string } {
  const location = r.properties.TransitGatewayId !== undefined ? 'TransitGatewayId' : 'VpnGatewayId';
  const value = r.properties[location];
  const literal = literalString(value);
  if (literal !== undefined) return { key: `id:${literal}`, label: literal, value, location };
  const target = isIntrinsic(value) ? resolveResource(r, value, app) : undefined;
  if (target) return { key: resourceKey(target), label: target.path, value, location };
  return { label: '', value, location };
}

function connectionsByGateway(app: AppView): ReadonlyMap<string, readonly ResourceView[]> {
  return app.memo('vpn-connections-by-gateway', () => {
    const index = new Map<string, ResourceView[]>();
    for (const c of app.ofType('AWS::EC2::VPNConnection')) {
      const { key } = gatewayKey(c, app);
      if (key === undefined) continue;
      const list = index.get(key);
      if (list) list.push(c); else index.set(key, [c]);
    }
    return index;
  });
}
