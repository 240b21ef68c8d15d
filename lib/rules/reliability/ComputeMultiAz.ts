import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { requireTwoZones, subnetZone } from '../utils/availability-zones';
import { leastNumber } from '../utils/checks';
import { isCustomResourceHandler } from '../utils/customer-data';
import { resolveResource, resourceKey } from '../utils/references';
import { scalableTargetsOf } from '../utils/scaling';
import { asList, capacityFacts, literalNumber, literalString } from '../../aws';

const TYPES = ['AWS::EC2::Instance', 'AWS::AutoScaling::AutoScalingGroup', 'AWS::ECS::Service', 'AWS::Lambda::Function', 'AWS::EKS::Cluster', 'AWS::EKS::Nodegroup'];

/**
 * Reads: `AWS::EC2::Instance`, `AWS::AutoScaling::AutoScalingGroup`, `AWS::ECS::Service` (with, across the app, its
 * `AWS::ApplicationAutoScaling::ScalableTarget`), `AWS::Lambda::Function`, `AWS::EKS::Cluster` and `AWS::EKS::Nodegroup`:
 * - a stand-alone instance runs in one zone; it passes only as one of the instance targets of an
 *   `AWS::ElasticLoadBalancingV2::TargetGroup` whose instances span two zones or more;
 * - a group keeps `MinSize` of at least 2 (that its subnets span two zones is AutoScalingGroupMultiAz's);
 * - a replica service runs at least two tasks (`DesiredCount`, absent meaning 1, or the `MinCapacity` of its scalable
 *   target) in subnets of two zones or more (awsvpc); a daemon service follows its cluster's instances;
 * - an EKS cluster's control plane runs in three zones (Amazon EKS runs it so); an EKS managed node group keeps
 *   `ScalingConfig.MinSize` of at least 2 (EKS API default 1) in `Subnets` of two zones or more;
 * - a function outside a VPC runs in several zones; attached to a VPC, its subnets span two zones or more; the functions
 *   that handle custom resources run at deployment only and are not the app's compute.
 * Fails when: losing one Availability Zone would stop the compute (its only instance or task is there). Values or
 * subnets unknown at synth are reported.
 * Fix: an Auto Scaling group with MinSize 2 or more over two zones instead of a single instance; two tasks or more
 * over subnets of two zones; VPC functions in subnets of two zones.
 */
export const ComputeMultiAz = defineRule({
  name: 'ComputeMultiAz',
  description: 'Compute keeps running when one Availability Zone is lost: two instances or tasks or more, in different zones',
  fix: 'Replace single instances by an Auto Scaling group with MinSize >= 2 over two zones (or two targets of a load balancer in different zones); run ECS services with DesiredCount >= 2 over subnets of two zones; give VPC functions subnets in two zones',
  resourceTypes: TYPES,
  scope: 'app',
  check(r, app) {
    switch (r.type) {
      case 'AWS::AutoScaling::AutoScalingGroup': {
        const min = literalNumber(r.properties.MinSize);
        if (min === undefined) return unverifiable('MinSize', r.properties.MinSize, 'MinSize');
        return min >= 2 ? COMPLIANT
          : nonCompliant(`the group may run ${min} instance${min === 1 ? '' : 's'} (MinSize ${min}): losing the zone of its only instance stops it until a replacement launches`, 'MinSize');
      }
      case 'AWS::EC2::Instance':
        return instance(r, app);
      case 'AWS::ECS::Service':
        return service(r, app);
      case 'AWS::EKS::Cluster':
        return capacityFacts(r.type)?.zones?.kind === 'regional' ? COMPLIANT : NOT_APPLICABLE;
      case 'AWS::EKS::Nodegroup':
        return nodegroup(r, app);
      case 'AWS::Lambda::Function':
        if (isCustomResourceHandler(r, app)) return NOT_APPLICABLE;
        return r.properties.VpcConfig === undefined ? COMPLIANT : requireTwoZones(r, 'VpcConfig/SubnetIds', app, 'the function\'s subnets') ?? COMPLIANT;
      default:
        return NOT_APPLICABLE;
    }
  },
});

function service(r: ResourceView, app: AppView): RuleVerdict {
  const p = r.properties;
  if (literalString(p.SchedulingStrategy) === 'DAEMON') return NOT_APPLICABLE;
  const desired = leastNumber(r, 'DesiredCount', 1, app);
  if (typeof desired !== 'number') return desired;
  const floors = scalableTargetsOf(r, 'ecs', [literalString(p.ServiceName)], app).map((t) => t.min ?? 0);
  const minimum = Math.max(desired, ...floors);
  if (minimum < 2) {
    const given = p.DesiredCount === undefined ? 'DesiredCount absent, meaning 1' : `DesiredCount ${desired}`;
    return nonCompliant(`the service runs ${minimum} task${minimum === 1 ? '' : 's'} (${given}${floors.length ? `, scaling minimum ${Math.max(...floors)}` : ''}): losing the zone of its only task stops it until ECS starts another`, 'DesiredCount');
  }
  if (p.NetworkConfiguration === undefined) return COMPLIANT;
  return requireTwoZones(r, 'NetworkConfiguration/AwsvpcConfiguration/Subnets', app, 'the service\'s subnets') ?? COMPLIANT;
}

function nodegroup(r: ResourceView, app: AppView): RuleVerdict {
  const min = leastNumber(r, 'ScalingConfig/MinSize', 1, app);
  if (typeof min !== 'number') return min;
  if (min < 2) {
    const given = r.properties.ScalingConfig?.MinSize === undefined ? 'ScalingConfig.MinSize absent, meaning 1' : `ScalingConfig.MinSize ${min}`;
    return nonCompliant(`the node group may run ${min} node${min === 1 ? '' : 's'} (${given}): losing the zone of its only node stops its pods until a replacement launches`, 'ScalingConfig/MinSize');
  }
  return requireTwoZones(r, 'Subnets', app, 'the node group\'s subnets') ?? COMPLIANT;
}

/** A stand-alone instance passes only as one of the instance targets, in two zones or more, of a target group. */
function instance(r: ResourceView, app: AppView): RuleVerdict {
  for (const group of targetGroupIndex(app).get(resourceKey(r)) ?? []) {
    const zones = new Set<string>();
    for (const target of targetInstances(group, app)) {
      const z = subnetZone(target, target.properties.SubnetId ?? asList<any>(target.properties.NetworkInterfaces)[0]?.SubnetId, app);
      if (z.kind !== 'unknown') zones.add(z.key);
    }
    if (zones.size >= 2) return COMPLIANT;
  }
  const zones = capacityFacts(r.type)?.zones;
  return nonCompliant(`a stand-alone instance runs in one Availability Zone${zones?.kind === 'single' ? `: ${zones.why}` : ''}`);
}

/** The target groups each instance is a target of, indexed once per pass. */
function targetGroupIndex(app: AppView): ReadonlyMap<string, readonly ResourceView[]> {
  return app.memo('target-groups-by-instance', () => {
    const m = new Map<string, ResourceView[]>();
    for (const g of app.ofType('AWS::ElasticLoadBalancingV2::TargetGroup')) {
      for (const t of targetInstances(g, app)) m.set(resourceKey(t), [...(m.get(resourceKey(t)) ?? []), g]);
    }
    return m;
  });
}

function targetInstances(group: ResourceView, app: AppView): ResourceView[] {
  return asList<any>(group.properties.Targets).map((t) => resolveResource(group, t?.Id, app)).filter((x): x is ResourceView => x?.type === 'AWS::EC2::Instance');
}
