import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, unverifiable } from '../rule';
import { accountKeyOf, resourceKey, resolveResource } from '../utils/references';
import { isIntrinsic, literalNumber, literalString } from '../../aws';

/**
 * Reads: `AWS::AutoScaling::AutoScalingGroup` and, across the app, the `AWS::AutoScaling::ScalingPolicy` and
 * `AWS::AutoScaling::ScheduledAction` resources whose `AutoScalingGroupName` references it (a `Ref`, a
 * cross-stack import, or its literal `AutoScalingGroupName` in the same account).
 * Fails when: `MinSize` equals `MaxSize` (the group cannot scale), or no scaling policy targets the group
 * (scheduled actions alone do not react to load). Sizes unknown at synth are reported.
 * Fix: give the group room to scale and a target-tracking or step scaling policy.
 */
export const AutoScalingGroupScalingPolicy = defineRule({
  name: 'AutoScalingGroupScalingPolicy',
  description: 'Auto Scaling groups can scale and have a scaling policy that reacts to load',
  fix: 'Set MaxSize above MinSize and add a scaling policy (e.g. asg.scaleOnCpuUtilization or scaleOnRequestCount)',
  resourceTypes: ['AWS::AutoScaling::AutoScalingGroup'],
  scope: 'app',
  check(r, app) {
    if (r.type !== 'AWS::AutoScaling::AutoScalingGroup') return NOT_APPLICABLE;
    const min = literalNumber(r.properties.MinSize);
    const max = literalNumber(r.properties.MaxSize);
    if (min === undefined) return unverifiable('MinSize', r.properties.MinSize, 'MinSize');
    if (max === undefined) return unverifiable('MaxSize', r.properties.MaxSize, 'MaxSize');
    if (min === max) return nonCompliant(`MinSize and MaxSize are both ${min}, so the group cannot scale`, 'MaxSize');
    if (targeting(app, 'AWS::AutoScaling::ScalingPolicy', r).length > 0) return COMPLIANT;
    const scheduled = targeting(app, 'AWS::AutoScaling::ScheduledAction', r).length;
    return nonCompliant(scheduled > 0
      ? `the group has only scheduled actions (${scheduled}) and no scaling policy`
      : 'no scaling policy targets the group');
  },
});

/** Resources of `type` whose AutoScalingGroupName designates the group, indexed once per pass. */
function targeting(app: AppView, type: string, group: ResourceView): readonly ResourceView[] {
  const index = app.memo(`asg-targets:${type}`, () => {
    const m = new Map<string, ResourceView[]>();
    const add = (k: string, v: ResourceView) => { const list = m.get(k); if (list) list.push(v); else m.set(k, [v]); };
    for (const p of app.ofType(type)) {
      const value = p.properties.AutoScalingGroupName;
      const name = literalString(value);
      if (name !== undefined) add(`${accountKeyOf(p.stack)}|name:${name}`, p);
      else if (isIntrinsic(value)) { const t = resolveResource(p, value, app); if (t) add(resourceKey(t), p); }
    }
    return m;
  });
  const name = literalString(group.properties.AutoScalingGroupName);
  return [...(index.get(resourceKey(group)) ?? []), ...(name !== undefined ? index.get(`${accountKeyOf(group.stack)}|name:${name}`) ?? [] : [])];
}
