import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, RuleVerdict, unverifiable } from '../rule';
import { isIntrinsic } from '../../aws';
import { cidrOf, internetFacingLbGroups, isVpcCidrAttribute, OPEN_CIDRS, portRange, rulesOf } from '../utils/security-groups';

/**
 * Reads: `AWS::EC2::SecurityGroup` (inline ingress) and `AWS::EC2::SecurityGroupIngress`; across the app,
 * the load balancers each group is attached to.
 * Fails when: an ingress rule opens 0.0.0.0/0 or ::/0, unless it opens only TCP 80 or 443 on a group
 * attached to an internet-facing load balancer. An ingress CIDR unknown at synth is reported.
 * Fix: open ingress only to known CIDRs, prefix lists or security groups.
 */
export const SecurityGroupNoOpenIngress = defineRule({
  name: 'SecurityGroupNoOpenIngress',
  description: 'Security groups admit no traffic from the whole internet, except HTTP/HTTPS to internet-facing load balancers',
  fix: 'Replace 0.0.0.0/0 and ::/0 sources with the CIDRs, prefix lists or security groups that need access; put public HTTP(S) behind an internet-facing load balancer',
  resourceTypes: ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'],
  scope: 'app',
  check(r, app): RuleVerdict {
    if (!this.resourceTypes.includes(r.type)) return NOT_APPLICABLE;
    for (const { rule, location, group } of rulesOf(r, 'ingress', app)) {
      const cidr = cidrOf(rule);
      if (cidr === undefined || isVpcCidrAttribute(cidr)) continue;
      if (isIntrinsic(cidr)) return unverifiable('the ingress source CIDR', cidr, location);
      if (!OPEN_CIDRS.includes(String(cidr))) continue;
      const ports = portRange(rule);
      const web = ports && !ports.allProtocols && String(rule.IpProtocol) === 'tcp' && ports.from === ports.to && (ports.from === 80 || ports.from === 443);
      const onPublicLb = group !== undefined && internetFacingLbGroups(app).has(`${group.stack.path}|${group.logicalId}`);
      if (web && onPublicLb) continue;
      const what = ports ? (ports.allProtocols ? 'all traffic' : `${rule.IpProtocol} ${ports.from === ports.to ? ports.from : `${ports.from}-${ports.to}`}`) : 'ports unknown at synth';
      return nonCompliant(`ingress from ${cidr} is allowed (${what})${web ? ' on a group not attached to an internet-facing load balancer' : ''}`, location);
    }
    return COMPLIANT;
  },
});
