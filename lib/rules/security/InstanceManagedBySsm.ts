import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { asList } from '../../aws';
import { actionMatches, managedPolicyRef } from '../utils/iam';
import { launchTemplateOf, roleOfInstanceProfile, templatesUsedByInstances } from '../utils/instances';
import { statementsOf } from '../utils/policy';
import { referrers, referrersOf } from '../utils/references';

const TYPES = ['AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate', 'AWS::AutoScaling::LaunchConfiguration'];

/** `AWS::IAM::Policy` / `ManagedPolicy` resources of the stack by the roles they are attached to (`Roles`). */
function attachedPolicies(app: AppView) {
  const values = (p: ResourceView) => p.properties.Roles;
  return [
    referrers(app, { key: 'policies-by-role', fromType: 'AWS::IAM::Policy', targetType: 'AWS::IAM::Role', values }),
    referrers(app, { key: 'managed-policies-by-role', fromType: 'AWS::IAM::ManagedPolicy', targetType: 'AWS::IAM::Role', values }),
  ];
}

/** Whether the role can register with Systems Manager: the managed policy, or a statement allowing the agent's calls. */
function ssmVerdict(role: ResourceView, app: AppView): RuleVerdict {
  let unresolved: { value: unknown; i: number } | undefined;
  for (const [i, arn] of asList(role.properties.ManagedPolicyArns).entries()) {
    const ref = managedPolicyRef(role, arn);
    if (ref.kind === 'aws' && ref.name === 'AmazonSSMManagedInstanceCore') return COMPLIANT;
    if (ref.kind === 'unresolved') unresolved ??= { value: arn, i };
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

/**
 * Reads: `AWS::EC2::Instance` (`IamInstanceProfile`, else its launch template's), `AWS::EC2::LaunchTemplate`
 * (`LaunchTemplateData.IamInstanceProfile` Arn/Name; templates that only instances of the stack launch from
 * are judged through those instances) and `AWS::AutoScaling::LaunchConfiguration`; then the
 * `AWS::IAM::InstanceProfile`, its role, and the role's managed, inline and attached policies.
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
  scope: 'stack',
  check(r, app): RuleVerdict {
    if (!TYPES.includes(r.type)) return NOT_APPLICABLE;
    let profile: unknown;
    if (r.type === 'AWS::EC2::LaunchTemplate') {
      if (referrersOf(r, templatesUsedByInstances(app)).length > 0) return NOT_APPLICABLE;
      const p = r.properties.LaunchTemplateData?.IamInstanceProfile;
      profile = p?.Arn ?? p?.Name;
    } else {
      profile = r.properties.IamInstanceProfile;
      if (profile === undefined && r.type === 'AWS::EC2::Instance') {
        const lt = launchTemplateOf(r, app);
        if (lt.kind === 'unresolved') return unverifiable('the launch template of the instance', lt.value, 'LaunchTemplate');
        const p = lt.kind === 'found' ? lt.template.properties.LaunchTemplateData?.IamInstanceProfile : undefined;
        profile = p?.Arn ?? p?.Name;
      }
    }
    if (profile === undefined || profile === null || profile === '') return nonCompliant('no instance profile, so the SSM agent cannot register the instance', 'IamInstanceProfile');
    const found = roleOfInstanceProfile(r, profile, app);
    if (found.kind === 'no-role') return nonCompliant(`instance profile ${found.profile.path} has no role`, 'IamInstanceProfile');
    if (found.kind === 'unresolved') {
      if (typeof found.value === 'string') return nonCompliant(`could not verify ${found.what}: '${found.value}'`, 'IamInstanceProfile');
      return unverifiable(found.what, found.value, 'IamInstanceProfile');
    }
    return ssmVerdict(found.role, app);
  },
});
