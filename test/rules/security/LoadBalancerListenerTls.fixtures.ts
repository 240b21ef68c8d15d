import { App, aws_ec2 as ec2, aws_elasticloadbalancing as elb, aws_elasticloadbalancingv2 as elbv2, aws_elasticloadbalancingv2_targets as targets, aws_globalaccelerator as ga, aws_globalaccelerator_endpoints as gaEndpoints, CfnCondition, CfnParameter, Fn, Stack } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

const CERT = 'arn:aws:acm:eu-west-1:111111111111:certificate/12345678-1234-1234-1234-123456789012';
const lb = (s: Stack, props: elbv2.CfnLoadBalancerProps) => new elbv2.CfnLoadBalancer(s, 'Lb', { subnets: ['subnet-1', 'subnet-2'], ...props });
const forward = [{ type: 'forward', targetGroupArn: 'arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/tg/1' }];
const l1 = (lbProps: elbv2.CfnLoadBalancerProps, listener: Partial<elbv2.CfnListenerProps>) => (app: App) => {
  const s = stackIn(app, 'S');
  new elbv2.CfnListener(s, 'L', { loadBalancerArn: lb(s, lbProps).ref, defaultActions: forward, ...listener });
};

/** An internet-facing L2 NLB with a TCP listener on 443 forwarding to an L2 target group health-checked as `healthCheck` says. */
const passthrough = (healthCheck: elbv2.HealthCheck) => (app: App) => {
  const s = stackIn(app, 'S');
  const vpc = new ec2.Vpc(s, 'V', { maxAzs: 2, natGateways: 0 });
  const nlb = new elbv2.NetworkLoadBalancer(s, 'Nlb', { vpc, internetFacing: true });
  nlb.addListener('Tcp443', { port: 443, protocol: elbv2.Protocol.TCP })
    .addTargets('Servers', { port: 443, protocol: elbv2.Protocol.TCP, targets: [new targets.IpTarget('10.0.1.10')], healthCheck });
};

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'L2 internal NLB (no security groups) with a TCP listener, offered to other VPCs as a PrivateLink endpoint service',
      build: (app) => {
        const s = stackIn(app, 'S');
        const nlb = new elbv2.NetworkLoadBalancer(s, 'Nlb', { vpc: new ec2.Vpc(s, 'V', { maxAzs: 2, natGateways: 0 }), internetFacing: false });
        nlb.addListener('Tcp', { port: 5432, protocol: elbv2.Protocol.TCP }).addTargets('Db', { port: 5432, targets: [new targets.IpTarget('10.0.1.10')] });
        new ec2.VpcEndpointService(s, 'Service', { vpcEndpointServiceLoadBalancers: [nlb], acceptanceRequired: true });
      },
      reason: /internal load balancer S\/Nlb\/Resource is reached from outside its VPC through PrivateLink endpoint service S\/Service/,
    },
    {
      name: 'L2 internal ALB serving HTTP behind a Global Accelerator',
      build: (app) => {
        const s = stackIn(app, 'S');
        const alb = new elbv2.ApplicationLoadBalancer(s, 'Alb', { vpc: new ec2.Vpc(s, 'V', { maxAzs: 2, natGateways: 0 }), internetFacing: false });
        alb.addListener('Http', { port: 80, open: false, defaultAction: elbv2.ListenerAction.fixedResponse(200) });
        new ga.Accelerator(s, 'Accelerator').addListener('Web', { portRanges: [{ fromPort: 80 }] }).addEndpointGroup('Group', { endpoints: [new gaEndpoints.ApplicationLoadBalancerEndpoint(alb)] });
      },
      reason: /reached from outside its VPC through Global Accelerator endpoint group S\/Accelerator\/Web\/Group/,
    },
    {
      name: 'L2 NLB passing TCP 443 to targets health-checked over plain TCP: nothing shows they terminate TLS',
      build: passthrough({ protocol: elbv2.Protocol.TCP }),
      reason: /the TCP listener carries traffic without TLS, and its traffic crosses the VPC boundary/,
    },
    {
      name: 'L2 NLB passing TCP 443 to targets health-checked over HTTPS on another port than the traffic port',
      build: passthrough({ protocol: elbv2.Protocol.HTTPS, port: '8443', path: '/health' }),
      reason: /the TCP listener carries traffic without TLS/,
    },
    {
      name: 'L2 ALB serving plain HTTP on port 80',
      build: (app) => {
        const s = stackIn(app, 'S');
        const alb = new elbv2.ApplicationLoadBalancer(s, 'Alb', { vpc: new ec2.Vpc(s, 'V', { maxAzs: 2, natGateways: 0 }), internetFacing: true });
        alb.addListener('Http', { port: 80, defaultAction: elbv2.ListenerAction.fixedResponse(200, { messageBody: 'ok' }) });
      },
      reason: /HTTP listener serves traffic instead of redirecting to HTTPS/,
    },
    {
      name: 'HTTP redirect listener with a rule that forwards',
      build: (app) => {
        const s = stackIn(app, 'S');
        const l = new elbv2.CfnListener(s, 'L', { loadBalancerArn: lb(s, { type: 'application' }).ref, protocol: 'HTTP', port: 80, defaultActions: [{ type: 'redirect', redirectConfig: { protocol: 'HTTPS', port: '443', statusCode: 'HTTP_301' } }] });
        new elbv2.CfnListenerRule(s, 'Rule', { listenerArn: l.ref, priority: 1, actions: forward, conditions: [{ field: 'path-pattern', values: ['/health'] }] });
      },
      reason: /listener rule S\/Rule serves plain HTTP/,
    },
    { name: 'TCP on an internet-facing NLB (L1)', build: l1({ type: 'network', scheme: 'internet-facing' }, { protocol: 'TCP', port: 5432 }), reason: /TCP listener carries traffic without TLS, and its traffic crosses the VPC boundary: load balancer S\/Lb is internet-facing/ },
    {
      name: 'HTTP on an internal ALB whose security group admits a network outside its VPC',
      build: (app) => {
        const s = stackIn(app, 'S');
        const vpc = new ec2.Vpc(s, 'V', { ipAddresses: ec2.IpAddresses.cidr('10.0.0.0/16'), maxAzs: 2, natGateways: 0 });
        const alb = new elbv2.ApplicationLoadBalancer(s, 'Alb', { vpc, internetFacing: false });
        alb.addListener('Http', { port: 80, open: false, defaultAction: elbv2.ListenerAction.fixedResponse(200) });
        alb.connections.allowFrom(ec2.Peer.ipv4('192.168.0.0/16'), ec2.Port.tcp(80), 'branch offices over the VPN');
      },
      reason: /admits 192\.168\.0\.0\/16 from outside its VPC/,
    },
    {
      name: 'HTTP on an internal ALB open to any address in a VPC peered with another',
      build: (app) => {
        const s = stackIn(app, 'S');
        const vpc = new ec2.Vpc(s, 'V', { ipAddresses: ec2.IpAddresses.cidr('10.0.0.0/16'), maxAzs: 2, natGateways: 0 });
        new ec2.CfnVPCPeeringConnection(s, 'Peering', { vpcId: vpc.vpcId, peerVpcId: 'vpc-0123456789abcdef0' });
        const alb = new elbv2.ApplicationLoadBalancer(s, 'Alb', { vpc, internetFacing: false });
        alb.addListener('Http', { port: 80, defaultAction: elbv2.ListenerAction.fixedResponse(200) });
      },
      reason: /admits 0\.0\.0\.0\/0 while its VPC S\/V\/Resource is connected to other networks \(AWS::EC2::VPCPeeringConnection S\/Peering\)/,
    },
    {
      name: 'TCP listener on an imported load balancer (unverifiable)',
      build: (app) => {
        new elbv2.CfnListener(stackIn(app, 'S'), 'L', { loadBalancerArn: 'arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/net/nlb/1', protocol: 'TCP', port: 22, defaultActions: forward });
      },
      reason: /could not verify the load balancer of this listener/,
    },
    {
      name: 'an internet-facing Classic Load Balancer listening on HTTP (L2 elb.LoadBalancer)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const clb = new elb.LoadBalancer(s, 'Clb', { vpc: new ec2.Vpc(s, 'V', { maxAzs: 2, natGateways: 0 }), internetFacing: true });
        clb.addListener({ externalPort: 80, internalPort: 8080 });
      },
      reason: /the http listener on port 80 carries traffic without TLS, and its traffic crosses the VPC boundary: load balancer S\/Clb\/Resource is internet-facing/,
    },
    {
      name: 'an internal Classic Load Balancer (L1) whose security group admits a prefix list: TCP crosses the VPC boundary',
      build: (app) => {
        const s = stackIn(app, 'S');
        const vpc = new ec2.CfnVPC(s, 'Vpc', { cidrBlock: '10.0.0.0/16' });
        const sg = new ec2.CfnSecurityGroup(s, 'Sg', { groupDescription: 'clb', vpcId: vpc.ref, securityGroupIngress: [{ ipProtocol: 'tcp', fromPort: 1433, toPort: 1433, sourcePrefixListId: 'pl-0123456789abcdef0' }] });
        new elb.CfnLoadBalancer(s, 'Clb', { scheme: 'internal', subnets: ['subnet-1'], securityGroups: [sg.attrGroupId], listeners: [{ protocol: 'TCP', loadBalancerPort: '1433', instancePort: '1433' }] });
      },
      reason: /the TCP listener on port 1433 carries traffic without TLS, and its traffic crosses the VPC boundary: internal load balancer S\/Clb admits prefix list pl-0123456789abcdef0/,
    },
    {
      name: 'Fn::If: an internet-facing listener is HTTP in one branch (every branch must comply)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const tls = new CfnCondition(s, 'Tls', { expression: Fn.conditionEquals(new CfnParameter(s, 'Certificate').valueAsString, '') });
        new elbv2.CfnListener(s, 'L', { loadBalancerArn: lb(s, { type: 'application' }).ref, port: 80, defaultActions: forward, protocol: Fn.conditionIf(tls.logicalId, 'HTTP', 'HTTPS').toString() });
      },
      reason: /HTTP listener serves traffic instead of redirecting to HTTPS, and its traffic crosses the VPC boundary/,
    },
  ],
  compliant: [
    {
      name: 'L2 NLB passing TLS through: TCP 443 to targets health-checked over HTTPS on the traffic port (they terminate TLS)',
      build: passthrough({ protocol: elbv2.Protocol.HTTPS, path: '/health' }),
    },
    {
      name: 'L1 NLB passing TLS through with a ForwardConfig to a target group health-checked over HTTPS on its own port',
      build: (app) => {
        const s = stackIn(app, 'S');
        const tg = new elbv2.CfnTargetGroup(s, 'Tg', { protocol: 'TCP', port: 8443, vpcId: 'vpc-0123456789abcdef0', healthCheckProtocol: 'HTTPS', healthCheckPort: '8443', healthCheckPath: '/health' });
        new elbv2.CfnListener(s, 'L', { loadBalancerArn: lb(s, { type: 'network', scheme: 'internet-facing' }).ref, protocol: 'TCP', port: 443, defaultActions: [{ type: 'forward', forwardConfig: { targetGroups: [{ targetGroupArn: tg.ref }] } }] });
      },
    },
    {
      name: 'L2 ALB: HTTPS listener and addRedirect()',
      build: (app) => {
        const s = stackIn(app, 'S');
        const alb = new elbv2.ApplicationLoadBalancer(s, 'Alb', { vpc: new ec2.Vpc(s, 'V', { maxAzs: 2, natGateways: 0 }), internetFacing: true });
        alb.addListener('Https', { port: 443, certificates: [elbv2.ListenerCertificate.fromArn(CERT)], defaultAction: elbv2.ListenerAction.fixedResponse(200) });
        alb.addRedirect();
      },
    },
    { name: 'GENEVE on a gateway load balancer (L1)', build: l1({ type: 'gateway' }, { protocol: 'GENEVE', port: 6081 }) },
    {
      name: 'an internet-facing Classic Load Balancer listening on HTTPS and SSL (L2)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const clb = new elb.LoadBalancer(s, 'Clb', { vpc: new ec2.Vpc(s, 'V', { maxAzs: 2, natGateways: 0 }), internetFacing: true });
        clb.addListener({ externalPort: 443, externalProtocol: elb.LoadBalancingProtocol.HTTPS, internalPort: 8080, internalProtocol: elb.LoadBalancingProtocol.HTTP, sslCertificateArn: CERT });
        clb.addListener({ externalPort: 8443, externalProtocol: elb.LoadBalancingProtocol.SSL, internalPort: 8443, sslCertificateArn: CERT });
      },
    },
  ],
};
