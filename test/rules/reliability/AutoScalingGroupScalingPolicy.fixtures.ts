import { App, aws_autoscaling as autoscaling, aws_ec2 as ec2, aws_ecs as ecs, CfnParameter, Stack } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

function asg(s: Stack, props: Partial<autoscaling.AutoScalingGroupProps> = {}) {
  const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'Public', subnetType: ec2.SubnetType.PUBLIC }] });
  return new autoscaling.AutoScalingGroup(s, 'Asg', {
    vpc,
    instanceType: new ec2.InstanceType('t3.micro'),
    machineImage: ec2.MachineImage.latestAmazonLinux2023(),
    minCapacity: 2,
    maxCapacity: 6,
    ...props,
  });
}

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'L2 ECS capacity provider with managed scaling turned off',
      build: (app: App) => { const s = stackIn(app, 'S'); new ecs.AsgCapacityProvider(s, 'Capacity', { autoScalingGroup: asg(s), enableManagedScaling: false, enableManagedTerminationProtection: false }); },
      reason: /no scaling policy targets the group/,
    },
    { name: 'L2 group with no scaling policy', build: (app: App) => { asg(stackIn(app, 'S')); }, reason: /no scaling policy targets the group/ },
    {
      name: 'L2 group with scheduled actions only',
      build: (app: App) => {
        asg(stackIn(app, 'S')).scaleOnSchedule('Morning', { schedule: autoscaling.Schedule.cron({ hour: '8', minute: '0' }), minCapacity: 4 });
      },
      reason: /only scheduled actions \(1\)/,
    },
    {
      name: 'fixed-size group (MinSize == MaxSize), even with a policy',
      build: (app: App) => { asg(stackIn(app, 'S'), { minCapacity: 3, maxCapacity: 3 }).scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 50 }); },
      reason: /both 3, so the group cannot scale/,
    },
    {
      name: 'MaxSize from a parameter (unverifiable)',
      build: (app: App) => {
        const s = stackIn(app, 'S');
        const max = new CfnParameter(s, 'Max', { type: 'String' });
        new autoscaling.CfnAutoScalingGroup(s, 'Asg', { minSize: '1', maxSize: max.valueAsString, availabilityZones: ['eu-west-1a', 'eu-west-1b'] });
      },
      reason: /could not verify MaxSize/,
    },
  ],
  compliant: [
    {
      name: 'L2 ECS capacity provider with managed scaling (ECS adds the target tracking policy)',
      build: (app: App) => { const s = stackIn(app, 'S'); new ecs.AsgCapacityProvider(s, 'Capacity', { autoScalingGroup: asg(s), enableManagedScaling: true, targetCapacityPercent: 90 }); },
    },
    {
      name: 'L1 ECS capacity provider naming the group by a literal ARN, managed scaling ENABLED',
      build: (app: App) => {
        const s = stackIn(app, 'S');
        asg(s, { autoScalingGroupName: 'ecs-hosts' });
        new ecs.CfnCapacityProvider(s, 'Capacity', {
          autoScalingGroupProvider: {
            autoScalingGroupArn: 'arn:aws:autoscaling:eu-west-1:111111111111:autoScalingGroup:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0:autoScalingGroupName/ecs-hosts',
            managedScaling: { status: 'ENABLED', targetCapacity: 100 },
          },
        });
      },
    },
    { name: 'L2 group with a target-tracking policy', build: (app: App) => { asg(stackIn(app, 'S')).scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 50 }); } },
    {
      name: 'L1 group with a step policy naming it literally',
      build: (app: App) => {
        const s = stackIn(app, 'S');
        new autoscaling.CfnAutoScalingGroup(s, 'Asg', { autoScalingGroupName: 'web', minSize: '1', maxSize: '4', availabilityZones: ['eu-west-1a', 'eu-west-1b'] });
        new autoscaling.CfnScalingPolicy(s, 'Policy', { autoScalingGroupName: 'web', policyType: 'SimpleScaling', adjustmentType: 'ChangeInCapacity', scalingAdjustment: 1 });
      },
    },
  ],
};
