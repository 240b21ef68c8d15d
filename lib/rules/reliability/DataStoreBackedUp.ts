import { TAGS } from '../../conventions';
import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { backupCoverage, dataStoreTags } from '../utils/backup';
import { branch, isClusterMember } from '../utils/data-stores';
import { DATA_STORES, dataStoreFacts, FSX_CONFIGURATIONS, isDeployTime, isTrue, literalNumber, literalString, NativeBackup } from '../../aws';

/** The shortest native backup retention accepted, in days. */
export const MIN_NATIVE_BACKUP_RETENTION_DAYS = 7;

const TYPES = Object.keys(DATA_STORES).filter((t) => DATA_STORES[t].backup !== undefined);

/**
 * Reads: every data-store type of `lib/aws/data-stores.ts` with a backup fact (S3, DynamoDB tables and global tables,
 * RDS instances outside a cluster and not read replicas, RDS, Aurora, DocumentDB and Neptune clusters, EFS, FSx (Windows,
 * ONTAP, OpenZFS, Lustre), EBS volumes, EC2 instances, Auto Scaling groups, OpenSearch, ElastiCache, MemoryDB, Redshift,
 * Redshift Serverless, DocumentDB elastic) and, across the app, the `AWS::Backup::BackupSelection`s of the same account
 * and region (a plan protects its own region only: a selection in another region, or a copy into this one, does not
 * back the store up): by reference (`Fn::GetAtt`, an ARN built with `Fn::Join`/`Fn::Sub` around a `Ref`, an import), by
 * ARN (resource-type wildcards such as `arn:aws:fsx:*:*:file-system/*`, or `*`), or by tags (`ListOfTags`; `Conditions`
 * must hold too; an instance's or group's launch-template tags count); `NotResources` excludes. `AWS::S3::Bucket` and
 * `AWS::AutoScaling::AutoScalingGroup` count when a selection covers them or when tagged `DataCriticality: critical`
 * (an uncovered bucket or stateless fleet is rebuilt from code). Queues, topics, streams, brokers, log groups, backup
 * vaults and caches of another store are not applicable (`notApplicable` in the table: data in transit, or backups
 * themselves). Cluster members and read replicas are judged with their cluster or source.
 * Fails when: no selection covers the store and the service's own automated backups are not kept at least 7 days:
 * RDS, DocumentDB and Neptune `BackupRetentionPeriod` (absent means 1), Redshift `AutomatedSnapshotRetentionPeriod`
 * (absent means 1), FSx `AutomaticBackupRetentionDays` of its configuration (absent means 30, except FSx for Lustre,
 * whose documented default is ambiguous: state it; scratch Lustre file systems take none), ElastiCache and MemoryDB
 * `SnapshotRetentionLimit`, DynamoDB point-in-time recovery (`RecoveryPeriodInDays` at least 7), EFS
 * `BackupPolicy.Status: ENABLED`; OpenSearch always snapshots hourly (kept 14 days). A selection of the account and
 * region that cannot be read makes an uncovered store unverifiable, as does a native setting unknown at synth.
 * Fix: add the store to an AWS Backup plan of its account and region (CDK: plan.addSelection, or tag it for
 * CrossAccountBackup), or keep the service's own backups at least 7 days.
 */
export const DataStoreBackedUp = defineRule({
  name: 'DataStoreBackedUp',
  description: 'Every data store is backed up regularly, by AWS Backup in its own region or by the service with a retention of at least 7 days',
  fix: `Select the store in an AWS Backup plan of its account and region (by ARN, resource type or the '${TAGS.BACKUP}: true' tag), or keep the service's own backups at least 7 days (RDS/DocumentDB/Neptune BackupRetentionPeriod, Redshift AutomatedSnapshotRetentionPeriod, FSx AutomaticBackupRetentionDays, ElastiCache/MemoryDB SnapshotRetentionLimit, DynamoDB point-in-time recovery, EFS automatic backups)`,
  resourceTypes: TYPES,
  scope: 'app',
  check(r, app) {
    const facts = dataStoreFacts(r.type);
    const backup = facts?.backup;
    if (!facts || !backup || backup.notApplicable !== undefined) return NOT_APPLICABLE;
    // A cluster member is judged with its cluster, a read replica with its source.
    if (isClusterMember(r, facts.memberOf?.path) || (r.type === 'AWS::RDS::DBInstance' && r.properties.SourceDBInstanceIdentifier !== undefined)) return NOT_APPLICABLE;
    if (r.type === 'AWS::ElastiCache::CacheCluster' && literalString(r.properties.Engine)?.toLowerCase() === 'memcached') return NOT_APPLICABLE;
    const coverage = backup.awsBackup ? backupCoverage(r, app) : { covered: false as const };
    if (coverage.covered) return COMPLIANT;
    // Buckets and fleets are rebuilt from code unless marked critical: uncovered, they are out of scope; covered, they count.
    if ((r.type === 'AWS::S3::Bucket' || r.type === 'AWS::AutoScaling::AutoScalingGroup') && dataStoreTags(r, app).get(TAGS.DATA_CRITICALITY) !== 'critical') return NOT_APPLICABLE;
    const native = backup.native ? nativeBackups(r, backup.native, app) : undefined;
    if (native === 'ok') return COMPLIANT;
    if ('unresolved' in coverage && coverage.unresolved) return nonCompliant(`could not verify whether backup selection ${coverage.unresolved.path} covers it: part of its selection is not known at synth`);
    if (typeof native === 'object') return native;
    const where = `${r.stack.account ? `account ${r.stack.account}` : `stack ${r.stack.path}`}${r.stack.account && r.stack.region ? ` in ${r.stack.region}` : ''}`;
    const elsewhere = 'otherRegion' in coverage && coverage.otherRegion
      ? ` (selection ${coverage.otherRegion.path} would select it, but it is in ${coverage.otherRegion.stack.region}: a plan backs up its own region only)` : '';
    const what = backup.awsBackup ? `no AWS Backup selection of ${where} covers it${elsewhere}` : `AWS Backup does not protect this ${facts.noun}`;
    return nonCompliant(`${what}${native ? `, and ${native}` : ''}`);
  },
});

/** 'ok' when native backups suffice; otherwise why not (a phrase), or a verdict when a setting is unknown. */
function nativeBackups(r: ResourceView, native: NativeBackup, app: AppView): 'ok' | string | RuleVerdict | undefined {
  switch (native.kind) {
    case 'always':
      return native.days >= MIN_NATIVE_BACKUP_RETENTION_DAYS ? 'ok' : `its automatic backups are kept ${native.days} days`;
    case 'flag': {
      const res = app.resolve(r, native.path);
      if (!res.ok) return unverifiable(native.path, res.unresolved, native.path.split('/')[0]);
      for (const { value, conditions } of res.values) {
        if (isDeployTime(value)) return unverifiable(native.path, value, native.path.split('/')[0]);
        if (value !== native.value) return `${native.what} are not enabled${branch(conditions)}`;
      }
      return 'ok';
    }
    case 'point-in-time':
      return pointInTime(r, native, app);
    case 'retention':
      return retention(r, native, app);
  }
}

function retention(r: ResourceView, native: Extract<NativeBackup, { kind: 'retention' }>, app: AppView): string | RuleVerdict | 'ok' {
  let path = native.path;
  let absent = native.absent;
  if (path.startsWith('<Configuration>/')) {
    // FSx: the property of the configuration of the file system's type.
    const type = literalString(r.properties.FileSystemType);
    const configuration = type !== undefined ? FSX_CONFIGURATIONS[type] : undefined;
    if (!configuration) return unverifiable('FileSystemType', r.properties.FileSystemType, 'FileSystemType');
    path = path.replace('<Configuration>', configuration);
    if (type === 'LUSTRE') {
      const deployment = literalString(r.properties.LustreConfiguration?.DeploymentType) ?? 'SCRATCH_1';
      if (deployment.startsWith('SCRATCH')) return `a scratch FSx for Lustre file system (${deployment}) takes no backups`;
    } else {
      absent = 30;
    }
  }
  const res = app.resolve(r, path);
  if (!res.ok) return unverifiable(path, res.unresolved, path);
  for (const { value, conditions } of res.values) {
    if (isDeployTime(value)) return unverifiable(path, value, path);
    if (value === undefined && absent === undefined) {
      return `${path} is not set, and AWS documents no single default for it: state how many days automatic backups are kept${branch(conditions)}`;
    }
    const days = value === undefined ? absent! : literalNumber(value) ?? 0;
    if (days < MIN_NATIVE_BACKUP_RETENTION_DAYS) {
      return `its automated backups are kept ${days} day${days === 1 ? '' : 's'}${value === undefined ? ` (the default when ${path} is absent)` : ''}, less than ${MIN_NATIVE_BACKUP_RETENTION_DAYS}${branch(conditions)}`;
    }
  }
  return 'ok';
}

function pointInTime(r: ResourceView, native: Extract<NativeBackup, { kind: 'point-in-time' }>, app: AppView): string | RuleVerdict | 'ok' {
  const [list, flagPath] = native.flag.includes('/*/') ? native.flag.split('/*/') : [undefined, native.flag];
  const daysPath = list ? native.days.split('/*/')[1] : native.days;
  // A global table: every replica must keep point-in-time recovery.
  const holders: string[] = [];
  if (list) {
    const res = app.resolve(r, list);
    if (!res.ok) return unverifiable(list, res.unresolved, list);
    const count = Math.max(0, ...res.values.map((v) => (Array.isArray(v.value) ? v.value.length : 0)));
    for (let i = 0; i < count; i++) holders.push(`${list}/${i}/`);
    if (count === 0) return 'the global table has no replicas';
  } else {
    holders.push('');
  }
  for (const path of holders) {
    const enabled = app.resolve(r, `${path}${flagPath}`);
    if (!enabled.ok) return unverifiable('PointInTimeRecoveryEnabled', enabled.unresolved, `${path}${flagPath.split('/')[0]}`);
    for (const { value, conditions } of enabled.values) {
      if (isDeployTime(value)) return unverifiable('PointInTimeRecoveryEnabled', value, `${path}${flagPath.split('/')[0]}`);
      if (!isTrue(value)) return `point-in-time recovery is not enabled${path ? ` on replica ${path.split('/')[1]}` : ''}${branch(conditions)}`;
    }
    const days = app.resolve(r, `${path}${daysPath}`);
    if (!days.ok) return unverifiable('RecoveryPeriodInDays', days.unresolved, `${path}${daysPath}`);
    for (const { value } of days.values) {
      const n = value === undefined ? native.absentDays : literalNumber(value);
      if (n === undefined) return unverifiable('RecoveryPeriodInDays', value, `${path}${daysPath}`);
      if (n < MIN_NATIVE_BACKUP_RETENTION_DAYS) return `point-in-time recovery keeps only ${n} days`;
    }
  }
  return 'ok';
}
