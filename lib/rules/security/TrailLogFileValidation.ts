import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, unverifiable } from '../rule';
import { isIntrinsic, isTrue } from '../../aws';

/**
 * Reads: `AWS::CloudTrail::Trail`.
 * Fails when: `EnableLogFileValidation` is not true.
 * Fix: turn on log file integrity validation so tampering with delivered logs is detectable.
 */
export const TrailLogFileValidation = defineRule({
  name: 'TrailLogFileValidation',
  description: 'CloudTrail trails validate the integrity of their log files',
  fix: 'Set EnableLogFileValidation: true on the trail',
  resourceTypes: ['AWS::CloudTrail::Trail'],
  scope: 'resource',
  check(r) {
    if (r.type !== 'AWS::CloudTrail::Trail') return NOT_APPLICABLE;
    const v = r.properties.EnableLogFileValidation;
    if (isIntrinsic(v)) return unverifiable('EnableLogFileValidation', v, 'EnableLogFileValidation');
    return isTrue(v) ? COMPLIANT : nonCompliant('log file validation is off', 'EnableLogFileValidation');
  },
});
