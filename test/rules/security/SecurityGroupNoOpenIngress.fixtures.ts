import { App, aws_autoscaling as autoscaling, aws_ec2 as ec2, aws_elasticloadbalancingv2 as elbv2, CfnCondition, CfnOutput, CfnParameter, Fn, Stack, Tags } from 'aws-cdk-lib';
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

/** A partner's proxy fleet behind DNS: an Auto Scaling group on a launch template with group `sg`, marked as the solution's appliances when `marked`. */
function proxyFleet(marked: boolean) {
  return (app: App) => {
    const s = stackIn(app, 'S');
    const vpc = new ec2.Vpc(s, 'V', { maxAzs: 2, natGateways: 0 });
    const sg = new ec2.SecurityGroup(s, 'ProxySg', { vpc, allowAllOutbound: false });
    sg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS from clients');
    const template = new ec2.LaunchTemplate(s, 'ProxyTemplate', { instanceType: new ec2.InstanceType('c6in.large'), machineImage: ec2.MachineImage.latestAmazonLinux2023(), securityGroup: sg });
    const proxies = new autoscaling.AutoScalingGroup(s, 'Proxies', { vpc, vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC }, launchTemplate: template, minCapacity: 2 });
    if (marked) Tags.of(proxies).add('cdk-competency:appliance', 'true');
  };
}

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
      reason: /attached to neither an internet-facing load balancer nor an appliance of the solution/,
    },
    {
      name: 'RDP from a customer-managed prefix list that contains 0.0.0.0/0 (L2 PrefixList and Peer.prefixList)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const list = new ec2.PrefixList(s, 'Offices', { entries: [{ cidr: '203.0.113.0/24' }, { cidr: '0.0.0.0/0' }] });
        const sg = new ec2.SecurityGroup(s, 'Sg', { vpc: ec2.Vpc.fromVpcAttributes(s, 'V', { vpcId: 'vpc-12345678', availabilityZones: ['eu-west-1a'] }), allowAllOutbound: false });
        sg.addIngressRule(ec2.Peer.prefixList(list.prefixListId), ec2.Port.tcp(3389));
      },
      reason: /ingress from prefix list S\/Offices\/Resource \(entry 0\.0\.0\.0\/0\) is allowed \(tcp 3389\)/,
    },
    {
      name: 'a standalone rule in another stack opens SSH to the world on a group it imports',
      build: (app) => {
        const network = stackIn(app, 'Network');
        const sg = new ec2.CfnSecurityGroup(network, 'Sg', { groupDescription: 'app', vpcId: 'vpc-1' });
        new CfnOutput(network, 'SgId', { value: sg.attrGroupId, exportName: 'AppSgId' });
        new ec2.CfnSecurityGroupIngress(stackIn(app, 'Ops'), 'Ssh', { groupId: Fn.importValue('AppSgId'), ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIp: '0.0.0.0/0' });
      },
      reason: /ingress from 0\.0\.0\.0\/0 is allowed \(tcp 22\)/,
    },
    {
      name: 'Fn::If: the source is the world in one branch (every branch must comply)',
      build: group((s, sg) => {
        const open = new CfnCondition(s, 'Open', { expression: Fn.conditionEquals(new CfnParameter(s, 'Mode').valueAsString, 'demo') });
        sg.securityGroupIngress = [{ ipProtocol: 'tcp', fromPort: 8080, toPort: 8080, cidrIp: Fn.conditionIf(open.logicalId, '0.0.0.0/0', '10.0.0.0/8').toString() }];
      }),
      reason: /ingress from 0\.0\.0\.0\/0 is allowed \(tcp 8080\)/,
    },
    {
      name: 'the source CIDR is a parameter (unverifiable)',
      build: group((s, sg) => { sg.securityGroupIngress = [{ ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIp: new CfnParameter(s, 'AdminCidr').valueAsString }]; }),
      reason: /could not verify the ingress source CIDR: its value is not known at synth \(parameter AdminCidr of stack S\)/,
    },
    {
      name: 'HTTPS from the world to an ordinary fleet (not marked as the solution\'s appliances, no load balancer)',
      build: proxyFleet(false),
      reason: /0\.0\.0\.0\/0 is allowed \(tcp 443\) on a group attached to neither/,
    },
  ],
  compliant: [
    { name: "HTTPS from the world to the partner's own proxies, marked cdk-competency:appliance (L2 launch template and Auto Scaling group)", build: proxyFleet(true) },
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
    {
      name: 'sources imported from another stack (a VPC block, a managed prefix list) and a security group (L2)',
      build: (app) => {
        const network = stackIn(app, 'Network');
        const vpc = new ec2.Vpc(network, 'Vpc', { ipAddresses: ec2.IpAddresses.cidr('10.1.0.0/16'), maxAzs: 2, natGateways: 0 });
        new CfnOutput(network, 'VpcCidr', { value: vpc.vpcCidrBlock, exportName: 'VpcCidr' });
        const s = stackIn(app, 'S');
        const sg = new ec2.SecurityGroup(s, 'Sg', { vpc: ec2.Vpc.fromVpcAttributes(s, 'V', { vpcId: 'vpc-12345678', availabilityZones: ['eu-west-1a'] }), allowAllOutbound: false });
        sg.addIngressRule(ec2.Peer.ipv4(Fn.importValue('VpcCidr')), ec2.Port.tcp(5432));
        sg.addIngressRule(ec2.Peer.prefixList('pl-4fa04526'), ec2.Port.tcp(443));
        sg.connections.allowFrom(new ec2.SecurityGroup(s, 'Clients', { vpc: ec2.Vpc.fromVpcAttributes(s, 'V2', { vpcId: 'vpc-12345678', availabilityZones: ['eu-west-1a'] }) }), ec2.Port.tcp(8080));
      },
    },
  ],
};
