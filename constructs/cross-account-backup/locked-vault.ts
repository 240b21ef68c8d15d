import { Duration, RemovalPolicy, aws_backup as backup, aws_iam as iam, aws_kms as kms, aws_sns as sns } from 'aws-cdk-lib';
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
  /**
   * Also deny `backup:PutBackupVaultAccessPolicy` to every principal, in the same statement as
   * `backup:DeleteRecoveryPoint` and `backup:UpdateRecoveryPointLifecycle`, as the runtime control
   * BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED demands. Afterwards the vault access policy can only change after
   * someone deletes it (`backup:DeleteBackupVaultAccessPolicy`), so CloudFormation updates of the policy fail until then.
   * @default true
   */
  readonly denyAccessPolicyChanges?: boolean;
}

export interface LockedVault {
  readonly vault: backup.BackupVault;
  readonly key: kms.Key;
}

/** A retained vault encrypted with its own rotating customer key, under Vault Lock, whose access policy refuses manual deletion of recovery points. */
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
  // One Deny statement with a wildcard principal and resource: the shape BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED checks.
  vault.addToAccessPolicy(
    new iam.PolicyStatement({
      sid: 'DenyManualDeletionOfRecoveryPoints',
      effect: iam.Effect.DENY,
      principals: [new iam.AnyPrincipal()],
      actions: [
        'backup:DeleteRecoveryPoint',
        'backup:UpdateRecoveryPointLifecycle',
        ...(options.lock?.denyAccessPolicyChanges === false ? [] : ['backup:PutBackupVaultAccessPolicy']),
      ],
      resources: ['*'],
    }),
  );
  return { vault, key };
}
