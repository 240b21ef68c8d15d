import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, RuleVerdict } from '../rule';
import { cidrOf, portRange, rulesOf } from '../utils/security-groups';

/**
 * Reads: `AWS::EC2::SecurityGroup` (inline ingress) and `AWS::EC2::SecurityGroupIngress`.
 * Fails when: an ingress rule from a CIDR opens every protocol (-1) or every port (0-65535);
 * or its ports are unknown at synth. Rules whose source is a security group or prefix list are not read.
 * Fix: open only the protocols and ports the workload listens on.
 */
export const SecurityGroupNoAllPortsRule = defineRule({
  name: 'SecurityGroupNoAllPortsRule',
  description: 'Security group ingress from a CIDR opens only the ports needed, never all ports or protocols',
  fix: 'Narrow the ingress rule to the protocol and port range the workload listens on',
  resourceTypes: ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'],
  scope: 'resource',
  check(r, app): RuleVerdict {
    if (!this.resourceTypes.includes(r.type)) return NOT_APPLICABLE;
    for (const { rule, location } of rulesOf(r, 'ingress', app)) {
      if (cidrOf(rule) === undefined) continue;
      const ports = portRange(rule);
      if (!ports) return nonCompliant('could not verify the ingress port range: FromPort/ToPort are not known at synth', location);
      if (ports.allProtocols) return nonCompliant(`ingress from ${JSON.stringify(cidrOf(rule))} allows every protocol (IpProtocol -1)`, location);
      if (ports.from <= 0 && ports.to >= 65535) return nonCompliant(`ingress from ${JSON.stringify(cidrOf(rule))} allows every ${rule.IpProtocol} port`, location);
    }
    return COMPLIANT;
  },
});
