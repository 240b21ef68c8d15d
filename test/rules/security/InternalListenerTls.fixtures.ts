import { App, aws_ec2 as ec2, aws_elasticloadbalancing as elb, aws_elasticloadbalancingv2 as elbv2, Stack } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

const CERT = 'arn:aws:acm:eu-west-1:111111111111:certificate/12345678-1234-1234-1234-123456789012';
const forward = [{ type: 'forward', targetGroupArn: 'arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/tg/1' }];

/** An internal ALB in its own VPC, reached only from inside it (CDK opens the listener to 0.0.0.0/0; nothing routes into the VPC). */
function internalAlb(app: App): { s: Stack; alb: elbv2.ApplicationLoadBalancer } {
  const s = stackIn(app, 'S');
  const vpc = new ec2.Vpc(s, 'V', { ipAddresses: ec2.IpAddresses.cidr('10.0.0.0/16'), maxAzs: 2, natGateways: 0 });
  return { s, alb: new elbv2.ApplicationLoadBalancer(s, 'Alb', { vpc, internetFacing: false }) };
}

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'plain HTTP on an internal L2 ALB whose traffic stays in the VPC',
      build: (app) => { internalAlb(app).alb.addListener('Http', { port: 80, defaultAction: elbv2.ListenerAction.fixedResponse(200) }); },
      reason: /HTTP listener serves traffic instead of redirecting to HTTPS; load balancer S\/Alb\/Resource is internal/,
    },
    {
      name: 'TCP on an internal NLB (L1) without security groups',
      build: (app) => {
        const s = stackIn(app, 'S');
        const lb = new elbv2.CfnLoadBalancer(s, 'Lb', { type: 'network', scheme: 'internal', subnets: ['subnet-1', 'subnet-2'] });
        new elbv2.CfnListener(s, 'L', { loadBalancerArn: lb.ref, protocol: 'TCP', port: 5432, defaultActions: forward });
      },
      reason: /TCP listener carries traffic without TLS/,
    },
    {
      name: 'HTTP on an internal Classic Load Balancer whose traffic stays in the VPC (L2)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const clb = new elb.LoadBalancer(s, 'Clb', { vpc: new ec2.Vpc(s, 'V', { ipAddresses: ec2.IpAddresses.cidr('10.0.0.0/16'), maxAzs: 2, natGateways: 0 }), internetFacing: false, subnetSelection: { subnetType: ec2.SubnetType.PUBLIC } });
        clb.addListener({ externalPort: 80, internalPort: 8080 });
      },
      reason: /the http listener on port 80 carries traffic without TLS; load balancer S\/Clb\/Resource is internal/,
    },
  ],
  compliant: [
    {
      name: 'HTTPS on an internal L2 ALB',
      build: (app) => {
        internalAlb(app).alb.addListener('Https', { port: 443, certificates: [elbv2.ListenerCertificate.fromArn(CERT)], defaultAction: elbv2.ListenerAction.fixedResponse(200) });
      },
    },
    {
      name: 'SSL on an internal Classic Load Balancer (L2)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const clb = new elb.LoadBalancer(s, 'Clb', { vpc: new ec2.Vpc(s, 'V', { ipAddresses: ec2.IpAddresses.cidr('10.0.0.0/16'), maxAzs: 2, natGateways: 0 }), internetFacing: false, subnetSelection: { subnetType: ec2.SubnetType.PUBLIC } });
        clb.addListener({ externalPort: 1433, externalProtocol: elb.LoadBalancingProtocol.SSL, internalPort: 1433, sslCertificateArn: CERT });
      },
    },
  ],
};
