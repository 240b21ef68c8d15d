import { Stack, StackProps, Tags } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { EncryptedTopic } from '../../constructs/core';
import { CrossAccountBackup } from '../../constructs/cross-account-backup';
import { WorkloadDataStores } from './data-stores';
import { BACKUP_SCHEDULE, COPY_RETENTION, RPO, RTO, SELECTION_TAG, RESTORE_TESTING_PLAN_NAME, SOURCE_RETENTION, SOURCE_VAULT_NAME } from './settings';

/** Props of {@link BackupWorkloadStack}. */
export interface BackupWorkloadStackProps extends StackProps {
  /** AZ of the EBS volume. */
  readonly availabilityZone: string;
  /** The DR account (owner of the destination vaults). */
  readonly drAccount: string;
  /** ARN of the DR account's vault in this region (cross-account copy, 2.13). */
  readonly drVaultArn: string;
  /**
   * ARN of the DR account's vault in the secondary region (cross-account and cross-region copy).
   * @default - no cross-region copy
   */
  readonly drSecondaryVaultArn?: string;
  /**
   * Name of the source vault.
   * @default SOURCE_VAULT_NAME
   */
  readonly sourceVaultName?: string;
  /**
   * Name of the restore testing plan.
   * @default RESTORE_TESTING_PLAN_NAME
   */
  readonly restoreTestingPlanName?: string;
}

/**
 * The workload account's side: classified, encrypted data stores, and `CrossAccountBackup` backing them up every four
 * hours into a locked vault, copying every recovery point into the DR account (primary and secondary region), testing
 * restores weekly, and declaring RPO 4 h / RTO 8 h in the template metadata (2.6, 2.7, 2.10, 2.11, 2.13).
 */
export class BackupWorkloadStack extends Stack {
  public readonly data: WorkloadDataStores;
  public readonly backup: CrossAccountBackup;
  public readonly topic: EncryptedTopic;
  /** The role AWS Backup assumes for the plan's selection (found under the plan: `CrossAccountBackup` does not expose it). */
  public readonly selectionRole: iam.Role;

  constructor(scope: Construct, id: string, props: BackupWorkloadStackProps) {
    super(scope, id, { description: 'cdk-competency reference: tagged data stores backed up to the DR account, restore testing, RPO/RTO (items 2.6-2.13)', ...props });
    this.data = new WorkloadDataStores(this, 'Data', { availabilityZone: props.availabilityZone, selectionTag: SELECTION_TAG, drAccount: props.drAccount });
    this.topic = new EncryptedTopic(this, 'BackupNotifications', { displayName: 'Failed backup and copy jobs, completed restores', publisherServices: ['backup.amazonaws.com'] });
    this.backup = new CrossAccountBackup(this, 'Backup', {
      rpo: RPO,
      rto: RTO,
      schedule: BACKUP_SCHEDULE,
      retention: SOURCE_RETENTION,
      vaultName: props.sourceVaultName ?? SOURCE_VAULT_NAME,
      selectionTag: SELECTION_TAG,
      copyTo: { vaultArn: props.drVaultArn, retention: COPY_RETENTION },
      copyToRegion: props.drSecondaryVaultArn ? { vaultArn: props.drSecondaryVaultArn, retention: COPY_RETENTION } : undefined,
      restoreTesting: { resourceTypes: ['DynamoDB', 'EBS', 'S3'], planName: props.restoreTestingPlanName ?? RESTORE_TESTING_PLAN_NAME },
      notificationTopic: this.topic.topic,
    });
    this.selectionRole = this.backup.selectionRole;
    // AWS Backup reads the stores' objects with the selection role, and restore tests write restored copies: both need the data key.
    this.data.key.grantDecrypt(this.selectionRole);
    if (this.backup.restoreTestingRole) this.data.key.grant(this.backup.restoreTestingRole, 'kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey');
    Tags.of(this).add('Workload', 'competency-cross-account-backup');
  }
}
