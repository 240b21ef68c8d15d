import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, RuleVerdict, unverifiable } from '../rule';
import { asList, isIntrinsic } from '../../aws';
import { hasRestrictingCondition, isWildcardValue } from '../utils/iam';
import { statementsOf } from '../utils/policy';

/**
 * Reads: `AWS::S3::BucketPolicy`.
 * Fails when: an Allow statement names everyone as principal (`*`, `{ AWS: '*' }`, or `NotPrincipal`) without a
 * condition that restricts the caller (`aws:SourceArn`, `aws:SourceAccount`, `aws:PrincipalOrgID`,
 * `aws:PrincipalAccount`, `aws:SourceVpc(e)`, `aws:SourceIp`...; negated operators, `Null`, `*` and all-address
 * CIDRs do not restrict). Deny statements are fine. A policy or principal unknown at synth is unverifiable.
 * Fix: grant to specific principals (`bucket.grantRead(role)`), or add a restricting condition (CloudFront
 * origin access control: `aws:SourceArn` of the distribution).
 */
export const BucketPolicyNoPublicPrincipal = defineRule({
  name: 'BucketPolicyNoPublicPrincipal',
  description: 'Bucket policies allow nothing to everyone without a restricting condition',
  fix: "Replace Principal '*' with the principals that need access, or restrict the statement with aws:SourceArn / aws:SourceAccount / aws:PrincipalOrgID / aws:SourceVpce",
  resourceTypes: ['AWS::S3::BucketPolicy'],
  scope: 'resource',
  check(r, app): RuleVerdict {
    if (r.type !== 'AWS::S3::BucketPolicy') return NOT_APPLICABLE;
    const doc = r.properties.PolicyDocument;
    if (isIntrinsic(doc)) return unverifiable('the policy document', doc, 'PolicyDocument');
    const raw = asList<any>(doc?.Statement);
    for (const s of statementsOf(doc)) {
      if (s.effect !== 'Allow') continue;
      const where = `PolicyDocument/Statement/${s.index}`;
      const notPrincipal = raw[s.index]?.NotPrincipal !== undefined;
      const who = s.principals.map((p) => isWildcardValue(r, p, app));
      if (!notPrincipal && !who.includes('yes')) {
        const unknown = s.principals.find((p) => isWildcardValue(r, p, app) === 'unknown');
        if (unknown !== undefined && !hasRestrictingCondition(s)) return unverifiable(`the principal of statement ${s.index}`, unknown, `${where}/Principal`);
        continue;
      }
      if (hasRestrictingCondition(s)) continue;
      const actions = s.actions.length > 0 ? s.actions.join(', ') : `every action but ${s.notActions.join(', ')}`;
      return nonCompliant(`statement ${s.index} allows ${actions} to ${notPrincipal ? 'everyone but the NotPrincipal' : "principal '*'"} without a restricting condition`, where);
    }
    return COMPLIANT;
  },
});
