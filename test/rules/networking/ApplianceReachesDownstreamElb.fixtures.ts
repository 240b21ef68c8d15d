import { App, aws_autoscaling as autoscaling, aws_ec2 as ec2, aws_elasticloadbalancingv2 as elbv2, Stack } from 'aws-cdk-lib';
import { markAsAppliance } from '../../../lib/declarations';
import { RuleFixtures } from '../harness';
import { MANAGEMENT, stackIn } from '../fixture-stacks';

/** Partner load balancer appliances behind an internet-facing NLB, sending on to an internal ALB of the application tier. */
function appliancesWithDownstreamAlb(s: Stack, egress: 'all' | 'https-only') {
  const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2, natGateways: 0 });
  const sg = new ec2.SecurityGroup(s, 'ApplianceSg', { vpc, allowAllOutbound: egress === 'all' });
  if (egress === 'https-only') sg.addEgressRule(ec2.Peer.ipv4(vpc.vpcCidrBlock), ec2.Port.tcp(443));
  const asg = new autoscaling.AutoScalingGroup(s, 'Appliances', {
    vpc,
    instanceType: new ec2.InstanceType('c6in.large'),
    machineImage: ec2.MachineImage.genericLinux({ 'eu-west-1': 'ami-12345678' }),
    securityGroup: sg,
    minCapacity: 2,
    maxCapacity: 4,
  });
  markAsAppliance(asg);
  const front = new elbv2.NetworkLoadBalancer(s, 'Front', { vpc, internetFacing: true });
  front.addListener('Tcp', { port: 443 }).addTargets('Appliances', { port: 443, targets: [asg] });
  const app = new elbv2.ApplicationLoadBalancer(s, 'AppTier', { vpc, internetFacing: false });
  app.addListener('Http', { port: 8080, protocol: elbv2.ApplicationProtocol.HTTP, open: false, defaultAction: elbv2.ListenerAction.fixedResponse(200) });
}

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'appliances whose egress allows only HTTPS, downstream ALB listening on 8080',
      build: (app: App) => { appliancesWithDownstreamAlb(stackIn(app, 'S', MANAGEMENT), 'https-only'); },
      reason: /allow no egress to TCP 8080, the listener port of the downstream load balancer S\/AppTier/,
    },
  ],
  compliant: [
    {
      name: 'appliances with open egress and a downstream internal ALB',
      build: (app: App) => { appliancesWithDownstreamAlb(stackIn(app, 'S', MANAGEMENT), 'all'); },
    },
  ],
};
