import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, RuleVerdict, unverifiable } from '../rule';
import { asList, isIntrinsic } from '../../aws';
import { hasRestrictingCondition, isWildcardAction, isWildcardValue } from '../utils/iam';
import { statementsOf } from '../utils/policy';

/**
 * Reads: the `KeyPolicy` of `AWS::KMS::Key` (absent: CloudFormation's default, `kms:*` to the account root).
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
    const doc = r.properties.KeyPolicy;
    if (isIntrinsic(doc)) return unverifiable('the key policy', doc, 'KeyPolicy');
    const raw = asList<any>(doc?.Statement);
    for (const s of statementsOf(doc)) {
      if (s.effect !== 'Allow') continue;
      const where = `KeyPolicy/Statement/${s.index}`;
      const notPrincipal = raw[s.index]?.NotPrincipal !== undefined;
      const everyone = notPrincipal || s.principals.some((p) => isWildcardValue(r, p, app) === 'yes');
      const unknown = s.principals.find((p) => isWildcardValue(r, p, app) === 'unknown');
      if (!everyone && unknown === undefined) continue;
      const wildcard = s.notActions.length > 0 ? [`every action but ${s.notActions.join(', ')}`] : s.actions.filter(isWildcardAction);
      if (!everyone) {
        if (wildcard.length > 0 || !hasRestrictingCondition(s)) return unverifiable(`the principal of statement ${s.index}`, unknown, `${where}/Principal`);
        continue;
      }
      const who = notPrincipal ? 'everyone but the NotPrincipal' : "principal '*'";
      if (wildcard.length > 0) return nonCompliant(`statement ${s.index} grants ${wildcard.join(', ')} to ${who}`, where);
      if (!hasRestrictingCondition(s)) return nonCompliant(`statement ${s.index} grants ${s.actions.join(', ')} to ${who} without a restricting condition`, where);
    }
    return COMPLIANT;
  },
});
