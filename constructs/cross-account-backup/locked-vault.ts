import { Duration, RemovalPolicy, aws_backup as backup, aws_kms as kms, aws_sns as sns } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { VAULT_LOCK_DEFAULTS } from './defaults';

/** AWS Backup Vault Lock settings. */
export interface BackupVaultLockOptions {
  /**
   * Shortest retention a recovery point in the vault may have.
   * @default Duration.days(7)
   */
  readonly minRetention?: Duration;
  /**
   * Longest retention a recovery point in the vault may have.
   * @default Duration.days(365)
   */
  readonly maxRetention?: Duration;
  /**
   * Cooling-off period after which the lock can no longer be changed or removed (compliance mode). At least 3 days.
   * @default Duration.days(3)
   */
  readonly changeableFor?: Duration;
}

export interface LockedVault {
  readonly vault: backup.BackupVault;
  readonly key: kms.Key;
}

/** A retained vault encrypted with its own rotating customer key, under Vault Lock, refusing manual deletion of recovery points. */
export function createLockedVault(
  scope: Construct,
  options: { readonly vaultName?: string; readonly lock?: BackupVaultLockOptions; readonly notificationTopic?: sns.ITopic; readonly description: string },
): LockedVault {
  const key = new kms.Key(scope, 'VaultKey', {
    description: options.description,
    enableKeyRotation: true,
    removalPolicy: RemovalPolicy.RETAIN,
    pendingWindow: Duration.days(30),
  });
  const vault = new backup.BackupVault(scope, 'Vault', {
    backupVaultName: options.vaultName,
    encryptionKey: key,
    removalPolicy: RemovalPolicy.RETAIN,
    blockRecoveryPointDeletion: true,
    lockConfiguration: {
      minRetention: options.lock?.minRetention ?? VAULT_LOCK_DEFAULTS.minRetention,
      maxRetention: options.lock?.maxRetention ?? VAULT_LOCK_DEFAULTS.maxRetention,
      changeableFor: options.lock?.changeableFor ?? VAULT_LOCK_DEFAULTS.changeableFor,
    },
    notificationTopic: options.notificationTopic,
    notificationEvents: options.notificationTopic
      ? [backup.BackupVaultEvents.BACKUP_JOB_FAILED, backup.BackupVaultEvents.COPY_JOB_FAILED, backup.BackupVaultEvents.RESTORE_JOB_COMPLETED]
      : undefined,
  });
  return { vault, key };
}
