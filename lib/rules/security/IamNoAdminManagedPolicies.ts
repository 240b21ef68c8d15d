import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, RuleVerdict, unverifiable } from '../rule';
import { asList, isIntrinsic } from '../../aws';
import { managedPolicyRefs } from '../utils/iam';

const TYPES = ['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'];

/** AdministratorAccess (and its variants such as AdministratorAccess-Amplify), PowerUserAccess, and every *FullAccess policy. */
function isAdmin(name: string): boolean {
  return name.startsWith('AdministratorAccess') || name === 'PowerUserAccess' || /FullAccess$/.test(name);
}

/**
 * Reads: the `ManagedPolicyArns` of `AWS::IAM::Role`, `User` and `Group`. ARNs are usually a `Fn::Join` or
 * `Fn::Sub` of the partition and a literal tail (`:iam::aws:policy/AdministratorAccess`): the tail is read.
 * Fails when: an attached AWS managed policy is AdministratorAccess (or a variant), PowerUserAccess or any
 * `*FullAccess` policy, or an ARN is unknown at synth (a parameter, an import). Customer managed policies
 * (of the stack, or another account's ARN) pass here: `IamNoWildcardPermissions` reads their statements.
 * Fix: attach job-scoped managed policies, or write a customer managed policy with the actions needed.
 */
export const IamNoAdminManagedPolicies = defineRule({
  name: 'IamNoAdminManagedPolicies',
  description: 'No role, user or group has AdministratorAccess, PowerUserAccess or a *FullAccess AWS managed policy',
  fix: 'Replace the broad AWS managed policy with the specific permissions needed (grant* methods, or a scoped customer managed policy)',
  resourceTypes: TYPES,
  scope: 'resource',
  check(r, app): RuleVerdict {
    if (!TYPES.includes(r.type)) return NOT_APPLICABLE;
    const arns = r.properties.ManagedPolicyArns;
    if (isIntrinsic(arns)) return unverifiable('ManagedPolicyArns', arns, 'ManagedPolicyArns');
    for (const [i, arn] of asList(arns).entries()) {
      // Every Fn::If branch must comply.
      const refs = managedPolicyRefs(r, arn, app);
      for (const ref of refs) {
        if (ref.kind === 'aws' && isAdmin(ref.name)) return nonCompliant(`the AWS managed policy ${ref.name} is attached`, `ManagedPolicyArns/${i}`);
      }
      const unknown = refs.find((ref) => ref.kind === 'unresolved');
      if (unknown?.kind === 'unresolved') return unverifiable(`managed policy ARN ${i}`, unknown.value, `ManagedPolicyArns/${i}`);
    }
    return COMPLIANT;
  },
});
