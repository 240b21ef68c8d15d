import { METADATA } from '../../conventions';
import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE } from '../rule';
import { recoveryObjectivesOf } from '../utils/backup';

/**
 * Reads: `AWS::Backup::BackupPlan` and the recovery objectives declared for its stack: template metadata
 * `cdk-competency:recovery-objectives` (`{ rpoMinutes, rtoMinutes }`) on the plan's stack, or, when it declares
 * none, on the other stacks of its stage or app (one agreed value). `declareRecoveryObjectives` writes it on a
 * stack, a stage or the app; any template can carry the key by hand. The backup plan is where a stack states
 * how it recovers, so that is where the objectives are looked for. This rule alone reports a missing declaration:
 * the RPO and RTO rules do not repeat it.
 * Fails when: no declaration is found, either objective is not a positive number of minutes, or the stacks that
 * declare them disagree.
 * Fix: `declareRecoveryObjectives(app, { rpo: Duration.hours(1), rto: Duration.hours(4) })` (or on the stack).
 */
export const RecoveryObjectivesDeclared = defineRule({
  name: 'RecoveryObjectivesDeclared',
  description: 'Stacks with a backup plan declare their recovery point and recovery time objectives',
  fix: `Declare the objectives once for the app or stage, declareRecoveryObjectives(app, { rpo, rto }), or on the plan's stack; any template can carry the metadata '${METADATA.RECOVERY_OBJECTIVES}': { rpoMinutes, rtoMinutes }`,
  resourceTypes: ['AWS::Backup::BackupPlan'],
  scope: 'app',
  check(r, app) {
    if (r.type !== 'AWS::Backup::BackupPlan') return NOT_APPLICABLE;
    const objectives = recoveryObjectivesOf(r.stack, app);
    return objectives.ok ? COMPLIANT : nonCompliant(objectives.problem);
  },
});
