import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, RuleVerdict, unverifiable } from '../rule';
import { applianceGroups, describePorts, internetFacingLbGroups, openEntriesOf, portRange, readRules, RULE_TYPES, SecurityGroupRule, sourceOf } from '../utils/security-groups';

/**
 * HTTP or HTTPS alone, on a group attached to an internet-facing load balancer or to the solution's own appliances
 * (compute the partner marks `cdk-competency:appliance`: its load balancers, proxies, gateways): the public entrance
 * the item allows.
 */
function isPublicWebEntrance(sg: SecurityGroupRule, app: AppView): boolean {
  const ports = portRange(sg.rule);
  const web = ports !== undefined && !ports.allProtocols && String(sg.rule.IpProtocol) === 'tcp' && ports.from === ports.to && (ports.from === 80 || ports.from === 443);
  if (!web || sg.group === undefined) return false;
  const key = `${sg.group.stack.path}|${sg.group.logicalId}`;
  return internetFacingLbGroups(app).has(key) || applianceGroups(app).has(key);
}

/**
 * Reads: `AWS::EC2::SecurityGroup` (inline ingress) and `AWS::EC2::SecurityGroupIngress` (whose group may be in another
 * stack), every value read through the resolver (each `Fn::If` branch, imports, nested-stack parameters); the
 * customer-managed prefix lists (`AWS::EC2::PrefixList`) rules name; across the app, the internet-facing load balancers
 * each group is attached to, and the compute the partner marks as the solution's appliances (`cdk-competency:appliance`
 * on instances, launch templates, launch configurations and the Auto Scaling groups launching from them).
 * Fails when: an ingress rule admits every address, from a CIDR (0.0.0.0/0, ::/0, any /0) or from a prefix list of the
 * app with such an entry, unless it opens only TCP 80 or 443 on a group attached to an internet-facing load balancer
 * or to the solution's own marked appliances (a partner's software load balancer or proxy is the public entrance then).
 * A VPC's own block (`Fn::GetAtt [Vpc, CidrBlock]`), security groups and managed prefix lists are not open. An ingress
 * CIDR or prefix list unknown at synth is unverifiable.
 * Fix: open ingress only to known CIDRs, prefix lists or security groups.
 */
export const SecurityGroupNoOpenIngress = defineRule({
  name: 'SecurityGroupNoOpenIngress',
  description: 'Security groups admit no traffic from the whole internet, except HTTP/HTTPS to internet-facing load balancers',
  fix: 'Replace 0.0.0.0/0 and ::/0 sources with the CIDRs, prefix lists or security groups that need access; put public HTTP(S) behind an internet-facing load balancer',
  resourceTypes: RULE_TYPES.ingress,
  scope: 'app',
  check(r, app): RuleVerdict {
    if (!this.resourceTypes.includes(r.type)) return NOT_APPLICABLE;
    const read = readRules(r, 'ingress', app);
    if ('verdict' in read) return read.verdict;
    const { rules } = read;
    for (const sg of rules) {
      const source = sourceOf(sg, 'ingress');
      let open: string | undefined;
      if (source.kind === 'unknown') return unverifiable('the ingress source CIDR', source.value, sg.location);
      if (source.kind === 'cidr' && source.open) open = source.cidr;
      if (source.kind === 'prefix-list' && source.list) {
        const entries = openEntriesOf(source.list, app);
        if (!Array.isArray(entries)) return unverifiable(`the entries of prefix list ${source.list.path}`, (entries as { unknown: unknown }).unknown, sg.location);
        if (entries.length > 0) open = `prefix list ${source.list.path} (entry ${entries[0]})`;
      }
      if (open === undefined || isPublicWebEntrance(sg, app)) continue;
      const web = /^tcp (80|443)$/.test(describePorts(sg.rule));
      return nonCompliant(`ingress from ${open} is allowed (${describePorts(sg.rule)})${web ? ' on a group attached to neither an internet-facing load balancer nor an appliance of the solution' : ''}`, sg.location);
    }
    return COMPLIANT;
  },
});
