import {
  App, aws_eks as eks, aws_applicationautoscaling as appscaling, aws_autoscaling as autoscaling, aws_ec2 as ec2, aws_ecs as ecs, aws_elasticloadbalancingv2 as elbv2,
  aws_lambda as lambda, Stack,
} from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { MANAGEMENT, stackIn } from '../fixture-stacks';

const vpcIn = (s: Stack, maxAzs = 2) => new ec2.Vpc(s, 'Vpc', { maxAzs, natGateways: 0, subnetConfiguration: [{ name: 'Public', subnetType: ec2.SubnetType.PUBLIC }] });
const image = ec2.MachineImage.latestAmazonLinux2023();
const type = new ec2.InstanceType('t3.micro');
const fargate = (s: Stack, vpc: ec2.IVpc, props: Partial<ecs.FargateServiceProps> = {}) => {
  const cluster = new ecs.Cluster(s, 'Cluster', { vpc });
  const task = new ecs.FargateTaskDefinition(s, 'Task');
  task.addContainer('App', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:latest') });
  return new ecs.FargateService(s, 'Service', { cluster, taskDefinition: task, assignPublicIp: true, vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC }, ...props });
};

/** An L1 EKS cluster and managed node group over the public subnets of an L2 VPC (the L2 cluster needs a kubectl layer asset). */
const eksNodes = (s: Stack, scalingConfig: { minSize?: number; maxSize?: number; desiredSize?: number } | undefined, maxAzs = 2) => {
  const subnets = new ec2.Vpc(s, 'EksVpc', { maxAzs, natGateways: 0, subnetConfiguration: [{ name: 'Public', subnetType: ec2.SubnetType.PUBLIC }] }).publicSubnets.map((x) => x.subnetId);
  const cluster = new eks.CfnCluster(s, 'Eks', { roleArn: 'arn:aws:iam::111111111111:role/eks-cluster', resourcesVpcConfig: { subnetIds: subnets } });
  return new eks.CfnNodegroup(s, 'Nodes', { clusterName: cluster.ref, nodeRole: 'arn:aws:iam::111111111111:role/eks-nodes', subnets, ...(scalingConfig ? { scalingConfig } : {}) });
};

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'L1 EKS managed node group with the default scaling (MinSize 1)',
      build: (app: App) => { eksNodes(stackIn(app, 'S', MANAGEMENT), undefined); },
      reason: /the node group may run 1 node \(ScalingConfig.MinSize absent, meaning 1\)/,
    },
    {
      name: 'L1 EKS managed node group of three nodes in one zone',
      build: (app: App) => { eksNodes(stackIn(app, 'S', MANAGEMENT), { minSize: 3, maxSize: 6, desiredSize: 3 }, 1); },
      reason: /the node group's subnets spans 1 Availability Zone/,
    },
    {
      name: 'L2 single EC2 instance (not in a group)',
      build: (app: App) => { const s = stackIn(app, 'S', MANAGEMENT); new ec2.Instance(s, 'Web', { vpc: vpcIn(s), instanceType: type, machineImage: image }); },
      reason: /a stand-alone instance runs in one Availability Zone/,
    },
    {
      name: 'L2 Auto Scaling group with min = max = 1 over subnets of two zones',
      build: (app: App) => { const s = stackIn(app, 'S', MANAGEMENT); new autoscaling.AutoScalingGroup(s, 'Asg', { vpc: vpcIn(s), instanceType: type, machineImage: image, minCapacity: 1, maxCapacity: 1 }); },
      reason: /the group may run 1 instance \(MinSize 1\)/,
    },
    {
      name: 'L2 Fargate service with the default single task',
      build: (app: App) => { const s = stackIn(app, 'S', MANAGEMENT); fargate(s, vpcIn(s)); },
      reason: /the service runs 1 task \(DesiredCount absent, meaning 1\)/,
    },
    {
      name: 'L1 ECS service with two tasks in one subnet',
      build: (app: App) => {
        new ecs.CfnService(stackIn(app, 'S'), 'Service', { desiredCount: 2, taskDefinition: 'arn:aws:ecs:eu-west-1:111111111111:task-definition/app:1', networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } } });
      },
      reason: /the service's subnets spans 1 Availability Zone/,
    },
    {
      name: 'L2 function in a VPC of one zone',
      build: (app: App) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        new lambda.Function(s, 'Fn', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler=async()=>{}'), vpc: vpcIn(s, 1), vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC }, allowPublicSubnet: true });
      },
      reason: /the function's subnets spans 1 Availability Zone/,
    },
  ],
  compliant: [
    {
      name: 'L1 EKS cluster and a managed node group of three nodes over two zones',
      build: (app: App) => { eksNodes(stackIn(app, 'S', MANAGEMENT), { minSize: 3, maxSize: 6, desiredSize: 3 }); },
    },
    {
      name: 'L2 Auto Scaling group with MinSize 2 and an L2 Fargate service whose scaling keeps at least 2 tasks',
      build: (app: App) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        const vpc = vpcIn(s);
        new autoscaling.AutoScalingGroup(s, 'Asg', { vpc, instanceType: type, machineImage: image, minCapacity: 2, maxCapacity: 4 });
        fargate(s, vpc).autoScaleTaskCount({ minCapacity: 2, maxCapacity: 6 }).scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });
      },
    },
    {
      name: 'two L1 instances in different zones, targets of one target group',
      build: (app: App) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        const vpc = vpcIn(s);
        const [a, b] = vpc.publicSubnets.map((subnet, i) => new ec2.CfnInstance(s, `Web${i}`, { imageId: 'ami-12345678', instanceType: 't3.micro', subnetId: subnet.subnetId }));
        new elbv2.CfnTargetGroup(s, 'Tg', { port: 80, protocol: 'HTTP', vpcId: vpc.vpcId, targetType: 'instance', targets: [{ id: a.ref }, { id: b.ref }] });
      },
    },
    {
      name: 'L1 ECS service with a scalable target of MinCapacity 2 (L1) and a function outside any VPC',
      build: (app: App) => {
        const s = stackIn(app, 'S');
        const service = new ecs.CfnService(s, 'Service', { taskDefinition: 'arn:aws:ecs:eu-west-1:111111111111:task-definition/app:1', serviceName: 'orders' });
        new appscaling.CfnScalableTarget(s, 'Target', { serviceNamespace: 'ecs', scalableDimension: 'ecs:service:DesiredCount', resourceId: 'service/main/orders', minCapacity: 2, maxCapacity: 4 });
        void service;
        new lambda.Function(s, 'Fn', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler=async()=>{}') });
      },
    },
  ],
};
