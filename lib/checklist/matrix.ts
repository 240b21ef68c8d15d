/**
 * Small builders for "Applies to" matrices, so the data files read like the seed tables.
 */
import { Applicability, ApplicabilityMatrix, Level } from './types';

/** A plain "Yes" cell. */
export const YES: Applicability = { applies: true };

/** A plain "No" cell. */
export const NO: Applicability = { applies: false };

/** A "Yes (for ...)" cell: the item applies, limited by the condition (in our words), as printed. */
export function yesIf(condition: string, printed: string, level?: Level): Applicability {
  return { applies: true, condition, printed, ...(level ? { level } : {}) };
}

/** A "Yes – one for ..." cell: the item applies; the cell says how much, not when. */
export function yesPrinted(printed: string): Applicability {
  return { applies: true, printed };
}

/**
 * A "No (unless ...)" cell: the item does not apply, except when the condition holds. With
 * `appliesWhenAppHas`, the app's resources decide it: any resource of those types makes it apply.
 */
export function noUnless(condition: string, printed: string, appliesWhenAppHas?: readonly string[]): Applicability {
  return { applies: false, condition, printed, ...(appliesWhenAppHas ? { appliesWhenAppHas } : {}) };
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
  OUTSIDE_AWS_VIA_ROLES: 'where the solution runs outside AWS and integrates through IAM roles, those roles should get least privilege',
  /** 1.10 */
  AWS_INTEGRATION_CREDENTIALS_CHANGEABLE: 'credentials used to integrate with AWS should be easy to change and not hard-coded',
  /** 1.11 */
  STORED_AWS_INTEGRATION_CREDENTIALS: 'credentials the solution stores to integrate with AWS should be encrypted',
  /** 1.17, 1.18, 1.19 */
  SOLUTION_USES_S3: 'applies when the solution running on AWS requires Amazon S3 (the app creates S3 buckets or bucket policies)',
} as const;

/** The conditional cells as each seed prints them. */
export const PRINTED = {
  /** 1.5, 1.7: both seeds, both customer-deployed columns. */
  AWS_INTEGRATION_CREDENTIALS: 'Yes (for credentials used to integrate with AWS)',
  /** 1.9: both seeds. */
  OUTSIDE_AWS_VIA_ROLES: 'Yes (for solutions ran outside of AWS integrated via IAM roles, least privilege access should be applied)',
  /** 1.10: both seeds. */
  AWS_INTEGRATION_CREDENTIALS_CHANGEABLE: 'Yes (credentials used to integration with AWS should be easily changed and not hard coded)',
  /** 1.11, Microsoft Workloads (a page break splits the cell in the extracted text; see the seed-comparison test). */
  MS_STORED_AWS_INTEGRATION_CREDENTIALS: 'Yes (credentials stored in partner solution used to integrate with AWS should be encrypted)',
  /** 1.11, Networking. */
  NET_STORED_AWS_INTEGRATION_CREDENTIALS: 'Yes (credentials stored in APN Partner solution used to integrate with AWS should be encrypted)',
  /** 1.17–1.19, Microsoft Workloads. */
  MS_SOLUTION_USES_S3: 'No (unless partner solution running on AWS requires the S3 service)',
  /** 1.17–1.19, Networking. */
  NET_SOLUTION_USES_S3: 'No (unless APN Partner solution running on AWS requires the S3 service)',
} as const;

/** The resource types that show a solution "requires the S3 service": it creates buckets or sets a bucket's policy. */
export const S3_RESOURCE_TYPES: readonly string[] = ['AWS::S3::Bucket', 'AWS::S3::BucketPolicy'];
