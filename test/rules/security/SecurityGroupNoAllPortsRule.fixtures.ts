import { App, aws_ec2 as ec2 } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

const withIngress = (ingress: ec2.CfnSecurityGroup.IngressProperty[]) => (app: App) => {
  new ec2.CfnSecurityGroup(stackIn(app, 'S'), 'Sg', { groupDescription: 'test', vpcId: 'vpc-1', securityGroupIngress: ingress });
};

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'all protocols from a CIDR', build: withIngress([{ ipProtocol: '-1', cidrIp: '10.0.0.0/8' }]), reason: /every protocol/ },
    { name: 'every TCP port from a CIDR', build: withIngress([{ ipProtocol: 'tcp', fromPort: 0, toPort: 65535, cidrIp: '10.0.0.0/8' }]), reason: /every tcp port/ },
  ],
  compliant: [
    { name: 'one port from a CIDR, all traffic from a peer group', build: withIngress([
      { ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIp: '10.0.0.0/8' },
      { ipProtocol: '-1', sourceSecurityGroupId: 'sg-12345678' },
    ]) },
  ],
};
