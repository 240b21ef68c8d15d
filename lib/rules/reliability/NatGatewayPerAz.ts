import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, unverifiable } from '../rule';
import { subnetZone } from '../utils/availability-zones';
import { resourceKey, resolveResource } from '../utils/references';

/**
 * Reads: `AWS::EC2::RouteTable` and, across the app, the `AWS::EC2::Route`s of the table with a
 * `NatGatewayId`, the `AWS::EC2::NatGateway` (its `SubnetId`'s zone) and the
 * `AWS::EC2::SubnetRouteTableAssociation`s of the table (their subnets' zones).
 * Reported on each route table that routes through a NAT gateway, because that is where the dependency is
 * declared: a VPC has one NAT gateway per zone with private subnets exactly when every such table reaches a
 * NAT gateway in its own subnets' zone.
 * Fails when: a subnet of the table is in another Availability Zone than the NAT gateway it routes through
 * (losing that zone cuts its egress). A NAT gateway, subnet or zone unknown at synth is reported. Tables
 * without NAT routes, or without subnets, are not applicable.
 * Fix: one NAT gateway per Availability Zone (CDK: `natGateways` equal to the number of AZs, the default).
 */
export const NatGatewayPerAz = defineRule({
  name: 'NatGatewayPerAz',
  description: 'Private subnets reach the internet through a NAT gateway in their own Availability Zone',
  fix: 'Create one NAT gateway per Availability Zone and route each private subnet to the one in its zone (CDK ec2.Vpc: leave natGateways at its default, one per AZ)',
  resourceTypes: ['AWS::EC2::RouteTable'],
  scope: 'app',
  check(r, app) {
    if (r.type !== 'AWS::EC2::RouteTable') return NOT_APPLICABLE;
    const idx = routingIndex(app);
    const routes = idx.natRoutes.get(resourceKey(r)) ?? [];
    const subnets = idx.associations.get(resourceKey(r)) ?? [];
    if (routes.length === 0 || subnets.length === 0) return NOT_APPLICABLE;
    for (const route of routes) {
      const nat = resolveResource(route, route.properties.NatGatewayId, app);
      if (!nat) return unverifiable(`the NAT gateway of route ${route.path}`, route.properties.NatGatewayId, '');
      const natZone = subnetZone(nat, nat.properties.SubnetId, app);
      if (natZone.kind !== 'zone') return unverifiable(`the Availability Zone of NAT gateway ${nat.path}`, nat.properties.SubnetId, '');
      for (const assoc of subnets) {
        const zone = subnetZone(assoc, assoc.properties.SubnetId, app);
        if (zone.kind !== 'zone') return unverifiable(`the Availability Zone of the subnet of ${assoc.path}`, assoc.properties.SubnetId, '');
        if (zone.key !== natZone.key) return nonCompliant(`subnet ${zone.label} routes through NAT gateway ${nat.path} in another Availability Zone (${natZone.label})`);
      }
    }
    return COMPLIANT;
  },
});

function routingIndex(app: AppView): { natRoutes: ReadonlyMap<string, readonly ResourceView[]>; associations: ReadonlyMap<string, readonly ResourceView[]> } {
  return app.memo('nat-routing', () => {
    const byTable = (type: string, keep: (x: ResourceView) => boolean) => {
      const m = new Map<string, ResourceView[]>();
      for (const x of app.ofType(type)) {
        const table = keep(x) ? resolveResource(x, x.properties.RouteTableId, app) : undefined;
        if (!table) continue;
        const list = m.get(resourceKey(table));
        if (list) list.push(x); else m.set(resourceKey(table), [x]);
      }
      return m;
    };
    return {
      natRoutes: byTable('AWS::EC2::Route', (x) => x.properties.NatGatewayId !== undefined),
      associations: byTable('AWS::EC2::SubnetRouteTableAssociation', () => true),
    };
  });
}
