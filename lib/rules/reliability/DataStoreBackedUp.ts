import { TAGS } from '../../conventions';
import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { backupCoverage, dataStoreTags } from '../utils/backup';
import { isIntrinsic, isTrue, literalNumber } from '../../aws';

/** The shortest native backup retention accepted, in days. */
export const MIN_NATIVE_BACKUP_RETENTION_DAYS = 7;

/**
 * Reads: data stores (`AWS::EC2::Volume`, `AWS::EC2::Instance`, `AWS::RDS::DBInstance` outside a cluster and not a read replica,
 * `AWS::RDS::DBCluster`, `AWS::DynamoDB::Table`, `AWS::EFS::FileSystem`; `AWS::S3::Bucket` and
 * `AWS::AutoScaling::AutoScalingGroup` when a backup selection covers them, or when tagged `DataCriticality: critical`:
 * an uncovered bucket or stateless fleet is out of scope, since it is rebuilt from code) and, across the app, the `AWS::Backup::BackupSelection`s of the same account:
 * by reference (`Fn::GetAtt`, an ARN built with `Fn::Join`/`Fn::Sub` around a `Ref`, an import), by ARN
 * (wildcards such as `arn:aws:ec2:*:*:volume/*` or `*`), or by tags (`ListOfTags`; `Conditions` must hold
 * too); `NotResources` excludes. An Auto Scaling group is matched on the tags it propagates to its instances.
 * Fails when: no selection covers the store and it has no native backups: RDS `BackupRetentionPeriod` of at
 * least 7 days (absent means 1), DynamoDB point-in-time recovery (with `RecoveryPeriodInDays` of at least 7),
 * EFS `BackupPolicy.Status: ENABLED`. A selection of the account that cannot be read makes an uncovered store
 * unverifiable, as does a native setting unknown at synth.
 * Fix: add the store to an AWS Backup plan (CDK: plan.addSelection, or tag it for CrossAccountBackup).
 */
export const DataStoreBackedUp = defineRule({
  name: 'DataStoreBackedUp',
  description: 'Every data store is backed up regularly, by AWS Backup or by the service with a retention of at least 7 days',
  fix: `Select the store in an AWS Backup plan of its account (by ARN or with the '${TAGS.BACKUP}: true' tag), or enable the service's own backups (RDS BackupRetentionPeriod >= 7, DynamoDB point-in-time recovery, EFS automatic backups)`,
  resourceTypes: [
    'AWS::EC2::Volume', 'AWS::EC2::Instance', 'AWS::RDS::DBInstance', 'AWS::RDS::DBCluster', 'AWS::DynamoDB::Table',
    'AWS::EFS::FileSystem', 'AWS::S3::Bucket', 'AWS::AutoScaling::AutoScalingGroup',
  ],
  scope: 'app',
  check(r, app) {
    if (!this.resourceTypes.includes(r.type)) return NOT_APPLICABLE;
    // A cluster member is judged with its cluster, a read replica with its source.
    if (r.type === 'AWS::RDS::DBInstance' && (r.properties.DBClusterIdentifier !== undefined || r.properties.SourceDBInstanceIdentifier !== undefined)) return NOT_APPLICABLE;
    const coverage = backupCoverage(r, app);
    if (coverage.covered) return COMPLIANT;
    // Buckets and fleets are rebuilt from code unless marked critical: uncovered, they are out of scope; covered, they count.
    if ((r.type === 'AWS::S3::Bucket' || r.type === 'AWS::AutoScaling::AutoScalingGroup') && dataStoreTags(r).get(TAGS.DATA_CRITICALITY) !== 'critical') return NOT_APPLICABLE;
    const native = nativeBackups(r);
    if (native === 'ok') return COMPLIANT;
    if (coverage.unresolved) return nonCompliant(`could not verify whether backup selection ${coverage.unresolved.path} covers it: part of its selection is not known at synth`);
    if (typeof native === 'object') return native;
    const where = r.stack.account ? `account ${r.stack.account}` : `stack ${r.stack.path}`;
    return nonCompliant(`no AWS Backup selection of ${where} covers it${native ? `, and ${native}` : ''}`);
  },
});

/** 'ok' when native backups suffice; otherwise why not (a phrase), or a verdict when a setting is unknown. */
function nativeBackups(r: ResourceView): 'ok' | string | RuleVerdict | undefined {
  switch (r.type) {
    case 'AWS::RDS::DBInstance':
    case 'AWS::RDS::DBCluster': {
      const value = r.properties.BackupRetentionPeriod;
      if (isIntrinsic(value)) return unverifiable('BackupRetentionPeriod', value, 'BackupRetentionPeriod');
      const days = value === undefined ? 1 : literalNumber(value) ?? 0;
      return days >= MIN_NATIVE_BACKUP_RETENTION_DAYS ? 'ok'
        : `its automated backups are kept ${days} day${days === 1 ? '' : 's'}${value === undefined ? ' (the default when BackupRetentionPeriod is absent)' : ''}, less than ${MIN_NATIVE_BACKUP_RETENTION_DAYS}`;
    }
    case 'AWS::DynamoDB::Table': {
      const spec = r.properties.PointInTimeRecoverySpecification;
      const enabled = spec?.PointInTimeRecoveryEnabled;
      if (isIntrinsic(spec) || isIntrinsic(enabled)) return unverifiable('PointInTimeRecoveryEnabled', isIntrinsic(spec) ? spec : enabled, 'PointInTimeRecoverySpecification');
      if (!isTrue(enabled)) return 'point-in-time recovery is not enabled';
      const days = spec.RecoveryPeriodInDays === undefined ? 35 : literalNumber(spec.RecoveryPeriodInDays);
      if (days === undefined) return unverifiable('RecoveryPeriodInDays', spec.RecoveryPeriodInDays, 'PointInTimeRecoverySpecification/RecoveryPeriodInDays');
      return days >= MIN_NATIVE_BACKUP_RETENTION_DAYS ? 'ok' : `point-in-time recovery keeps only ${days} days`;
    }
    case 'AWS::EFS::FileSystem': {
      const status = r.properties.BackupPolicy?.Status;
      if (isIntrinsic(status) || isIntrinsic(r.properties.BackupPolicy)) return unverifiable('BackupPolicy', r.properties.BackupPolicy, 'BackupPolicy');
      return status === 'ENABLED' ? 'ok' : 'automatic backups are not enabled (BackupPolicy)';
    }
    default:
      return undefined;
  }
}
