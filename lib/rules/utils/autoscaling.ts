import { AppView, ResourceView } from '../rule';
import { asList, referencedLogicalId } from '../../aws';

/** The types an Auto Scaling group launches from. */
export const LAUNCH_SOURCE_TYPES = ['AWS::EC2::LaunchTemplate', 'AWS::AutoScaling::LaunchConfiguration'];

/** Logical ids (same stack) of the launch template(s) or launch configuration an Auto Scaling group launches from. */
export function launchSourceIds(asg: ResourceView): readonly string[] {
  const p = asg.properties;
  const ids = [
    referencedLogicalId(p.LaunchConfigurationName),
    referencedLogicalId(p.LaunchTemplate?.LaunchTemplateId ?? p.LaunchTemplate?.LaunchTemplateName),
    referencedLogicalId(p.MixedInstancesPolicy?.LaunchTemplate?.LaunchTemplateSpecification?.LaunchTemplateId
      ?? p.MixedInstancesPolicy?.LaunchTemplate?.LaunchTemplateSpecification?.LaunchTemplateName),
    ...asList<any>(p.MixedInstancesPolicy?.LaunchTemplate?.Overrides).map((o) =>
      referencedLogicalId(o?.LaunchTemplateSpecification?.LaunchTemplateId ?? o?.LaunchTemplateSpecification?.LaunchTemplateName)),
  ];
  return [...new Set(ids.filter((id): id is string => id !== undefined))];
}

/** Auto Scaling groups by `<stack path>|<logical id>` of each launch template / configuration they use (indexed once per pass). */
export function asgsByLaunchSource(app: AppView): ReadonlyMap<string, readonly ResourceView[]> {
  return app.memo('asgs-by-launch-source', () => {
    const index = new Map<string, ResourceView[]>();
    for (const asg of app.ofType('AWS::AutoScaling::AutoScalingGroup')) {
      for (const id of launchSourceIds(asg)) {
        const key = `${asg.stack.path}|${id}`;
        const list = index.get(key);
        if (list) list.push(asg); else index.set(key, [asg]);
      }
    }
    return index;
  });
}

/** The Auto Scaling groups launching from a launch template / configuration. */
export function asgsUsing(source: ResourceView, app: AppView): readonly ResourceView[] {
  return asgsByLaunchSource(app).get(`${source.stack.path}|${source.logicalId}`) ?? [];
}

/** Whether an Auto Scaling group is registered with a load balancer (ELBv2 target groups or classic load balancers). */
export function isBehindLoadBalancer(asg: ResourceView): boolean {
  return asList(asg.properties.TargetGroupARNs).length > 0 || asList(asg.properties.LoadBalancerNames).length > 0;
}
