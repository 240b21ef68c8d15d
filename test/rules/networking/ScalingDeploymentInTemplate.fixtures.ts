import { App, aws_autoscaling as autoscaling, aws_ec2 as ec2, aws_elasticloadbalancingv2 as elbv2, Stack } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { MANAGEMENT, stackIn } from '../fixture-stacks';

function group(s: Stack, vpc: ec2.IVpc): autoscaling.AutoScalingGroup {
  return new autoscaling.AutoScalingGroup(s, 'Fleet', {
    vpc,
    instanceType: ec2.InstanceType.of(ec2.InstanceClass.C6IN, ec2.InstanceSize.LARGE),
    machineImage: ec2.MachineImage.genericLinux({ 'eu-west-1': 'ami-12345678' }),
    minCapacity: 2,
    maxCapacity: 6,
  });
}

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'L2 group attached to an existing target group by ARN',
      build: (app: App) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2, natGateways: 0 });
        group(s, vpc).attachToApplicationTargetGroup(elbv2.ApplicationTargetGroup.fromTargetGroupAttributes(s, 'Existing', {
          targetGroupArn: `arn:aws:elasticloadbalancing:eu-west-1:${MANAGEMENT}:targetgroup/existing/0123456789abcdef`,
        }));
      },
      reason: /target group arn:aws:elasticloadbalancing:.*existing.* is not created by the app/,
    },
    {
      name: 'L1 group naming a Classic Load Balancer created outside the app',
      build: (app: App) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        const lt = new ec2.CfnLaunchTemplate(s, 'Lt', { launchTemplateData: { imageId: 'ami-12345678', instanceType: 'c6in.large' } });
        new autoscaling.CfnAutoScalingGroup(s, 'Asg', {
          minSize: '2', maxSize: '4', availabilityZones: ['eu-west-1a', 'eu-west-1b'], loadBalancerNames: ['legacy-elb'],
          launchTemplate: { launchTemplateId: lt.ref, version: lt.attrLatestVersionNumber },
        });
      },
      reason: /Classic Load Balancer legacy-elb is not created by the app/,
    },
  ],
  compliant: [
    {
      name: 'L2 group behind an L2 Network Load Balancer of the same app',
      build: (app: App) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2, natGateways: 0 });
        const nlb = new elbv2.NetworkLoadBalancer(s, 'Nlb', { vpc });
        nlb.addListener('Tcp', { port: 443 }).addTargets('Fleet', { port: 443, targets: [group(s, vpc)] });
      },
    },
    {
      name: 'L2 group without load balancing',
      build: (app: App) => { const s = stackIn(app, 'S', MANAGEMENT); group(s, new ec2.Vpc(s, 'Vpc', { maxAzs: 2, natGateways: 0 })); },
    },
  ],
};
