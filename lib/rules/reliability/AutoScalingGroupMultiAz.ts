import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, unverifiable } from '../rule';
import { countZones } from '../utils/availability-zones';
import { asList, isIntrinsic } from '../../aws';

/**
 * Reads: `AWS::AutoScaling::AutoScalingGroup` (`VPCZoneIdentifier` and the `AWS::EC2::Subnet`s it references,
 * compared by zone as in LoadBalancerMultiAz; or `AvailabilityZones`, where `Fn::GetAZs` means every zone).
 * Fails when: the group can launch instances in fewer than two Availability Zones. Subnets or zones unknown
 * at synth that could make the difference are reported.
 * Fix: give the group subnets in at least two Availability Zones (CDK: vpcSubnets over a VPC with maxAzs >= 2).
 */
export const AutoScalingGroupMultiAz = defineRule({
  name: 'AutoScalingGroupMultiAz',
  description: 'Auto Scaling groups launch instances in at least two Availability Zones',
  fix: 'Give the group subnets (VPCZoneIdentifier) in at least two Availability Zones',
  resourceTypes: ['AWS::AutoScaling::AutoScalingGroup'],
  scope: 'app',
  check(r, app) {
    if (r.type !== 'AWS::AutoScaling::AutoScalingGroup') return NOT_APPLICABLE;
    const { VPCZoneIdentifier: subnets, AvailabilityZones: azs } = r.properties;
    if (subnets === undefined) {
      if (isIntrinsic(azs) && 'Fn::GetAZs' in azs) return COMPLIANT;
      if (isIntrinsic(azs)) return unverifiable('AvailabilityZones', azs, 'AvailabilityZones');
      const literal = new Set(asList(azs).map((z) => JSON.stringify(z)));
      return literal.size >= 2 ? COMPLIANT : nonCompliant(`the group uses ${literal.size} Availability Zone${literal.size === 1 ? '' : 's'} (AvailabilityZones)`, 'AvailabilityZones');
    }
    if (isIntrinsic(subnets)) return unverifiable('the group subnets', subnets, 'VPCZoneIdentifier');
    const values = asList(subnets);
    const { zones, unknown } = countZones(r, values, app);
    if (zones >= 2) return COMPLIANT;
    if (unknown.length > 0) return unverifiable('the Availability Zones of the group subnets', unknown[0], 'VPCZoneIdentifier');
    return nonCompliant(`the group's ${values.length} subnet${values.length === 1 ? '' : 's'} span ${zones} Availability Zone${zones === 1 ? '' : 's'}`, 'VPCZoneIdentifier');
  },
});
