import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE } from '../rule';
import { recoveryObjectivesOf } from '../utils/backup';

/** The longest recovery time objective accepted, in minutes (24 hours, exclusive). */
export const MAX_RTO_MINUTES = 24 * 60;

/**
 * Reads: `AWS::Backup::BackupPlan` and its stack's declared recovery objectives (see RecoveryObjectivesDeclared).
 * Fails when: the declared `rtoMinutes` is 1440 (24 hours) or more, or no valid RTO is declared (an undeclared
 * RTO is not known to be under 24 hours).
 * Fix: design the recovery (restore automation, warm standby) for an RTO under 24 hours and declare it.
 */
export const RtoUnder24Hours = defineRule({
  name: 'RtoUnder24Hours',
  description: 'The declared recovery time objective is under 24 hours',
  fix: 'Declare (and design for) an RTO under 24 hours: declareRecoveryObjectives(stack, { rpo, rto: Duration.hours(4) })',
  resourceTypes: ['AWS::Backup::BackupPlan'],
  scope: 'stack',
  check(r) {
    if (r.type !== 'AWS::Backup::BackupPlan') return NOT_APPLICABLE;
    const objectives = recoveryObjectivesOf(r.stack);
    if (!objectives.ok) return nonCompliant(`the RTO cannot be compared with 24 hours: ${objectives.problem}`);
    if (objectives.rtoMinutes >= MAX_RTO_MINUTES) return nonCompliant(`the declared RTO is ${objectives.rtoMinutes} minutes (${+(objectives.rtoMinutes / 60).toFixed(1)} hours), not under 24 hours`);
    return COMPLIANT;
  },
});
