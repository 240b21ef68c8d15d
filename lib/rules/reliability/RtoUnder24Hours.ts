import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE } from '../rule';
import { recoveryObjectivesOf } from '../utils/backup';

/** The longest recovery time objective accepted, in minutes (24 hours, exclusive). */
export const MAX_RTO_MINUTES = 24 * 60;

/**
 * Reads: `AWS::Backup::BackupPlan` and its stack's declared recovery objectives (see RecoveryObjectivesDeclared).
 * Fails when: the declared `rtoMinutes` is 1440 (24 hours) or more. Without a valid declaration there is nothing
 * to compare: not applicable (the one finding is RecoveryObjectivesDeclared's, and item 2.11 has no evidence).
 * Fix: design the recovery (restore automation, warm standby) for an RTO under 24 hours and declare it.
 */
export const RtoUnder24Hours = defineRule({
  name: 'RtoUnder24Hours',
  description: 'The declared recovery time objective is under 24 hours',
  fix: 'Declare (and design for) an RTO under 24 hours: declareRecoveryObjectives(stack, { rpo, rto: Duration.hours(4) })',
  resourceTypes: ['AWS::Backup::BackupPlan'],
  scope: 'app',
  check(r, app) {
    if (r.type !== 'AWS::Backup::BackupPlan') return NOT_APPLICABLE;
    const objectives = recoveryObjectivesOf(r.stack, app);
    // A missing or malformed declaration is one finding, RecoveryObjectivesDeclared's (item 2.10).
    if (!objectives.ok) return NOT_APPLICABLE;
    if (objectives.rtoMinutes >= MAX_RTO_MINUTES) return nonCompliant(`the declared RTO is ${objectives.rtoMinutes} minutes (${+(objectives.rtoMinutes / 60).toFixed(1)} hours), not under 24 hours`);
    return COMPLIANT;
  },
});
