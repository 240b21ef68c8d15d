import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, unverifiable } from '../rule';
import { AWS_BACKUP_DEFAULT_SCHEDULE, isIntrinsic, literalString, readBackupSchedule } from '../../aws';
import { planRules, recoveryObjectivesOf } from '../utils/backup';

/**
 * Reads: `AWS::Backup::BackupPlan` (each rule's `ScheduleExpression`, read as AWS Backup reads it: a cron expression,
 * see `lib/aws/backup-schedule.ts`; a rule without one runs daily at 05:00 UTC, AWS Backup's default; with
 * `ScheduleExpressionTimezone`, a daylight-saving shift can add an hour) and its stack's declared RPO.
 * Fails when: the plan's most frequent rule leaves a longer gap between two backups than the declared RPO
 * (`rpoMinutes`). Without a valid declaration there is nothing to compare: not applicable (the one finding is
 * RecoveryObjectivesDeclared's). Continuous backup (`EnableContinuousBackup`) is not counted:
 * it covers only some resource types, and the schedule is what bounds the RPO for all of them. A schedule AWS Backup
 * would not run as a recurring backup (a rate expression, runs less than an hour apart, a year field that ends, a
 * malformed field) or a schedule unknown at synth is reported.
 * Fix: schedule backups at least as often as the RPO (e.g. `cron(0 * * * ? *)` for a one-hour RPO).
 */
export const RpoWithinBackupFrequency = defineRule({
  name: 'RpoWithinBackupFrequency',
  description: 'Backups run at least as often as the declared recovery point objective',
  fix: 'Add a backup plan rule whose schedule runs at least once per RPO (e.g. cron(0 * * * ? *) for a one-hour RPO), or declare the RPO the schedule achieves',
  resourceTypes: ['AWS::Backup::BackupPlan'],
  scope: 'app',
  check(r, app) {
    if (r.type !== 'AWS::Backup::BackupPlan') return NOT_APPLICABLE;
    const objectives = recoveryObjectivesOf(r.stack, app);
    // A missing or malformed declaration is one finding, RecoveryObjectivesDeclared's: nothing to compare here.
    if (!objectives.ok) return NOT_APPLICABLE;
    const rules = planRules(r);
    if (!rules) return unverifiable('the backup plan rules', r.properties.BackupPlan, 'BackupPlan');
    if (rules.length === 0) return nonCompliant('the backup plan has no rules, so nothing is backed up', 'BackupPlan/BackupPlanRule');
    let best: { minutes: number; expression: string } | undefined;
    for (const [i, rule] of rules.entries()) {
      const value = rule.ScheduleExpression ?? AWS_BACKUP_DEFAULT_SCHEDULE;
      const location = `BackupPlan/BackupPlanRule/${i}/ScheduleExpression`;
      if (isIntrinsic(value)) return unverifiable(`the schedule of rule ${rule.RuleName ?? i}`, value, location);
      const timezone = rule.ScheduleExpressionTimezone;
      if (isIntrinsic(timezone)) return unverifiable(`the schedule time zone of rule ${rule.RuleName ?? i}`, timezone, `BackupPlan/BackupPlanRule/${i}/ScheduleExpressionTimezone`);
      const expression = literalString(value) ?? String(value);
      const reading = readBackupSchedule(expression, { timezone: literalString(timezone) });
      if (!reading.ok) return nonCompliant(`could not verify the schedule '${expression}' of rule ${rule.RuleName ?? i}: it ${reading.problem}`, location);
      const minutes = reading.schedule.longestGapMinutes;
      if (!best || minutes < best.minutes) best = { minutes, expression };
    }
    if (best!.minutes > objectives.rpoMinutes) {
      return nonCompliant(`the most frequent backup ('${best!.expression}') runs every ${best!.minutes} minutes at worst, longer than the declared RPO of ${objectives.rpoMinutes} minutes`, 'BackupPlan/BackupPlanRule');
    }
    return COMPLIANT;
  },
});
