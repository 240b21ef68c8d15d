import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { applianceReason } from '../utils/appliances';
import { asList, literalString, referencedLogicalId } from '../../aws';

const REQUIRED = 3;

/**
 * Reads: `AWS::AutoScaling::AutoScalingGroup`s of network appliances (see `utils/appliances.ts`: tagged
 * `cdk-competency:appliance`, or registered with a Gateway Load Balancer target group; other groups are
 * ordinary compute and not applicable) and, across the app, every `AWS::CloudWatch::Alarm` (single metric, or
 * the `MetricStat`s of a metric-math alarm).
 * An alarm counts for a group when its metric is custom (a namespace not starting with `AWS/`) and has
 * the dimension `AutoScalingGroupName` equal to a `Ref` to the group (same stack) or to the group's
 * literal `AutoScalingGroupName`. Metrics are distinct by namespace and metric name.
 * Fails when: fewer than 3 distinct custom metrics of the group are alarmed; when alarms whose namespace
 * or metric name is unknown at synth could make up the difference, the finding says it could not verify.
 * Whether the alarms have actions is checked by AlarmHasAction (2.4), not here.
 * Fix: publish at least 3 custom metrics (e.g. 5xx responses, connections per second, open sessions) with
 * the AutoScalingGroupName dimension, and alarm on each.
 */
export const ApplianceCustomMetricsAlarmed = defineRule({
  name: 'ApplianceCustomMetricsAlarmed',
  description: 'Appliance groups publish at least 3 custom CloudWatch metrics, each with an alarm',
  fix: 'Publish at least three custom metrics (e.g. 3xx/4xx/5xx responses, connections per second, open sessions) with dimension AutoScalingGroupName and create a CloudWatch alarm on each',
  resourceTypes: ['AWS::AutoScaling::AutoScalingGroup'],
  scope: 'app',
  check(r, app): RuleVerdict {
    if (r.type !== 'AWS::AutoScaling::AutoScalingGroup' || !applianceReason(r, app)) return NOT_APPLICABLE;
    const index = alarmedMetrics(app);
    const name = literalString(r.properties.AutoScalingGroupName);
    const found = [index.get(`${r.stack.path}|ref:${r.logicalId}`), name ? index.get(`name:${name}`) : undefined];
    const metrics = new Set(found.flatMap((f) => [...(f?.metrics ?? [])]));
    const unknown = found.find((f) => f?.unknown)?.unknown;
    if (metrics.size >= REQUIRED) return COMPLIANT;
    if (unknown) return unverifiable(`the metric of alarm ${unknown.path}`, unknown.properties.Namespace ?? unknown.properties.MetricName);
    const list = metrics.size > 0 ? ` (${[...metrics].sort().join(', ')})` : '';
    return nonCompliant(`${metrics.size} custom metric${metrics.size === 1 ? '' : 's'}${list} with dimension AutoScalingGroupName of this group ${metrics.size === 1 ? 'is' : 'are'} alarmed; at least ${REQUIRED} are needed`);
  },
});

interface GroupMetrics { readonly metrics: Set<string>; unknown?: ResourceView }

/** Custom alarmed metrics by group (`<stack>|ref:<id>` or `name:<name>`), indexed once per pass. */
function alarmedMetrics(app: AppView): ReadonlyMap<string, GroupMetrics> {
  return app.memo('networking/alarmed-custom-metrics-by-asg', () => {
    const index = new Map<string, GroupMetrics>();
    for (const alarm of app.ofType('AWS::CloudWatch::Alarm')) {
      const p = alarm.properties;
      const stats = [{ Namespace: p.Namespace, MetricName: p.MetricName, Dimensions: p.Dimensions }, ...asList<any>(p.Metrics).map((m) => m?.MetricStat?.Metric)];
      for (const m of stats) {
        if (!m || (m.Namespace === undefined && m.MetricName === undefined)) continue;
        for (const d of asList<any>(m.Dimensions)) {
          if (d?.Name !== 'AutoScalingGroupName') continue;
          const id = referencedLogicalId(d.Value);
          const key = id ? `${alarm.stack.path}|ref:${id}` : literalString(d.Value) ? `name:${d.Value}` : undefined;
          if (!key) continue;
          const entry = index.get(key) ?? index.set(key, { metrics: new Set() }).get(key)!;
          const ns = literalString(m.Namespace);
          const metric = literalString(m.MetricName);
          if (ns === undefined || metric === undefined) entry.unknown ??= alarm;
          else if (!ns.startsWith('AWS/')) entry.metrics.add(`${ns}/${metric}`);
        }
      }
    }
    return index;
  });
}
