import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, RuleVerdict, unverifiable } from '../rule';
import { openEntriesOf, portRange, readRules, RULE_TYPES, sourceOf } from '../utils/security-groups';

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
  resourceTypes: RULE_TYPES.ingress,
  scope: 'app',
  check(r, app): RuleVerdict {
    if (!this.resourceTypes.includes(r.type)) return NOT_APPLICABLE;
    const read = readRules(r, 'ingress', app);
    if ('verdict' in read) return read.verdict;
    const { rules } = read;
    for (const sg of rules) {
      const { rule, location } = sg;
      const source = sourceOf(sg, 'ingress');
      if (source.kind === 'unknown') return unverifiable('the ingress source CIDR', source.value, location);
      let open: string | undefined;
      if (source.kind === 'cidr' && source.open) open = source.cidr;
      if (source.kind === 'prefix-list' && source.list) {
        const entries = openEntriesOf(source.list, app);
        if (!Array.isArray(entries)) return unverifiable(`the entries of prefix list ${source.list.path}`, (entries as { unknown: unknown }).unknown, location);
        if (entries.length > 0) open = `prefix list ${source.list.path} (entry ${entries[0]})`;
      }
      if (open === undefined) continue;
      const protocol = String(rule.IpProtocol ?? '');
      const ports = portRange(rule);
      if (!ports) return unverifiable('the ingress ports', rule.FromPort ?? rule.ToPort, location);
      if (!ports.allProtocols && protocol !== 'tcp' && protocol !== '6') continue;
      const reached = SESSION_PORTS.filter((x) => ports.from <= x.port && x.port <= ports.to);
      if (reached.length > 0) {
        return nonCompliant(`${reached.map((x) => `${x.name} (${x.port})`).join(' and ')} ${reached.length === 1 ? 'is' : 'are'} open to ${open}${ports.allProtocols ? ' (all traffic)' : ports.from !== ports.to ? ` (ports ${ports.from}-${ports.to})` : ''}: interactive sessions can reach the instances from anywhere`, location);
      }
    }
    return COMPLIANT;
  },
});
