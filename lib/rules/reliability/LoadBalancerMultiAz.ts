import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, unverifiable } from '../rule';
import { countZones } from '../utils/availability-zones';
import { asList, isIntrinsic } from '../../aws';

/**
 * Reads: `AWS::ElasticLoadBalancingV2::LoadBalancer` (`Subnets`, `SubnetMappings[].SubnetId`) and the
 * `AWS::EC2::Subnet`s they reference (same stack or a cross-stack import), compared by `AvailabilityZone`
 * (a literal zone, or `Fn::Select [i, Fn::GetAZs]`) or `AvailabilityZoneId`. Literal subnet ids count as distinct.
 * Fails when: the load balancer spans fewer than two Availability Zones. A subnet list, or a subnet zone,
 * unknown at synth that could make the difference is reported.
 * Fix: give the load balancer subnets in at least two Availability Zones (CDK: a VPC with maxAzs >= 2).
 */
export const LoadBalancerMultiAz = defineRule({
  name: 'LoadBalancerMultiAz',
  description: 'Load balancers span at least two Availability Zones',
  fix: 'Place the load balancer in subnets of at least two Availability Zones (CDK: vpcSubnets over a VPC with maxAzs >= 2)',
  resourceTypes: ['AWS::ElasticLoadBalancingV2::LoadBalancer'],
  scope: 'app',
  check(r, app) {
    if (r.type !== 'AWS::ElasticLoadBalancingV2::LoadBalancer') return NOT_APPLICABLE;
    const { Subnets: subnets, SubnetMappings: mappings } = r.properties;
    if (isIntrinsic(subnets)) return unverifiable('the load balancer subnets', subnets, 'Subnets');
    if (isIntrinsic(mappings)) return unverifiable('the load balancer subnet mappings', mappings, 'SubnetMappings');
    const values = [...asList(subnets), ...asList<any>(mappings).map((m) => m?.SubnetId)];
    const location = subnets !== undefined ? 'Subnets' : 'SubnetMappings';
    const { zones, unknown } = countZones(r, values, app);
    if (zones >= 2) return COMPLIANT;
    if (unknown.length > 0) return unverifiable('the Availability Zones of the load balancer subnets', unknown[0], location);
    return nonCompliant(`the load balancer spans ${zones} Availability Zone${zones === 1 ? '' : 's'} (${values.length} subnet${values.length === 1 ? '' : 's'})`, location);
  },
});
