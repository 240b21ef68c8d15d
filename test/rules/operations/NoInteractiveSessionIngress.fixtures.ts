import { App, aws_ec2 as ec2, Stack } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

function group(s: Stack, id = 'Sg'): ec2.SecurityGroup {
  const vpc = ec2.Vpc.fromVpcAttributes(s, `${id}Vpc`, { vpcId: 'vpc-12345678', availabilityZones: ['eu-west-1a'] });
  return new ec2.SecurityGroup(s, id, { vpc, allowAllOutbound: false });
}

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'L2 security group admitting SSH from anywhere (addIngressRule)',
      build: (app: App) => { group(stackIn(app, 'S')).addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(22), 'admin'); },
      reason: /SSH \(22\) is open to 0\.0\.0\.0\/0: interactive sessions can reach the instances from anywhere/,
    },
    {
      name: 'L1 ingress rule admitting RDP from all IPv6 addresses',
      build: (app: App) => { new ec2.CfnSecurityGroupIngress(stackIn(app, 'S'), 'Rdp', { groupId: 'sg-12345678', ipProtocol: 'tcp', fromPort: 3389, toPort: 3389, cidrIpv6: '::/0' }); },
      reason: /RDP \(3389\) is open to ::\/0/,
    },
    {
      name: 'L2 group admitting all traffic from anywhere',
      build: (app: App) => { group(stackIn(app, 'S')).addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.allTraffic()); },
      reason: /SSH \(22\) and RDP \(3389\) are open to 0\.0\.0\.0\/0 \(all traffic\)/,
    },
    {
      name: 'TCP port range covering SSH',
      build: (app: App) => { group(stackIn(app, 'S')).addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcpRange(20, 25)); },
      reason: /ports 20-25/,
    },
  ],
  compliant: [
    {
      name: 'L2 group admitting SSH only from the administration network, HTTPS from anywhere',
      build: (app: App) => {
        const sg = group(stackIn(app, 'S'));
        sg.addIngressRule(ec2.Peer.ipv4('10.10.0.0/24'), ec2.Port.tcp(22), 'admin network');
        sg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'public HTTPS');
      },
    },
    {
      name: 'L1 group with UDP 22 from anywhere (not an SSH session)',
      build: (app: App) => {
        new ec2.CfnSecurityGroup(stackIn(app, 'S'), 'Sg', { groupDescription: 'x', vpcId: 'vpc-12345678', securityGroupIngress: [{ ipProtocol: 'udp', fromPort: 22, toPort: 22, cidrIp: '0.0.0.0/0' }] });
      },
    },
  ],
};
