import { Duration, Token } from 'aws-cdk-lib';
import { parseArn, readBackupSchedule } from '../../lib/aws';
import { PropSchema, PropValidator, isAccountId, isBackupVaultArn, isBackupVaultName, isOrganizationId } from '../core';
import { CROSS_ACCOUNT_BACKUP_DEFAULTS, RESTORE_TESTING_RESOURCE_TYPES, VAULT_LOCK_DEFAULTS } from './defaults';
import { BackupCopyTarget, BackupDestinationVaultProps, BackupVaultLockOptions, CrossAccountBackupProps } from './props';

/** JavaScript shapes of `BackupVaultLockOptions` (checked before anything reads them). */
const VAULT_LOCK_PROP_TYPES: PropSchema<BackupVaultLockOptions> = {
  minRetention: 'duration', maxRetention: 'duration', changeableFor: 'duration', denyAccessPolicyChanges: 'boolean', accessPolicyAdministratorArns: 'string[]',
};

const COPY_TARGET: PropSchema<BackupCopyTarget> = { vaultArn: 'string!', retention: 'duration' };

/** JavaScript shapes of every prop of a `CrossAccountBackup` (`checkPropTypes`, first statement of the constructor). */
export const CROSS_ACCOUNT_BACKUP_PROP_TYPES: PropSchema<CrossAccountBackupProps> = {
  rpo: 'duration!',
  rto: 'duration!',
  copyTo: { type: 'object', required: true, missing: 'must name a vault in another account (item 2.13)', fields: COPY_TARGET },
  copyToRegion: { type: 'object', fields: COPY_TARGET },
  vaultName: 'string',
  vaultLock: { type: 'object', fields: VAULT_LOCK_PROP_TYPES },
  schedule: 'string',
  retention: 'duration',
  selectionTag: { type: 'object', fields: { key: 'string!', value: 'string!' } },
  restoreTesting: { type: 'object', fields: { enabled: 'boolean', schedule: 'string', resourceTypes: 'string[]', selectionWindow: 'duration', planName: 'string' } },
  notificationTopic: 'construct',
};

/** JavaScript shapes of every prop of a `BackupDestinationVault`. */
export const BACKUP_DESTINATION_VAULT_PROP_TYPES: PropSchema<BackupDestinationVaultProps> = {
  vaultName: 'string',
  vaultLock: { type: 'object', fields: VAULT_LOCK_PROP_TYPES },
  organizationId: 'string',
  sourceAccountIds: 'string[]',
  notificationTopic: 'construct',
};

/** Minutes of a duration; undefined when absent or unresolved (a token, in any unit). */
const minutes = (d: Duration | undefined): number | undefined => {
  if (d === undefined || d.isUnresolved()) return undefined;
  const n = d.toMinutes({ integral: false });
  return Token.isUnresolved(n) ? undefined : n;
};
const days = (d: Duration | undefined): number | undefined => {
  const m = minutes(d);
  return m === undefined ? undefined : m / 1440;
};
const human = (d: Duration) => d.toHumanString();

function checkVaultName(v: PropValidator, name: string | undefined): void {
  if (name !== undefined) v.check(isBackupVaultName(name), 'vaultName', 'must be 2-50 letters, digits, hyphens or underscores', name);
}

function checkLock(v: PropValidator, lock: BackupVaultLockOptions | undefined): { min: number; max: number } {
  const min = days(lock?.minRetention ?? VAULT_LOCK_DEFAULTS.minRetention) ?? 1;
  const max = days(lock?.maxRetention ?? VAULT_LOCK_DEFAULTS.maxRetention) ?? 36500;
  const changeable = days(lock?.changeableFor ?? VAULT_LOCK_DEFAULTS.changeableFor);
  v.check(min >= 1, 'vaultLock.minRetention', 'must be at least 1 day', `${min} days`);
  v.check(min <= max, 'vaultLock.minRetention', `must not exceed vaultLock.maxRetention (${max} days)`, `${min} days`);
  if (changeable !== undefined) v.check(changeable >= 3, 'vaultLock.changeableFor', 'must be at least 3 days (AWS Backup Vault Lock minimum)', `${changeable} days`);
  return { min, max };
}

/** Checks every prop of a `CrossAccountBackup` and throws once listing every problem. */
export function validateCrossAccountBackupProps(props: CrossAccountBackupProps, stackAccount: string, stackRegion: string): void {
  const v = new PropValidator('CrossAccountBackup');
  checkVaultName(v, props.vaultName);
  const lock = checkLock(v, props.vaultLock);

  // Schedule, RPO and RTO (items 2.6, 2.10, 2.11)
  const schedule = props.schedule ?? CROSS_ACCOUNT_BACKUP_DEFAULTS.schedule;
  // One reader with the rules (lib/aws/backup-schedule.ts): what it refuses, item 2.10's rule would flag.
  const reading = Token.isUnresolved(schedule) ? undefined : readBackupSchedule(schedule);
  if (Token.isUnresolved(schedule)) v.fail('schedule', 'must be known at synth (its interval bounds the RPO, items 2.6 and 2.10)', schedule);
  else if (!reading!.ok) v.fail('schedule', `must be an AWS Backup cron expression like 'cron(0 5 * * ? *)': the schedule ${reading!.problem}`, schedule);
  const interval = reading?.ok ? reading.schedule.longestGapMinutes : undefined;
  // The recovery objectives are written into the template for the checklist (2.10, 2.11): they must be known at synth.
  for (const [prop, d] of [['rpo', props.rpo], ['rto', props.rto]] as const) {
    if (d !== undefined && d.isUnresolved()) v.fail(prop, 'must be a concrete duration (it is declared in the template for items 2.10 and 2.11)', d);
  }
  const rto = minutes(props.rto);
  const rpo = minutes(props.rpo);
  if (rto !== undefined) v.check(rto > 0 && rto < 24 * 60, 'rto', 'must be shorter than 24 hours (item 2.11)', human(props.rto));
  if (rpo !== undefined) v.check(rpo > 0, 'rpo', 'must be positive', human(props.rpo));
  if (rpo !== undefined && interval !== undefined && rpo > 0) {
    v.check(rpo >= interval, 'rpo', `must not be shorter than the longest interval between two backups of schedule '${schedule}' (${interval / 60} hours)`, human(props.rpo));
  }

  // Retention
  const retention = days(props.retention ?? CROSS_ACCOUNT_BACKUP_DEFAULTS.retention);
  if (retention !== undefined) {
    v.check(Number.isInteger(retention) && retention >= 1, 'retention', 'must be a whole number of days, at least 1', `${retention} days`);
    v.check(retention >= lock.min && retention <= lock.max, 'retention', `must lie within the vault lock range ${lock.min}-${lock.max} days`, `${retention} days`);
  }

  // Copies (items 2.13)
  const checkCopy = (prop: string, target: { vaultArn: string; retention?: Duration } | undefined, mustDiffer: 'account' | 'region') => {
    if (target === undefined) return;
    if (!isBackupVaultArn(target.vaultArn)) {
      v.fail(`${prop}.vaultArn`, "must be a backup vault ARN like 'arn:aws:backup:<region>:<account>:backup-vault:<name>'", target.vaultArn);
    } else if (!Token.isUnresolved(target.vaultArn)) {
      const arn = parseArn(target.vaultArn)!;
      if (mustDiffer === 'account' && !Token.isUnresolved(stackAccount)) {
        v.check(arn.account !== stackAccount, `${prop}.vaultArn`, `must name a vault in another account than the source account ${stackAccount} (item 2.13)`, target.vaultArn);
      }
      if (mustDiffer === 'region' && !Token.isUnresolved(stackRegion)) {
        v.check(arn.region !== stackRegion, `${prop}.vaultArn`, `must name a vault in another region than the source region ${stackRegion}`, target.vaultArn);
      }
    }
    const copyRetention = days(target.retention);
    if (copyRetention !== undefined && retention !== undefined) {
      v.check(copyRetention >= retention, `${prop}.retention`, `must be at least the plan retention (${retention} days)`, `${copyRetention} days`);
    }
  };
  if (props.copyTo === undefined) v.fail('copyTo', 'must name a vault in another account (item 2.13)', props.copyTo);
  checkCopy('copyTo', props.copyTo, 'account');
  checkCopy('copyToRegion', props.copyToRegion, 'region');

  // Selection
  const tag = props.selectionTag;
  if (tag) {
    v.check(tag.key.length > 0 && tag.key.length <= 128, 'selectionTag.key', 'must be 1-128 characters', tag.key);
    v.check(tag.value.length <= 256, 'selectionTag.value', 'must be at most 256 characters', tag.value);
  }

  // Restore testing (item 2.7)
  const rt = props.restoreTesting;
  const restoreSchedule = rt?.schedule !== undefined && !Token.isUnresolved(rt.schedule) ? readBackupSchedule(rt.schedule) : undefined;
  if (restoreSchedule && !restoreSchedule.ok) {
    v.fail('restoreTesting.schedule', `must be an AWS Backup cron expression like 'cron(0 6 ? * SUN *)': the schedule ${restoreSchedule.problem}`, rt!.schedule);
  }
  for (const t of rt?.resourceTypes ?? []) {
    v.check((RESTORE_TESTING_RESOURCE_TYPES as readonly string[]).includes(t), 'restoreTesting.resourceTypes', `must list only ${RESTORE_TESTING_RESOURCE_TYPES.join(', ')}`, t);
  }
  const repeated = (rt?.resourceTypes ?? []).filter((t, i, all) => all.indexOf(t) !== i);
  if (repeated.length > 0) v.fail('restoreTesting.resourceTypes', 'must list each resource type once', [...new Set(repeated)].join(', '));
  if (rt?.resourceTypes !== undefined && rt.enabled !== false) v.check(rt.resourceTypes.length > 0, 'restoreTesting.resourceTypes', 'must not be empty (disable restore testing with enabled: false instead)', rt.resourceTypes);
  const window = days(rt?.selectionWindow);
  if (window !== undefined) v.check(Number.isInteger(window) && window >= 1 && window <= 365, 'restoreTesting.selectionWindow', 'must be a whole number of days between 1 and 365', `${window} days`);
  if (rt?.planName !== undefined) v.check(/^[a-zA-Z][a-zA-Z0-9_]{0,49}$/.test(rt.planName), 'restoreTesting.planName', 'must be 1-50 letters, digits or underscores, starting with a letter', rt.planName);
  v.throwIfAny();
}

/** Checks every prop of a `BackupDestinationVault` and throws once listing every problem. */
export function validateBackupDestinationVaultProps(props: BackupDestinationVaultProps, stackAccount: string): void {
  const v = new PropValidator('BackupDestinationVault');
  checkVaultName(v, props.vaultName);
  checkLock(v, props.vaultLock);
  const accounts = props.sourceAccountIds ?? [];
  if (props.organizationId === undefined && accounts.length === 0) {
    v.fail('organizationId', "or 'sourceAccountIds' must be given: the vault admits copies only from the organization or named accounts", props.organizationId);
  }
  if (props.organizationId !== undefined) v.check(isOrganizationId(props.organizationId), 'organizationId', "must be an AWS Organizations ID like 'o-a1b2c3d4e5'", props.organizationId);
  for (const a of accounts) {
    v.check(isAccountId(a), 'sourceAccountIds', 'must list 12-digit account IDs', a);
    if (!Token.isUnresolved(stackAccount) && !Token.isUnresolved(a)) {
      v.check(a !== stackAccount, 'sourceAccountIds', `must not list the vault's own account ${stackAccount}: copies must come from another account (item 2.13)`, a);
    }
  }
  v.throwIfAny();
}
