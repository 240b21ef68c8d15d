import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, unverifiable } from '../rule';
import { keyOf, resolveResource } from '../utils/cross-stack';
import { isIntrinsic, literalString } from '../../aws';

/**
 * Reads: `AWS::EC2::VPNConnection` and, across the app, every other VPN connection to the same VPN gateway
 * or transit gateway (a reference to an `AWS::EC2::VPNGateway` / `AWS::EC2::TransitGateway`, or a literal id),
 * and their `AWS::EC2::CustomerGateway`s (compared by literal `IpAddress`, else by resource or literal id).
 * Fails when: the connection's gateway has only this one VPN connection, or all its connections terminate on
 * one customer gateway (one device is a single point of failure even with two tunnels each). A gateway or
 * customer gateway that cannot be resolved at synth is reported.
 * Fix: add a second VPN connection from a second customer gateway device to the same gateway.
 */
export const VpnConnectionsRedundant = defineRule({
  name: 'VpnConnectionsRedundant',
  description: 'Every VPN gateway or transit gateway has at least two VPN connections to two distinct customer gateways',
  fix: 'Add a second AWS::EC2::VPNConnection from a second customer gateway device (its own public IP) to the same VPN or transit gateway',
  resourceTypes: ['AWS::EC2::VPNConnection'],
  scope: 'app',
  check(r, app) {
    if (r.type !== 'AWS::EC2::VPNConnection') return NOT_APPLICABLE;
    const gateway = gatewayKey(r, app);
    if (gateway.key === undefined) return unverifiable('which gateway the VPN connection attaches to', gateway.value, gateway.location);
    const customer = customerGatewayKey(r, app);
    if (customer === undefined) return unverifiable('the customer gateway of the VPN connection', r.properties.CustomerGatewayId, 'CustomerGatewayId');
    const peers = connectionsByGateway(app).get(gateway.key) ?? [];
    if (peers.length < 2) return nonCompliant(`the gateway ${gateway.label} has only one VPN connection`, gateway.location);
    const customers = new Set(peers.map((p) => customerGatewayKey(p, app) ?? `unresolved:${keyOf(p)}`));
    if (customers.size < 2) return nonCompliant(`the ${peers.length} VPN connections of gateway ${gateway.label} all terminate on one customer gateway (${customer})`, 'CustomerGatewayId');
    return COMPLIANT;
  },
});

function gatewayKey(r: ResourceView, app: AppView): { key?: string; label: string; value: unknown; location: string } {
  const location = r.properties.TransitGatewayId !== undefined ? 'TransitGatewayId' : 'VpnGatewayId';
  const value = r.properties[location];
  const literal = literalString(value);
  if (literal !== undefined) return { key: `id:${literal}`, label: literal, value, location };
  const target = isIntrinsic(value) ? resolveResource(r, value, app) : undefined;
  if (target) return { key: keyOf(target), label: target.path, value, location };
  return { label: '', value, location };
}

function customerGatewayKey(r: ResourceView, app: AppView): string | undefined {
  const value = r.properties.CustomerGatewayId;
  const literal = literalString(value);
  if (literal !== undefined) return literal;
  const target = resolveResource(r, value, app);
  if (!target) return undefined;
  return literalString(target.properties.IpAddress) ?? target.path;
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
