import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, RuleVerdict, unverifiable } from '../rule';
import { isIntrinsic } from '../../aws';
import { cidrOf, isVpcCidrAttribute, OPEN_CIDRS, portRange, rulesOf } from '../utils/security-groups';

/** SSH and RDP: the ports of interactive sessions. */
const SESSION_PORTS: readonly { readonly port: number; readonly name: string }[] = [{ port: 22, name: 'SSH' }, { port: 3389, name: 'RDP' }];

/**
 * Reads: `AWS::EC2::SecurityGroup` (inline ingress) and `AWS::EC2::SecurityGroupIngress`.
 * Fails when: an ingress rule admits SSH (TCP 22) or RDP (TCP 3389) from the whole internet (0.0.0.0/0 or ::/0),
 * directly or through a port range or all traffic: interactive sessions to the instances are open to anyone, the
 * way updates must not be deployed. An ingress source or port unknown at synth is reported.
 * Fix: deploy through the pipeline; for break-glass access use Systems Manager Session Manager (no inbound port)
 * or admit SSH/RDP only from a known administration network.
 */
export const NoInteractiveSessionIngress = defineRule({
  name: 'NoInteractiveSessionIngress',
  description: 'No security group admits SSH or RDP sessions from the whole internet',
  fix: 'Remove SSH (22) and RDP (3389) ingress from 0.0.0.0/0 and ::/0; use Systems Manager Session Manager for break-glass access, or a known administration CIDR',
  resourceTypes: ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'],
  scope: 'app',
  check(r, app): RuleVerdict {
    if (!this.resourceTypes.includes(r.type)) return NOT_APPLICABLE;
    for (const { rule, location } of rulesOf(r, 'ingress', app)) {
      const cidr = cidrOf(rule);
      if (cidr === undefined || isVpcCidrAttribute(cidr)) continue;
      if (isIntrinsic(cidr)) return unverifiable('the ingress source CIDR', cidr, location);
      if (!OPEN_CIDRS.includes(String(cidr))) continue;
      const protocol = String(rule.IpProtocol ?? '');
      const ports = portRange(rule);
      if (!ports) return unverifiable('the ingress ports', rule.FromPort ?? rule.ToPort, location);
      if (!ports.allProtocols && protocol !== 'tcp' && protocol !== '6') continue;
      const open = SESSION_PORTS.filter((s) => ports.from <= s.port && s.port <= ports.to);
      if (open.length > 0) {
        return nonCompliant(`${open.map((s) => `${s.name} (${s.port})`).join(' and ')} ${open.length === 1 ? 'is' : 'are'} open to ${cidr}${ports.allProtocols ? ' (all traffic)' : ports.from !== ports.to ? ` (ports ${ports.from}-${ports.to})` : ''}: interactive sessions can reach the instances from anywhere`, location);
      }
    }
    return COMPLIANT;
  },
});
