/**
 * How each type that provides capacity (or keeps data in one place) scales and where it runs, as items 2.2 (auto
 * scaling at each layer) and 2.8 (survives the loss of one Availability Zone) ask: one entry per type, read by the
 * generic rules instead of one rule per service.
 *
 * Sources: the CloudFormation resource reference (property names, allowed values, defaults), the Application Auto
 * Scaling scalable dimensions, and each service's documentation of Multi-AZ deployments.
 *
 * Regional services that scale and span zones by design (S3, SQS, Firehose, CloudFront; DynamoDB, Kinesis on demand and
 * EFS Regional by their settings) are listed too: they are a layer of the architecture that items 2.2 and 2.8 read,
 * and their design is the evidence.
 */

/** How a type scales with load. */
export type Scaling =
  /** The service adds and removes capacity by itself (`how`). */
  | { readonly kind: 'service'; readonly how: string }
  /**
   * Application Auto Scaling scales it: a scalable target of `namespace` whose `ResourceId` designates the resource
   * (`dimensions`), with a scaling policy. `alternative`, when set, names a property of the resource that makes it
   * scale by itself instead (Aurora Serverless).
   */
  | { readonly kind: 'application-auto-scaling'; readonly namespace: string; readonly dimensions: readonly string[]; readonly alternative?: string }
  /** The type has no automatic scaling (`why`): its size changes when someone changes it. */
  | { readonly kind: 'manual'; readonly why: string }
  /**
   * A property chooses the capacity mode: the values in `scales` make the service scale by itself (`how`); any other
   * value, or `absent` when the template leaves it out, is a fixed capacity (`why`).
   */
  | { readonly kind: 'mode'; readonly path: string; readonly scales: readonly string[]; readonly absent: string; readonly how: string; readonly why: string }
  /** Depends on several properties, as `note` says; the rule reads them. */
  | { readonly kind: 'depends'; readonly note: string };

/** Where a type runs, for the loss of one Availability Zone. */
export type Zones =
  /** The service spreads the resource over several zones by itself (`how`). */
  | { readonly kind: 'regional'; readonly how: string }
  /** The resource lives in one zone whatever the template says (`why`). */
  | { readonly kind: 'single'; readonly why: string }
  /**
   * A property decides: the resource is Multi-AZ when the value at `path` is one of `multiAz` (`absent` is the
   * value when the template leaves it out).
   */
  | { readonly kind: 'property'; readonly path: string; readonly multiAz: readonly (string | boolean)[]; readonly absent?: string | boolean }
  /** A cluster of member instances (another type naming it in `memberPath`): Multi-AZ with at least two members. */
  | { readonly kind: 'members'; readonly memberType: string; readonly memberPath: string }
  /** Depends on several properties, as `note` says; the rule reads them. */
  | { readonly kind: 'depends'; readonly note: string };

/** The facts of one capacity type. */
export interface CapacityFacts {
  /** What the type is, for messages. */
  readonly noun: string;
  /**
   * How it scales (item 2.2).
   * @default - not read by item 2.2's generic rule (an Auto Scaling group has its own rule)
   */
  readonly scaling?: Scaling;
  /**
   * Where it runs (item 2.8).
   * @default - not read by item 2.8's generic rule
   */
  readonly zones?: Zones;
  /**
   * A member of a cluster, judged with its cluster: the property naming the cluster.
   * @default - judged on its own
   */
  readonly memberOf?: string;
}

const READ_REPLICAS = (engine: string) => ({ kind: 'manual', why: `a ${engine} cluster's instance class and number of instances change only when someone changes them` }) as const;

/** Every capacity type the generic rules read, by CloudFormation type. */
export const CAPACITY: { readonly [type: string]: CapacityFacts } = {
  'AWS::Lambda::Function': {
    noun: 'Lambda function',
    scaling: { kind: 'service', how: 'AWS Lambda runs one execution environment per concurrent request, up to the function\'s reserved or the account\'s concurrency' },
    zones: { kind: 'depends', note: 'outside a VPC, Lambda runs the function in several zones of the region; attached to a VPC, in the zones of its subnets (VpcConfig.SubnetIds)' },
  },
  'AWS::EC2::Instance': {
    noun: 'EC2 instance',
    scaling: { kind: 'manual', why: 'a single instance has a fixed size and count; an Auto Scaling group with a scaling policy scales' },
    zones: { kind: 'single', why: 'an instance runs in the Availability Zone of its subnet: losing that zone stops it until someone launches another' },
  },
  'AWS::ECS::Service': {
    noun: 'ECS service',
    scaling: { kind: 'application-auto-scaling', namespace: 'ecs', dimensions: ['ecs:service:DesiredCount'] },
    zones: { kind: 'depends', note: 'a replica service runs DesiredCount tasks spread over the zones of its subnets (NetworkConfiguration.AwsvpcConfiguration.Subnets) or of its cluster\'s capacity; a daemon service runs on every instance of the cluster' },
  },
  'AWS::EKS::Cluster': {
    noun: 'EKS cluster control plane',
    scaling: { kind: 'service', how: 'Amazon EKS runs and scales the Kubernetes control plane itself ("Amazon EKS actively monitors and adjusts control plane instances", Amazon EKS User Guide, "Amazon EKS architecture", docs.aws.amazon.com/eks/latest/userguide/eks-architecture.html); the nodes are separate capacity (AWS::EKS::Nodegroup)' },
    zones: { kind: 'regional', how: 'Amazon EKS runs each cluster\'s control plane across three Availability Zones of the Region ("Amazon EKS architecture": the control plane is "distributed across three Availability Zones within an AWS Region")' },
  },
  'AWS::EKS::Nodegroup': {
    noun: 'EKS managed node group',
    scaling: {
      kind: 'depends',
      note: 'ScalingConfig bounds the node group\'s Auto Scaling group (MinSize, MaxSize; the EKS API\'s defaults are 1 and 2), but the group does not follow load by itself: the Kubernetes Cluster Autoscaler or Karpenter, running in the cluster, changes its desired size ("The AWS Cloud Provider implementation within Cluster Autoscaler controls the .DesiredReplicas field of your EC2 Auto Scaling groups", Amazon EKS Best Practices Guide, "Cluster Autoscaler", docs.aws.amazon.com/eks/latest/best-practices/cas.html)',
    },
    zones: { kind: 'depends', note: 'ScalingConfig.MinSize nodes (EKS API default 1) spread by the node group\'s Auto Scaling group over the zones of Subnets' },
  },
  'AWS::RDS::DBCluster': {
    noun: 'RDS DB cluster',
    scaling: {
      kind: 'application-auto-scaling',
      namespace: 'rds',
      dimensions: ['rds:cluster:ReadReplicaCount'],
      alternative: 'Aurora Serverless: ServerlessV2ScalingConfiguration (MaxCapacity above MinCapacity) or EngineMode serverless',
    },
  },
  'AWS::RDS::DBInstance': {
    noun: 'RDS DB instance',
    memberOf: 'DBClusterIdentifier',
    scaling: { kind: 'manual', why: 'an RDS DB instance\'s class changes only when someone changes it (storage auto scaling grows storage, not compute)' },
  },
  'AWS::DocDB::DBCluster': {
    noun: 'DocumentDB cluster',
    scaling: READ_REPLICAS('DocumentDB'),
    zones: { kind: 'members', memberType: 'AWS::DocDB::DBInstance', memberPath: 'DBClusterIdentifier' },
  },
  'AWS::DocDB::DBInstance': { noun: 'DocumentDB instance', memberOf: 'DBClusterIdentifier' },
  'AWS::DocDBElastic::Cluster': {
    noun: 'DocumentDB elastic cluster',
    scaling: { kind: 'manual', why: 'a DocumentDB elastic cluster\'s shard capacity and count change only when someone changes them' },
    zones: { kind: 'depends', note: 'ShardInstanceCount (default 2) instances per shard, spread over the zones of SubnetIds' },
  },
  'AWS::Neptune::DBCluster': {
    noun: 'Neptune cluster',
    scaling: {
      kind: 'application-auto-scaling',
      namespace: 'neptune',
      dimensions: ['neptune:cluster:ReadReplicaCount'],
      alternative: 'Neptune Serverless: ServerlessScalingConfiguration (MaxCapacity above MinCapacity)',
    },
    zones: { kind: 'members', memberType: 'AWS::Neptune::DBInstance', memberPath: 'DBClusterIdentifier' },
  },
  'AWS::Neptune::DBInstance': { noun: 'Neptune instance', memberOf: 'DBClusterIdentifier' },
  'AWS::FSx::FileSystem': {
    noun: 'FSx file system',
    scaling: { kind: 'manual', why: 'an FSx file system\'s throughput capacity and storage change only when someone changes them' },
    zones: {
      kind: 'depends',
      note: 'the DeploymentType of WindowsConfiguration (default SINGLE_AZ_1), OntapConfiguration or OpenZFSConfiguration: MULTI_AZ_1 or MULTI_AZ_2 keep a standby in another zone; FSx for Lustre runs in one zone',
    },
  },
  'AWS::OpenSearchService::Domain': {
    noun: 'OpenSearch domain',
    scaling: { kind: 'manual', why: 'an OpenSearch domain\'s instance type and count change only when someone changes them' },
    zones: { kind: 'depends', note: 'ClusterConfig.ZoneAwarenessEnabled with at least two data nodes, or MultiAZWithStandbyEnabled' },
  },
  'AWS::Elasticsearch::Domain': {
    noun: 'Elasticsearch domain',
    scaling: { kind: 'manual', why: 'an Elasticsearch domain\'s instance type and count change only when someone changes them' },
    zones: { kind: 'depends', note: 'ElasticsearchClusterConfig.ZoneAwarenessEnabled with at least two data nodes' },
  },
  'AWS::ElastiCache::ReplicationGroup': {
    noun: 'ElastiCache replication group',
    scaling: {
      kind: 'application-auto-scaling',
      namespace: 'elasticache',
      dimensions: ['elasticache:replication-group:NodeGroups', 'elasticache:replication-group:Replicas'],
    },
    zones: { kind: 'depends', note: 'MultiAZEnabled and AutomaticFailoverEnabled with at least one replica (NumCacheClusters of two or more, or ReplicasPerNodeGroup of one or more)' },
  },
  'AWS::ElastiCache::CacheCluster': {
    noun: 'ElastiCache cache cluster',
    memberOf: 'ReplicationGroupId',
    scaling: { kind: 'manual', why: 'a cache cluster\'s node type and number of nodes change only when someone changes them' },
    zones: { kind: 'depends', note: 'Memcached: AZMode cross-az with two nodes or more; Redis OSS or Valkey: one node, in one zone' },
  },
  'AWS::ElastiCache::ServerlessCache': {
    noun: 'ElastiCache serverless cache',
    scaling: { kind: 'service', how: 'ElastiCache Serverless scales compute and memory with the workload' },
    zones: { kind: 'regional', how: 'ElastiCache Serverless replicates data over several Availability Zones' },
  },
  'AWS::MemoryDB::Cluster': {
    noun: 'MemoryDB cluster',
    scaling: { kind: 'manual', why: 'a MemoryDB cluster\'s node type, shards and replicas change only when someone changes them' },
    zones: { kind: 'depends', note: 'NumReplicasPerShard (default 1): MemoryDB places the replicas in other zones and fails over to them' },
  },
  'AWS::Redshift::Cluster': {
    noun: 'Redshift cluster',
    scaling: { kind: 'manual', why: 'a Redshift cluster\'s node type and count change only when someone resizes it' },
    zones: { kind: 'property', path: 'MultiAZ', multiAz: [true, 'true'], absent: false },
  },
  'AWS::RedshiftServerless::Workgroup': {
    noun: 'Redshift Serverless workgroup',
    scaling: { kind: 'service', how: 'Redshift Serverless scales its capacity (RPUs) with the workload' },
    zones: { kind: 'regional', how: 'a Redshift Serverless workgroup uses subnets in at least three Availability Zones' },
  },
  'AWS::MSK::Cluster': {
    noun: 'MSK cluster',
    scaling: { kind: 'manual', why: 'an MSK cluster\'s broker type and count change only when someone changes them (storage auto scaling grows storage only)' },
    zones: { kind: 'depends', note: 'brokers are spread over the zones of BrokerNodeGroupInfo.ClientSubnets (two or three)' },
  },
  'AWS::AmazonMQ::Broker': {
    noun: 'Amazon MQ broker',
    scaling: { kind: 'manual', why: 'a broker\'s instance type changes only when someone changes it' },
    zones: { kind: 'property', path: 'DeploymentMode', multiAz: ['ACTIVE_STANDBY_MULTI_AZ', 'CLUSTER_MULTI_AZ'] },
  },
  // AWS DMS User Guide, "Working with an AWS DMS replication instance": with Multi-AZ, "AWS DMS automatically
  // provisions and maintains a synchronous standby replica of the replication instance in a different Availability
  // Zone"; MultiAZ defaults to false. A replication instance's class changes only by a modification (DMS Serverless,
  // AWS::DMS::ReplicationConfig, is the variant that scales its capacity units by itself).
  'AWS::DMS::ReplicationInstance': {
    noun: 'DMS replication instance',
    scaling: { kind: 'manual', why: 'a DMS replication instance\'s class and storage change only when someone modifies it' },
    zones: { kind: 'property', path: 'MultiAZ', multiAz: [true, 'true'], absent: false },
  },
  // AWS DMS User Guide, "Working with AWS DMS Serverless": it "automatically provisions, scales, and manages migration
  // resources" between MinCapacityUnits and MaxCapacityUnits; ComputeConfig.MultiAZ places a standby in another zone.
  'AWS::DMS::ReplicationConfig': {
    noun: 'DMS Serverless replication',
    scaling: { kind: 'service', how: 'AWS DMS Serverless scales the replication\'s capacity units by itself, up to ComputeConfig.MaxCapacityUnits' },
    zones: { kind: 'property', path: 'ComputeConfig/MultiAZ', multiAz: [true, 'true'], absent: false },
  },
  'AWS::DAX::Cluster': {
    noun: 'DAX cluster',
    scaling: { kind: 'manual', why: 'a DAX cluster\'s node type and replication factor change only when someone changes them' },
    zones: { kind: 'depends', note: 'ReplicationFactor of two or more, over the zones of AvailabilityZones (or of its subnet group)' },
  },
  'AWS::DynamoDB::Table': {
    noun: 'DynamoDB table',
    scaling: {
      kind: 'application-auto-scaling',
      namespace: 'dynamodb',
      dimensions: ['dynamodb:table:ReadCapacityUnits', 'dynamodb:table:WriteCapacityUnits'],
      alternative: 'BillingMode PAY_PER_REQUEST (on-demand): DynamoDB serves whatever the workload asks',
    },
    zones: { kind: 'regional', how: 'DynamoDB replicates every table across three Availability Zones of its region' },
  },
  'AWS::DynamoDB::GlobalTable': {
    noun: 'DynamoDB global table',
    scaling: {
      kind: 'depends',
      note: 'BillingMode PAY_PER_REQUEST (on-demand) scales by itself; PROVISIONED scales writes with WriteCapacityAutoScalingSettings (CloudFormation requires it) and each replica\'s reads, and each index\'s, with ReadCapacityAutoScalingSettings rather than a fixed ReadCapacityUnits',
    },
    zones: { kind: 'regional', how: 'DynamoDB replicates every replica table across three Availability Zones of its region' },
  },
  'AWS::EFS::FileSystem': {
    noun: 'EFS file system',
    scaling: {
      kind: 'mode', path: 'ThroughputMode', scales: ['bursting', 'elastic'], absent: 'bursting',
      how: 'EFS grows and shrinks storage with the files stored; Elastic throughput follows the load, Bursting throughput grows with the data stored',
      why: 'Provisioned throughput stays at ProvisionedThroughputInMibps until someone changes it',
    },
    zones: { kind: 'depends', note: 'a Regional file system (no AvailabilityZoneName) stores data across several Availability Zones; a One Zone file system (AvailabilityZoneName) in one' },
  },
  'AWS::Kinesis::Stream': {
    noun: 'Kinesis data stream',
    scaling: {
      kind: 'mode', path: 'StreamModeDetails/StreamMode', scales: ['ON_DEMAND'], absent: 'PROVISIONED',
      how: 'an on-demand stream adds and removes shards with the traffic',
      why: 'a provisioned stream keeps its ShardCount until someone (or code calling UpdateShardCount) changes it',
    },
    zones: { kind: 'regional', how: 'Kinesis Data Streams replicates data across three Availability Zones of the region' },
  },
  'AWS::KinesisFirehose::DeliveryStream': {
    noun: 'Firehose stream',
    scaling: { kind: 'service', how: 'Amazon Data Firehose scales with the incoming data, without provisioning' },
    zones: { kind: 'regional', how: 'Amazon Data Firehose runs across several Availability Zones of the region' },
  },
  'AWS::S3::Bucket': {
    noun: 'S3 bucket',
    scaling: { kind: 'service', how: 'Amazon S3 scales storage and request rates with use, without provisioning' },
    zones: { kind: 'depends', note: 'S3 Standard and the other regional storage classes store objects across at least three Availability Zones; objects a lifecycle rule moves to S3 One Zone-IA (ONEZONE_IA) are in one' },
  },
  'AWS::SQS::Queue': {
    noun: 'SQS queue',
    scaling: { kind: 'service', how: 'Amazon SQS scales with the number of messages, without provisioning' },
    zones: { kind: 'regional', how: 'Amazon SQS stores every message redundantly across several Availability Zones' },
  },
  'AWS::CloudFront::Distribution': {
    noun: 'CloudFront distribution',
    scaling: { kind: 'service', how: 'CloudFront serves requests from its edge locations, which scale with the traffic' },
    zones: { kind: 'regional', how: 'CloudFront is a global service: it serves from edge locations, outside the Availability Zones of a region' },
  },
};

/** The facts of a capacity type, or undefined for a type the table does not list. */
export function capacityFacts(type: string): CapacityFacts | undefined {
  return Object.prototype.hasOwnProperty.call(CAPACITY, type) ? CAPACITY[type] : undefined;
}
