import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, RuleVerdict, unverifiable } from '../rule';
import { isIntrinsic } from '../../aws';
import { IDENTITY_POLICY_TYPES, isWildcardAction, isWildcardValue, policyDocumentsOf, RESOURCE_POLICY_TYPES } from '../utils/iam';
import { statementsOf } from '../utils/policy';

const TYPES = [...IDENTITY_POLICY_TYPES, ...RESOURCE_POLICY_TYPES];

/**
 * Reads: identity policies (`AWS::IAM::Policy`, `ManagedPolicy`, `RolePolicy`/`UserPolicy`/`GroupPolicy`, the
 * inline `Policies` of roles, users and groups) and resource policies of buckets, topics and queues (KMS key
 * policies are `KmsKeyPolicyNoWildcard`'s).
 * Fails when: an Allow statement grants `*` or `<service>:*` on `Resource: '*'`, or uses `NotAction` on
 * `Resource: '*'` (everything but a few actions). A policy document, action or resource unknown at synth
 * that could make the statement a wildcard grant is reported as unverifiable.
 * Fix: list the actions the workload calls, on the ARNs it touches (CDK `grant*` methods do this).
 */
export const IamNoWildcardPermissions = defineRule({
  name: 'IamNoWildcardPermissions',
  description: 'IAM and resource policies grant no wildcard actions on all resources',
  fix: "Replace '*' and 'service:*' actions on Resource '*' with the specific actions and resource ARNs needed (use the CDK grant* methods)",
  resourceTypes: TYPES,
  scope: 'resource',
  check(r, app): RuleVerdict {
    if (!TYPES.includes(r.type)) return NOT_APPLICABLE;
    for (const { doc, location } of policyDocumentsOf(r)) {
      if (isIntrinsic(doc)) return unverifiable('the policy document', doc, location);
      for (const s of statementsOf(doc)) {
        if (s.effect !== 'Allow') continue;
        const where = `${location}/Statement/${s.index}`;
        const onAll = s.resources.map((v) => isWildcardValue(r, v, app));
        if (!onAll.includes('yes') && !onAll.includes('unknown')) continue;
        const unknownResource = !onAll.includes('yes');
        if (s.notActions.length > 0) {
          if (unknownResource) return unverifiable('the resource of a NotAction statement', s.resources.find((v) => isWildcardValue(r, v, app) === 'unknown'), where);
          return nonCompliant(`statement ${s.index} allows every action except ${s.notActions.join(', ')} (NotAction) on Resource '*'`, where);
        }
        const wildcard = s.actions.filter(isWildcardAction);
        const unknownAction = s.actions.find((a) => typeof a !== 'string');
        if (wildcard.length === 0 && unknownAction === undefined) continue;
        if (unknownResource) return unverifiable(`the resource of statement ${s.index}`, s.resources.find((v) => isWildcardValue(r, v, app) === 'unknown'), where);
        if (wildcard.length === 0) return unverifiable(`the actions of statement ${s.index}`, unknownAction, where);
        return nonCompliant(`statement ${s.index} allows ${wildcard.map((a) => `'${a}'`).join(', ')} on Resource '*'`, where);
      }
    }
    return COMPLIANT;
  },
});
