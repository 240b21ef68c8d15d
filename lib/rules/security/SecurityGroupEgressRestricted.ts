import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, RuleVerdict, unverifiable } from '../rule';
import { isDeployTime, isIntrinsic } from '../../aws';
import { rulesOf, sourceOf } from '../utils/security-groups';

const TYPES = ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupEgress'];

/**
 * Reads: `AWS::EC2::SecurityGroup` (inline egress) and `AWS::EC2::SecurityGroupEgress`.
 * Fails when: an egress rule allows all protocols (`-1`) to 0.0.0.0/0 or ::/0, or a group declares no inline
 * egress at all (EC2 then keeps its default allow-all egress rule; standalone egress resources do not remove
 * it). The CDK's `allowAllOutbound: false` placeholder (255.255.255.255/32, icmp 252-86) counts as
 * restricted. A destination CIDR or egress list unknown at synth is unverifiable.
 * Fix: `allowAllOutbound: false` and explicit `connections.allowTo(...)` / `addEgressRule(...)` rules.
 */
export const SecurityGroupEgressRestricted = defineRule({
  name: 'SecurityGroupEgressRestricted',
  description: 'Security groups do not allow all outbound traffic to anywhere',
  fix: 'Create the group with allowAllOutbound: false (allowAllIpv6Outbound: false) and add egress rules for the destinations and ports needed',
  resourceTypes: TYPES,
  scope: 'resource',
  check(r, app): RuleVerdict {
    if (!TYPES.includes(r.type)) return NOT_APPLICABLE;
    if (r.type === 'AWS::EC2::SecurityGroup') {
      const egress = r.properties.SecurityGroupEgress;
      if (isIntrinsic(egress)) return unverifiable('SecurityGroupEgress', egress, 'SecurityGroupEgress');
      if (egress === undefined || (Array.isArray(egress) && egress.length === 0)) {
        return nonCompliant('the group declares no egress rule, so EC2 keeps its default rule allowing all traffic to 0.0.0.0/0', 'SecurityGroupEgress');
      }
    }
    const { rules, unresolved } = rulesOf(r, 'egress', app);
    if (unresolved) return unverifiable('the egress rules', unresolved, unresolved.property);
    for (const { rule, location, group } of rules) {
      const protocol = rule.IpProtocol;
      const destination = sourceOf({ rule, location, group }, 'egress');
      if (destination.kind !== 'cidr' && destination.kind !== 'unknown') continue;
      const allProtocols = String(protocol) === '-1' || protocol === 'all';
      if (!allProtocols && !isDeployTime(protocol)) continue;
      if (destination.kind === 'unknown') return unverifiable('the egress destination CIDR', destination.value, location);
      if (!destination.open) continue;
      if (isDeployTime(protocol)) return unverifiable(`the protocol of egress to ${destination.cidr}`, protocol, location);
      return nonCompliant(`egress to ${destination.cidr} allows all traffic (protocol -1)`, location);
    }
    return COMPLIANT;
  },
});
