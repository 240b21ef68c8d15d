import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, notShown, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { leastNumber } from '../utils/checks';
import { isCustomResourceHandler } from '../utils/customer-data';
import { branch, isClusterMember } from '../utils/data-stores';
import { scalableTargetsOf } from '../utils/scaling';
import { asList, CAPACITY, capacityFacts, isDeployTime, isObject, literalNumber, literalString, ResourceValue, Scaling, Text } from '../../aws';

const TYPES = Object.keys(CAPACITY).filter((t) => CAPACITY[t].scaling !== undefined);

/**
 * Reads: every capacity type of `lib/aws/capacity.ts` with a scaling fact (Auto Scaling groups are
 * AutoScalingGroupScalingPolicy's) and, across the app, the `AWS::ApplicationAutoScaling::ScalableTarget`s whose
 * `ResourceId` designates the resource (a reference such as `service/${Cluster}/${Service.Name}`, or a literal id ending
 * in its name) with their `AWS::ApplicationAutoScaling::ScalingPolicy`s:
 * - Lambda functions, ElastiCache Serverless, Redshift Serverless, S3 buckets, SQS queues, Firehose streams and CloudFront
 *   distributions scale by themselves; a Kinesis stream in `ON_DEMAND` mode and an EFS file system with Elastic or Bursting
 *   throughput do, a provisioned stream or Provisioned throughput does not;
 * - a DynamoDB table scales on demand (`BillingMode: PAY_PER_REQUEST`); provisioned (the default), its read and write
 *   capacity, and each global secondary index's, need an Application Auto Scaling target that can grow with a scaling
 *   policy; a global table (TableV2) provisioned scales writes by `WriteCapacityAutoScalingSettings` and needs
 *   `ReadCapacityAutoScalingSettings`, not a fixed `ReadCapacityUnits`, on every replica and replica index;
 * - an ECS service, an Aurora cluster (reader count), a Neptune cluster (reader count) or an ElastiCache replication
 *   group scales with a scalable target of its namespace that can grow (`MaxCapacity` above `MinCapacity`) and a
 *   scaling policy (scheduled actions alone do not follow load); Aurora Serverless v2 (`ServerlessV2ScalingConfiguration`
 *   with `MaxCapacity` above `MinCapacity`), Aurora Serverless v1 (`EngineMode: serverless`) and Neptune Serverless scale
 *   by themselves;
 * - an EKS cluster's control plane scales by itself; an EKS managed node group whose `ScalingConfig.MaxSize` is not above
 *   `MinSize` (EKS API defaults 2 and 1) cannot grow; one that can grow scales only when the Cluster Autoscaler or
 *   Karpenter runs in the cluster, which a template does not show: not shown, so an attestation decides;
 * - a stand-alone EC2 instance, an RDS DB instance, a non-Aurora Multi-AZ DB cluster, DocumentDB, FSx, OpenSearch,
 *   MemoryDB, Redshift, MSK, Amazon MQ, DAX and a cache cluster have no automatic scaling.
 * Cluster members are judged with their cluster; the functions that handle custom resources run at deployment only and
 * are not the app's capacity.
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
    if (r.type === 'AWS::Lambda::Function' && isCustomResourceHandler(r, app)) return NOT_APPLICABLE;
    switch (scaling.kind) {
      case 'service':
        return COMPLIANT;
      case 'manual':
        return nonCompliant(`the ${facts.noun} does not scale automatically: ${scaling.why}`);
      case 'mode':
        return mode(r, scaling, facts.noun, app);
      case 'application-auto-scaling':
        return r.type === 'AWS::DynamoDB::Table' ? dynamoDbTable(r, app) : scalesBy(r, scaling, facts.noun, app);
      case 'depends':
        if (r.type === 'AWS::DynamoDB::GlobalTable') return globalTable(r, app);
        return r.type === 'AWS::EKS::Nodegroup' ? nodegroup(r, app) : NOT_APPLICABLE;
    }
  },
});

function mode(r: ResourceView, scaling: Extract<Scaling, { kind: 'mode' }>, noun: string, app: AppView): RuleVerdict {
  const res = app.resolve(r, scaling.path);
  if (!res.ok) return unverifiable(scaling.path, res.unresolved, scaling.path);
  for (const { value, conditions } of res.values) {
    if (isDeployTime(value)) return unverifiable(scaling.path, value, scaling.path);
    const v = value === undefined ? scaling.absent : String(value);
    if (!scaling.scales.includes(v)) {
      const given = value === undefined ? `not set, so ${scaling.absent}` : JSON.stringify(value);
      return nonCompliant(`the ${noun} does not scale automatically: ${scaling.why} (${scaling.path} is ${given}${branch(conditions)})`, scaling.path);
    }
  }
  return COMPLIANT;
}

/**
 * A DynamoDB billing mode: the `Fn::If` branch in which it is provisioned (the default), if any, and whether it is
 * left out; or the verdict when it is not known at synth.
 */
function billingMode(r: ResourceView, app: AppView): RuleVerdict | { readonly provisioned: ReadonlyMap<string, boolean> | undefined; readonly defaulted: boolean } {
  const res = app.resolve(r, 'BillingMode');
  if (!res.ok) return unverifiable('BillingMode', res.unresolved, 'BillingMode');
  let provisioned: ReadonlyMap<string, boolean> | undefined;
  for (const { value, conditions } of res.values) {
    if (isDeployTime(value)) return unverifiable('BillingMode', value, 'BillingMode');
    if (value !== 'PAY_PER_REQUEST') provisioned ??= conditions;
  }
  return { provisioned, defaulted: res.values.some((v) => v.value === undefined) };
}

/**
 * A table: on demand, or provisioned with read and write auto scaling on the table and on every global secondary index
 * (an Application Auto Scaling target of the `dynamodb` namespace whose `ResourceId` is `table/<table>` or
 * `table/<table>/index/<index>`, that can grow, with a scaling policy).
 */
function dynamoDbTable(r: ResourceView, app: AppView): RuleVerdict {
  const billing = billingMode(r, app);
  if ('status' in billing) return billing;
  if (!billing.provisioned) return COMPLIANT;
  const indexes = asList<any>(r.properties.GlobalSecondaryIndexes).map((i) => literalString(i?.IndexName));
  const targets = scalableTargetsOf(r, 'dynamodb', [literalString(r.properties.TableName)], app)
    .filter((t) => (t.min === undefined || t.max === undefined || t.max > t.min) && t.policies.length > 0)
    .map((t) => `${indexOf(t.target, app) ?? ''}|${t.dimension}`);
  const missing: string[] = [];
  for (const index of [undefined, ...indexes]) {
    for (const unit of ['Read', 'Write']) {
      const dimension = `dynamodb:${index === undefined ? 'table' : 'index'}:${unit}CapacityUnits`;
      if (!targets.includes(`${index ?? ''}|${dimension}`)) missing.push(`${unit.toLowerCase()} capacity${index === undefined ? '' : ` of index ${index}`}`);
    }
  }
  if (missing.length === 0) return COMPLIANT;
  return nonCompliant(`the provisioned DynamoDB table does not scale automatically (BillingMode ${billing.defaulted ? 'not set, so PROVISIONED' : 'PROVISIONED'}${branch(billing.provisioned)}): no Application Auto Scaling target with a scaling policy scales its ${missing.join(', ')}`, 'BillingMode');
}

/** The index a DynamoDB scalable target's `ResourceId` names (`table/<t>/index/<i>`), or undefined for the table. */
function indexOf(target: ResourceView, app: AppView): string | undefined {
  const res = app.resolve(target, 'ResourceId');
  if (!res.ok || res.values.length !== 1) return undefined;
  const v = res.values[0].value;
  const text = typeof v === 'string' ? v : v instanceof Text ? v.render() : v instanceof ResourceValue ? '' : undefined;
  return text === undefined ? undefined : /\/index\/([^/]+)$/.exec(text)?.[1];
}

/**
 * A global table (TableV2): on demand, or provisioned with write auto scaling (CloudFormation requires it) and read auto
 * scaling on every replica and every replica's index.
 */
function globalTable(r: ResourceView, app: AppView): RuleVerdict {
  const billing = billingMode(r, app);
  if ('status' in billing) return billing;
  if (!billing.provisioned) return COMPLIANT;
  const fixed = (what: string, settings: unknown) => (isObject(settings) && settings.ReadCapacityAutoScalingSettings !== undefined ? undefined
    : `${what} ${isObject(settings) && settings.ReadCapacityUnits !== undefined ? `reads at a fixed ReadCapacityUnits ${JSON.stringify(settings.ReadCapacityUnits)}` : 'sets no ReadCapacityAutoScalingSettings'}`);
  for (const path of ['WriteProvisionedThroughputSettings', 'Replicas', 'GlobalSecondaryIndexes']) {
    const res = app.resolve(r, path);
    if (!res.ok) return unverifiable(path, res.unresolved, path);
    for (const { value } of res.values) {
      if (!isObject(value) && !Array.isArray(value) && value !== undefined) return unverifiable(path, value, path);
      if (path === 'WriteProvisionedThroughputSettings' && !(isObject(value) && (value as any).WriteCapacityAutoScalingSettings !== undefined)) {
        return nonCompliant('the provisioned global table does not scale its writes automatically (no WriteProvisionedThroughputSettings.WriteCapacityAutoScalingSettings)', path);
      }
      if (path === 'GlobalSecondaryIndexes') {
        for (const index of asList<any>(value)) {
          if (!(isObject(index?.WriteProvisionedThroughputSettings) && index.WriteProvisionedThroughputSettings.WriteCapacityAutoScalingSettings !== undefined)) {
            return nonCompliant(`the provisioned global table does not scale the writes of index ${index?.IndexName ?? '?'} automatically (no WriteCapacityAutoScalingSettings)`, path);
          }
        }
      }
      if (path === 'Replicas') {
        for (const replica of asList<any>(value)) {
          const where = `replica ${typeof replica?.Region === 'string' ? replica.Region : '?'}`;
          const problem = fixed(`${where}`, replica?.ReadProvisionedThroughputSettings)
            ?? asList<any>(replica?.GlobalSecondaryIndexes).map((i) => fixed(`index ${i?.IndexName ?? '?'} of ${where}`, i?.ReadProvisionedThroughputSettings)).find((x) => x !== undefined);
          if (problem) return nonCompliant(`the provisioned global table does not scale its reads automatically: ${problem}`, path);
        }
      }
    }
  }
  return COMPLIANT;
}

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

/**
 * An EKS managed node group: a finding when `ScalingConfig` cannot grow; when it can, whether it follows load depends on
 * an autoscaler running inside the cluster (the capacity fact's note), which the template cannot show.
 */
function nodegroup(r: ResourceView, app: AppView): RuleVerdict {
  const min = leastNumber(r, 'ScalingConfig/MinSize', 1, app);
  if (typeof min !== 'number') return min;
  const maxLiteral = literalNumber(r.properties.ScalingConfig?.MaxSize);
  const max = r.properties.ScalingConfig?.MaxSize === undefined ? 2 : maxLiteral;
  if (max === undefined) return unverifiable('ScalingConfig.MaxSize', r.properties.ScalingConfig.MaxSize, 'ScalingConfig/MaxSize');
  if (max <= min) {
    return nonCompliant(`the EKS managed node group cannot grow (ScalingConfig.MaxSize ${max} is not above MinSize ${min})`, 'ScalingConfig/MaxSize');
  }
  return notShown(`the node group can grow from ${min} to ${max} nodes, but its Auto Scaling group does not follow load by itself: the Cluster Autoscaler or Karpenter, running in the cluster outside the template, changes its desired size (attest that one runs)`, 'ScalingConfig');
}
