import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, unverifiable } from '../rule';
import { isIntrinsic, literalNumber } from '../../aws';

/** The shortest retention accepted: three months of logs immediately available (as PCI DSS 10.5.1 asks). */
export const MIN_LOG_RETENTION_DAYS = 90;

/**
 * Reads: `AWS::Logs::LogGroup` (`RetentionInDays`).
 * Fails when: `RetentionInDays` is absent ("never expire": retention nobody decided, and cost that only grows)
 * or below 90 days (too short to investigate an incident; the long-term archive belongs in the central log
 * store, see LogGroupShippedCentrally). Retention unknown at synth is reported. The AWS Config rule
 * CW_LOGGROUP_RETENTION_PERIOD_CHECK watches the same at run time (set its MinRetentionTime to 90 to match).
 * Fix: set `retention` (CDK L2 defaults to two years) to at least `RetentionDays.THREE_MONTHS`.
 */
export const LogGroupRetention = defineRule({
  name: 'LogGroupRetention',
  description: `CloudWatch log groups have a deliberate retention of at least ${MIN_LOG_RETENTION_DAYS} days`,
  fix: `Set RetentionInDays (CDK: retention: RetentionDays.THREE_MONTHS or longer) on the log group; archive beyond that in the central log store`,
  resourceTypes: ['AWS::Logs::LogGroup'],
  scope: 'resource',
  check(r) {
    if (r.type !== 'AWS::Logs::LogGroup') return NOT_APPLICABLE;
    const value = r.properties.RetentionInDays;
    if (value === undefined) return nonCompliant('the log group has no RetentionInDays, so its logs never expire and nobody decided how long to keep them', 'RetentionInDays');
    if (isIntrinsic(value)) return unverifiable('RetentionInDays', value, 'RetentionInDays');
    const days = literalNumber(value);
    if (days === undefined) return nonCompliant(`RetentionInDays is ${JSON.stringify(value)}, not a number of days`, 'RetentionInDays');
    if (days < MIN_LOG_RETENTION_DAYS) return nonCompliant(`logs are kept ${days} days, less than ${MIN_LOG_RETENTION_DAYS}`, 'RetentionInDays');
    return COMPLIANT;
  },
});
