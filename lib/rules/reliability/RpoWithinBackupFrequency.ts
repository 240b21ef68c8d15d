import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, unverifiable } from '../rule';
import { DEFAULT_SCHEDULE, planRules, recoveryObjectivesOf, scheduleIntervalMinutes } from '../utils/backup';
import { isIntrinsic, literalString } from '../utils/intrinsics';

/**
 * Reads: `AWS::Backup::BackupPlan` (each rule's `ScheduleExpression`: `cron(...)` or `rate(...)`; a rule without
 * one runs daily at 05:00 UTC, AWS Backup's default) and its stack's declared RPO.
 * Fails when: the plan's most frequent rule leaves a longer gap between two backups than the declared RPO
 * (`rpoMinutes`), or no valid RPO is declared. Continuous backup (`EnableContinuousBackup`) is not counted:
 * it covers only some resource types, and the schedule is what bounds the RPO for all of them. A schedule that
 * cannot be read (L, W, #, a fixed year) or is unknown at synth is reported.
 * Fix: schedule backups at least as often as the RPO (e.g. `Schedule.rate(Duration.hours(1))` for a one-hour RPO).
 */
export const RpoWithinBackupFrequency = defineRule({
  name: 'RpoWithinBackupFrequency',
  description: 'Backups run at least as often as the declared recovery point objective',
  fix: 'Add a backup plan rule whose schedule runs at least once per RPO (e.g. cron(0 * * * ? *) for a one-hour RPO), or declare the RPO the schedule achieves',
  resourceTypes: ['AWS::Backup::BackupPlan'],
  scope: 'stack',
  check(r) {
    if (r.type !== 'AWS::Backup::BackupPlan') return NOT_APPLICABLE;
    const objectives = recoveryObjectivesOf(r.stack);
    if (!objectives.ok) return nonCompliant(`the backup frequency cannot be compared with the RPO: ${objectives.problem}`);
    const rules = planRules(r);
    if (!rules) return unverifiable('the backup plan rules', r.properties.BackupPlan, 'BackupPlan');
    if (rules.length === 0) return nonCompliant('the backup plan has no rules, so nothing is backed up', 'BackupPlan/BackupPlanRule');
    let best: { minutes: number; expression: string } | undefined;
    for (const [i, rule] of rules.entries()) {
      const value = rule.ScheduleExpression ?? DEFAULT_SCHEDULE;
      const location = `BackupPlan/BackupPlanRule/${i}/ScheduleExpression`;
      if (isIntrinsic(value)) return unverifiable(`the schedule of rule ${rule.RuleName ?? i}`, value, location);
      const expression = literalString(value) ?? String(value);
      const minutes = scheduleIntervalMinutes(expression);
      if (minutes === undefined) return nonCompliant(`could not verify the schedule '${expression}' of rule ${rule.RuleName ?? i}: it cannot be read as an interval`, location);
      if (!best || minutes < best.minutes) best = { minutes, expression };
    }
    if (best!.minutes > objectives.rpoMinutes) {
      return nonCompliant(`the most frequent backup ('${best!.expression}') runs every ${best!.minutes} minutes at worst, longer than the declared RPO of ${objectives.rpoMinutes} minutes`, 'BackupPlan/BackupPlanRule');
    }
    return COMPLIANT;
  },
});
