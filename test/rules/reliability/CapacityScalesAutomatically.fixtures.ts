import {
  App, aws_eks as eks, aws_applicationautoscaling as appscaling, aws_cloudfront as cloudfront, aws_cloudfront_origins as origins, aws_dms as dms, aws_dynamodb as ddb, aws_ec2 as ec2,
  aws_ecs as ecs, aws_efs as efs, aws_elasticache as elasticache, aws_fsx as fsx, aws_kinesis as kinesis, aws_kinesisfirehose as firehose, aws_lambda as lambda,
  aws_rds as rds, aws_s3 as s3, aws_sqs as sqs, custom_resources as cr, Size, Stack,
} from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { MANAGEMENT, stackIn } from '../fixture-stacks';

const cdkSize = (mib: number) => Size.mebibytes(mib);
const vpcIn = (s: Stack) => new ec2.Vpc(s, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'Public', subnetType: ec2.SubnetType.PUBLIC }, { name: 'Data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
const fargate = (s: Stack, vpc: ec2.IVpc) => {
  const cluster = new ecs.Cluster(s, 'Cluster', { vpc });
  const task = new ecs.FargateTaskDefinition(s, 'Task');
  task.addContainer('App', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:latest') });
  return new ecs.FargateService(s, 'Service', { cluster, taskDefinition: task, desiredCount: 2, assignPublicIp: true, vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC } });
};
const table = (s: Stack, props: Partial<ddb.TableProps> = {}) => new ddb.Table(s, 'Orders', { partitionKey: { name: 'pk', type: ddb.AttributeType.STRING }, ...props });
const aurora = (s: Stack, vpc: ec2.IVpc, props: Partial<rds.DatabaseClusterProps> = {}) => new rds.DatabaseCluster(s, 'Aurora', {
  engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_4 }),
  vpc, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED }, storageEncrypted: true, writer: rds.ClusterInstance.provisioned('Writer'), ...props,
});

/** An L1 EKS cluster and managed node group over the public subnets of an L2 VPC (the L2 cluster needs a kubectl layer asset). */
const eksNodes = (s: Stack, scalingConfig: { minSize?: number; maxSize?: number; desiredSize?: number } | undefined, maxAzs = 2) => {
  const subnets = new ec2.Vpc(s, 'EksVpc', { maxAzs, natGateways: 0, subnetConfiguration: [{ name: 'Public', subnetType: ec2.SubnetType.PUBLIC }] }).publicSubnets.map((x) => x.subnetId);
  const cluster = new eks.CfnCluster(s, 'Eks', { roleArn: 'arn:aws:iam::111111111111:role/eks-cluster', resourcesVpcConfig: { subnetIds: subnets } });
  return new eks.CfnNodegroup(s, 'Nodes', { clusterName: cluster.ref, nodeRole: 'arn:aws:iam::111111111111:role/eks-nodes', subnets, ...(scalingConfig ? { scalingConfig } : {}) });
};

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'L1 EKS managed node group with MaxSize equal to MinSize',
      build: (app: App) => { eksNodes(stackIn(app, 'S', MANAGEMENT), { minSize: 3, maxSize: 3, desiredSize: 3 }); },
      reason: /the EKS managed node group cannot grow \(ScalingConfig.MaxSize 3 is not above MinSize 3\)/,
    },
    {
      name: 'L2 single EC2 instance',
      build: (app: App) => { const s = stackIn(app, 'S', MANAGEMENT); new ec2.Instance(s, 'Web', { vpc: vpcIn(s), instanceType: new ec2.InstanceType('t3.micro'), machineImage: ec2.MachineImage.latestAmazonLinux2023() }); },
      reason: /the EC2 instance does not scale automatically/,
    },
    { name: 'L2 Fargate service without auto scaling', build: (app: App) => { const s = stackIn(app, 'S', MANAGEMENT); fargate(s, vpcIn(s)); }, reason: /no Application Auto Scaling target scales the ECS service/ },
    {
      name: 'L2 Fargate service whose scalable target has only a schedule',
      build: (app: App) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        fargate(s, vpcIn(s)).autoScaleTaskCount({ minCapacity: 2, maxCapacity: 4 }).scaleOnSchedule('Night', { schedule: appscaling.Schedule.cron({ hour: '22', minute: '0' }), minCapacity: 2 });
      },
      reason: /has only scheduled actions and no scaling policy/,
    },
    { name: 'L2 Aurora cluster with a writer only and no replica auto scaling', build: (app: App) => { const s = stackIn(app, 'S', MANAGEMENT); aurora(s, vpcIn(s)); }, reason: /no Application Auto Scaling target scales the RDS DB cluster/ },
    { name: 'L1 DMS replication instance (its class changes only by a modification)', build: (app: App) => { new dms.CfnReplicationInstance(stackIn(app, 'S'), 'Replication', { replicationInstanceClass: 'dms.r6i.large', multiAz: true }); }, reason: /the DMS replication instance does not scale automatically/ },
    { name: 'L1 FSx file system', build: (app: App) => { new fsx.CfnFileSystem(stackIn(app, 'S'), 'Share', { fileSystemType: 'WINDOWS', subnetIds: ['subnet-1'] }); }, reason: /the FSx file system does not scale automatically/ },
    {
      name: 'L2 DynamoDB table left at the default provisioned 5 read and 5 write units',
      build: (app: App) => { table(stackIn(app, 'S')); },
      reason: /the provisioned DynamoDB table does not scale automatically \(BillingMode not set, so PROVISIONED\): no Application Auto Scaling target with a scaling policy scales its read capacity, write capacity/,
    },
    {
      name: 'L2 provisioned table whose reads scale but whose writes and index stay fixed',
      build: (app: App) => {
        const t = table(stackIn(app, 'S'), { billingMode: ddb.BillingMode.PROVISIONED });
        t.addGlobalSecondaryIndex({ indexName: 'byCustomer', partitionKey: { name: 'customer', type: ddb.AttributeType.STRING } });
        t.autoScaleReadCapacity({ minCapacity: 5, maxCapacity: 50 }).scaleOnUtilization({ targetUtilizationPercent: 70 });
        t.autoScaleGlobalSecondaryIndexReadCapacity('byCustomer', { minCapacity: 5, maxCapacity: 50 }).scaleOnUtilization({ targetUtilizationPercent: 70 });
      },
      reason: /scales its write capacity, write capacity of index byCustomer$/,
    },
    {
      name: 'L2 TableV2 (global table) provisioned with a fixed read capacity',
      build: (app: App) => {
        new ddb.TableV2(stackIn(app, 'S'), 'Orders', {
          partitionKey: { name: 'pk', type: ddb.AttributeType.STRING },
          billing: ddb.Billing.provisioned({ readCapacity: ddb.Capacity.fixed(10), writeCapacity: ddb.Capacity.autoscaled({ maxCapacity: 20 }) }),
        });
      },
      reason: /the provisioned global table does not scale its reads automatically: replica .* reads at a fixed ReadCapacityUnits 10/,
    },
    {
      name: 'L2 Kinesis stream in provisioned mode; L2 EFS file system with provisioned throughput',
      build: (app: App) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        new kinesis.Stream(s, 'Events', { streamMode: kinesis.StreamMode.PROVISIONED, shardCount: 2 });
        new efs.FileSystem(s, 'Files', { vpc: vpcIn(s), throughputMode: efs.ThroughputMode.PROVISIONED, provisionedThroughputPerSecond: cdkSize(64) });
      },
      reason: /the Kinesis data stream does not scale automatically: a provisioned stream keeps its ShardCount[\s\S]*the EFS file system does not scale automatically: Provisioned throughput stays at ProvisionedThroughputInMibps until someone changes it \(ThroughputMode is "provisioned"\)/,
    },
  ],
  compliant: [
    {
      name: 'L1 EKS cluster: Amazon EKS scales the control plane',
      build: (app: App) => { new eks.CfnCluster(stackIn(app, 'S', MANAGEMENT), 'Eks', { roleArn: 'arn:aws:iam::111111111111:role/eks-cluster', resourcesVpcConfig: { subnetIds: ['subnet-1', 'subnet-2'] } }); },
    },
    {
      name: 'regional services that scale by design: on-demand L2 table, provisioned table with read and write auto scaling, on-demand stream, bucket, queue, Firehose stream, CloudFront, EFS with the default throughput; a custom resource handler is not the app\'s capacity',
      build: (app: App) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        new ddb.Table(s, 'Sessions', { partitionKey: { name: 'pk', type: ddb.AttributeType.STRING }, billingMode: ddb.BillingMode.PAY_PER_REQUEST });
        const provisioned = table(s, { billingMode: ddb.BillingMode.PROVISIONED });
        provisioned.autoScaleReadCapacity({ minCapacity: 5, maxCapacity: 50 }).scaleOnUtilization({ targetUtilizationPercent: 70 });
        provisioned.autoScaleWriteCapacity({ minCapacity: 5, maxCapacity: 50 }).scaleOnUtilization({ targetUtilizationPercent: 70 });
        new kinesis.Stream(s, 'Events', { streamMode: kinesis.StreamMode.ON_DEMAND });
        const bucket = new s3.Bucket(s, 'Site');
        new sqs.Queue(s, 'Jobs');
        new firehose.DeliveryStream(s, 'Archive', { destination: new firehose.S3Bucket(bucket) });
        new cloudfront.Distribution(s, 'Cdn', { defaultBehavior: { origin: origins.S3BucketOrigin.withOriginAccessControl(bucket) } });
        new efs.FileSystem(s, 'Files', { vpc: vpcIn(s) });
        new cr.AwsCustomResource(s, 'Lookup', {
          onCreate: { service: 'SSM', action: 'getParameter', parameters: { Name: '/app/version' }, physicalResourceId: cr.PhysicalResourceId.of('version') },
          policy: cr.AwsCustomResourcePolicy.fromSdkCalls({ resources: cr.AwsCustomResourcePolicy.ANY_RESOURCE }),
        });
      },
    },
    {
      name: 'L2 Fargate service scaling on CPU; Aurora Serverless v2 cluster; a Lambda function',
      build: (app: App) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        const vpc = vpcIn(s);
        fargate(s, vpc).autoScaleTaskCount({ minCapacity: 2, maxCapacity: 6 }).scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });
        aurora(s, vpc, { writer: rds.ClusterInstance.serverlessV2('Writer'), serverlessV2MinCapacity: 0.5, serverlessV2MaxCapacity: 8 });
        new lambda.Function(s, 'Fn', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler=async()=>{}') });
      },
    },
    {
      name: 'L1 ElastiCache replication group with a replica scalable target (by literal id) and a target-tracking policy',
      build: (app: App) => {
        const s = stackIn(app, 'S');
        new elasticache.CfnReplicationGroup(s, 'Sessions', { replicationGroupDescription: 'sessions', replicationGroupId: 'sessions', engine: 'valkey' });
        const target = new appscaling.CfnScalableTarget(s, 'Target', { serviceNamespace: 'elasticache', scalableDimension: 'elasticache:replication-group:Replicas', resourceId: 'replication-group/sessions', minCapacity: 1, maxCapacity: 5 });
        new appscaling.CfnScalingPolicy(s, 'Policy', {
          policyName: 'cpu', policyType: 'TargetTrackingScaling', scalingTargetId: target.ref,
          targetTrackingScalingPolicyConfiguration: { targetValue: 60, predefinedMetricSpecification: { predefinedMetricType: 'ElastiCacheReplicaEngineCPUUtilization' } },
        });
      },
    },
    {
      name: 'L1 DMS Serverless replication (scales its capacity units by itself)',
      build: (app: App) => {
        new dms.CfnReplicationConfig(stackIn(app, 'S'), 'Serverless', {
          replicationConfigIdentifier: 'sales', replicationType: 'full-load-and-cdc', tableMappings: { rules: [] },
          sourceEndpointArn: 'arn:aws:dms:eu-west-1:111111111111:endpoint:SRC', targetEndpointArn: 'arn:aws:dms:eu-west-1:111111111111:endpoint:TGT',
          computeConfig: { maxCapacityUnits: 16, multiAz: true },
        });
      },
    },
  ],
  notShown: [
    {
      name: 'L1 EKS managed node group that can grow: the autoscaler runs inside the cluster',
      build: (app: App) => { eksNodes(stackIn(app, 'S', MANAGEMENT), { minSize: 3, maxSize: 9, desiredSize: 3 }); },
      reason: /can grow from 3 to 9 nodes, but .*Cluster Autoscaler or Karpenter/,
    },
  ],
};
