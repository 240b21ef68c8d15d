import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, RuleVerdict, unverifiable } from '../rule';
import { asList, isIntrinsic, literalString } from '../../aws';
import { resolveResource } from '../utils/references';

/** Where a group names its load balancing, and the type each must be. */
const DEPENDENCIES: readonly { readonly property: string; readonly type: string; readonly what: string }[] = [
  { property: 'TargetGroupARNs', type: 'AWS::ElasticLoadBalancingV2::TargetGroup', what: 'target group' },
  { property: 'LoadBalancerNames', type: 'AWS::ElasticLoadBalancing::LoadBalancer', what: 'Classic Load Balancer' },
];

/**
 * Reads: `AWS::AutoScaling::AutoScalingGroup` (`TargetGroupARNs`, `LoadBalancerNames`) and, across the app, the
 * target groups and Classic Load Balancers they name.
 * The checklist asks the auto scaling use case to "Include an AWS CloudFormation template of the deployment,
 * including any load balancing or monitoring dependencies": the app's templates are that template when the load
 * balancing the group depends on is in them too.
 * Fails when: a target group or Classic Load Balancer of the group is not created by the app (a literal ARN or name,
 * an import the app does not export), so the template does not deploy it; a value that cannot be followed.
 * Fix: create the load balancer and target group in the app (or in a stack of the same app that exports them).
 */
export const ScalingDeploymentInTemplate = defineRule({
  name: 'ScalingDeploymentInTemplate',
  description: 'The template of an auto scaling deployment includes the load balancing the group depends on',
  fix: 'Create the load balancer and its target group in the app (a stack of the same app may export them), instead of naming existing ones by ARN or name',
  resourceTypes: ['AWS::AutoScaling::AutoScalingGroup'],
  scope: 'app',
  check(r, app): RuleVerdict {
    if (r.type !== 'AWS::AutoScaling::AutoScalingGroup') return NOT_APPLICABLE;
    for (const dep of DEPENDENCIES) {
      const value = r.properties[dep.property];
      if (isIntrinsic(value) && !Array.isArray(value)) return unverifiable(`the ${dep.what}s of the group`, value, dep.property);
      for (const [i, v] of asList<unknown>(value).entries()) {
        const target = resolveResource(r, v, app);
        if (target?.type === dep.type) continue;
        const literal = literalString(v);
        if (literal !== undefined) return nonCompliant(`${dep.what} ${literal} is not created by the app: the template does not deploy the load balancing the group depends on`, `${dep.property}/${i}`);
        return unverifiable(`the ${dep.what} of the group`, v, `${dep.property}/${i}`);
      }
    }
    return COMPLIANT;
  },
});
