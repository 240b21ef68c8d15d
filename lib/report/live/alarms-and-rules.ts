/**
 * CloudWatch alarms and EventBridge rules. They watch for events (a root sign-in, a compliance change): the
 * live read verifies that they are in place and would notify someone, and shows an alarm's state; an alarm in
 * ALARM is shown, not counted against the item (it reports that the watched event happened).
 */
import { isFailure } from './aws';
import { notA } from './config';
import { failed, iso, Reader, when, where } from './reader';

/** A CloudWatch alarm (`AWS::CloudWatch::Alarm`, physical id = alarm name): present, actions enabled, at least one action. */
export const readAlarm: Reader = async (aws, d) => {
  if (d.type !== 'AWS::CloudWatch::Alarm' && d.type !== 'AWS::CloudWatch::CompositeAlarm') return notA(d, 'CloudWatch alarm');
  const pages = await aws.pages('cloudwatch:DescribeAlarms', d.env, 'DescribeAlarmsCommand', { AlarmNames: [d.physicalId] });
  if (isFailure(pages)) return failed('cloudwatch:DescribeAlarms', d.env, pages, `alarm ${d.physicalId}`);
  const alarm = pages.flatMap((p) => [...(p.MetricAlarms ?? []), ...(p.CompositeAlarms ?? [])]).find((a: any) => a.AlarmName === d.physicalId);
  if (!alarm) return { state: 'missing', note: `alarm ${d.physicalId} not found in ${where(d)}`, results: [], problems: [] };
  const actions = (alarm.AlarmActions ?? []).length;
  const result = {
    where: where(d), source: d.physicalId, state: String(alarm.StateValue ?? 'UNKNOWN'),
    ...(iso(alarm.StateUpdatedTimestamp) ? { at: iso(alarm.StateUpdatedTimestamp) } : {}),
    detail: `${alarm.ActionsEnabled === false ? 'actions disabled' : `${actions} alarm action${actions === 1 ? '' : 's'}`}${alarm.StateReason ? `; ${alarm.StateReason}` : ''}`,
  };
  if (alarm.ActionsEnabled === false) return { state: 'missing', note: `alarm ${d.physicalId} has its actions disabled: it notifies nobody`, results: [result], problems: [] };
  if (actions === 0) return { state: 'missing', note: `alarm ${d.physicalId} has no alarm action: it notifies nobody`, results: [result], problems: [] };
  return { state: 'verified', note: `alarm in place, ${result.state} since ${when(alarm.StateUpdatedTimestamp)}`, results: [result], problems: [] };
};

/** An EventBridge rule (`AWS::Events::Rule`, physical id = `name` or `bus|name`): enabled, with a target. */
export const readEventRule: Reader = async (aws, d) => {
  if (d.type !== 'AWS::Events::Rule') return notA(d, 'EventBridge rule');
  const [bus, name] = d.physicalId.includes('|') ? d.physicalId.split('|', 2) : [undefined, d.physicalId];
  const busInput = bus ? { EventBusName: bus } : {};
  const rule = await aws.call('events:DescribeRule', d.env, 'DescribeRuleCommand', { Name: name, ...busInput });
  if (isFailure(rule)) {
    if (rule.kind === 'not-found') return { state: 'missing', note: `rule ${name} not found in ${where(d)}`, results: [], problems: [] };
    return failed('events:DescribeRule', d.env, rule, `rule ${name}`);
  }
  const pages = await aws.pages('events:ListTargetsByRule', d.env, 'ListTargetsByRuleCommand', { Rule: name, ...busInput });
  if (isFailure(pages)) return failed('events:ListTargetsByRule', d.env, pages, `the targets of rule ${name}`);
  const targets = pages.flatMap((p) => p.Targets ?? []).length;
  const result = { where: where(d), source: name, state: String(rule.State ?? 'UNKNOWN'), detail: `${targets} target${targets === 1 ? '' : 's'}` };
  if (!String(rule.State ?? '').startsWith('ENABLED')) return { state: 'missing', note: `rule ${name} is ${rule.State ?? 'not enabled'}`, results: [result], problems: [] };
  if (targets === 0) return { state: 'missing', note: `rule ${name} has no target: it notifies nobody`, results: [result], problems: [] };
  return { state: 'verified', note: `rule enabled with ${result.detail}`, results: [result], problems: [] };
};
