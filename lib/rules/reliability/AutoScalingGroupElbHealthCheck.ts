import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, unverifiable } from '../rule';
import { asList, isIntrinsic, literalString } from '../../aws';

/**
 * Reads: `AWS::AutoScaling::AutoScalingGroup` (`TargetGroupARNs`, `LoadBalancerNames`, `HealthCheckType`).
 * Fails when: the group is attached to a target group or Classic Load Balancer and its `HealthCheckType`
 * (a comma-separated list) does not include `ELB`, so instances the load balancer finds unhealthy are not
 * replaced. A group without a load balancer is not applicable; an unknown attachment list or health check
 * type is reported.
 * Fix: `healthChecks: HealthChecks.withAdditionalChecks({ additionalTypes: [AdditionalHealthCheckType.ELB], gracePeriod })`.
 */
export const AutoScalingGroupElbHealthCheck = defineRule({
  name: 'AutoScalingGroupElbHealthCheck',
  description: 'Auto Scaling groups behind a load balancer use the load balancer health check',
  fix: "Set HealthCheckType to 'ELB' (CDK: healthChecks: HealthChecks.withAdditionalChecks({ additionalTypes: [AdditionalHealthCheckType.ELB] }))",
  resourceTypes: ['AWS::AutoScaling::AutoScalingGroup'],
  scope: 'resource',
  check(r) {
    if (r.type !== 'AWS::AutoScaling::AutoScalingGroup') return NOT_APPLICABLE;
    const tgs = r.properties.TargetGroupARNs;
    const clbs = r.properties.LoadBalancerNames;
    const unknownAttachment = isIntrinsic(tgs) || isIntrinsic(clbs);
    if (!unknownAttachment && asList(tgs).length + asList(clbs).length === 0) return NOT_APPLICABLE;
    const type = r.properties.HealthCheckType;
    if (isIntrinsic(type)) return unverifiable('HealthCheckType', type, 'HealthCheckType');
    const types = (literalString(type) ?? 'EC2').split(',').map((t) => t.trim().toUpperCase());
    if (types.includes('ELB')) return COMPLIANT;
    if (unknownAttachment) return unverifiable('whether the group is attached to a load balancer', isIntrinsic(tgs) ? tgs : clbs, isIntrinsic(tgs) ? 'TargetGroupARNs' : 'LoadBalancerNames');
    return nonCompliant(`the group is attached to a load balancer but its health check type is ${literalString(type) ?? 'EC2 (the default)'}`, 'HealthCheckType');
  },
});
