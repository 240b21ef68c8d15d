import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, RuleVerdict } from '../rule';
import { applianceReason } from '../utils/appliances';
import { groupEventHandlers, isBehindLoadBalancer } from '../utils/autoscaling';

/**
 * Reads: `AWS::AutoScaling::AutoScalingGroup`s of network appliances (see `utils/appliances.ts`: tagged
 * `cdk-competency:appliance`, or registered with a Gateway Load Balancer target group; other groups are
 * ordinary compute and not applicable) and, across the app, the EventBridge rules and lifecycle hooks that
 * carry the group's events, with the Lambda functions they invoke.
 * Passes when the group has an automated failover path: it is registered with a load balancer
 * (`TargetGroupARNs` or `LoadBalancerNames`), or its events reach a Lambda function (which moves an ENI or
 * repoints routes): an enabled EventBridge rule with `source: aws.autoscaling` naming the group in
 * `detail.AutoScalingGroupName`, or a lifecycle hook whose SNS topic a Lambda function subscribes to.
 * Fails when: neither exists; the reason says whether a matching rule exists without a Lambda target.
 * Fix: put the group behind Elastic Load Balancing, or add a lifecycle-event rule with a failover function.
 */
export const ApplianceFailoverPath = defineRule({
  name: 'ApplianceFailoverPath',
  description: 'Every Auto Scaling group of appliances has an automated failover path (load balancer, or ENI / route failover)',
  fix: 'Register the group with a load balancer target group, or add an EventBridge rule on source aws.autoscaling for the group (or a lifecycle hook) that invokes a Lambda function moving the ENI or the routes',
  resourceTypes: ['AWS::AutoScaling::AutoScalingGroup'],
  scope: 'app',
  check(r, app): RuleVerdict {
    if (r.type !== 'AWS::AutoScaling::AutoScalingGroup' || !applianceReason(r, app)) return NOT_APPLICABLE;
    if (isBehindLoadBalancer(r)) return COMPLIANT;
    const handlers = groupEventHandlers(r, app);
    if (handlers.some((h) => h.lambda)) return COMPLIANT;
    if (handlers.length > 0) {
      return nonCompliant(`the group is in no load balancer, and EventBridge rule ${handlers[0].via.path} on its events targets no Lambda function`, 'TargetGroupARNs');
    }
    return nonCompliant('the group is in no load balancer (no TargetGroupARNs or LoadBalancerNames) and no EventBridge rule on source aws.autoscaling or lifecycle hook handles its events', 'TargetGroupARNs');
  },
});
