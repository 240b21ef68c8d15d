import { App, aws_autoscaling as autoscaling, aws_ec2 as ec2, aws_elasticloadbalancingv2 as elbv2, CfnParameter, Stack } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

function webTier(s: Stack, healthChecks?: autoscaling.HealthChecks) {
  const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'Public', subnetType: ec2.SubnetType.PUBLIC }] });
  const group = new autoscaling.AutoScalingGroup(s, 'Asg', {
    vpc, instanceType: new ec2.InstanceType('t3.micro'), machineImage: ec2.MachineImage.latestAmazonLinux2023(), healthChecks,
  });
  const lb = new elbv2.ApplicationLoadBalancer(s, 'Lb', { vpc, internetFacing: true });
  lb.addListener('Http', { port: 80 }).addTargets('Web', { port: 80, targets: [group] });
}

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'L2 group behind an ALB with the default EC2 health check', build: (app: App) => webTier(stackIn(app, 'S')), reason: /health check type is EC2 \(the default\)/ },
    {
      name: 'L1 group on a Classic Load Balancer with HealthCheckType EC2',
      build: (app: App) => {
        new autoscaling.CfnAutoScalingGroup(stackIn(app, 'S'), 'Asg', { minSize: '1', maxSize: '2', availabilityZones: ['eu-west-1a'], loadBalancerNames: ['web'], healthCheckType: 'EC2' });
      },
      reason: /health check type is EC2$/,
    },
    {
      name: 'HealthCheckType from a parameter (unverifiable)',
      build: (app: App) => {
        const s = stackIn(app, 'S');
        const t = new CfnParameter(s, 'Type', { type: 'String' });
        new autoscaling.CfnAutoScalingGroup(s, 'Asg', { minSize: '1', maxSize: '2', availabilityZones: ['eu-west-1a'], targetGroupArns: ['arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/web/1'], healthCheckType: t.valueAsString });
      },
      reason: /could not verify HealthCheckType/,
    },
  ],
  compliant: [
    {
      name: 'L2 group behind an ALB with the ELB health check',
      build: (app: App) => webTier(stackIn(app, 'S'), autoscaling.HealthChecks.withAdditionalChecks({ additionalTypes: [autoscaling.AdditionalHealthCheckType.ELB] })),
    },
    {
      name: 'L1 group with a target group and EC2,ELB health checks',
      build: (app: App) => {
        new autoscaling.CfnAutoScalingGroup(stackIn(app, 'S'), 'Asg', { minSize: '1', maxSize: '2', availabilityZones: ['eu-west-1a'], targetGroupArns: ['arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/web/1'], healthCheckType: 'EC2,ELB' });
      },
    },
  ],
};
