/**
 * The seeds' "Applies to" columns, read again for the corpus (not taken from `lib/checklist`): which technical
 * items a deployment model excludes. A cell "No (unless APN Partner solution running on AWS requires the S3
 * service)" excludes the item only when the app has no S3 bucket. Cells "Yes (for credentials used to integrate
 * with AWS)" apply.
 */
import { ChecklistSelection } from '../../lib';

const TECHNICAL = [
  '1.1', '1.2', '1.3', '1.4', '1.5', '1.7', '1.8', '1.9', '1.10', '1.11', '1.12', '1.13', '1.14', '1.15', '1.16', '1.17',
  '1.18', '1.19', '1.20', '1.21', '1.22', '1.23', '1.24', '1.25',
  '2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7', '2.8', '2.9', '2.10', '2.11', '2.12', '2.13',
  '3.1', '3.2', '3.3',
] as const;

/** Every technical item, as numbered in both seeds (there is no 1.6). */
export const TECHNICAL_ITEMS: readonly string[] = TECHNICAL;

/** Items the column marks "No" outright. */
const NO: { readonly [column: string]: readonly string[] } = {
  // Networking, "SaaS": every technical item is "Yes".
  'networking/saas': [],
  // Networking, "Customer-Deployed on AWS".
  'networking/customer-deployed-on-aws': [
    '1.1', '1.2', '1.3', '1.4', '1.8', '1.12', '1.13', '1.14', '1.15', '1.20', '1.21', '1.22', '1.25',
    '2.3', '2.4', '2.5', '2.6', '2.7', '2.10', '2.11', '2.12', '2.13', '3.1', '3.2', '3.3',
  ],
  // Microsoft Workloads, "Multi-tenant SaaS" and "Single-tenant SaaS": every technical item is "Yes".
  'microsoft-workloads/multi-tenant-saas': [],
  'microsoft-workloads/single-tenant-saas': [],
  // Microsoft Workloads, "Customer Deployed On-Premises".
  'microsoft-workloads/customer-deployed-on-premises': [
    '1.1', '1.2', '1.3', '1.4', '1.8', '1.12', '1.13', '1.14', '1.15', '1.16', '1.17', '1.18', '1.20', '1.21', '1.22', '1.25',
    '2.2', '2.3', '2.4', '2.5', '2.6', '2.7', '2.8', '2.9', '2.10', '2.11', '2.12', '2.13', '3.1', '3.2', '3.3',
  ],
  // Microsoft Workloads, "Customer Deployed on AWS".
  'microsoft-workloads/customer-deployed-on-aws': [
    '1.1', '1.2', '1.3', '1.4', '1.8', '1.12', '1.13', '1.14', '1.15', '1.20', '1.21', '1.22', '1.25',
    '2.3', '2.4', '2.5', '2.6', '2.7', '2.10', '2.11', '2.12', '2.13', '3.1', '3.2', '3.3',
  ],
};

/** Items the column marks "No (unless ... requires the S3 service)". */
const NO_UNLESS_S3: { readonly [column: string]: readonly string[] } = {
  'networking/customer-deployed-on-aws': ['1.17', '1.18', '1.19'],
  'microsoft-workloads/customer-deployed-on-aws': ['1.17', '1.18', '1.19'],
};

/** Why a technical item does not apply to the selection, or undefined when it applies. */
export function excludedBySeed(item: string, sel: ChecklistSelection, appHasBuckets: boolean): string | undefined {
  if (sel.strict) return undefined;
  const column = `${sel.checklist}/${sel.deploymentModel}`;
  const no = NO[column];
  if (!no) throw new Error(`corpus: no seed column '${column}'`);
  if (no.includes(item)) return `the seed's '${sel.deploymentModel}' column marks ${item} "No"`;
  if ((NO_UNLESS_S3[column] ?? []).includes(item) && !appHasBuckets) {
    return `the seed's '${sel.deploymentModel}' column marks ${item} "No (unless ... requires the S3 service)" and the app has no S3 bucket`;
  }
  return undefined;
}
