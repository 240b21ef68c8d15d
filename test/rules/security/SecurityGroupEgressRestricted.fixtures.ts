import { aws_autoscaling as autoscaling, aws_ec2 as ec2, aws_eks as eks, aws_elasticloadbalancingv2 as elbv2, CfnCondition, CfnParameter, Fn } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'L1 EKS cluster: EKS creates its cluster security group with all outbound traffic allowed, outside the template',
      build: (app) => {
        new eks.CfnCluster(stackIn(app, 'S'), 'Cluster', {
          roleArn: 'arn:aws:iam::111111111111:role/eks-cluster',
          resourcesVpcConfig: { subnetIds: ['subnet-1', 'subnet-2'], endpointPrivateAccess: true, endpointPublicAccess: false },
        });
      },
      reason: /Amazon EKS creates the cluster security group .* allowing all outbound traffic to 0\.0\.0\.0\/0, which the template cannot change/,
    },
    {
      name: 'CDK default allowAllOutbound (L2)',
      build: (app) => {
        const s = stackIn(app, 'S');
        new ec2.SecurityGroup(s, 'Sg', { vpc: new ec2.Vpc(s, 'V', { maxAzs: 1, natGateways: 0 }) });
      },
      reason: /egress to 0\.0\.0\.0\/0 allows all traffic \(protocol -1\)/,
    },
    { name: 'no egress declared: EC2 default allow-all (L1)', build: (app) => { new ec2.CfnSecurityGroup(stackIn(app, 'S'), 'Sg', { groupDescription: 'g', vpcId: 'vpc-1' }); }, reason: /declares no egress rule/ },
    {
      name: 'standalone IPv6 allow-all egress',
      build: (app) => {
        const s = stackIn(app, 'S');
        const sg = new ec2.CfnSecurityGroup(s, 'Sg', { groupDescription: 'g', vpcId: 'vpc-1', securityGroupEgress: [{ ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIp: '10.0.0.0/8' }] });
        new ec2.CfnSecurityGroupEgress(s, 'Out', { groupId: sg.attrGroupId, ipProtocol: '-1', cidrIpv6: '::/0' });
      },
      reason: /egress to ::\/0 allows all traffic/,
    },
    {
      name: 'all-protocol egress to a CIDR parameter (unverifiable)',
      build: (app) => {
        const s = stackIn(app, 'S');
        new ec2.CfnSecurityGroup(s, 'Sg', { groupDescription: 'g', vpcId: 'vpc-1', securityGroupEgress: [{ ipProtocol: '-1', cidrIp: new CfnParameter(s, 'Cidr').valueAsString }] });
      },
      reason: /could not verify the egress destination CIDR.*\(parameter Cidr of stack S\)/,
    },
    {
      name: 'no inline egress, and the standalone egress rule exists only under a condition (L1)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const sg = new ec2.CfnSecurityGroup(s, 'Sg', { groupDescription: 'g', vpcId: 'vpc-1' });
        const out = new ec2.CfnSecurityGroupEgress(s, 'Out', { groupId: sg.attrGroupId, ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIp: '10.0.0.0/8' });
        out.cfnOptions.condition = new CfnCondition(s, 'Restrict', { expression: Fn.conditionEquals(new CfnParameter(s, 'Mode').valueAsString, 'strict') });
      },
      reason: /exist only under a condition/,
    },
  ],
  compliant: [
    {
      name: 'allowAllOutbound: false with an HTTPS rule (L2)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const sg = new ec2.SecurityGroup(s, 'Sg', { vpc: new ec2.Vpc(s, 'V', { maxAzs: 1, natGateways: 0 }), allowAllOutbound: false });
        sg.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443));
      },
    },
    {
      name: 'all protocols to the VPC range only (L1)',
      build: (app) => { new ec2.CfnSecurityGroup(stackIn(app, 'S'), 'Sg', { groupDescription: 'g', vpcId: 'vpc-1', securityGroupEgress: [{ ipProtocol: '-1', cidrIp: '10.0.0.0/16' }] }); },
    },
    {
      // CloudFormation drops EC2's default allow-all egress once the group has an egress rule, inline or standalone.
      name: 'no inline egress, a standalone egress rule to the targets (L2 load balancer group: aws-cdk-lib drops its placeholder)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const vpc = new ec2.Vpc(s, 'V', { maxAzs: 2, natGateways: 0 });
        const asg = new autoscaling.AutoScalingGroup(s, 'Asg', { vpc, instanceType: new ec2.InstanceType('t3.micro'), machineImage: ec2.MachineImage.latestAmazonLinux2023(), allowAllOutbound: false });
        const lb = new elbv2.ApplicationLoadBalancer(s, 'Lb', { vpc, internetFacing: true });
        lb.addListener('Http', { port: 80 }).addTargets('Web', { port: 8080, targets: [asg] });
      },
    },
    {
      name: 'no inline egress, a standalone HTTPS egress rule (L1)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const sg = new ec2.CfnSecurityGroup(s, 'Sg', { groupDescription: 'g', vpcId: 'vpc-1' });
        new ec2.CfnSecurityGroupEgress(s, 'Out', { groupId: sg.attrGroupId, ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIp: '0.0.0.0/0' });
      },
    },
  ],
};
