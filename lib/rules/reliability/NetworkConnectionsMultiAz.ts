import { COMPLIANT, defineRule, NOT_APPLICABLE } from '../rule';
import { requireTwoZones } from '../utils/availability-zones';

/**
 * Reads: `AWS::EC2::TransitGatewayAttachment` and `AWS::EC2::TransitGatewayVpcAttachment` (`SubnetIds`, compared by the
 * Availability Zones of the `AWS::EC2::Subnet`s they reference, across stacks), and `AWS::EC2::VPNConnection`.
 * - A transit gateway reaches a VPC only through the zones of its attachment's subnets: traffic from a zone without one
 *   cannot use the attachment, and losing the zone of the only subnet cuts the VPC off.
 * - AWS terminates the two tunnels of every Site-to-Site VPN connection in different Availability Zones: a connection
 *   survives the loss of one zone by design (whether the customer configures both tunnels, and redundant connections,
 *   are items 2.1 and Network Connectivity's).
 * Fails when: an attachment's subnets span fewer than two Availability Zones. Subnets unknown at synth are reported.
 * Fix: give the attachment one subnet in each Availability Zone the workload uses (at least two).
 */
export const NetworkConnectionsMultiAz = defineRule({
  name: 'NetworkConnectionsMultiAz',
  description: 'Connections into the VPC keep working when one Availability Zone is lost: transit gateway attachments span two zones or more',
  fix: 'Give the transit gateway VPC attachment a subnet in each Availability Zone the workload uses (at least two)',
  resourceTypes: ['AWS::EC2::TransitGatewayAttachment', 'AWS::EC2::TransitGatewayVpcAttachment', 'AWS::EC2::VPNConnection'],
  scope: 'app',
  check(r, app) {
    switch (r.type) {
      case 'AWS::EC2::VPNConnection':
        return COMPLIANT;
      case 'AWS::EC2::TransitGatewayAttachment':
      case 'AWS::EC2::TransitGatewayVpcAttachment':
        return requireTwoZones(r, 'SubnetIds', app, 'the attachment\'s subnets') ?? COMPLIANT;
      default:
        return NOT_APPLICABLE;
    }
  },
});
