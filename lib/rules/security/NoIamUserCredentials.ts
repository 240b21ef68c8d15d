import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, RuleVerdict, unverifiable } from '../rule';
import { byLiteralProperty, referrers, referrersOf, unresolvedIn } from '../utils/references';

function accessKeys(app: AppView) {
  return referrers(app, {
    key: 'access-keys-by-user',
    fromType: 'AWS::IAM::AccessKey',
    targetType: 'AWS::IAM::User',
    path: 'UserName',
    byLiteral: (from, name) => byLiteralProperty(app, 'AWS::IAM::User', 'UserName', from, name),
  });
}

/**
 * Reads: `AWS::IAM::User` and, anywhere in the app, the `AWS::IAM::AccessKey`s whose `UserName` leads to it (a Ref,
 * an import, a nested-stack parameter) or names it.
 * Fails when: the user has a `LoginProfile` (a console password set by the template) or an access key.
 * A user without either passes: the template gives it no credential (a group-managed federation or
 * break-glass placeholder); credentials added later by hand are caught at run time by
 * `IAM_USER_UNUSED_CREDENTIALS_CHECK` and `ACCESS_KEYS_ROTATED`. An access key of the stack whose user is
 * unknown at synth makes an otherwise clean user unverifiable.
 * Fix: give people federated access (IAM Identity Center) and workloads roles.
 */
export const NoIamUserCredentials = defineRule({
  name: 'NoIamUserCredentials',
  description: 'IAM users created by the app get no password or access key from the template',
  fix: 'Remove the LoginProfile and AccessKey: use IAM Identity Center for people and roles for workloads',
  resourceTypes: ['AWS::IAM::User'],
  scope: 'app',
  check(r, app): RuleVerdict {
    if (r.type !== 'AWS::IAM::User') return NOT_APPLICABLE;
    if (r.properties.LoginProfile !== undefined && r.properties.LoginProfile !== null) {
      return nonCompliant('the user has a LoginProfile: the template sets a console password', 'LoginProfile');
    }
    const index = accessKeys(app);
    const keys = referrersOf(r, index);
    if (keys.length > 0) return nonCompliant(`the user has an access key (${keys.map((k) => k.path).join(', ')})`);
    const unknown = unresolvedIn(r.stack, index);
    if (unknown) return unverifiable(`whether access key ${unknown.from.path} belongs to this user`, unknown.value);
    return COMPLIANT;
  },
});
