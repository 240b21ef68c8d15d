import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, RuleVerdict, unverifiable } from '../rule';
import { describeActions, publicGrant } from '../utils/iam';
import { statementsIn } from '../utils/policy-documents';

/**
 * Reads: `AWS::S3::BucketPolicy`, its document read through the resolver (each `Fn::If` branch, imports).
 * Fails when: an Allow statement names everyone as principal (`*`, `{ AWS: '*' }`, or `NotPrincipal`) without a
 * condition that restricts the caller (`aws:SourceArn`, `aws:SourceAccount`, `aws:PrincipalOrgID`,
 * `aws:PrincipalAccount`, `aws:SourceVpc(e)`, `aws:SourceIp`...; negated and `...IfExists` operators, `Null`, `*`
 * and all-address CIDRs do not restrict). Deny statements are fine. A policy or principal unknown at synth is
 * unverifiable.
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
    const { statements, unresolved } = statementsIn(r, app);
    if (unresolved) return unverifiable('the policy document', unresolved.unresolved, unresolved.location);
    for (const { s, where } of statements) {
      const grant = publicGrant(s);
      if (grant.kind === 'unknown') return unverifiable(`the principal of statement ${s.index}`, grant.value, `${where}/Principal`);
      if (grant.kind === 'public') return nonCompliant(`statement ${s.index} allows ${describeActions(s)} to ${grant.who} without a restricting condition`, where);
    }
    return COMPLIANT;
  },
});
