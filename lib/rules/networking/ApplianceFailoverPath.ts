import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, RuleVerdict } from '../rule';
import { isBehindLoadBalancer } from '../utils/autoscaling';
import { asList, literalString, referencedLogicalId } from '../../aws';
import { referencedResource } from '../utils/references';

/**
 * Reads: `AWS::AutoScaling::AutoScalingGroup` and, across the app, `AWS::Events::Rule`s and the
 * `AWS::Lambda::Function`s they target.
 * Passes when the group has an automated failover path: it is registered with a load balancer
 * (`TargetGroupARNs` or `LoadBalancerNames`), or an enabled EventBridge rule with `source: aws.autoscaling`
 * names the group in `detail.AutoScalingGroupName` (a `Ref` to it, or its literal name) and targets a
 * Lambda function (which moves an ENI or repoints routes).
 * Fails when: neither exists; the reason says whether a matching rule exists without a Lambda target.
 * Fix: put the group behind Elastic Load Balancing, or add a lifecycle-event rule with a failover function.
 */
export const ApplianceFailoverPath = defineRule({
  name: 'ApplianceFailoverPath',
  description: 'Every Auto Scaling group of appliances has an automated failover path (load balancer, or ENI / route failover)',
  fix: 'Register the group with a load balancer target group, or add an EventBridge rule on source aws.autoscaling for the group that invokes a Lambda function moving the ENI or the routes',
  resourceTypes: ['AWS::AutoScaling::AutoScalingGroup'],
  scope: 'app',
  check(r, app): RuleVerdict {
    if (r.type !== 'AWS::AutoScaling::AutoScalingGroup') return NOT_APPLICABLE;
    if (isBehindLoadBalancer(r)) return COMPLIANT;
    const rules = failoverRules(app);
    const name = literalString(r.properties.AutoScalingGroupName);
    const matching = [...(rules.get(`${r.stack.path}|ref:${r.logicalId}`) ?? []), ...(name ? rules.get(`name:${name}`) ?? [] : [])];
    if (matching.some((m) => m.lambda)) return COMPLIANT;
    if (matching.length > 0) {
      return nonCompliant(`the group is in no load balancer, and EventBridge rule ${matching[0].rule.path} on its events targets no Lambda function`, 'TargetGroupARNs');
    }
    return nonCompliant('the group is in no load balancer (no TargetGroupARNs or LoadBalancerNames) and no EventBridge rule on source aws.autoscaling handles its events', 'TargetGroupARNs');
  },
});

interface FailoverRule { readonly rule: ResourceView; readonly lambda: boolean }

/** Enabled EventBridge rules on Auto Scaling events, by the group they name (`<stack>|ref:<id>` or `name:<name>`). */
function failoverRules(app: AppView): ReadonlyMap<string, readonly FailoverRule[]> {
  return app.memo('networking/asg-failover-rules', () => {
    const index = new Map<string, FailoverRule[]>();
    for (const rule of app.ofType('AWS::Events::Rule')) {
      const pattern = rule.properties.EventPattern;
      if (rule.properties.State === 'DISABLED' || !pattern || typeof pattern !== 'object') continue;
      if (!asList(pattern.source).includes('aws.autoscaling')) continue;
      const lambda = asList<any>(rule.properties.Targets).some((t) => referencedResource(rule, t?.Arn)?.type === 'AWS::Lambda::Function'
        || /^arn:aws[a-z-]*:lambda:/.test(literalString(t?.Arn) ?? ''));
      for (const g of asList(pattern.detail?.AutoScalingGroupName)) {
        const id = referencedLogicalId(g);
        const key = id ? `${rule.stack.path}|ref:${id}` : literalString(g) ? `name:${g}` : undefined;
        if (!key) continue;
        const list = index.get(key);
        if (list) list.push({ rule, lambda }); else index.set(key, [{ rule, lambda }]);
      }
    }
    return index;
  });
}
