import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { asList, ResourceValue } from '../../aws';
import { portRange, readRules, RULE_TYPES, sourceOf } from '../utils/security-groups';

/**
 * Security groups that a service of the app requires to admit all TCP ports from themselves: AWS Glue connections
 * ("a self-referencing inbound rule for all TCP ports", AWS Glue developer guide), by `<stack path>|<logical id>`.
 */
function serviceRequiredSelfRules(app: AppView): ReadonlySet<string> {
  return app.memo('self-all-ports-required', () => {
    const set = new Set<string>();
    for (const c of app.ofType('AWS::Glue::Connection')) {
      const res = app.resolve(c, 'ConnectionInput/PhysicalConnectionRequirements/SecurityGroupIdList');
      if (!res.ok) continue;
      for (const alt of res.values) for (const g of asList(alt.value)) if (g instanceof ResourceValue) set.add(`${g.resource.stack.path}|${g.resource.logicalId}`);
    }
    return set;
  });
}

function requiredByService(group: ResourceView | undefined, app: AppView): boolean {
  return group !== undefined && serviceRequiredSelfRules(app).has(`${group.stack.path}|${group.logicalId}`);
}

/**
 * Reads: `AWS::EC2::SecurityGroup` (inline ingress) and `AWS::EC2::SecurityGroupIngress` (whose group may be in another
 * stack), every value through the resolver (each `Fn::If` branch, imports); `AWS::Glue::Connection` for the groups
 * Glue requires to be open to themselves.
 * Fails when: an ingress rule opens every protocol (-1) or every port (0-65535), whatever its source: a CIDR, a prefix
 * list, another security group, or the group itself (members of the group reach each other on every port, where item
 * 1.16 asks to restrict traffic within the VPC too and to allow only the most restrictive possible settings). A group
 * an AWS Glue connection uses may admit all TCP ports from itself (Glue requires it). Ports or protocol unknown at synth
 * are unverifiable.
 * Fix: open only the protocols and ports the workload listens on (`connections.allowInternally(Port.tcp(5432))`
 * rather than `Port.allTraffic()`).
 */
export const SecurityGroupNoAllPortsRule = defineRule({
  name: 'SecurityGroupNoAllPortsRule',
  description: 'Security group ingress opens only the ports needed, never all ports or protocols, from any source including the group itself',
  fix: 'Narrow the ingress rule to the protocol and port range the workload listens on (for members of one group too: allowInternally(Port.tcp(...)) instead of Port.allTraffic())',
  resourceTypes: RULE_TYPES.ingress,
  scope: 'app',
  check(r, app): RuleVerdict {
    if (!this.resourceTypes.includes(r.type)) return NOT_APPLICABLE;
    const read = readRules(r, 'ingress', app);
    if ('verdict' in read) return read.verdict;
    const { rules } = read;
    for (const sg of rules) {
      const source = sourceOf(sg, 'ingress');
      if (source.kind === 'none') continue;
      const ports = portRange(sg.rule);
      if (!ports) return unverifiable('the ingress port range', sg.rule.IpProtocol === undefined || typeof sg.rule.IpProtocol === 'string' ? sg.rule.FromPort ?? sg.rule.ToPort : sg.rule.IpProtocol, sg.location);
      const all = ports.allProtocols || (ports.from <= 0 && ports.to >= 65535);
      if (!all) continue;
      if (source.kind === 'group' && source.self && !ports.allProtocols && String(sg.rule.IpProtocol) === 'tcp' && requiredByService(sg.group, app)) continue;
      const from = source.kind === 'cidr' ? source.cidr
        : source.kind === 'group' ? (source.self ? 'the group itself (every member to every member)' : `security group ${source.shown}`)
          : source.kind === 'prefix-list' ? `prefix list ${source.shown}`
            : source.kind === 'vpc-cidr' ? `the CIDR block of VPC ${source.vpc.path}` : 'an unknown source';
      return nonCompliant(`ingress from ${from} allows ${ports.allProtocols ? 'every protocol (IpProtocol -1)' : `every ${sg.rule.IpProtocol} port`}`, sg.location);
    }
    return COMPLIANT;
  },
});
