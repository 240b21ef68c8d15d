/**
 * Small builders for "Applies to" matrices, so the data files read like the seed tables.
 */
import { Applicability, ApplicabilityMatrix } from './types';

/** A plain "Yes" cell. */
export const YES: Applicability = { applies: true };

/** A plain "No" cell. */
export const NO: Applicability = { applies: false };

/** A "Yes (for ...)" cell: the item applies, limited by the condition. */
export function yesIf(condition: string): Applicability {
  return { applies: true, condition };
}

/** A "No (unless ...)" cell: the item does not apply, except when the condition holds. */
export function noUnless(condition: string): Applicability {
  return { applies: false, condition };
}

/**
 * Builds a matrix from the two seed rows, in the order the seeds print the columns.
 *
 * @param ms Microsoft Workloads: multi-tenant SaaS, single-tenant SaaS, customer deployed on premises, customer deployed on AWS
 * @param net Networking: SaaS, customer deployed on AWS
 */
export function matrix(
  ms: readonly [Applicability, Applicability, Applicability, Applicability],
  net: readonly [Applicability, Applicability],
): ApplicabilityMatrix {
  return {
    'microsoft-workloads': {
      'multi-tenant-saas': ms[0],
      'single-tenant-saas': ms[1],
      'customer-deployed-on-premises': ms[2],
      'customer-deployed-on-aws': ms[3],
    },
    'networking': {
      'saas': net[0],
      'customer-deployed-on-aws': net[1],
    },
  };
}

/** Conditions printed in the cells, in our words (shared where both seeds print the same cell). */
export const CONDITIONS = {
  /** 1.5, 1.7 */
  AWS_INTEGRATION_CREDENTIALS: 'only for the credentials the solution uses to integrate with AWS',
  /** 1.9 */
  OUTSIDE_AWS_VIA_ROLES: 'where the solution runs outside AWS and integrates through IAM roles, those roles get least privilege',
  /** 1.10 */
  AWS_INTEGRATION_CREDENTIALS_CHANGEABLE: 'credentials used to integrate with AWS must be easy to change and never hard-coded',
  /** 1.11 */
  STORED_AWS_INTEGRATION_CREDENTIALS: 'credentials the solution stores to integrate with AWS must be encrypted',
  /** 1.17, 1.18, 1.19 */
  SOLUTION_USES_S3: 'applies when the solution running on AWS needs Amazon S3',
} as const;
