import { Annotations, Duration, RemovalPolicy, aws_backup as backup, aws_iam as iam, aws_kms as kms, aws_sns as sns } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { classifyByDefault, cloudFormationExecutionRoleArn, grantServicePublish } from '../core';
import { VAULT_LOCK_DEFAULTS } from './defaults';
import { BackupVaultLockOptions } from './props';

/** The principals of a vault's access policy that may change it (see `accessPolicyAdministratorArns`). */
export function vaultPolicyAdministrators(scope: IConstruct, lock?: BackupVaultLockOptions): string[] {
  if (lock?.accessPolicyAdministratorArns) return [...lock.accessPolicyAdministratorArns];
  const execRole = cloudFormationExecutionRoleArn(scope);
  return execRole ? [execRole] : [];
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
  });
  // Recovery points are copies of the workload's data: classified as its most sensitive data (checklist 1.21).
  classifyByDefault(vault, 'restricted');
  if (options.notificationTopic) {
    // Set on the L1 and granted here (not through the L2's `notificationTopic`, whose topic policy statement has no
    // condition): AWS Backup publishes for vaults of this account only.
    (vault.node.defaultChild as backup.CfnBackupVault).notifications = {
      snsTopicArn: options.notificationTopic.topicArn,
      backupVaultEvents: [backup.BackupVaultEvents.BACKUP_JOB_FAILED, backup.BackupVaultEvents.COPY_JOB_FAILED, backup.BackupVaultEvents.RESTORE_JOB_COMPLETED],
    };
    grantServicePublish(options.notificationTopic, scope, 'backup.amazonaws.com');
  }
  const keepsPolicy = options.lock?.denyAccessPolicyChanges !== false;
  const administrators = keepsPolicy ? vaultPolicyAdministrators(scope, options.lock) : [];
  if (keepsPolicy && administrators.length === 0) {
    Annotations.of(scope).addWarningV2('cdk-competency:vault-policy-immutable',
      `The access policy of ${vault.node.path} denies every principal to change it and no administrator is known (the stack's synthesizer has no CloudFormation execution role): later changes of the policy will fail. Set vaultLock.accessPolicyAdministratorArns.`);
  }
  // The statement BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED looks for: "a suitable 'Deny' statement (statement with
  // backup:DeleteRecoveryPoint, backup:UpdateRecoveryPointLifecycle, and backup:PutBackupVaultAccessPolicy permissions)",
  // whose "Resource" and "Principal" "must have a wildcard" (AWS Config developer guide,
  // backup-recovery-point-manual-deletion-disabled). The administrators this condition exempts are what the rule's
  // `principalArnList` names, "IAM roles that allow manual deletion of recovery points" (AWS Backup developer guide,
  // "Choosing your controls"): RuntimeControls passes the same ARNs by default. AWS does not say how the rule reads the
  // condition itself; it holds whether the rule skips the listed principals or ignores the condition.
  vault.addToAccessPolicy(
    new iam.PolicyStatement({
      sid: 'DenyManualDeletionOfRecoveryPoints',
      effect: iam.Effect.DENY,
      principals: [new iam.AnyPrincipal()],
      actions: [
        'backup:DeleteRecoveryPoint',
        'backup:UpdateRecoveryPointLifecycle',
        ...(keepsPolicy ? ['backup:PutBackupVaultAccessPolicy', 'backup:DeleteBackupVaultAccessPolicy'] : []),
      ],
      resources: ['*'],
      conditions: administrators.length > 0 ? { ArnNotEquals: { 'aws:PrincipalArn': administrators } } : undefined,
    }),
  );
  // The administrators change the policy, nothing more: nobody deletes recovery points, shortens them or lifts the lock.
  vault.addToAccessPolicy(
    new iam.PolicyStatement({
      sid: 'DenyDeletingRecoveryPointsAndTheLock',
      effect: iam.Effect.DENY,
      principals: [new iam.AnyPrincipal()],
      actions: ['backup:DeleteRecoveryPoint', 'backup:UpdateRecoveryPointLifecycle', 'backup:DeleteBackupVaultLockConfiguration'],
      resources: ['*'],
    }),
  );
  return { vault, key };
}
