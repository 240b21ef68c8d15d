import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { isDeployTime, isIntrinsic } from '../../aws';
import { referrers, referrersOf, unresolvedIn } from '../utils/references';
import { readRules, RULE_TYPES, sourceOf } from '../utils/security-groups';

/** The type whose creation makes a security group outside the template: an EKS cluster's cluster security group. */
const EKS_CLUSTER = 'AWS::EKS::Cluster';
const TYPES = [...RULE_TYPES.egress, EKS_CLUSTER];

/** `AWS::EC2::SecurityGroupEgress` resources by the group they add to (anywhere in the app). */
function standaloneEgress(app: AppView) {
  return referrers(app, { key: 'egress-by-security-group', fromType: 'AWS::EC2::SecurityGroupEgress', targetType: 'AWS::EC2::SecurityGroup', path: 'GroupId' });
}

/** Whether a resource exists whatever the template's conditions (it has no `Condition` attribute). */
function unconditional(r: ResourceView): boolean {
  return r.stack.template.Resources?.[r.logicalId]?.Condition === undefined;
}

/** A group with no inline egress: whether a standalone egress rule replaces EC2's default allow-all rule, or what is unknown. */
function defaultEgressVerdict(r: ResourceView, app: AppView): RuleVerdict | undefined {
  const index = standaloneEgress(app);
  const added = referrersOf(r, index);
  if (added.some(unconditional)) return undefined;
  const unknown = unresolvedIn(r.stack, index);
  if (unknown) return unverifiable(`whether egress rule ${unknown.from.path} adds to this group`, unknown.value, 'SecurityGroupEgress');
  if (added.length > 0) {
    return nonCompliant(`the group declares no egress rule, and its standalone egress rules (${added.map((e) => e.path).join(', ')}) exist only under a condition: without them EC2 keeps its default rule allowing all traffic to 0.0.0.0/0`, 'SecurityGroupEgress');
  }
  return nonCompliant('the group declares no egress rule, so EC2 keeps its default rule allowing all traffic to 0.0.0.0/0', 'SecurityGroupEgress');
}

/**
 * Reads: `AWS::EC2::SecurityGroup` (inline egress) and `AWS::EC2::SecurityGroupEgress` (whose group may be in another
 * stack), every value through the resolver (each `Fn::If` branch, imports).
 * Fails when: an egress rule allows all protocols (`-1`) to 0.0.0.0/0 or ::/0, or a group has no egress rule at all,
 * inline or standalone (EC2 then keeps its default allow-all egress rule). A standalone `AWS::EC2::SecurityGroupEgress`
 * on the group replaces that default rule as an inline one does (which is why aws-cdk-lib drops its placeholder rule
 * when it adds one), unless the standalone rule exists only under a template condition. The CDK's
 * `allowAllOutbound: false` placeholder (255.255.255.255/32, icmp 252-86) counts as restricted. Egress to a VPC's
 * own block, another group or a prefix list is not egress to anywhere. A destination CIDR or egress list unknown at
 * synth, or a standalone rule of the stack whose group is unknown, is unverifiable.
 * Also reads `AWS::EKS::Cluster`: "When you create a cluster, Amazon EKS creates a security group" whose default rules
 * include "Outbound | All | All | 0.0.0.0/0" (Amazon EKS User Guide, "View Amazon EKS security group requirements for
 * clusters"), whatever `SecurityGroupIds` adds. The template cannot change that group's rules ("If your cluster doesn't
 * need the outbound rule to 0.0.0.0/0 ... you can remove it": after creation), so the cluster is a finding to fix that
 * way and acknowledge with how.
 * Fix: `allowAllOutbound: false` and explicit `connections.allowTo(...)` / `addEgressRule(...)` rules.
 */
export const SecurityGroupEgressRestricted = defineRule({
  name: 'SecurityGroupEgressRestricted',
  description: 'Security groups do not allow all outbound traffic to anywhere',
  fix: 'Create the group with allowAllOutbound: false (allowAllIpv6Outbound: false) and add egress rules for the destinations and ports needed',
  resourceTypes: TYPES,
  scope: 'app',
  check(r, app): RuleVerdict {
    if (!TYPES.includes(r.type)) return NOT_APPLICABLE;
    if (r.type === EKS_CLUSTER) {
      return nonCompliant('Amazon EKS creates the cluster security group (eks-cluster-sg-<cluster>-<id>) with a default rule allowing all outbound traffic to 0.0.0.0/0, which the template cannot change: remove the rule from that group after the cluster is created (keeping the minimum rules EKS needs) and acknowledge this finding with how', 'ResourcesVpcConfig');
    }
    if (r.type === 'AWS::EC2::SecurityGroup') {
      const egress = r.properties.SecurityGroupEgress;
      if (isIntrinsic(egress)) return unverifiable('SecurityGroupEgress', egress, 'SecurityGroupEgress');
      if (egress === undefined || (Array.isArray(egress) && egress.length === 0)) {
        const verdict = defaultEgressVerdict(r, app);
        if (verdict) return verdict;
      }
    }
    const read = readRules(r, 'egress', app);
    if ('verdict' in read) return read.verdict;
    const { rules } = read;
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
