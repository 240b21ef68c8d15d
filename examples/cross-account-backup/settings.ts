import { Duration } from 'aws-cdk-lib';
import { arnInAccount } from '../config';
import { TAGS } from '../../lib/conventions';

/** Name of the destination vaults in the DR account (one per region; the name is the same in both). */
export const DR_VAULT_NAME = 'cdk-competency-dr-vault';
/** Name of the source vault in the workload account. */
export const SOURCE_VAULT_NAME = 'cdk-competency-workload-vault';

/** Name of the restore testing plan in the workload account (letters, digits, underscores). */
export const RESTORE_TESTING_PLAN_NAME = 'cdk_competency_workload_restore_tests';

/**
 * Backups every four hours (UTC). The longest gap between two recovery points is four hours, which is what bounds the
 * recovery point objective.
 */
export const BACKUP_SCHEDULE = 'cron(0 0/4 * * ? *)';
/** Declared recovery point objective (2.10): at most four hours of data lost, the schedule's longest gap. */
export const RPO = Duration.hours(4);
/** Declared recovery time objective (2.10, 2.11): eight hours to restore the table, volume and bucket from the DR account. */
export const RTO = Duration.hours(8);
/** Recovery points stay 35 days in the workload account's vault. */
export const SOURCE_RETENTION = Duration.days(35);
/** Copies stay 90 days in the DR account's vaults. */
export const COPY_RETENTION = Duration.days(90);

/**
 * The tag that selects this example's data stores for its plan. A value of its own (not the default `Backup: true`) so
 * the plan does not also back up the other reference deployments' resources in the same workload account.
 */
export const SELECTION_TAG = { key: TAGS.BACKUP, value: 'cross-account-backup' } as const;

/**
 * ARN of a destination vault of the DR account, built from account, region and name (the vault is created by
 * `DrVaultStack` in another account, so there is no CDK reference to it).
 */
export function drVaultArn(drAccount: string, region: string, vaultName: string = DR_VAULT_NAME): string {
  return arnInAccount({ service: 'backup', region, account: drAccount, resource: `backup-vault:${vaultName}` });
}
