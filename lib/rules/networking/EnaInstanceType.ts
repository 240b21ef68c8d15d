import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, RuleVerdict, unverifiable } from '../rule';
import { asList, familySupportsEna, isIntrinsic, supportsEna } from '../../aws';
import { applianceReason } from '../utils/appliances';

/**
 * Reads: `AWS::EC2::Instance` (`InstanceType`, m1.small when omitted without a launch template),
 * `AWS::EC2::LaunchTemplate` (`LaunchTemplateData.InstanceType`, or the `AllowedInstanceTypes` of
 * attribute-based `InstanceRequirements`), `AWS::AutoScaling::LaunchConfiguration` (`InstanceType`) and
 * `AWS::AutoScaling::AutoScalingGroup` (`MixedInstancesPolicy` overrides), of network appliances only (see
 * `utils/appliances.ts`: compute tagged `cdk-competency:appliance`, an instance with source/destination check off,
 * a group in a Gateway Load Balancer target group): the items ask the partner's solution for enhanced
 * networking, and other compute (an ECS cluster's capacity, a Windows fleet) is not applicable.
 * Fails when: a type has no ENA (t2, m4 but m4.16xlarge, c4, ...), its family is not in the table of
 * `lib/aws/instance-types.ts` (unknown is reported, never assumed), it is unknown at synth, or attribute-based
 * selection does not restrict the types to ENA families.
 * Fix: use a Nitro instance type (e.g. c6in, c7gn, m7i) and list attribute-based types explicitly.
 */
export const EnaInstanceType = defineRule({
  name: 'EnaInstanceType',
  description: 'Instances use an instance type with enhanced networking through the Elastic Network Adapter (ENA)',
  fix: 'Choose a Nitro instance type (for example c6in, c7gn, m7i or r7i); with attribute-based selection, set AllowedInstanceTypes to ENA families',
  resourceTypes: ['AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate', 'AWS::AutoScaling::LaunchConfiguration', 'AWS::AutoScaling::AutoScalingGroup'],
  scope: 'app',
  check(r, app): RuleVerdict {
    if (!this.resourceTypes.includes(r.type) || !applianceReason(r, app)) return NOT_APPLICABLE;
    const p = r.properties;
    switch (r.type) {
      case 'AWS::EC2::Instance':
        if (p.InstanceType === undefined) {
          return p.LaunchTemplate ? NOT_APPLICABLE : nonCompliant('no InstanceType is set, so EC2 launches the default m1.small, which has no ENA', 'InstanceType');
        }
        return checkType(p.InstanceType, 'InstanceType');
      case 'AWS::AutoScaling::LaunchConfiguration':
        return checkType(p.InstanceType, 'InstanceType');
      case 'AWS::EC2::LaunchTemplate': {
        const data = p.LaunchTemplateData ?? {};
        if (data.InstanceType !== undefined) return checkType(data.InstanceType, 'LaunchTemplateData/InstanceType');
        if (data.InstanceRequirements !== undefined) return checkRequirements(data.InstanceRequirements);
        return NOT_APPLICABLE; // the type is chosen where the template is launched (an ASG override, RunInstances)
      }
      case 'AWS::AutoScaling::AutoScalingGroup': {
        const overrides = asList<any>(p.MixedInstancesPolicy?.LaunchTemplate?.Overrides);
        const typed = overrides.map((o, i) => ({ o, i })).filter(({ o }) => o?.InstanceType !== undefined || o?.InstanceRequirements !== undefined);
        if (typed.length === 0) return NOT_APPLICABLE;
        for (const { o, i } of typed) {
          const at = `MixedInstancesPolicy/LaunchTemplate/Overrides/${i}`;
          const v = o.InstanceType !== undefined ? checkType(o.InstanceType, `${at}/InstanceType`) : checkRequirements(o.InstanceRequirements, at);
          if (v.status === 'non-compliant') return v;
        }
        return COMPLIANT;
      }
      default:
        return NOT_APPLICABLE;
    }
  },
});

function checkType(value: unknown, location: string): RuleVerdict {
  if (typeof value !== 'string') return unverifiable('the instance type', value, location);
  const ena = supportsEna(value);
  if (ena === true) return COMPLIANT;
  if (ena === false) return nonCompliant(`instance type ${value} has no ENA (Elastic Network Adapter)`, location);
  return nonCompliant(`could not verify ENA support of instance type ${value}: its family is not in the ENA table (lib/aws/instance-types.ts)`, location);
}

/** Attribute-based selection: only explicit `AllowedInstanceTypes` of ENA families can be verified. */
function checkRequirements(req: any, prefix = 'LaunchTemplateData'): RuleVerdict {
  const location = `${prefix}/InstanceRequirements/AllowedInstanceTypes`;
  if (isIntrinsic(req) || isIntrinsic(req?.AllowedInstanceTypes)) return unverifiable('the allowed instance types', isIntrinsic(req) ? req : req.AllowedInstanceTypes, location);
  const allowed = asList<unknown>(req?.AllowedInstanceTypes);
  if (allowed.length === 0) {
    return nonCompliant('attribute-based instance selection (InstanceRequirements) can pick any type, including types without ENA: list AllowedInstanceTypes', location);
  }
  for (const t of allowed) {
    if (typeof t !== 'string') return unverifiable('an allowed instance type', t, location);
    const ena = /^[a-z0-9-]+\.[a-z0-9-]+$/.test(t) ? supportsEna(t) : /^[a-z0-9-]+(\.\*|\*)$/.test(t) ? familySupportsEna(t) : undefined;
    if (ena === false) return nonCompliant(`allowed instance type ${t} has no ENA (Elastic Network Adapter)`, location);
    if (ena === undefined) return nonCompliant(`could not verify ENA support of allowed instance type pattern ${t}: name families exactly (e.g. c6in.*)`, location);
  }
  return COMPLIANT;
}
