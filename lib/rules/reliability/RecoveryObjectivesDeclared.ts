import { METADATA } from '../../conventions';
import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE } from '../rule';
import { recoveryObjectivesOf } from '../utils/backup';

/**
 * Reads: `AWS::Backup::BackupPlan` and its stack's template metadata `cdk-competency:recovery-objectives`
 * (`{ rpoMinutes, rtoMinutes }`, written by `declareRecoveryObjectives`). The backup plan is where a stack
 * states how it recovers, so that is where the objectives must sit.
 * Fails when: the metadata is absent, or either objective is not a positive number of minutes.
 * Fix: `declareRecoveryObjectives(stack, { rpo: Duration.hours(1), rto: Duration.hours(4) })`.
 */
export const RecoveryObjectivesDeclared = defineRule({
  name: 'RecoveryObjectivesDeclared',
  description: 'Stacks with a backup plan declare their recovery point and recovery time objectives',
  fix: `Call declareRecoveryObjectives(stack, { rpo, rto }) in the stack of the backup plan (template metadata '${METADATA.RECOVERY_OBJECTIVES}')`,
  resourceTypes: ['AWS::Backup::BackupPlan'],
  scope: 'stack',
  check(r) {
    if (r.type !== 'AWS::Backup::BackupPlan') return NOT_APPLICABLE;
    const objectives = recoveryObjectivesOf(r.stack);
    return objectives.ok ? COMPLIANT : nonCompliant(objectives.problem);
  },
});
