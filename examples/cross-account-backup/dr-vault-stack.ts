import { Stack, StackProps, Tags } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { EncryptedTopic } from '../../constructs/core';
import { BackupDestinationVault } from '../../constructs/cross-account-backup';
import { DR_VAULT_NAME } from './settings';

/** Props of {@link DrVaultStack}. */
export interface DrVaultStackProps extends StackProps {
  /** The workload account whose recovery points are copied into the vault. */
  readonly sourceAccount: string;
  /**
   * Name of the vault.
   * @default DR_VAULT_NAME
   */
  readonly vaultName?: string;
}

/**
 * The DR account's side (2.13): a vault under Vault Lock, encrypted with its own key, refusing manual deletion of
 * recovery points, admitting `backup:CopyIntoBackupVault` from the workload account only, and notifying an encrypted
 * topic of failed copy jobs and completed restores. Deployed once per region (primary and secondary).
 */
export class DrVaultStack extends Stack {
  public readonly vault: BackupDestinationVault;
  public readonly topic: EncryptedTopic;

  constructor(scope: Construct, id: string, props: DrVaultStackProps) {
    super(scope, id, { description: 'cdk-competency reference: DR-account backup vault receiving cross-account copies (items 2.6, 2.13)', ...props });
    this.topic = new EncryptedTopic(this, 'Notifications', { displayName: 'DR vault: failed copies and completed restores', publisherServices: ['backup.amazonaws.com'] });
    this.vault = new BackupDestinationVault(this, 'Vault', {
      vaultName: props.vaultName ?? DR_VAULT_NAME,
      sourceAccountIds: [props.sourceAccount],
      // Default Vault Lock: retention between 7 and 365 days (copies are kept 90), immutable after 3 days.
      notificationTopic: this.topic.topic,
    });
    Tags.of(this).add('Workload', 'competency-cross-account-backup');
  }
}
