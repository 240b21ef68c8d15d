/**
 * AWS Backup: the backup jobs of a plan (and the lock state of the vaults they write to), its copy jobs into
 * another account, and the jobs of a restore testing plan, over the last {@link JOB_WINDOW_DAYS} days. The
 * latest job of each resource decides: failed fails the control, completed verifies it; no job leaves it not
 * verified.
 */
import { LiveResult } from '../model';
import { isFailure } from './aws';
import { notA } from './config';
import { daysBefore, failed, iso, JOB_WINDOW_DAYS, latestBy, listed, Outcome, Reader, when, where } from './reader';

const FAILED_STATES = new Set(['FAILED', 'ABORTED', 'EXPIRED', 'PARTIAL']);

/** Backup jobs of a backup plan (`AWS::Backup::BackupPlan`, physical id = plan id). */
export const readBackupJobs: Reader = async (aws, d, now) => {
  if (d.type !== 'AWS::Backup::BackupPlan') return notA(d, 'backup plan');
  const pages = await aws.pages('backup:ListBackupJobs', d.env, 'ListBackupJobsCommand', { ByCreatedAfter: daysBefore(now, JOB_WINDOW_DAYS) });
  if (isFailure(pages)) return failed('backup:ListBackupJobs', d.env, pages, `the backup jobs of plan ${d.physicalId}`);
  const jobs = pages.flatMap((p) => p.BackupJobs ?? []).filter((j: any) => j.CreatedBy?.BackupPlanId === d.physicalId);
  const latest = latestBy(jobs, (j: any) => String(j.ResourceArn), (j: any) => j.CreationDate);
  const results: LiveResult[] = latest.map((j: any) => ({
    where: where(d), source: `backup plan ${d.physicalId}`, resource: String(j.ResourceArn), state: String(j.State),
    ...(iso(j.CompletionDate ?? j.CreationDate) ? { at: iso(j.CompletionDate ?? j.CreationDate) } : {}),
    detail: `to vault ${j.BackupVaultName ?? '?'}${j.StatusMessage ? `: ${j.StatusMessage}` : ''}`,
  }));
  // The vaults the jobs write to: their lock state is shown (not counted: the checklist does not ask for a lock).
  const problems: string[] = [];
  for (const vault of [...new Set(latest.map((j: any) => j.BackupVaultName).filter(Boolean))] as string[]) {
    const v = await aws.call('backup:DescribeBackupVault', d.env, 'DescribeBackupVaultCommand', { BackupVaultName: vault });
    if (isFailure(v)) {
      problems.push(...failed('backup:DescribeBackupVault', d.env, v, `vault ${vault}`).problems);
      continue;
    }
    results.push({
      where: where(d), source: `backup vault ${vault}`, state: v.Locked ? 'LOCKED' : 'NOT_LOCKED',
      ...(iso(v.LockDate) ? { at: iso(v.LockDate) } : {}),
      detail: v.Locked ? `Vault Lock, minimum retention ${v.MinRetentionDays ?? '?'} days${v.LockDate ? `, immutable since ${when(v.LockDate)}` : ' (governance mode)'}` : 'no Vault Lock',
    });
  }
  return decideJobs(latest, results, problems, 'State', `backup job of plan ${d.physicalId}`, (j) => String(j.ResourceArn));
};

/** Copy jobs of a backup plan (`AWS::Backup::BackupPlan` with copy actions), per resource and destination vault. */
export const readCopyJobs: Reader = async (aws, d, now) => {
  if (d.type !== 'AWS::Backup::BackupPlan') return notA(d, 'backup plan');
  const pages = await aws.pages('backup:ListCopyJobs', d.env, 'ListCopyJobsCommand', { ByCreatedAfter: daysBefore(now, JOB_WINDOW_DAYS) });
  if (isFailure(pages)) return failed('backup:ListCopyJobs', d.env, pages, `the copy jobs of plan ${d.physicalId}`);
  const jobs = pages.flatMap((p) => p.CopyJobs ?? []).filter((j: any) => j.CreatedBy?.BackupPlanId === d.physicalId);
  const latest = latestBy(jobs, (j: any) => `${j.ResourceArn} ${j.DestinationBackupVaultArn}`, (j: any) => j.CreationDate);
  const results: LiveResult[] = latest.map((j: any) => ({
    where: where(d), source: `backup plan ${d.physicalId}`, resource: String(j.ResourceArn), state: String(j.State),
    ...(iso(j.CompletionDate ?? j.CreationDate) ? { at: iso(j.CompletionDate ?? j.CreationDate) } : {}),
    detail: `to ${j.DestinationBackupVaultArn ?? '?'}${j.DestinationVaultLockState ? ` (${j.DestinationVaultLockState})` : ''}${j.StatusMessage ? `: ${j.StatusMessage}` : ''}`,
  }));
  return decideJobs(latest, results, [], 'State', `copy job of plan ${d.physicalId}`, (j) => `${j.ResourceArn} to ${j.DestinationBackupVaultArn}`);
};

/** Restore testing jobs of a restore testing plan (`AWS::Backup::RestoreTestingPlan`, physical id = plan name), with their validation. */
export const readRestoreTesting: Reader = async (aws, d, now) => {
  if (d.type !== 'AWS::Backup::RestoreTestingPlan') return notA(d, 'restore testing plan');
  const plan = await aws.call('backup:GetRestoreTestingPlan', d.env, 'GetRestoreTestingPlanCommand', { RestoreTestingPlanName: d.physicalId });
  if (isFailure(plan)) {
    if (plan.kind === 'not-found') return { state: 'missing', note: `restore testing plan ${d.physicalId} not found in ${where(d)}`, results: [], problems: [] };
    return failed('backup:GetRestoreTestingPlan', d.env, plan, `restore testing plan ${d.physicalId}`);
  }
  const arn = plan.RestoreTestingPlan?.RestoreTestingPlanArn;
  const pages = await aws.pages('backup:ListRestoreJobs', d.env, 'ListRestoreJobsCommand', { ByRestoreTestingPlanArn: arn, ByCreatedAfter: daysBefore(now, JOB_WINDOW_DAYS) });
  if (isFailure(pages)) return failed('backup:ListRestoreJobs', d.env, pages, `the restore jobs of plan ${d.physicalId}`);
  const jobs = pages.flatMap((p) => p.RestoreJobs ?? []).map((j: any) => ({
    ...j,
    // A restore that completed but whose validation failed or timed out did not show the backup restores.
    Outcome: j.Status === 'COMPLETED' && (j.ValidationStatus === 'FAILED' || j.ValidationStatus === 'TIMED_OUT') ? `VALIDATION_${j.ValidationStatus}` : j.Status,
  }));
  const latest = latestBy(jobs, (j: any) => String(j.ResourceType ?? j.SourceResourceArn), (j: any) => j.CreationDate);
  const results: LiveResult[] = latest.map((j: any) => ({
    where: where(d), source: `restore testing plan ${d.physicalId}`, resource: String(j.SourceResourceArn ?? j.ResourceType), state: String(j.Outcome),
    ...(iso(j.CompletionDate ?? j.CreationDate) ? { at: iso(j.CompletionDate ?? j.CreationDate) } : {}),
    detail: `${j.ResourceType ?? ''} restore${j.ValidationStatus ? `, validation ${j.ValidationStatus}` : ''}${j.StatusMessage ? `: ${j.StatusMessage}` : ''}${j.ValidationStatusMessage ? `: ${j.ValidationStatusMessage}` : ''}`.trim(),
  }));
  return decideJobs(latest, results, [], 'Outcome', `restore test of plan ${d.physicalId}`, (j) => String(j.ResourceType ?? j.SourceResourceArn));
};

function decideJobs(latest: readonly any[], results: LiveResult[], problems: string[], stateKey: string, what: string, label: (j: any) => string): Outcome {
  if (latest.length === 0) return { state: 'not-verified', note: `no ${what} in the last ${JOB_WINDOW_DAYS} days`, results, problems };
  const bad = latest.filter((j) => FAILED_STATES.has(String(j[stateKey])) || String(j[stateKey]).startsWith('VALIDATION_'));
  if (bad.length > 0) {
    return { state: 'failing', note: `latest ${what} ${listed(bad.map((j) => String(j[stateKey])))} for ${listed(bad.map(label), 2)}`, results, problems };
  }
  const done = latest.filter((j) => j[stateKey] === 'COMPLETED');
  if (done.length === 0) return { state: 'not-verified', note: `no completed ${what} yet (latest ${listed(latest.map((j) => String(j[stateKey])))})`, results, problems };
  const last = done.map((j) => iso(j.CompletionDate ?? j.CreationDate) ?? '').sort().pop();
  return { state: 'verified', note: `latest ${what} COMPLETED for ${done.length} resource${done.length === 1 ? '' : 's'}, last ${when(last)}`, results, problems };
}
