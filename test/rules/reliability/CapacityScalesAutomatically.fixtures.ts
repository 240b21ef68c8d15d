import {
  App, aws_applicationautoscaling as appscaling, aws_ec2 as ec2, aws_ecs as ecs, aws_elasticache as elasticache, aws_fsx as fsx, aws_lambda as lambda,
  aws_rds as rds, Stack,
} from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { MANAGEMENT, stackIn } from '../fixture-stacks';

const vpcIn = (s: Stack) => new ec2.Vpc(s, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'Public', subnetType: ec2.SubnetType.PUBLIC }, { name: 'Data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
const fargate = (s: Stack, vpc: ec2.IVpc) => {
  const cluster = new ecs.Cluster(s, 'Cluster', { vpc });
  const task = new ecs.FargateTaskDefinition(s, 'Task');
  task.addContainer('App', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:latest') });
  return new ecs.FargateService(s, 'Service', { cluster, taskDefinition: task, desiredCount: 2, assignPublicIp: true, vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC } });
};
const aurora = (s: Stack, vpc: ec2.IVpc, props: Partial<rds.DatabaseClusterProps> = {}) => new rds.DatabaseCluster(s, 'Aurora', {
  engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_4 }),
  vpc, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED }, storageEncrypted: true, writer: rds.ClusterInstance.provisioned('Writer'), ...props,
});

export const fixtures: RuleFixtures = {
  noncompliant: [
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
    { name: 'L1 FSx file system', build: (app: App) => { new fsx.CfnFileSystem(stackIn(app, 'S'), 'Share', { fileSystemType: 'WINDOWS', subnetIds: ['subnet-1'] }); }, reason: /the FSx file system does not scale automatically/ },
  ],
  compliant: [
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
  ],
};
