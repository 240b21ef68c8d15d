import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, unverifiable } from '../rule';
import { asList, isFalse, isIntrinsic } from '../../aws';

/**
 * Reads: `AWS::CloudWatch::Alarm` and `AWS::CloudWatch::CompositeAlarm` (`ActionsEnabled`, `AlarmActions`).
 * Fails when: actions are disabled (`ActionsEnabled: false`) or no action is taken in the ALARM state
 * (`AlarmActions` absent or empty): an alarm that notifies nobody is not monitoring. `ActionsEnabled` or an
 * `AlarmActions` list unknown at synth is reported (an intrinsic entry inside the list is an action and counts).
 * Fix: `alarm.addAlarmAction(new SnsAction(topic))` to the operations topic.
 */
export const AlarmHasAction = defineRule({
  name: 'AlarmHasAction',
  description: 'CloudWatch alarms take an action in the ALARM state',
  fix: 'Add an alarm action (CDK: alarm.addAlarmAction(new SnsAction(opsTopic))) and keep ActionsEnabled true',
  resourceTypes: ['AWS::CloudWatch::Alarm', 'AWS::CloudWatch::CompositeAlarm'],
  scope: 'resource',
  check(r) {
    if (!this.resourceTypes.includes(r.type)) return NOT_APPLICABLE;
    const enabled = r.properties.ActionsEnabled;
    if (isIntrinsic(enabled)) return unverifiable('ActionsEnabled', enabled, 'ActionsEnabled');
    if (isFalse(enabled)) return nonCompliant('the alarm has its actions disabled (ActionsEnabled: false)', 'ActionsEnabled');
    const actions = r.properties.AlarmActions;
    if (isIntrinsic(actions)) return unverifiable('AlarmActions', actions, 'AlarmActions');
    if (asList(actions).length === 0) return nonCompliant('the alarm has no AlarmActions, so reaching ALARM notifies nobody', 'AlarmActions');
    return COMPLIANT;
  },
});
