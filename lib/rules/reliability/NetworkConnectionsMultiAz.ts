import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, AppView, RuleVerdict, unverifiable } from '../rule';
import { countZones, requireTwoZones } from '../utils/availability-zones';
import { asList, isDeployTime, isObject, literalString } from '../../aws';

/** Types whose zonal presence is a list of objects, each naming a subnet under `SubnetId`. */
const SUBNET_LISTS: { readonly [type: string]: { readonly path: string; readonly what: string } } = {
  'AWS::NetworkFirewall::Firewall': { path: 'SubnetMappings', what: 'the firewall\'s subnets (one firewall endpoint per subnet mapping)' },
  'AWS::Route53Resolver::ResolverEndpoint': { path: 'IpAddresses', what: 'the resolver endpoint\'s IP addresses' },
};

/**
 * Reads: `AWS::EC2::TransitGatewayAttachment` and `AWS::EC2::TransitGatewayVpcAttachment` (`SubnetIds`), interface VPC
 * endpoints (`AWS::EC2::VPCEndpoint` of `VpcEndpointType` Interface: `SubnetIds`), AWS Network Firewall firewalls (`SubnetMappings[].SubnetId`), Route 53 Resolver endpoints (`IpAddresses[].SubnetId`), compared by
 * the Availability Zones of the `AWS::EC2::Subnet`s they reference, across stacks; and `AWS::EC2::VPNConnection`.
 * - A transit gateway reaches a VPC only through the zones of its attachment's subnets: traffic from a zone without one
 *   cannot use the attachment, and losing the zone of the only subnet cuts the VPC off.
 * - An interface endpoint has one network interface per subnet ("You can specify more than one subnet in different
 *   Availability Zones (as supported by the service) to help ensure that your interface endpoint is resilient to
 *   Availability Zone failures", Amazon VPC User Guide, Interface VPC endpoints). Gateway endpoints are routes, not in
 *   a zone; a Gateway Load Balancer endpoint takes one subnet by design (one per zone is item 2.8's appliance rules').
 * - A firewall has one endpoint per subnet mapping, in that subnet's zone ("Network Firewall adds a firewall endpoint to
 *   each of the subnets that you've specified", AWS Network Firewall Developer Guide, VPC subnet configuration): the
 *   traffic routed to an endpoint in a lost zone goes nowhere.
 * - A resolver endpoint answers (inbound) or forwards (outbound) through the network interfaces of its IP addresses
 *   ("Create inbound endpoints with IP addresses in at least two Availability Zones for redundancy", Route 53 Developer
 *   Guide, Best practices for VPC Resolver): two addresses in one zone fail together.
 * - AWS terminates the two tunnels of every Site-to-Site VPN connection in different Availability Zones: a connection
 *   survives the loss of one zone by design (whether the customer configures both tunnels, and redundant connections,
 *   are items 2.1 and Network Connectivity's).
 * Fails when: an attachment's, interface endpoint's, firewall's or resolver endpoint's subnets span fewer than two Availability Zones. Subnets
 * unknown at synth are reported.
 * Fix: give the attachment, the interface endpoint, the firewall or the resolver endpoint one subnet in each Availability Zone the workload uses
 * (at least two).
 */
export const NetworkConnectionsMultiAz = defineRule({
  name: 'NetworkConnectionsMultiAz',
  description: 'Connections into the VPC keep working when one Availability Zone is lost: transit gateway attachments, interface endpoints, network firewalls and DNS resolver endpoints span two zones or more',
  fix: 'Give the transit gateway VPC attachment, the interface VPC endpoint (SubnetIds), the Network Firewall (SubnetMappings) or the Route 53 Resolver endpoint (IpAddresses) a subnet in each Availability Zone the workload uses (at least two)',
  resourceTypes: ['AWS::EC2::TransitGatewayAttachment', 'AWS::EC2::TransitGatewayVpcAttachment', 'AWS::EC2::VPNConnection', 'AWS::EC2::VPCEndpoint', ...Object.keys(SUBNET_LISTS)],
  scope: 'app',
  check(r, app) {
    switch (r.type) {
      case 'AWS::EC2::VPNConnection':
        return COMPLIANT;
      case 'AWS::EC2::TransitGatewayAttachment':
      case 'AWS::EC2::TransitGatewayVpcAttachment':
        return requireTwoZones(r, 'SubnetIds', app, 'the attachment\'s subnets') ?? COMPLIANT;
      case 'AWS::EC2::VPCEndpoint': {
        const type = literalString(r.properties.VpcEndpointType);
        if (r.properties.VpcEndpointType !== undefined && type === undefined) return unverifiable('VpcEndpointType', r.properties.VpcEndpointType, 'VpcEndpointType');
        if (type !== 'Interface') return NOT_APPLICABLE;
        return requireTwoZones(r, 'SubnetIds', app, 'the interface endpoint\'s subnets') ?? COMPLIANT;
      }
      case 'AWS::NetworkFirewall::Firewall':
      case 'AWS::Route53Resolver::ResolverEndpoint':
        return subnetList(r, app, SUBNET_LISTS[r.type].path, SUBNET_LISTS[r.type].what);
      default:
        return NOT_APPLICABLE;
    }
  },
});

/** The zones of the subnets named by `SubnetId` in each entry of a list property, in every `Fn::If` branch. */
function subnetList(r: ResourceView, app: AppView, path: string, what: string): RuleVerdict {
  const res = app.resolve(r, path);
  if (!res.ok) return unverifiable(what, res.unresolved, path);
  for (const { value } of res.values) {
    if (isDeployTime(value)) return unverifiable(what, value, path);
    const subnets = asList<unknown>(value).map((e) => (isObject(e) ? (e as { SubnetId?: unknown }).SubnetId : e));
    const { zones, unknown } = countZones(r, subnets, app);
    if (zones >= 2) continue;
    if (unknown.length > 0) return unverifiable(`the Availability Zones of ${what}`, unknown[0], path);
    return nonCompliant(`${what} span ${zones} Availability Zone${zones === 1 ? '' : 's'}`, path);
  }
  return COMPLIANT;
}
