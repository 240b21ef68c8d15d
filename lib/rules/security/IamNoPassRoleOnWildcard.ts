import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, RuleVerdict, unverifiable } from '../rule';
import { isIntrinsic } from '../../aws';
import { actionMatches, IDENTITY_POLICY_TYPES, isWildcardValue, policyDocumentsOf } from '../utils/iam';
import { statementsOf } from '../utils/policy';

/** `*`, or any role of an account (`arn:aws:iam::123456789012:role/*`). */
function anyRole(v: unknown): boolean {
  return typeof v === 'string' && /:role\/\*$/.test(v);
}

/**
 * Reads: identity policies (`AWS::IAM::Policy`, `ManagedPolicy`, `RolePolicy`/`UserPolicy`/`GroupPolicy`, the
 * inline `Policies` of roles, users and groups).
 * Fails when: an Allow statement lets the principal pass any role (`iam:PassRole`, `iam:Pass*`, `iam:*` or `*`,
 * or a `NotAction` that does not exclude it) on `Resource: '*'` or `arn:...:role/*`: that is privilege
 * escalation to the most powerful role of the account. An `iam:PassedToService` condition narrows the service,
 * not the role, so it does not make the statement pass. A resource unknown at synth is unverifiable.
 * Fix: pass only the specific role ARNs (CDK: `role.grantPassRole(principal)`).
 */
export const IamNoPassRoleOnWildcard = defineRule({
  name: 'IamNoPassRoleOnWildcard',
  description: 'No identity policy allows iam:PassRole on every role',
  fix: 'Scope iam:PassRole to the ARNs of the roles that must be passed (role.grantPassRole(grantee))',
  resourceTypes: IDENTITY_POLICY_TYPES,
  scope: 'resource',
  check(r, app): RuleVerdict {
    if (!IDENTITY_POLICY_TYPES.includes(r.type)) return NOT_APPLICABLE;
    for (const { doc, location } of policyDocumentsOf(r)) {
      if (isIntrinsic(doc)) return unverifiable('the policy document', doc, location);
      for (const s of statementsOf(doc)) {
        if (s.effect !== 'Allow') continue;
        const where = `${location}/Statement/${s.index}`;
        const passes = s.notActions.length > 0
          ? !s.notActions.some((a) => typeof a === 'string' && actionMatches(a, 'iam:PassRole'))
          : s.actions.some((a) => typeof a === 'string' && actionMatches(a, 'iam:PassRole'));
        if (!passes) continue;
        const broad = s.resources.find((v) => isWildcardValue(r, v, app) === 'yes' || anyRole(v));
        if (broad !== undefined) {
          const how = s.notActions.length > 0 ? 'NotAction without iam:PassRole' : s.actions.filter((a) => typeof a === 'string' && actionMatches(a, 'iam:PassRole')).join(', ');
          return nonCompliant(`statement ${s.index} allows iam:PassRole (${how}) on '${broad}'`, where);
        }
        const unknown = s.resources.find((v) => isWildcardValue(r, v, app) === 'unknown');
        if (unknown !== undefined) return unverifiable(`the roles statement ${s.index} may pass`, unknown, where);
      }
    }
    return COMPLIANT;
  },
});
