import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, RuleVerdict, unverifiable } from '../rule';
import { isIntrinsic } from '../../aws';
import { cidrOf, OPEN_CIDRS, rulesOf } from '../utils/security-groups';

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
    for (const { rule, location } of rulesOf(r, 'egress', app)) {
      const protocol = rule.IpProtocol;
      const cidr = cidrOf(rule);
      if (cidr === undefined) continue;
      const allProtocols = String(protocol) === '-1' || protocol === 'all';
      if (!allProtocols && !isIntrinsic(protocol)) continue;
      if (isIntrinsic(cidr)) return unverifiable('the egress destination CIDR', cidr, location);
      if (!OPEN_CIDRS.includes(String(cidr))) continue;
      if (isIntrinsic(protocol)) return unverifiable(`the protocol of egress to ${cidr}`, protocol, location);
      return nonCompliant(`egress to ${cidr} allows all traffic (protocol -1)`, location);
    }
    return COMPLIANT;
  },
});
