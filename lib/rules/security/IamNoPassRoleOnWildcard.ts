import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, RuleVerdict, unverifiable } from '../rule';
import { Text } from '../../aws';
import { actionMatches, IDENTITY_POLICY_TYPES, resourceBreadth } from '../utils/iam';
import { statementsIn } from '../utils/policy-documents';

/** Any role of an account (`arn:aws:iam::123456789012:role/*`, the account often `${AWS::AccountId}`). */
function anyRole(v: unknown): string | undefined {
  const text = typeof v === 'string' ? v : v instanceof Text ? v.render() : undefined;
  return text !== undefined && /:role\/\*$/.test(text) ? text : undefined;
}

/**
 * Reads: identity policies (`AWS::IAM::Policy`, `ManagedPolicy`, `RolePolicy`/`UserPolicy`/`GroupPolicy`, the
 * inline `Policies` of roles, users and groups), every value read through the resolver (each `Fn::If` branch).
 * Fails when: an Allow statement lets the principal pass any role (`iam:PassRole`, `iam:Pass*`, `iam:*` or `*`,
 * or a `NotAction` that does not exclude it) on every resource (`*`, `arn:aws:iam::*:*`...) or every role of an account (`arn:...:role/*`): that is privilege
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
    const { statements, unresolved } = statementsIn(r, app, ['identity']);
    if (unresolved) return unverifiable('the policy document', unresolved.unresolved, unresolved.location);
    for (const { s, where } of statements) {
      if (s.effect !== 'Allow') continue;
      const passes = s.notActions.length > 0
        ? !s.notActions.some((a) => typeof a === 'string' && actionMatches(a, 'iam:PassRole'))
        : s.actions.some((a) => typeof a === 'string' && actionMatches(a, 'iam:PassRole'));
      if (!passes) continue;
      const breadths = s.resources.map((v) => ({ v, b: resourceBreadth(v) }));
      const broad = breadths.find(({ b }) => b.kind === 'all');
      const role = s.resources.map(anyRole).find((t) => t !== undefined);
      if (broad || role) {
        const how = s.notActions.length > 0 ? 'NotAction without iam:PassRole' : s.actions.filter((a) => typeof a === 'string' && actionMatches(a, 'iam:PassRole')).join(', ');
        return nonCompliant(`statement ${s.index} allows iam:PassRole (${how}) on ${broad?.b.kind === 'all' ? broad.b.shown : `'${role}'`}`, where);
      }
      const unknown = breadths.find(({ b }) => b.kind === 'unknown');
      if (unknown?.b.kind === 'unknown') return unverifiable(`the roles statement ${s.index} may pass`, unknown.b.value, where);
    }
    return COMPLIANT;
  },
});
