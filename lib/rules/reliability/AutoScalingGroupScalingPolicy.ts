import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, unverifiable } from '../rule';
import { accountKeyOf, resourceKey, resolveResource } from '../utils/references';
import { isIntrinsic, literalNumber, literalString } from '../../aws';

/**
 * Reads: `AWS::AutoScaling::AutoScalingGroup` and, across the app, the `AWS::AutoScaling::ScalingPolicy` and
 * `AWS::AutoScaling::ScheduledAction` resources whose `AutoScalingGroupName` references it (a `Ref`, a
 * cross-stack import, or its literal `AutoScalingGroupName` in the same account), and the `AWS::ECS::CapacityProvider`s
 * whose `AutoScalingGroupProvider.AutoScalingGroupArn` designates it (a reference, its name, or an ARN ending in
 * `autoScalingGroupName/<name>`) with `ManagedScaling.Status: ENABLED`: ECS managed scaling adds a target tracking
 * policy to the group ("When managed scaling is turned on, Amazon ECS manages the scale-in and scale-out actions of the
 * Auto Scaling group", Amazon ECS Developer Guide, "Automatically manage Amazon ECS capacity with cluster auto
 * scaling"; it "creates an AWS Auto Scaling scaling plan with a target tracking scaling policy based on the target
 * capacity value"), so the group follows the tasks' demand.
 * Fails when: `MinSize` equals `MaxSize` (the group cannot scale), or no scaling policy targets the group
 * (scheduled actions alone do not react to load). Sizes unknown at synth are reported.
 * Fix: give the group room to scale and a target-tracking or step scaling policy.
 */
export const AutoScalingGroupScalingPolicy = defineRule({
  name: 'AutoScalingGroupScalingPolicy',
  description: 'Auto Scaling groups can scale and have a scaling policy that reacts to load',
  fix: 'Set MaxSize above MinSize and add a scaling policy (e.g. asg.scaleOnCpuUtilization or scaleOnRequestCount), or register the group as an ECS capacity provider with managed scaling (AsgCapacityProvider enableManagedScaling)',
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
    if (targeting(app, 'AWS::ECS::CapacityProvider', r).some((cp) => literalString(cp.properties.AutoScalingGroupProvider?.ManagedScaling?.Status) === 'ENABLED')) return COMPLIANT;
    const scheduled = targeting(app, 'AWS::AutoScaling::ScheduledAction', r).length;
    return nonCompliant(scheduled > 0
      ? `the group has only scheduled actions (${scheduled}) and no scaling policy`
      : 'no scaling policy targets the group');
  },
});

/** Where each type designates its group: `AutoScalingGroupName`, or a capacity provider's group ARN (or name). */
const GROUP_PATH: { readonly [type: string]: (props: any) => unknown } = {
  'AWS::ECS::CapacityProvider': (props) => props.AutoScalingGroupProvider?.AutoScalingGroupArn,
};

/** Resources of `type` whose AutoScalingGroupName (or group ARN) designates the group, indexed once per pass. */
function targeting(app: AppView, type: string, group: ResourceView): readonly ResourceView[] {
  const index = app.memo(`asg-targets:${type}`, () => {
    const m = new Map<string, ResourceView[]>();
    const add = (k: string, v: ResourceView) => { const list = m.get(k); if (list) list.push(v); else m.set(k, [v]); };
    for (const p of app.ofType(type)) {
      const value = (GROUP_PATH[type] ?? ((props: any) => props.AutoScalingGroupName))(p.properties);
      const literal = literalString(value);
      const name = literal?.startsWith('arn:') ? /:autoScalingGroupName\/(.+)$/.exec(literal)?.[1] : literal;
      if (name !== undefined) add(`${accountKeyOf(p.stack)}|name:${name}`, p);
      else if (isIntrinsic(value)) { const t = resolveResource(p, value, app); if (t) add(resourceKey(t), p); }
    }
    return m;
  });
  const name = literalString(group.properties.AutoScalingGroupName);
  return [...(index.get(resourceKey(group)) ?? []), ...(name !== undefined ? index.get(`${accountKeyOf(group.stack)}|name:${name}`) ?? [] : [])];
}
