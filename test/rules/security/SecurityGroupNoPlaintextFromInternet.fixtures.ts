import { App, aws_ec2 as ec2, aws_elasticloadbalancingv2 as elbv2, CfnParameter, Stack } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

const vpcIn = (s: Stack) => ec2.Vpc.fromVpcAttributes(s, 'V', { vpcId: 'vpc-12345678', availabilityZones: ['eu-west-1a'] });

/** An L2 group with the given ingress rules. */
function group(...rules: [ec2.IPeer, ec2.Port][]) {
  return (app: App) => {
    const s = stackIn(app, 'S');
    const sg = new ec2.SecurityGroup(s, 'ServerSg', { vpc: vpcIn(s), allowAllOutbound: false });
    for (const [peer, port] of rules) sg.addIngressRule(peer, port);
  };
}

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'HTTP on 80 from the world straight to instances (L2)', build: group([ec2.Peer.anyIpv4(), ec2.Port.tcp(22)], [ec2.Peer.anyIpv4(), ec2.Port.tcp(80)]), reason: /ingress from 0\.0\.0\.0\/0 admits HTTP \(tcp 80\), which carries data in clear/ },
    { name: 'a port range from the world that includes Telnet (L1, IPv6)', build: (app) => { new ec2.CfnSecurityGroup(stackIn(app, 'S'), 'Sg', { groupDescription: 'g', vpcId: 'vpc-1', securityGroupIngress: [{ ipProtocol: 'tcp', fromPort: 20, toPort: 25, cidrIpv6: '::/0' }] }); }, reason: /admits FTP data \(tcp 20\)/ },
    {
      name: 'HTTP from a CIDR parameter (unverifiable)',
      build: (app) => {
        const s = stackIn(app, 'S');
        new ec2.CfnSecurityGroup(s, 'Sg', { groupDescription: 'g', vpcId: 'vpc-1', securityGroupIngress: [{ ipProtocol: 'tcp', fromPort: 80, toPort: 80, cidrIp: new CfnParameter(s, 'ClientCidr').valueAsString }] });
      },
      reason: /could not verify the ingress source CIDR.*\(parameter ClientCidr of stack S\)/,
    },
  ],
  compliant: [
    { name: 'RDP and HTTPS from the world, SMB from the VPC only (L2)', build: group([ec2.Peer.anyIpv4(), ec2.Port.tcp(3389)], [ec2.Peer.anyIpv4(), ec2.Port.tcp(443)], [ec2.Peer.ipv4('10.0.0.0/16'), ec2.Port.tcp(445)]) },
    { name: 'IPsec from the world to a VPN appliance (IKE, NAT traversal, ESP) and ping (L1)', build: (app) => {
      new ec2.CfnSecurityGroup(stackIn(app, 'S'), 'Sg', { groupDescription: 'g', vpcId: 'vpc-1', securityGroupIngress: [
        { ipProtocol: 'udp', fromPort: 500, toPort: 500, cidrIp: '0.0.0.0/0' }, { ipProtocol: 'udp', fromPort: 4500, toPort: 4500, cidrIp: '0.0.0.0/0' },
        { ipProtocol: '50', cidrIp: '0.0.0.0/0' }, { ipProtocol: 'icmp', fromPort: 8, toPort: -1, cidrIp: '0.0.0.0/0' },
      ] });
    } },
    {
      // The listener decides for a load balancer's group (LoadBalancerListenerTls): port 80 may redirect to HTTPS there.
      name: 'HTTPS on an instance, HTTP on the group of an internet-facing load balancer (read by the listener rule)',
      build: (app) => {
        group([ec2.Peer.anyIpv4(), ec2.Port.tcp(443)])(app);
        const s = app.node.findChild('S') as Stack;
        const lbSg = new ec2.SecurityGroup(s, 'LbSg', { vpc: s.node.findChild('V') as ec2.IVpc, allowAllOutbound: false });
        lbSg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(80));
        new elbv2.CfnLoadBalancer(s, 'Lb', { scheme: 'internet-facing', subnets: ['subnet-1', 'subnet-2'], securityGroups: [lbSg.securityGroupId] });
      },
    },
  ],
  notShown: [
    { name: 'MySQL from a public address range: encrypted when the server requires TLS, which a security group cannot show', build: group([ec2.Peer.ipv4('203.0.113.0/24'), ec2.Port.tcp(3306)]), reason: /203\.0\.113\.0\/24 \(public addresses\) admits MySQL \(tcp 3306\), which is encrypted only when the server requires TLS/ },
    { name: 'a custom port from the world: the template does not say which protocol it carries', build: group([ec2.Peer.anyIpv4(), ec2.Port.tcp(9443)]), reason: /ingress from 0\.0\.0\.0\/0: the template does not say which protocol tcp 9443 carries/ },
  ],
};
