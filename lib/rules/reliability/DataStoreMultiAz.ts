import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { requireTwoZones } from '../utils/availability-zones';
import { flagOn, leastNumber } from '../utils/checks';
import { isClusterMember } from '../utils/data-stores';
import { resolveResource, resourceKey } from '../utils/references';
import { asList, CAPACITY, capacityFacts, FSX_CONFIGURATIONS, isDeployTime, literalNumber, literalString } from '../../aws';

/** Compute is ComputeMultiAz's; RDS is RdsMultiAz's. */
const COMPUTE = ['AWS::EC2::Instance', 'AWS::ECS::Service', 'AWS::Lambda::Function'];
const TYPES = Object.keys(CAPACITY).filter((t) => CAPACITY[t].zones !== undefined && !COMPUTE.includes(t));

/**
 * Reads: the managed data and cache services of `lib/aws/capacity.ts` that have a zone fact, each by its own properties:
 * FSx Windows, ONTAP and OpenZFS `DeploymentType` (`MULTI_AZ_*`; FSx for Lustre lives in one zone); OpenSearch and
 * Elasticsearch zone awareness with two data nodes or more (or Multi-AZ with standby); an ElastiCache replication group
 * with `MultiAZEnabled`, automatic failover and a replica; a Memcached cache cluster `cross-az` with two nodes (a
 * single-node Redis OSS or Valkey cache cluster lives in one zone); MemoryDB `NumReplicasPerShard` (absent means 1);
 * a Redshift cluster `MultiAZ`; DocumentDB and Neptune clusters with two instances or more in the app (their
 * `DBClusterIdentifier`: a reference, an import, or the cluster's literal identifier); a DocumentDB elastic cluster's
 * `ShardInstanceCount` (absent means 2); an Amazon MQ broker `ACTIVE_STANDBY_MULTI_AZ` or `CLUSTER_MULTI_AZ`; MSK
 * brokers over subnets of two zones or more; a DAX `ReplicationFactor` of two or more; ElastiCache Serverless and
 * Redshift Serverless replicate over zones themselves. Regional services span zones by design: DynamoDB tables and global
 * tables, SQS queues, Kinesis and Firehose streams, S3 buckets (unless a lifecycle rule moves objects to One Zone-IA),
 * EFS Regional file systems (not One Zone: `AvailabilityZoneName`), and CloudFront, a global service. Every `Fn::If`
 * branch is read. Members are judged with their cluster.
 * Fails when: the service keeps its only copy of the data, or its only node, in one Availability Zone.
 * Fix: choose the service's Multi-AZ deployment (it can often only be chosen when the store is created).
 */
export const DataStoreMultiAz = defineRule({
  name: 'DataStoreMultiAz',
  description: 'Managed data and delivery services keep serving when one Availability Zone is lost (a Multi-AZ deployment, a replica in another zone, or a regional service)',
  fix: 'Choose the Multi-AZ deployment: FSx DeploymentType MULTI_AZ_1, OpenSearch zone awareness with two nodes or more, ElastiCache MultiAZEnabled with a replica, MemoryDB a replica per shard, Redshift MultiAZ, two DocumentDB or Neptune instances, Amazon MQ ACTIVE_STANDBY_MULTI_AZ, DAX ReplicationFactor >= 2, an EFS Regional file system, S3 storage classes other than One Zone-IA',
  resourceTypes: TYPES,
  scope: 'app',
  check(r, app) {
    const facts = capacityFacts(r.type);
    const zones = facts?.zones;
    if (!facts || !zones || !TYPES.includes(r.type) || isClusterMember(r, facts.memberOf)) return NOT_APPLICABLE;
    const one = (why: string, location?: string) => nonCompliant(`the ${facts.noun} runs in one Availability Zone: ${why}`, location);
    switch (zones.kind) {
      case 'regional':
        return COMPLIANT;
      case 'single':
        return one(zones.why);
      case 'property': {
        const res = app.resolve(r, zones.path);
        if (!res.ok) return unverifiable(zones.path, res.unresolved, zones.path);
        for (const { value } of res.values) {
          if (isDeployTime(value)) return unverifiable(zones.path, value, zones.path);
          const v = value === undefined ? zones.absent : value;
          if (!zones.multiAz.includes(v as string | boolean)) return one(`${zones.path} is ${value === undefined ? `not set (${String(zones.absent ?? 'single')})` : JSON.stringify(v)}`, zones.path);
        }
        return COMPLIANT;
      }
      case 'members': {
        const n = members(app, zones.memberType, zones.memberPath, r);
        return n >= 2 ? COMPLIANT : one(`it has ${n} instance${n === 1 ? '' : 's'} in the app, so no instance runs in another zone`);
      }
      case 'depends':
        return depends(r, app, one);
    }
  },
});

type One = (why: string, location?: string) => RuleVerdict;

function depends(r: ResourceView, app: AppView, one: One): RuleVerdict {
  const p = r.properties;
  switch (r.type) {
    case 'AWS::FSx::FileSystem': {
      const type = literalString(p.FileSystemType);
      if (type === 'LUSTRE') return one('an FSx for Lustre file system lives in one zone', 'FileSystemType');
      const configuration = type !== undefined ? FSX_CONFIGURATIONS[type] : undefined;
      if (!configuration) return unverifiable('FileSystemType', p.FileSystemType, 'FileSystemType');
      const path = `${configuration}/DeploymentType`;
      const res = app.resolve(r, path);
      if (!res.ok) return unverifiable(path, res.unresolved, path);
      for (const { value } of res.values) {
        if (isDeployTime(value)) return unverifiable(path, value, path);
        if (typeof value !== 'string' || !value.startsWith('MULTI_AZ')) return one(`${path} is ${value === undefined ? 'not set (SINGLE_AZ_1)' : JSON.stringify(value)}`, path);
      }
      return COMPLIANT;
    }
    case 'AWS::OpenSearchService::Domain':
    case 'AWS::Elasticsearch::Domain': {
      const config = r.type === 'AWS::OpenSearchService::Domain' ? 'ClusterConfig' : 'ElasticsearchClusterConfig';
      if (r.type === 'AWS::OpenSearchService::Domain') {
        const standby = flagOn(r, `${config}/MultiAZWithStandbyEnabled`, app);
        if (standby !== false) return standby === true ? COMPLIANT : standby;
      }
      const aware = flagOn(r, `${config}/ZoneAwarenessEnabled`, app);
      if (typeof aware === 'object') return aware;
      const count = leastNumber(r, `${config}/InstanceCount`, 1, app);
      if (typeof count !== 'number') return count;
      if (aware && count >= 2) return COMPLIANT;
      return one(aware ? `it has ${count} data node` : `${config}.ZoneAwarenessEnabled is not true`, config);
    }
    case 'AWS::ElastiCache::ReplicationGroup': {
      const multiAz = flagOn(r, 'MultiAZEnabled', app);
      const failover = flagOn(r, 'AutomaticFailoverEnabled', app);
      const clusters = leastNumber(r, 'NumCacheClusters', 1, app);
      const replicas = leastNumber(r, 'ReplicasPerNodeGroup', 0, app);
      for (const v of [multiAz, failover, clusters, replicas]) if (typeof v === 'object') return v;
      const groups = asList<any>(p.NodeGroupConfiguration).map((g) => literalNumber(g?.ReplicaCount) ?? 0);
      const hasReplica = (clusters as number) >= 2 || (replicas as number) >= 1 || (groups.length > 0 && groups.every((n) => n >= 1));
      if (multiAz && failover && hasReplica) return COMPLIANT;
      if (!hasReplica) return one('it has no replica (NumCacheClusters or ReplicasPerNodeGroup)', 'NumCacheClusters');
      return one(`${!failover ? 'AutomaticFailoverEnabled' : 'MultiAZEnabled'} is not true`, !failover ? 'AutomaticFailoverEnabled' : 'MultiAZEnabled');
    }
    case 'AWS::ElastiCache::CacheCluster': {
      const engine = literalString(p.Engine)?.toLowerCase();
      if (engine === undefined) return unverifiable('Engine', p.Engine, 'Engine');
      if (engine !== 'memcached') return one(`a ${engine} cache cluster is a single node`, 'Engine');
      const nodes = leastNumber(r, 'NumCacheNodes', 1, app);
      if (typeof nodes !== 'number') return nodes;
      return literalString(p.AZMode) === 'cross-az' && nodes >= 2 ? COMPLIANT : one(`its ${nodes} node${nodes === 1 ? '' : 's'} are not spread over zones (AZMode ${literalString(p.AZMode) ?? 'single-az'})`, 'AZMode');
    }
    case 'AWS::MemoryDB::Cluster': {
      const replicas = leastNumber(r, 'NumReplicasPerShard', 1, app);
      if (typeof replicas !== 'number') return replicas;
      return replicas >= 1 ? COMPLIANT : one('NumReplicasPerShard is 0, so no shard has a replica in another zone', 'NumReplicasPerShard');
    }
    case 'AWS::DocDBElastic::Cluster': {
      const count = leastNumber(r, 'ShardInstanceCount', 2, app);
      if (typeof count !== 'number') return count;
      return count >= 2 ? COMPLIANT : one(`each shard has ${count} instance (ShardInstanceCount)`, 'ShardInstanceCount');
    }
    case 'AWS::MSK::Cluster':
      return requireTwoZones(r, 'BrokerNodeGroupInfo/ClientSubnets', app, 'the brokers\' subnets') ?? COMPLIANT;
    case 'AWS::DAX::Cluster': {
      const factor = leastNumber(r, 'ReplicationFactor', 1, app);
      if (typeof factor !== 'number') return factor;
      return factor >= 2 ? COMPLIANT : one(`ReplicationFactor is ${factor}`, 'ReplicationFactor');
    }
    case 'AWS::EFS::FileSystem': {
      const res = app.resolve(r, 'AvailabilityZoneName');
      if (!res.ok) return unverifiable('AvailabilityZoneName', res.unresolved, 'AvailabilityZoneName');
      for (const { value } of res.values) {
        if (isDeployTime(value)) return unverifiable('AvailabilityZoneName', value, 'AvailabilityZoneName');
        if (value !== undefined) return one(`it is a One Zone file system (AvailabilityZoneName ${JSON.stringify(value)})`, 'AvailabilityZoneName');
      }
      return COMPLIANT;
    }
    case 'AWS::S3::Bucket': {
      const res = app.resolve(r, 'LifecycleConfiguration/Rules');
      if (!res.ok) return unverifiable('LifecycleConfiguration', res.unresolved, 'LifecycleConfiguration');
      for (const { value } of res.values) {
        for (const rule of asList<any>(value)) {
          if (rule?.Status === 'Disabled') continue;
          const classes = [rule?.Transition, ...asList<any>(rule?.Transitions)].map((t) => t?.StorageClass);
          if (classes.some(isDeployTime)) return unverifiable('the lifecycle transitions', classes.find(isDeployTime), 'LifecycleConfiguration');
          if (classes.includes('ONEZONE_IA')) {
            return one(`lifecycle rule ${typeof rule?.Id === 'string' ? `'${rule.Id}' ` : ''}moves objects to S3 One Zone-IA, which keeps them in one zone`, 'LifecycleConfiguration');
          }
        }
      }
      return COMPLIANT;
    }
    default:
      return NOT_APPLICABLE;
  }
}

/** Members of a cluster (instances of `memberType` whose `memberPath` designates it), counted once per pass. */
function members(app: AppView, memberType: string, memberPath: string, cluster: ResourceView): number {
  const index = app.memo(`cluster-members:${memberType}`, () => {
    const m = new Map<string, number>();
    for (const i of app.ofType(memberType)) {
      const value = i.properties[memberPath];
      const literal = literalString(value);
      const target = literal === undefined ? resolveResource(i, value, app) : undefined;
      const key = target ? resourceKey(target) : literal !== undefined ? `${i.stack.account ?? i.stack.path}|id:${literal.toLowerCase()}` : undefined;
      if (key) m.set(key, (m.get(key) ?? 0) + 1);
    }
    return m;
  });
  const id = literalString(cluster.properties.DBClusterIdentifier);
  return (index.get(resourceKey(cluster)) ?? 0) + (id !== undefined ? index.get(`${cluster.stack.account ?? cluster.stack.path}|id:${id.toLowerCase()}`) ?? 0 : 0);
}
