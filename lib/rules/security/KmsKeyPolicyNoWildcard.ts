import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, RuleVerdict, unverifiable } from '../rule';
import { describeActions, isWildcardAction, principalIsEveryone, publicGrant } from '../utils/iam';
import { statementsIn } from '../utils/policy-documents';

/**
 * Reads: the `KeyPolicy` of `AWS::KMS::Key` (absent: CloudFormation's default, `kms:*` to the account root), read
 * through the resolver (each `Fn::If` branch).
 * Fails when: an Allow statement grants to everyone (`*`, `{ AWS: '*' }`, or `NotPrincipal`) either `kms:*`/`*`
 * (whatever the condition: key administration for anyone who matches it), or any action without a
 * restricting condition (`kms:CallerAccount`, `aws:PrincipalOrgID`, `aws:SourceArn`...). `kms:*` to the account
 * root (`arn:...:iam::<account>:root`, the CDK default) passes: that delegates to the account's IAM policies.
 * A key policy or principal unknown at synth is unverifiable.
 * Fix: grant to specific principals (`key.grantEncryptDecrypt(role)`), and keep key administration with the account.
 */
export const KmsKeyPolicyNoWildcard = defineRule({
  name: 'KmsKeyPolicyNoWildcard',
  description: 'KMS key policies grant nothing to everyone',
  fix: "Replace Principal '*' with the principals that use the key (key.grant*), or restrict it with kms:CallerAccount / aws:PrincipalOrgID; never grant kms:* to '*'",
  resourceTypes: ['AWS::KMS::Key'],
  scope: 'resource',
  check(r, app): RuleVerdict {
    if (r.type !== 'AWS::KMS::Key') return NOT_APPLICABLE;
    const { statements, unresolved } = statementsIn(r, app);
    if (unresolved) return unverifiable('the key policy', unresolved.unresolved, unresolved.location);
    for (const { s, where } of statements) {
      if (s.effect !== 'Allow') continue;
      const everyone = s.notPrincipals.length > 0 || s.principals.some((p) => principalIsEveryone(p) === 'yes');
      const unknown = s.principals.find((p) => principalIsEveryone(p) === 'unknown');
      const wildcard = s.notActions.length > 0 || s.actions.some(isWildcardAction);
      if (wildcard && (everyone || unknown !== undefined)) {
        const what = s.notActions.length > 0 ? describeActions(s) : s.actions.filter(isWildcardAction).join(', ');
        if (!everyone) return unverifiable(`the principal of statement ${s.index}`, unknown, `${where}/Principal`);
        return nonCompliant(`statement ${s.index} grants ${what} to ${s.notPrincipals.length > 0 ? 'everyone but the NotPrincipal' : "principal '*'"}`, where);
      }
      const grant = publicGrant(s);
      if (grant.kind === 'unknown') return unverifiable(`the principal of statement ${s.index}`, grant.value, `${where}/Principal`);
      if (grant.kind === 'public') return nonCompliant(`statement ${s.index} grants ${describeActions(s)} to ${grant.who} without a restricting condition`, where);
    }
    return COMPLIANT;
  },
});
