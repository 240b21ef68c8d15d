import {
  aws_apigateway as apigw, aws_apigatewayv2 as apigwv2, aws_autoscaling as autoscaling, aws_cloudfront as cloudfront, aws_cloudfront_origins as origins,
  aws_ec2 as ec2, aws_elasticloadbalancingv2 as elbv2, aws_lambda as lambda, aws_route53 as route53, aws_s3 as s3, Stack,
} from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { MANAGEMENT, stackIn } from '../fixture-stacks';

const publicVpc = (s: Stack, maxAzs = 2) => new ec2.Vpc(s, 'Vpc', { maxAzs, natGateways: 0, subnetConfiguration: [{ name: 'Public', subnetType: ec2.SubnetType.PUBLIC }] });
const webSg = (s: Stack, vpc: ec2.IVpc, port = 443) => {
  const sg = new ec2.SecurityGroup(s, `Sg${port}`, { vpc, allowAllOutbound: false });
  sg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(port));
  return sg;
};
const image = ec2.MachineImage.latestAmazonLinux2023();
const type = new ec2.InstanceType('t3.small');
const fn = (s: Stack) => new lambda.Function(s, 'Fn', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200 })') });

/** Two L1 proxies with Elastic IPs in subnets of the given zones, answered by Route 53 failover records with health checks. */
function dnsFailover(s: Stack, zones: [string, string]) {
  const vpc = new ec2.CfnVPC(s, 'Vpc', { cidrBlock: '10.0.0.0/16' });
  const sg = new ec2.CfnSecurityGroup(s, 'ProxySg', { groupDescription: 'proxies', vpcId: vpc.ref, securityGroupIngress: [{ ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIp: '0.0.0.0/0' }] });
  const zone = new route53.CfnHostedZone(s, 'Zone', { name: 'partner.example.com' });
  (['Primary', 'Secondary'] as const).forEach((role, i) => {
    const subnet = new ec2.CfnSubnet(s, `Subnet${role}`, { vpcId: vpc.ref, cidrBlock: `10.0.${i}.0/24`, availabilityZone: zones[i] });
    const proxy = new ec2.CfnInstance(s, `Proxy${role}`, { imageId: 'ami-0123456789abcdef0', subnetId: subnet.ref, securityGroupIds: [sg.attrGroupId] });
    const eip = new ec2.CfnEIP(s, `Ip${role}`, { domain: 'vpc', instanceId: proxy.ref });
    const check = new route53.CfnHealthCheck(s, `Check${role}`, { healthCheckConfig: { type: 'HTTPS', ipAddress: eip.attrPublicIp, port: 443 } });
    new route53.CfnRecordSet(s, `Record${role}`, {
      hostedZoneId: zone.ref, name: 'www.partner.example.com', type: 'A', ttl: '60', resourceRecords: [eip.ref],
      failover: role.toUpperCase(), setIdentifier: role, healthCheckId: check.ref,
    });
  });
}

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'L2 single instance in a public subnet with HTTP open to the world',
      build: (app) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        const vpc = publicVpc(s);
        new ec2.Instance(s, 'Web', { vpc, vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC }, instanceType: type, machineImage: image, securityGroup: webSg(s, vpc, 80) });
      },
      reason: /the solution is reached at this one instance in one Availability Zone \(subnet S\/Vpc\/PublicSubnet1\/Subnet maps public addresses; S\/Sg80\/Resource admits tcp 80 from 0\.0\.0\.0\/0\)/,
    },
    {
      name: 'L1 internet-facing Network Load Balancer mapped to one subnet',
      build: (app) => { new elbv2.CfnLoadBalancer(stackIn(app, 'S'), 'Nlb', { type: 'network', subnetMappings: [{ subnetId: 'subnet-0a1b2c3d', allocationId: 'eipalloc-0a1b2c3d' }] }); },
      reason: /the internet-facing load balancer spans 1 Availability Zone: the solution cannot be reached when that zone is lost/,
    },
    {
      name: 'L2 Auto Scaling group of public proxies (AssociatePublicIpAddress) with MinSize 1 and no load balancer',
      build: (app) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        const vpc = publicVpc(s);
        const launchTemplate = new ec2.LaunchTemplate(s, 'Lt', { instanceType: type, machineImage: image, securityGroup: webSg(s, vpc), associatePublicIpAddress: true });
        new autoscaling.AutoScalingGroup(s, 'Proxies', { vpc, vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC }, launchTemplate, minCapacity: 1, maxCapacity: 4 });
      },
      reason: /AssociatePublicIpAddress is true; S\/Sg443\/Resource admits tcp 443 from 0\.0\.0\.0\/0\), and the group may run 1 instance \(MinSize 1\)/,
    },
    {
      name: 'L1 proxies behind Route 53 failover records, both in one zone',
      build: (app) => { dnsFailover(stackIn(app, 'S', MANAGEMENT), ['eu-west-1a', 'eu-west-1a']); },
      reason: /no Route 53 failover or multivalue record pairs it with an instance of another zone/,
    },
    {
      name: 'L1 Client VPN endpoint associated with one subnet',
      build: (app) => {
        const s = stackIn(app, 'S');
        const endpoint = new ec2.CfnClientVpnEndpoint(s, 'Vpn', {
          clientCidrBlock: '10.100.0.0/22', serverCertificateArn: 'arn:aws:acm:eu-west-1:111111111111:certificate/abc',
          authenticationOptions: [{ type: 'certificate-authentication', mutualAuthentication: { clientRootCertificateChainArn: 'arn:aws:acm:eu-west-1:111111111111:certificate/def' } }],
          connectionLogOptions: { enabled: false },
        });
        new ec2.CfnClientVpnTargetNetworkAssociation(s, 'Assoc', { clientVpnEndpointId: endpoint.ref, subnetId: 'subnet-0a1b2c3d' });
      },
      reason: /the endpoint is associated with subnets of 1 Availability Zone/,
    },
    {
      name: 'L1 public instance whose security group is not created in the app',
      build: (app) => { new ec2.CfnInstance(stackIn(app, 'S'), 'Web', { imageId: 'ami-0123456789abcdef0', networkInterfaces: [{ deviceIndex: '0', associatePublicIpAddress: true, subnetId: 'subnet-0a1b2c3d', groupSet: ['sg-0a1b2c3d'] }] }); },
      reason: /could not verify whether the instances admit the internet: security group sg-0a1b2c3d \(NetworkInterfaces\/0\/GroupSet\) is not a group created in the app/,
    },
  ],
  compliant: [
    {
      name: 'L2 internet-facing ALB over two zones; an internal NLB in one zone and a bastion open on SSH only (not ways in)',
      build: (app) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'Public', subnetType: ec2.SubnetType.PUBLIC }, { name: 'App', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
        new elbv2.ApplicationLoadBalancer(s, 'Alb', { vpc, internetFacing: true });
        new elbv2.NetworkLoadBalancer(s, 'Nlb', { vpc, internetFacing: false, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED, availabilityZones: [vpc.availabilityZones[0]] } });
        new ec2.Instance(s, 'Bastion', { vpc, vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC }, instanceType: type, machineImage: image, securityGroup: webSg(s, vpc, 22) });
      },
    },
    {
      name: 'managed endpoints: L2 CloudFront over an S3 website bucket, REST API, HTTP API, function URL',
      build: (app) => {
        const s = stackIn(app, 'S');
        const site = new s3.Bucket(s, 'Site', { websiteIndexDocument: 'index.html' });
        new cloudfront.Distribution(s, 'Cdn', { defaultBehavior: { origin: new origins.S3StaticWebsiteOrigin(site) } });
        const handler = fn(s);
        new apigw.LambdaRestApi(s, 'Rest', { handler });
        new apigwv2.CfnApi(s, 'Http', { name: 'http', protocolType: 'HTTP' });
        handler.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.AWS_IAM });
      },
    },
    { name: 'L1 proxies with Elastic IPs in two zones behind Route 53 failover records with health checks', build: (app) => { dnsFailover(stackIn(app, 'S', MANAGEMENT), ['eu-west-1a', 'eu-west-1b']); } },
    {
      name: 'L2 Auto Scaling group of public proxies, MinSize 2 over two zones',
      build: (app) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        const vpc = publicVpc(s);
        const launchTemplate = new ec2.LaunchTemplate(s, 'Lt', { instanceType: type, machineImage: image, securityGroup: webSg(s, vpc), associatePublicIpAddress: true });
        new autoscaling.AutoScalingGroup(s, 'Proxies', { vpc, vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC }, launchTemplate, minCapacity: 2, maxCapacity: 4 });
      },
    },
  ],
};
