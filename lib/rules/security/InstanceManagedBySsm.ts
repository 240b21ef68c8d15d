import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { asList, isDeployTime, LaunchSource } from '../../aws';
import { actionMatches, managedPolicyRefs } from '../utils/iam';
import { nodegroupsOf, roleOfInstanceProfile, templatesUsedByInstances } from '../utils/instances';
import { statementsOf } from '../utils/policy';
import { referrers, referrersOf, resolveResource, resourceKey } from '../utils/references';

const TYPES = ['AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate', 'AWS::AutoScaling::LaunchConfiguration'];

/** `AWS::IAM::Policy` / `ManagedPolicy` resources of the stack by the roles they are attached to (`Roles`). */
function attachedPolicies(app: AppView) {
  return [
    referrers(app, { key: 'policies-by-role', fromType: 'AWS::IAM::Policy', targetType: 'AWS::IAM::Role', path: 'Roles' }),
    referrers(app, { key: 'managed-policies-by-role', fromType: 'AWS::IAM::ManagedPolicy', targetType: 'AWS::IAM::Role', path: 'Roles' }),
  ];
}

/** Whether the role can register with Systems Manager: the managed policy, or a statement allowing the agent's calls. */
function ssmVerdict(role: ResourceView, app: AppView): RuleVerdict {
  let unresolved: { value: unknown; i: number } | undefined;
  for (const [i, arn] of asList(role.properties.ManagedPolicyArns).entries()) {
    const refs = managedPolicyRefs(role, arn, app);
    if (refs.every((ref) => ref.kind === 'aws' && ref.name === 'AmazonSSMManagedInstanceCore')) return COMPLIANT;
    const unknown = refs.find((ref) => ref.kind === 'unresolved');
    if (unknown?.kind === 'unresolved') unresolved ??= { value: unknown.value, i };
  }
  const docs = [
    ...asList<any>(role.properties.Policies).map((p) => p?.PolicyDocument),
    ...attachedPolicies(app).flatMap((idx) => referrersOf(role, idx)).map((p) => p.properties.PolicyDocument),
  ];
  const allowed = docs.flatMap((d) => statementsOf(d)).filter((s) => s.effect === 'Allow').flatMap((s) => s.actions)
    .filter((a): a is string => typeof a === 'string');
  const can = (action: string) => allowed.some((a) => actionMatches(a, action));
  if (can('ssm:UpdateInstanceInformation') && (can('ssmmessages:CreateControlChannel') || can('ec2messages:GetMessages'))) return COMPLIANT;
  if (unresolved) return unverifiable(`managed policy ${unresolved.i} of role ${role.path}`, unresolved.value, 'IamInstanceProfile');
  return nonCompliant(`role ${role.path} has neither AmazonSSMManagedInstanceCore nor a policy allowing ssm:UpdateInstanceInformation with ssmmessages:* or ec2messages:*`, 'IamInstanceProfile');
}

/** The verdict on the instance profile a launch setting gives (every `Fn::If` branch must pass). */
function profileVerdict(source: LaunchSource<ResourceView> | undefined, app: AppView): RuleVerdict {
  if (!source) return nonCompliant('no instance profile, so the SSM agent cannot register the instance', 'IamInstanceProfile');
  const res = app.resolve(source.from, source.path);
  if (!res.ok) return unverifiable('the instance profile', res.unresolved, 'IamInstanceProfile');
  for (const { value } of res.values) {
    // A launch template gives { Arn } or { Name }; an instance or launch configuration a name or ARN.
    const isSpec = source.from.type === 'AWS::EC2::LaunchTemplate' && value !== null && typeof value === 'object' && !isDeployTime(value);
    const profile = isSpec ? (value as any).Arn ?? (value as any).Name : value;
    if (profile === undefined || profile === null || profile === '') return nonCompliant('no instance profile, so the SSM agent cannot register the instance', 'IamInstanceProfile');
    const found = roleOfInstanceProfile(source.from, profile, source.path, app);
    if (found.kind === 'no-role') return nonCompliant(`instance profile ${found.profile.path} has no role`, 'IamInstanceProfile');
    if (found.kind === 'unresolved') {
      if (typeof found.value === 'string') return nonCompliant(`could not verify ${found.what}: '${found.value}'`, 'IamInstanceProfile');
      return unverifiable(found.what, found.value, 'IamInstanceProfile');
    }
    const verdict = ssmVerdict(found.role, app);
    if (verdict.status !== 'compliant') return verdict;
  }
  return COMPLIANT;
}

/**
 * A launch template of EKS managed node groups: Amazon EKS gives the nodes an instance profile of the node group's
 * `NodeRole` (the launch template may not name one), so that role is judged.
 */
function nodeRoles(nodegroups: readonly ResourceView[], app: AppView): RuleVerdict {
  for (const ng of nodegroups) {
    const role = resolveResource(ng, ng.properties.NodeRole, app);
    if (role?.type !== 'AWS::IAM::Role') return unverifiable(`the node role of ${ng.path}`, ng.properties.NodeRole, 'IamInstanceProfile');
    const verdict = ssmVerdict(role, app);
    if (verdict.status !== 'compliant') return verdict;
  }
  return COMPLIANT;
}

/**
 * Reads: `AWS::EC2::Instance` (`IamInstanceProfile`, else its launch template's), `AWS::EC2::LaunchTemplate`
 * (`LaunchTemplateData.IamInstanceProfile` Arn/Name; templates that instances of the app launch from are judged
 * through those instances; templates of `AWS::EKS::Nodegroup`s through the node groups' `NodeRole`) and `AWS::AutoScaling::LaunchConfiguration`; then the `AWS::IAM::InstanceProfile`, its
 * role, and the role's managed, inline and attached policies, wherever in the app they are (every `Fn::If` branch).
 * Fails when: there is no instance profile, the profile has no role, or the role has neither
 * `AmazonSSMManagedInstanceCore` nor a statement allowing `ssm:UpdateInstanceInformation` and
 * `ssmmessages:*` / `ec2messages:*`. A profile or role not created in the stack, or a managed policy ARN
 * unknown at synth, is unverifiable.
 * Fix: `ssmSessionPermissions: true` on `ec2.Instance`, or add `AmazonSSMManagedInstanceCore` to the role.
 */
export const InstanceManagedBySsm = defineRule({
  name: 'InstanceManagedBySsm',
  description: 'EC2 instances have an instance profile that lets Systems Manager manage them',
  fix: "Give the instance a role with the AmazonSSMManagedInstanceCore managed policy (ec2.Instance ssmSessionPermissions: true, or role.addManagedPolicy(ManagedPolicy.fromAwsManagedPolicyName('AmazonSSMManagedInstanceCore')))",
  resourceTypes: TYPES,
  scope: 'app',
  check(r, app): RuleVerdict {
    if (!TYPES.includes(r.type)) return NOT_APPLICABLE;
    if (r.type === 'AWS::EC2::LaunchTemplate' && templatesUsedByInstances(app).has(resourceKey(r))) return NOT_APPLICABLE;
    const nodegroups = r.type === 'AWS::EC2::LaunchTemplate' ? nodegroupsOf(r, app) : [];
    if (nodegroups.length > 0) return nodeRoles(nodegroups, app);
    const launches = app.launches(r);
    if (!launches.ok) return unverifiable('the launch template of the instance', launches.unresolved, 'LaunchTemplate');
    for (const launch of launches.launches) {
      const verdict = profileVerdict(launch.settings.get('IamInstanceProfile'), app);
      if (verdict.status !== 'compliant') return verdict;
    }
    return COMPLIANT;
  },
});
