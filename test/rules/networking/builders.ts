import { aws_autoscaling as autoscaling, aws_ec2 as ec2, aws_elasticloadbalancingv2 as elbv2, Stack } from 'aws-cdk-lib';
import { markAsAppliance } from '../../../lib/declarations';

/** Options of {@link applianceGroup}. */
export interface ApplianceGroupOptions {
  readonly instanceType?: string;
  readonly userData?: ec2.UserData;
  /** Put the group behind an NLB listener (default true). */
  readonly loadBalanced?: boolean;
  readonly machineImage?: ec2.IMachineImage;
  /** Mark the group as a network appliance (tag `cdk-competency:appliance`, default true). */
  readonly marked?: boolean;
}

/** A partner-style appliance group: L2 VPC over 2 AZs, Auto Scaling group marked as an appliance, NLB forwarding to it. */
export function applianceGroup(s: Stack, opts: ApplianceGroupOptions = {}) {
  const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2, natGateways: 0 });
  const userData = opts.userData ?? ec2.UserData.forLinux();
  if (!opts.userData) userData.addCommands('aws s3 cp s3://appliance-config/bootstrap.sh /opt/appliance/ && sh /opt/appliance/bootstrap.sh');
  const asg = new autoscaling.AutoScalingGroup(s, 'Appliances', {
    vpc,
    vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
    instanceType: new ec2.InstanceType(opts.instanceType ?? 'c6in.large'),
    machineImage: opts.machineImage ?? ec2.MachineImage.latestAmazonLinux2023(),
    userData,
    minCapacity: 2,
    maxCapacity: 4,
  });
  if (opts.marked ?? true) markAsAppliance(asg);
  let nlb: elbv2.NetworkLoadBalancer | undefined;
  if (opts.loadBalanced ?? true) {
    nlb = new elbv2.NetworkLoadBalancer(s, 'Nlb', { vpc, vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC } });
    nlb.addListener('Tcp', { port: 443 }).addTargets('Appliances', { port: 443, targets: [asg] });
  }
  return { vpc, asg, nlb };
}
