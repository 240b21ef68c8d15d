import { Duration, Stack, StackProps, Tags } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { arnInAccount, OPERATIONS_ALERT_EMAILS } from '../config';
import { CentralLogShipping } from '../../constructs/central-log-shipping';
import { autoScalingServiceLinkedRoleArn, EncryptedTopic } from '../../constructs/core';
import { parseArn } from '../../lib/aws';
import { BackupDestinationVault, CrossAccountBackup } from '../../constructs/cross-account-backup';
import { MultiAzVpc } from '../../constructs/multi-az-vpc';
import { WindowsFleet } from './fleet';
import { WindowsOperations } from './operations';

/** The fleet VPC's block: distinct from every other VPC of the reference app (multi-az-vpc 10.10/16, network-appliance 10.20/16). */
export const WINDOWS_VPC_CIDR = '10.30.0.0/16';
/** Name of the vault in the DR account the fleet's recovery points are copied to. */
export const DR_VAULT_NAME = 'competency-windows-dr';
/** Declared recovery point objective: one day (daily backups). */
export const RPO = Duration.hours(24);
/** Declared recovery time objective: four hours (launch from the latest recovery point, or let the group replace instances). */
export const RTO = Duration.hours(4);

/** The ARN of the DR vault, built from the DR account and region (the vault is created by {@link WindowsDrVaultStack}). */
export function drVaultArn(drAccount: string, region: string): string {
  return arnInAccount({ service: 'backup', region, account: drAccount, resource: `backup-vault:${DR_VAULT_NAME}` });
}

/** Props of {@link WindowsDrVaultStack}. */
export interface WindowsDrVaultStackProps extends StackProps {
  /** The workload account whose recovery points are copied into the vault. */
  readonly sourceAccount: string;
}

/** The DR account's side: a locked vault, encrypted with its own key, accepting copies from the workload account only. */
export class WindowsDrVaultStack extends Stack {
  public readonly vault: BackupDestinationVault;

  constructor(scope: Construct, id: string, props: WindowsDrVaultStackProps) {
    super(scope, id, { description: 'cdk-competency reference: DR-account backup vault of the Windows workload (Microsoft Workloads checklist)', ...props });
    this.vault = new BackupDestinationVault(this, 'Vault', { vaultName: DR_VAULT_NAME, sourceAccountIds: [props.sourceAccount] });
    Tags.of(this).add('Workload', 'competency-windows-workload');
  }
}

/** Props of {@link WindowsWorkloadStack}. */
export interface WindowsWorkloadStackProps extends StackProps {
  /** The AZs of the stack's region, explicit so synth needs no lookup. */
  readonly availabilityZones: readonly string[];
  /** ARN of the vault in the DR account every recovery point is copied to. */
  readonly drVaultArn: string;
  /**
   * ARN of the central CloudWatch Logs destination (audit account) every log group of the stack is shipped to (2.3).
   * @default - log groups stay in the account (single-account integration tests)
   */
  readonly centralLogDestinationArn?: string;
}

/**
 * A Microsoft workload for the Operational Optimization category: a Windows Server fleet across 3 AZs,
 * patched, inventoried and monitored by Systems Manager and the CloudWatch agent, backed up daily by tag
 * with copies to the DR account, and declared RPO/RTO.
 */
export class WindowsWorkloadStack extends Stack {
  public readonly network: MultiAzVpc;
  public readonly fleet: WindowsFleet;
  public readonly operations: WindowsOperations;
  public readonly backup: CrossAccountBackup;
  public readonly topic: EncryptedTopic;

  constructor(scope: Construct, id: string, props: WindowsWorkloadStackProps) {
    super(scope, id, { description: 'cdk-competency reference: Windows Server fleet with Patch Manager, Inventory, State Manager, CloudWatch agent and cross-account backups (Microsoft Workloads checklist)', ...props });
    this.network = new MultiAzVpc(this, 'Network', {
      cidr: WINDOWS_VPC_CIDR,
      availabilityZones: [...props.availabilityZones],
      vpcName: 'competency-windows-workload',
    });
    this.topic = new EncryptedTopic(this, 'Notifications', {
      displayName: 'Windows fleet alarms, scaling and backup notifications',
      publisherServices: ['cloudwatch.amazonaws.com', 'backup.amazonaws.com'],
      // EC2 Auto Scaling publishes scaling notifications with its service-linked role, not a service principal.
      publisherRoleArns: [autoScalingServiceLinkedRoleArn(this)],
      // The fleet's alarms reach the operations on-call list (2.4).
      emailSubscriptions: [...OPERATIONS_ALERT_EMAILS],
    });
    const drAccount = parseArn(props.drVaultArn)?.account;
    if (!drAccount) throw new Error(`WindowsWorkloadStack: 'drVaultArn' must be a backup vault ARN with a literal account, got '${props.drVaultArn}'`);
    this.fleet = new WindowsFleet(this, 'Fleet', { vpc: this.network.vpc, notificationTopic: this.topic.topic, backupCopyAccount: drAccount });
    this.operations = new WindowsOperations(this, 'Operations', { autoScalingGroup: this.fleet.autoScalingGroup, alarmTopic: this.topic.topic });
    this.backup = new CrossAccountBackup(this, 'Backup', {
      rpo: RPO,
      rto: RTO,
      copyTo: { vaultArn: props.drVaultArn },
      vaultName: 'competency-windows-source',
      restoreTesting: { resourceTypes: ['EC2'] },
      notificationTopic: this.topic.topic,
    });
    // AWS Backup snapshots the volumes and restore tests launch instances from them: both roles use the volume key.
    for (const role of [this.backup.selectionRole, this.backup.restoreTestingRole]) {
      if (role) this.fleet.volumeKey.grant(role, 'kms:Decrypt', 'kms:DescribeKey', 'kms:ReEncryptFrom', 'kms:ReEncryptTo', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:CreateGrant');
    }
    if (props.centralLogDestinationArn) {
      new CentralLogShipping(this, 'CentralLogShipping', { destinationArn: props.centralLogDestinationArn });
    }
    Tags.of(this).add('Workload', 'competency-windows-workload');
    Tags.of(this).add('CostCenter', 'microsoft-workloads-reference');
  }
}
