import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, RuleVerdict } from '../rule';
import { leastNumber } from '../utils/checks';
import { isClusterMember } from '../utils/data-stores';
import { scalableTargetsOf } from '../utils/scaling';
import { CAPACITY, capacityFacts, literalNumber, literalString, Scaling } from '../../aws';

const TYPES = Object.keys(CAPACITY).filter((t) => CAPACITY[t].scaling !== undefined);

/**
 * Reads: every capacity type of `lib/aws/capacity.ts` with a scaling fact (Auto Scaling groups are
 * AutoScalingGroupScalingPolicy's) and, across the app, the `AWS::ApplicationAutoScaling::ScalableTarget`s whose
 * `ResourceId` designates the resource (a reference such as `service/${Cluster}/${Service.Name}`, or a literal id ending
 * in its name) with their `AWS::ApplicationAutoScaling::ScalingPolicy`s:
 * - Lambda functions, ElastiCache Serverless and Redshift Serverless scale by themselves;
 * - an ECS service, an Aurora cluster (reader count), a Neptune cluster (reader count) or an ElastiCache replication
 *   group scales with a scalable target of its namespace that can grow (`MaxCapacity` above `MinCapacity`) and a
 *   scaling policy (scheduled actions alone do not follow load); Aurora Serverless v2 (`ServerlessV2ScalingConfiguration`
 *   with `MaxCapacity` above `MinCapacity`), Aurora Serverless v1 (`EngineMode: serverless`) and Neptune Serverless scale
 *   by themselves;
 * - a stand-alone EC2 instance, an RDS DB instance, a non-Aurora Multi-AZ DB cluster, DocumentDB, FSx, OpenSearch,
 *   MemoryDB, Redshift, MSK, Amazon MQ, DAX and a cache cluster have no automatic scaling.
 * Cluster members are judged with their cluster.
 * Fails when: the layer does not scale automatically. Item 2.2 also accepts a layer without auto scaling when the
 * business confirms it does not need it and the manual scaling procedure is documented and tested: acknowledge the
 * finding with that reason and attest the procedure.
 * Fix: add auto scaling (an Application Auto Scaling target and policy, a serverless option, an Auto Scaling group), or
 * acknowledge with the business case and the documented manual scaling procedure.
 */
export const CapacityScalesAutomatically = defineRule({
  name: 'CapacityScalesAutomatically',
  description: 'Every layer of capacity scales automatically (or its manual scaling is a documented business decision)',
  fix: 'Add auto scaling: an Application Auto Scaling target with a scaling policy (ECS service.autoScaleTaskCount(...).scaleOnCpuUtilization, Aurora replica auto scaling), a serverless option, or an Auto Scaling group instead of a single instance; where the business does not need it, acknowledge the finding with that reason and document and test the manual scaling procedure',
  resourceTypes: TYPES,
  scope: 'app',
  check(r, app) {
    const facts = capacityFacts(r.type);
    const scaling = facts?.scaling;
    if (!facts || !scaling || isClusterMember(r, facts.memberOf)) return NOT_APPLICABLE;
    switch (scaling.kind) {
      case 'service':
        return COMPLIANT;
      case 'manual':
        return nonCompliant(`the ${facts.noun} does not scale automatically: ${scaling.why}`);
      case 'application-auto-scaling':
        return scalesBy(r, scaling, facts.noun, app);
    }
  },
});

function scalesBy(r: ResourceView, scaling: Extract<Scaling, { kind: 'application-auto-scaling' }>, noun: string, app: AppView): RuleVerdict {
  const p = r.properties;
  if (r.type === 'AWS::RDS::DBCluster') {
    const engine = literalString(p.Engine) ?? '';
    if (!engine.startsWith('aurora')) return nonCompliant(`the ${noun} does not scale automatically: a Multi-AZ DB cluster's instance class changes only when someone changes it`);
    if (literalString(p.EngineMode) === 'serverless') return COMPLIANT;
    const v2 = serverless(r, 'ServerlessV2ScalingConfiguration', app);
    if (v2 !== undefined) return v2;
  }
  if (r.type === 'AWS::Neptune::DBCluster') {
    const sls = serverless(r, 'ServerlessScalingConfiguration', app);
    if (sls !== undefined) return sls;
  }
  const names = [literalString(p.ServiceName), literalString(p.DBClusterIdentifier), literalString(p.ReplicationGroupId)];
  const targets = scalableTargetsOf(r, scaling.namespace, names, app).filter((t) => t.dimension === undefined || scaling.dimensions.includes(t.dimension));
  if (targets.length === 0) return nonCompliant(`no Application Auto Scaling target scales the ${noun} (${scaling.dimensions.join(' or ')})`);
  const growing = targets.filter((t) => t.min === undefined || t.max === undefined || t.max > t.min);
  if (growing.length === 0) return nonCompliant(`the ${noun}'s scalable target cannot grow (MaxCapacity ${targets[0].max} is not above MinCapacity ${targets[0].min})`);
  if (growing.some((t) => t.policies.length > 0)) return COMPLIANT;
  const scheduled = growing.some((t) => t.target.properties.ScheduledActions !== undefined);
  return nonCompliant(`the ${noun}'s scalable target ${growing[0].target.path} has ${scheduled ? 'only scheduled actions and ' : ''}no scaling policy, so it does not follow load`);
}

/** For a serverless configuration: compliant when it can grow, a finding when it cannot, undefined when absent. */
function serverless(r: ResourceView, path: string, app: AppView): RuleVerdict | undefined {
  if (r.properties[path] === undefined) return undefined;
  const min = leastNumber(r, `${path}/MinCapacity`, 0, app);
  const max = leastNumber(r, `${path}/MaxCapacity`, 0, app);
  if (typeof min !== 'number') return min;
  if (typeof max !== 'number') return max;
  const literal = literalNumber(r.properties[path]?.MaxCapacity);
  return max > min ? COMPLIANT : nonCompliant(`the serverless capacity cannot grow (${path}.MaxCapacity ${literal ?? max} is not above MinCapacity ${min})`, path);
}
