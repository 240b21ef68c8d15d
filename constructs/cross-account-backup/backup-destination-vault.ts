import { Stack, aws_backup as backup, aws_iam as iam, aws_kms as kms } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { createLockedVault } from './locked-vault';
import { BackupDestinationVaultProps } from './props';
import { checkPropTypes } from '../core';
import { BACKUP_DESTINATION_VAULT_PROP_TYPES, validateBackupDestinationVaultProps } from './validation';

/**
 * The copy target of `CrossAccountBackup`, in the backup/DR account (items 2.6, 2.13): a locked vault with its own customer
 * key whose access policy admits `backup:CopyIntoBackupVault` only from the organization or named accounts, and refuses
 * manual deletion of recovery points.
 */
export class BackupDestinationVault extends Construct {
  /** The vault. */
  public readonly vault: backup.BackupVault;
  /** The key encrypting the vault. */
  public readonly key: kms.Key;

  constructor(scope: Construct, id: string, props: BackupDestinationVaultProps) {
    super(scope, id);
    checkPropTypes('BackupDestinationVault', props, BACKUP_DESTINATION_VAULT_PROP_TYPES);
    validateBackupDestinationVaultProps(props, Stack.of(this).account);
    const { vault, key } = createLockedVault(this, {
      vaultName: props.vaultName,
      lock: props.vaultLock,
      notificationTopic: props.notificationTopic,
      description: `Encrypts backup copy vault ${this.node.path}`,
    });
    this.vault = vault;
    this.key = key;
    if (props.organizationId !== undefined) {
      vault.addToAccessPolicy(
        new iam.PolicyStatement({
          sid: 'AllowCopyIntoVaultFromOrganization',
          principals: [new iam.AnyPrincipal()],
          actions: ['backup:CopyIntoBackupVault'],
          resources: ['*'],
          conditions: { StringEquals: { 'aws:PrincipalOrgID': props.organizationId } },
        }),
      );
    }
    if ((props.sourceAccountIds ?? []).length > 0) {
      vault.addToAccessPolicy(
        new iam.PolicyStatement({
          sid: 'AllowCopyIntoVaultFromSourceAccounts',
          principals: props.sourceAccountIds!.map((a) => new iam.AccountPrincipal(a)),
          actions: ['backup:CopyIntoBackupVault'],
          resources: ['*'],
        }),
      );
    }
  }

  /** ARN of the vault; give it to `CrossAccountBackup` as `copyTo.vaultArn`. */
  public get vaultArn(): string {
    return this.vault.backupVaultArn;
  }
}
