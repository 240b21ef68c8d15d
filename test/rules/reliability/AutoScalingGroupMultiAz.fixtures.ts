import { App, aws_autoscaling as autoscaling, aws_ec2 as ec2, CfnParameter, Fn } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { MANAGEMENT, stackIn } from '../fixture-stacks';

const l2 = (app: App, maxAzs: number) => {
  const s = stackIn(app, 'S', MANAGEMENT);
  const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs, natGateways: 0, subnetConfiguration: [{ name: 'Public', subnetType: ec2.SubnetType.PUBLIC }] });
  new autoscaling.AutoScalingGroup(s, 'Asg', { vpc, vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC }, instanceType: new ec2.InstanceType('t3.micro'), machineImage: ec2.MachineImage.latestAmazonLinux2023() });
};

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'L2 group in a one-AZ VPC', build: (app: App) => l2(app, 1), reason: /subnet span 1 Availability Zone/ },
    { name: 'L1 group in one literal Availability Zone', build: (app: App) => { new autoscaling.CfnAutoScalingGroup(stackIn(app, 'S'), 'Asg', { minSize: '1', maxSize: '2', availabilityZones: ['eu-west-1a'] }); }, reason: /uses 1 Availability Zone/ },
    {
      name: 'subnets from a parameter (unverifiable)',
      build: (app: App) => {
        const s = stackIn(app, 'S');
        new autoscaling.CfnAutoScalingGroup(s, 'Asg', { minSize: '1', maxSize: '2', vpcZoneIdentifier: new CfnParameter(s, 'Subnets', { type: 'List<AWS::EC2::Subnet::Id>' }).valueAsList });
      },
      reason: /could not verify the group subnets/,
    },
  ],
  compliant: [
    { name: 'L2 group in a three-AZ VPC', build: (app: App) => l2(app, 3) },
    { name: 'L1 group over every zone of the region (Fn::GetAZs)', build: (app: App) => { new autoscaling.CfnAutoScalingGroup(stackIn(app, 'S'), 'Asg', { minSize: '1', maxSize: '2', availabilityZones: Fn.getAzs() }); } },
  ],
};
