import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, RuleVerdict, unverifiable } from '../rule';
import { asList, familyNetworking, instanceTypeNetworking, InstanceTypeNetworking, isIntrinsic, parseFamily } from '../../aws';
import { applianceReason } from '../utils/appliances';

/**
 * Reads: `AWS::EC2::Instance` (`InstanceType`, m1.small when omitted without a launch template),
 * `AWS::EC2::LaunchTemplate` (`LaunchTemplateData.InstanceType`, or the `AllowedInstanceTypes` of
 * attribute-based `InstanceRequirements`), `AWS::AutoScaling::LaunchConfiguration` (`InstanceType`) and
 * `AWS::AutoScaling::AutoScalingGroup` (`MixedInstancesPolicy` overrides), of network appliances only (see
 * `utils/appliances.ts`: compute tagged `cdk-competency:appliance`, an instance with source/destination check off,
 * a group in a Gateway Load Balancer target group): the items ask the partner's solution for enhanced
 * networking, and other compute (an ECS cluster's capacity, a Windows fleet) is not applicable.
 * The checklist asks for "enhanced networking with the ixgbevf driver and elastic network adapter (ENA) driver": a
 * product that supports both drivers runs on ENA families (every Nitro type) and on the Intel 82599 VF families
 * (C3, C4, D2, I2, M4, R3, which use ixgbevf), so either adapter passes; that the product's image carries both
 * drivers is attested.
 * Fails when: a type has no enhanced networking (T2, M1-M3, the default m1.small, ...), its family is not in the table
 * of `lib/aws/instance-types.ts` (unknown is reported, never assumed), it is unknown at synth, or attribute-based
 * selection does not restrict the types to families with enhanced networking.
 * Fix: use an instance type with enhanced networking (a Nitro type such as c6in, c7gn or m7i, which use ENA) and list
 * attribute-based types explicitly.
 */
export const EnaInstanceType = defineRule({
  name: 'EnaInstanceType',
  description: 'Instances use an instance type with enhanced networking (the Elastic Network Adapter, ENA, or the Intel 82599 VF interface, ixgbevf)',
  fix: 'Choose an instance type with enhanced networking, e.g. a Nitro type (c6in, c7gn, m7i, r7i: ENA); with attribute-based selection, set AllowedInstanceTypes to such families',
  resourceTypes: ['AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate', 'AWS::AutoScaling::LaunchConfiguration', 'AWS::AutoScaling::AutoScalingGroup'],
  scope: 'app',
  check(r, app): RuleVerdict {
    if (!this.resourceTypes.includes(r.type) || !applianceReason(r, app)) return NOT_APPLICABLE;
    const p = r.properties;
    switch (r.type) {
      case 'AWS::EC2::Instance':
        if (p.InstanceType === undefined) {
          return p.LaunchTemplate ? NOT_APPLICABLE : nonCompliant('no InstanceType is set, so EC2 launches the default m1.small, which has no enhanced networking', 'InstanceType');
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

/** Enhanced networking: ENA or the Intel 82599 VF interface (ixgbevf). */
function enhanced(n: InstanceTypeNetworking): boolean {
  return n.ena || n.intel82599Vf;
}

function checkType(value: unknown, location: string): RuleVerdict {
  if (typeof value !== 'string') return unverifiable('the instance type', value, location);
  const n = instanceTypeNetworking(value);
  if (!n) return nonCompliant(`could not verify enhanced networking of instance type ${value}: its family is not in the instance-type table (lib/aws/instance-types.ts)`, location);
  if (enhanced(n)) return COMPLIANT;
  return nonCompliant(`instance type ${value} has no enhanced networking: neither ENA nor the Intel 82599 VF interface (ixgbevf)`, location);
}

/** Attribute-based selection: only explicit `AllowedInstanceTypes` of families with enhanced networking can be verified. */
function checkRequirements(req: any, prefix = 'LaunchTemplateData'): RuleVerdict {
  const location = `${prefix}/InstanceRequirements/AllowedInstanceTypes`;
  if (isIntrinsic(req) || isIntrinsic(req?.AllowedInstanceTypes)) return unverifiable('the allowed instance types', isIntrinsic(req) ? req : req.AllowedInstanceTypes, location);
  const allowed = asList<unknown>(req?.AllowedInstanceTypes);
  if (allowed.length === 0) {
    return nonCompliant('attribute-based instance selection (InstanceRequirements) can pick any type, including types without enhanced networking: list AllowedInstanceTypes', location);
  }
  for (const t of allowed) {
    if (typeof t !== 'string') return unverifiable('an allowed instance type', t, location);
    const family = /^[a-z0-9-]+(\.\*|\*)$/.test(t) ? parseFamily(t)?.family : undefined;
    const n = /^[a-z0-9-]+\.[a-z0-9-]+$/.test(t) ? instanceTypeNetworking(t) : family !== undefined ? familyNetworking(family) : undefined;
    if (!n) return nonCompliant(`could not verify enhanced networking of allowed instance type pattern ${t}: name families exactly (e.g. c6in.*)`, location);
    if (!enhanced(n)) return nonCompliant(`allowed instance type ${t} has no enhanced networking: neither ENA nor the Intel 82599 VF interface (ixgbevf)`, location);
  }
  return COMPLIANT;
}
