import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, RuleVerdict, unverifiable } from '../rule';
import { IDENTITY_POLICY_TYPES, isWildcardAction, narrowsResources, RESOURCE_POLICY_TYPES, resourceBreadth, supportsResourceScoping } from '../utils/iam';
import { statementsIn } from '../utils/policy-documents';

const TYPES = [...IDENTITY_POLICY_TYPES, ...RESOURCE_POLICY_TYPES];

/**
 * Reads: identity policies (`AWS::IAM::Policy`, `ManagedPolicy`, `RolePolicy`/`UserPolicy`/`GroupPolicy`, the
 * inline `Policies` of roles, users and groups) and resource policies of buckets, topics and queues (KMS key
 * policies are `KmsKeyPolicyNoWildcard`'s), every value read through the resolver (each `Fn::If` branch, imports,
 * nested-stack parameters).
 * Fails when: an Allow statement grants `*` or `<service>:*`, or uses `NotAction` (everything but a few actions), on
 * every resource: `*`, an ARN whose resource is `*` (every resource of a service), every resource of a type in every
 * account (`arn:${AWS::Partition}:dynamodb:*:*:table/*`), or every bucket or object (`arn:aws:s3:::*`,
 * `arn:aws:s3:::*\/*`), in any partition; or it grants named actions that support resource-level permissions on
 * such an ARN pattern (`s3:GetObject` on `arn:aws:s3:::*\/*`, `logs:PutLogEvents` on `arn:aws:logs:*:*:*`) without a
 * condition that narrows the resources (`aws:ResourceTag/...`, `aws:ResourceAccount`...). Named actions on `*` pass:
 * actions without resource-level permissions (`ec2:DescribeInstances`, `s3:ListAllMyBuckets`) take only `*`. A document,
 * action or resource unknown at synth that could make the statement a wildcard grant is reported as unverifiable.
 * Fix: list the actions the workload calls, on the ARNs it touches (CDK `grant*` methods do this).
 */
export const IamNoWildcardPermissions = defineRule({
  name: 'IamNoWildcardPermissions',
  description: 'IAM and resource policies grant no wildcard actions on all resources, and no action on every resource of a type in every account',
  fix: "Replace '*' and 'service:*' actions on Resource '*' (or on every resource of a service, such as arn:aws:s3:::*) with the specific actions needed, and ARN patterns such as arn:aws:s3:::*/* with the ARNs of the resources used (use the CDK grant* methods)",
  resourceTypes: TYPES,
  scope: 'resource',
  check(r, app): RuleVerdict {
    if (!TYPES.includes(r.type)) return NOT_APPLICABLE;
    const { statements, unresolved } = statementsIn(r, app, ['identity', 'resource']);
    if (unresolved) return unverifiable('the policy document', unresolved.unresolved, unresolved.location);
    for (const { s, where } of statements) {
      if (s.effect !== 'Allow') continue;
      const breadths = s.resources.map(resourceBreadth);
      const all = breadths.find((b) => b.kind === 'all');
      const unknown = breadths.find((b) => b.kind === 'unknown');
      if (!all && !unknown) continue;
      const on = all?.kind === 'all' ? `on Resource ${all.shown}` : '';
      if (s.notActions.length > 0) {
        if (!all && unknown?.kind === 'unknown') return unverifiable('the resource of a NotAction statement', unknown.value, where);
        return nonCompliant(`statement ${s.index} allows every action except ${s.notActions.map(String).join(', ')} (NotAction) ${on}`, where);
      }
      const wildcard = s.actions.filter(isWildcardAction);
      const unknownAction = s.actions.find((a) => typeof a !== 'string');
      if (wildcard.length === 0 && unknownAction === undefined) {
        // Named actions on an ARN pattern that reaches every resource of its type in every account; '*' itself is what
        // actions without resource-level permissions take.
        const pattern = s.resources.map((v, i) => ({ v, b: breadths[i] })).find(({ v, b }) => b.kind === 'all' && v !== '*');
        const scopable = s.actions.filter((a): a is string => typeof a === 'string' && supportsResourceScoping(a));
        if (pattern?.b.kind === 'all' && scopable.length > 0 && !narrowsResources(s)) {
          return nonCompliant(`statement ${s.index} allows ${scopable.map((a) => `'${a}'`).join(', ')} on ${pattern.b.shown}, every such resource of every account, where the actions can name the resources the workload uses`, where);
        }
        continue;
      }
      if (!all && unknown?.kind === 'unknown') return unverifiable(`the resource of statement ${s.index}`, unknown.value, where);
      if (wildcard.length === 0) return unverifiable(`the actions of statement ${s.index}`, unknownAction, where);
      return nonCompliant(`statement ${s.index} allows ${wildcard.map((a) => `'${a}'`).join(', ')} ${on}`, where);
    }
    return COMPLIANT;
  },
});
