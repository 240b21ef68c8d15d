import { App, aws_ec2 as ec2, aws_elasticloadbalancingv2 as elbv2, Stack } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

function group(build: (s: Stack, sg: ec2.CfnSecurityGroup) => void) {
  return (app: App) => {
    const s = stackIn(app, 'S');
    const sg = new ec2.CfnSecurityGroup(s, 'Sg', { groupDescription: 'test', vpcId: 'vpc-1' });
    build(s, sg);
  };
}
const lb = (s: Stack, sg: ec2.CfnSecurityGroup, scheme: string) =>
  new elbv2.CfnLoadBalancer(s, 'Lb', { scheme, subnets: ['subnet-1', 'subnet-2'], securityGroups: [sg.attrGroupId] });

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'SSH open to the world (inline)',
      build: group((_s, sg) => { sg.securityGroupIngress = [{ ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIp: '0.0.0.0/0' }]; }),
      reason: /0\.0\.0\.0\/0 is allowed \(tcp 22\)/,
    },
    {
      name: 'IPv6 world open (standalone rule)',
      build: group((s, sg) => { new ec2.CfnSecurityGroupIngress(s, 'In', { groupId: sg.attrGroupId, ipProtocol: 'tcp', fromPort: 3389, toPort: 3389, cidrIpv6: '::/0' }); }),
      reason: /::\/0/,
    },
    {
      name: '443 from the world on a group of an internal load balancer',
      build: group((s, sg) => {
        sg.securityGroupIngress = [{ ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIp: '0.0.0.0/0' }];
        lb(s, sg, 'internal');
      }),
      reason: /not attached to an internet-facing load balancer/,
    },
  ],
  compliant: [
    {
      name: '443 from the world on an internet-facing load balancer',
      build: group((s, sg) => {
        sg.securityGroupIngress = [{ ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIp: '0.0.0.0/0' }];
        lb(s, sg, 'internet-facing');
      }),
    },
    {
      name: 'ingress from the VPC CIDR and a known range',
      build: (app) => {
        const s = stackIn(app, 'S');
        const vpc = new ec2.CfnVPC(s, 'Vpc', { cidrBlock: '10.0.0.0/16' });
        new ec2.CfnSecurityGroup(s, 'Sg', {
          groupDescription: 'test',
          vpcId: vpc.ref,
          securityGroupIngress: [
            { ipProtocol: 'udp', fromPort: 6081, toPort: 6081, cidrIp: vpc.attrCidrBlock },
            { ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIp: '192.168.10.0/24' },
          ],
        });
      },
    },
  ],
};
