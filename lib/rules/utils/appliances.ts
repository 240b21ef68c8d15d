import { TAGS } from '../../conventions';
import { AppView, ResourceView } from '../rule';
import { asgsUsing } from './autoscaling';
import { asList, isFalse, tagsOf } from '../../aws';
import { resolveResource } from './references';

/**
 * Network appliances are what the partner says they are. Compute counts as an appliance of the solution when:
 * - it carries the tag `cdk-competency:appliance` (`markAsAppliance`, set by `NetworkApplianceGroup`), on an
 *   instance, a launch template's instance tags, or an Auto Scaling group; or
 * - the template shows it forwards traffic: an instance with `SourceDestCheck: false`, or an Auto Scaling group
 *   registered with a Gateway Load Balancer target group (protocol GENEVE).
 * Everything else (an ECS cluster's capacity, a Windows server fleet, a web tier behind an ALB) is ordinary
 * compute: the appliance rules do not read it. A launch template or configuration is an appliance's when an
 * appliance group launches from it.
 */
export function applianceReason(r: ResourceView, app: AppView): string | undefined {
  switch (r.type) {
    case 'AWS::EC2::Instance':
      if (isMarked(tagsOf(r))) return `it is tagged ${TAGS.APPLIANCE}`;
      return isFalse(r.properties.SourceDestCheck) ? 'SourceDestCheck is false' : undefined;
    case 'AWS::AutoScaling::AutoScalingGroup':
      return groupReason(r, app);
    case 'AWS::EC2::LaunchTemplate':
    case 'AWS::AutoScaling::LaunchConfiguration': {
      if (r.type === 'AWS::EC2::LaunchTemplate' && isMarked(instanceTags(r))) return `its instances are tagged ${TAGS.APPLIANCE}`;
      const group = asgsUsing(r, app).find((g) => groupReason(g, app));
      return group ? `launched by appliance group ${group.path} (${groupReason(group, app)})` : undefined;
    }
    default:
      return undefined;
  }
}

/** Whether compute is a network appliance of the solution: see {@link applianceReason}. */
export function isAppliance(r: ResourceView, app: AppView): boolean {
  return applianceReason(r, app) !== undefined;
}

/**
 * Whether the partner marks compute as an appliance of the solution (the tag `cdk-competency:appliance` on an instance,
 * a launch template's instances or an Auto Scaling group, or a launch template or configuration such a group launches
 * from): the explicit marker only, not the template evidence {@link applianceReason} also accepts.
 */
export function isMarkedAppliance(r: ResourceView, app: AppView): boolean {
  switch (r.type) {
    case 'AWS::EC2::Instance':
      return isMarked(tagsOf(r));
    case 'AWS::AutoScaling::AutoScalingGroup':
      return markedGroupReason(r, app) !== undefined;
    case 'AWS::EC2::LaunchTemplate':
    case 'AWS::AutoScaling::LaunchConfiguration':
      return (r.type === 'AWS::EC2::LaunchTemplate' && isMarked(instanceTags(r))) || asgsUsing(r, app).some((g) => markedGroupReason(g, app) !== undefined);
    default:
      return false;
  }
}

function markedGroupReason(asg: ResourceView, app: AppView): string | undefined {
  if (isMarked(tagsOf(asg))) return `it is tagged ${TAGS.APPLIANCE}`;
  const launches = app.launches(asg);
  const launchTemplate = launches.ok ? launches.launches.map((l) => l.template).find((t) => t?.type === 'AWS::EC2::LaunchTemplate' && isMarked(instanceTags(t))) : undefined;
  return launchTemplate ? `its launch template tags instances ${TAGS.APPLIANCE}` : undefined;
}

function groupReason(asg: ResourceView, app: AppView): string | undefined {
  const marked = markedGroupReason(asg, app);
  if (marked) return marked;
  const gwlb = asList(asg.properties.TargetGroupARNs).map((v) => resolveResource(asg, v, app))
    .find((tg) => tg?.type === 'AWS::ElasticLoadBalancingV2::TargetGroup' && tg.properties.Protocol === 'GENEVE');
  return gwlb ? `it is registered with Gateway Load Balancer target group ${gwlb.path}` : undefined;
}

/** The tags a launch template gives its instances (`TagSpecifications` of resource type `instance`). */
function instanceTags(lt: ResourceView): ReadonlyMap<string, unknown> {
  const tags = new Map<string, unknown>();
  for (const spec of asList<any>(lt.properties.LaunchTemplateData?.TagSpecifications)) {
    if (spec?.ResourceType !== 'instance') continue;
    for (const t of asList<any>(spec.Tags)) if (typeof t?.Key === 'string') tags.set(t.Key, t.Value);
  }
  return tags;
}

function isMarked(tags: ReadonlyMap<string, unknown>): boolean {
  const value = tags.get(TAGS.APPLIANCE);
  return value !== undefined && !isFalse(value) && value !== '';
}
