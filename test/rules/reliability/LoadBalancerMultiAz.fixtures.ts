import { App, aws_ec2 as ec2, aws_elasticloadbalancingv2 as elbv2, CfnParameter, Stack } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { MANAGEMENT, stackIn } from '../fixture-stacks';

const subnet = (s: Stack, id: string, vpc: ec2.CfnVPC, cidr: string, az: string) => new ec2.CfnSubnet(s, id, { vpcId: vpc.ref, cidrBlock: cidr, availabilityZone: az });

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'two subnets of the same Availability Zone',
      build: (app: App) => {
        const s = stackIn(app, 'S');
        const vpc = new ec2.CfnVPC(s, 'Vpc', { cidrBlock: '10.0.0.0/16' });
        new elbv2.CfnLoadBalancer(s, 'Lb', { subnets: [subnet(s, 'A1', vpc, '10.0.0.0/24', 'eu-west-1a').ref, subnet(s, 'A2', vpc, '10.0.1.0/24', 'eu-west-1a').ref] });
      },
      reason: /spans 1 Availability Zone \(2 subnets\)/,
    },
    {
      name: 'L2 network load balancer in a one-AZ VPC',
      build: (app: App) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        new elbv2.NetworkLoadBalancer(s, 'Nlb', { vpc: new ec2.Vpc(s, 'Vpc', { maxAzs: 1, natGateways: 0, subnetConfiguration: [{ name: 'Public', subnetType: ec2.SubnetType.PUBLIC }] }), internetFacing: true });
      },
      reason: /spans 1 Availability Zone/,
    },
    {
      name: 'subnets from a parameter (unverifiable)',
      build: (app: App) => {
        const s = stackIn(app, 'S');
        new elbv2.CfnLoadBalancer(s, 'Lb', { subnets: new CfnParameter(s, 'Subnets', { type: 'List<AWS::EC2::Subnet::Id>' }).valueAsList });
      },
      reason: /could not verify the load balancer subnets/,
    },
  ],
  compliant: [
    { name: 'L2 ALB in a two-AZ VPC (environment-agnostic: Fn::GetAZs)', build: (app: App) => { const s = stackIn(app, 'S'); new elbv2.ApplicationLoadBalancer(s, 'Alb', { vpc: new ec2.Vpc(s, 'Vpc', { maxAzs: 2 }) }); } },
    { name: 'L1 gateway load balancer with two literal subnet ids (subnet mappings)', build: (app: App) => { new elbv2.CfnLoadBalancer(stackIn(app, 'S'), 'Gwlb', { type: 'gateway', subnetMappings: [{ subnetId: 'subnet-a' }, { subnetId: 'subnet-b' }] }); } },
  ],
};
