import {
  App, aws_apigateway as apigw, aws_apigatewayv2 as apigwv2, aws_cloudfront as cloudfront, aws_cloudfront_origins as origins, aws_ec2 as ec2, aws_eks as eks,
  aws_elasticloadbalancing as elb, aws_elasticloadbalancingv2 as elbv2, aws_globalaccelerator as ga, aws_logs as logs, aws_networkfirewall as nfw, aws_route53profiles as profiles,
  aws_route53resolver as resolver, aws_s3 as s3, aws_transfer as transfer, aws_wafv2 as wafv2, Stack,
} from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { MANAGEMENT, stackIn } from '../fixture-stacks';

const vpcIn = (s: Stack) => new ec2.Vpc(s, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'Public', subnetType: ec2.SubnetType.PUBLIC }] });
/** A partner-style web ACL in front of an L2 Application Load Balancer (aws-cdk-lib has no WAF L2: CfnWebACL + association). */
const protectedAlb = (s: Stack, name = 'edge') => {
  const vpc = vpcIn(s);
  const alb = new elbv2.ApplicationLoadBalancer(s, 'Alb', { vpc, internetFacing: true });
  alb.logAccessLogs(new s3.Bucket(s, 'AlbLogs'));
  const acl = new wafv2.CfnWebACL(s, 'Acl', {
    name, scope: 'REGIONAL', defaultAction: { allow: {} },
    visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: name, sampledRequestsEnabled: true },
  });
  new wafv2.CfnWebACLAssociation(s, 'AclAlb', { resourceArn: alb.loadBalancerArn, webAclArn: acl.attrArn });
  return acl;
};
const api = (s: Stack, deployOptions?: apigw.StageOptions) => {
  const rest = new apigw.RestApi(s, 'Api', { deployOptions });
  rest.root.addMethod('GET', new apigw.MockIntegration());
  return rest;
};

const isolatedVpc = (s: Stack) => new ec2.Vpc(s, 'Net', { availabilityZones: ['eu-west-1a', 'eu-west-1b'], natGateways: 0, subnetConfiguration: [{ name: 'Private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
const CERT = 'arn:aws:acm:eu-west-1:111111111111:certificate/3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a9f';
const firewallIn = (s: Stack, vpc: ec2.Vpc) => {
  const policy = new nfw.CfnFirewallPolicy(s, 'Policy', { firewallPolicyName: 'p', firewallPolicy: { statelessDefaultActions: ['aws:forward_to_sfe'], statelessFragmentDefaultActions: ['aws:forward_to_sfe'] } });
  return new nfw.CfnFirewall(s, 'Firewall', { firewallName: 'fw', firewallPolicyArn: policy.attrFirewallPolicyArn, vpcId: vpc.vpcId, subnetMappings: vpc.isolatedSubnets.map((x) => ({ subnetId: x.subnetId })) });
};
const resolverEndpointIn = (s: Stack, vpc: ec2.Vpc, direction: 'INBOUND' | 'OUTBOUND') => {
  const sg = new ec2.SecurityGroup(s, `${direction}Sg`, { vpc, allowAllOutbound: false });
  return new resolver.CfnResolverEndpoint(s, direction, { direction, securityGroupIds: [sg.securityGroupId], ipAddresses: vpc.isolatedSubnets.map((x) => ({ subnetId: x.subnetId })) });
};

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'L1 EKS cluster without control plane logging (the default)',
      build: (app: App) => { new eks.CfnCluster(stackIn(app, 'S', MANAGEMENT), 'Eks', { roleArn: 'arn:aws:iam::111111111111:role/eks', resourcesVpcConfig: { subnetIds: ['subnet-1', 'subnet-2'] } }); },
      reason: /the cluster sends no control plane log to CloudWatch Logs/,
    },
    { name: 'L1 SFTP server without logging', build: (app: App) => { new transfer.CfnServer(stackIn(app, 'S'), 'Sftp', { protocols: ['SFTP'] }); }, reason: /Transfer Family server logs no user activity/ },
    { name: 'L1 SFTP connector without a logging role', build: (app: App) => { new transfer.CfnConnector(stackIn(app, 'S'), 'Out', { url: 'sftp://partner.example.com', accessRole: 'arn:aws:iam::111111111111:role/c', sftpConfig: { userSecretId: 'x', trustedHostKeys: ['ssh-rsa AAAA'] } }); }, reason: /connector logs no activity/ },
    { name: 'L2 internet-facing ALB without access logs', build: (app: App) => { const s = stackIn(app, 'S', MANAGEMENT); new elbv2.ApplicationLoadBalancer(s, 'Alb', { vpc: vpcIn(s), internetFacing: true }); }, reason: /Application Load Balancer writes no access log/ },
    {
      name: 'L1 NLB with a TLS listener and no access logs',
      build: (app: App) => {
        const s = stackIn(app, 'S');
        const nlb = new elbv2.CfnLoadBalancer(s, 'Nlb', { type: 'network', subnets: ['subnet-1', 'subnet-2'] });
        new elbv2.CfnListener(s, 'Tls', { loadBalancerArn: nlb.ref, protocol: 'TLS', port: 443, certificates: [{ certificateArn: 'arn:aws:acm:eu-west-1:111111111111:certificate/x' }], defaultActions: [{ type: 'forward', targetGroupArn: 'arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/t/1' }] });
      },
      reason: /Network Load Balancer \(with a TLS listener\) writes no access log/,
    },
    { name: 'L1 Classic Load Balancer', build: (app: App) => { new elb.CfnLoadBalancer(stackIn(app, 'S'), 'Clb', { listeners: [{ loadBalancerPort: '80', instancePort: '80', protocol: 'HTTP' }], subnets: ['subnet-1'] }); }, reason: /Classic Load Balancer writes no access log/ },
    { name: 'L2 CloudFront distribution without logging', build: (app: App) => { new cloudfront.Distribution(stackIn(app, 'S'), 'Cdn', { defaultBehavior: { origin: new origins.HttpOrigin('example.com') } }); }, reason: /the distribution writes no access log/ },
    { name: 'L2 REST API stage without access logs', build: (app: App) => { api(stackIn(app, 'S')); }, reason: /the stage writes no access log \(no AccessLogSetting.DestinationArn\)/ },
    { name: 'L2 HTTP API default stage without access logs', build: (app: App) => { new apigwv2.HttpApi(stackIn(app, 'S'), 'Http'); }, reason: /the stage writes no access log \(no AccessLogSettings.DestinationArn\)/ },
    {
      name: 'L1 VPN connection whose tunnels write no activity log',
      build: (app: App) => { new ec2.CfnVPNConnection(stackIn(app, 'S'), 'Vpn', { customerGatewayId: 'cgw-1', type: 'ipsec.1', vpnGatewayId: 'vgw-1' }); },
      reason: /no tunnel of the VPN connection writes tunnel activity logs/,
    },
    {
      name: 'L2 Client VPN endpoint with connection logging off',
      build: (app: App) => { const s = stackIn(app, 'S'); isolatedVpc(s).addClientVpnEndpoint('Vpn', { cidr: '10.200.0.0/22', serverCertificateArn: CERT, clientCertificateArn: CERT, logging: false }); },
      reason: /Client VPN endpoint logs no client connections/,
    },
    {
      name: 'L1 Client VPN endpoint with ConnectionLogOptions disabled',
      build: (app: App) => { new ec2.CfnClientVpnEndpoint(stackIn(app, 'S'), 'Vpn', { clientCidrBlock: '10.200.0.0/22', serverCertificateArn: CERT, authenticationOptions: [{ type: 'certificate-authentication', mutualAuthentication: { clientRootCertificateChainArn: CERT } }], connectionLogOptions: { enabled: false } }); },
      reason: /ConnectionLogOptions.Enabled is not true/,
    },
    {
      name: 'L1 Network Firewall without a logging configuration',
      build: (app: App) => { const s = stackIn(app, 'S'); firewallIn(s, isolatedVpc(s)); },
      reason: /the firewall writes no flow or alert log/,
    },
    {
      name: 'partner-style web ACL in front of an L2 ALB, with no logging configuration',
      build: (app: App) => { protectedAlb(stackIn(app, 'S', MANAGEMENT)); },
      reason: /the web ACL logs none of the requests it inspects/,
    },
    {
      name: 'L1 web ACL whose logging configuration names another web ACL by ARN',
      build: (app: App) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        protectedAlb(s, 'edge');
        new wafv2.CfnLoggingConfiguration(s, 'Logging', {
          resourceArn: 'arn:aws:wafv2:eu-west-1:111111111111:regional/webacl/other/0f1e2d3c-aaaa-bbbb-cccc-000000000000',
          logDestinationConfigs: ['arn:aws:logs:eu-west-1:111111111111:log-group:aws-waf-logs-edge'],
        });
      },
      reason: /the web ACL logs none of the requests it inspects/,
    },
    {
      name: 'L1 inbound and outbound Resolver endpoints whose VPC no query logging configuration logs',
      build: (app: App) => {
        const s = stackIn(app, 'S');
        const vpc = isolatedVpc(s);
        resolverEndpointIn(s, vpc, 'INBOUND');
        resolverEndpointIn(s, vpc, 'OUTBOUND');
        // Another VPC's queries are logged: that does not log these endpoints' queries.
        const other = new ec2.CfnVPC(s, 'Other', { cidrBlock: '10.9.0.0/16' });
        const config = new resolver.CfnResolverQueryLoggingConfig(s, 'QueryLogs', { destinationArn: 'arn:aws:logs:eu-west-1:111111111111:log-group:dns' });
        new resolver.CfnResolverQueryLoggingConfigAssociation(s, 'OtherLogged', { resolverQueryLogConfigId: config.attrId, resourceId: other.ref });
      },
      reason: /endpoint's queries are logged nowhere: no Resolver query logging configuration of the app is associated with its VPC/,
    },
    {
      name: 'L2 Global Accelerator (no flow logs: the L2 has no prop for them) with a listener and an endpoint group',
      build: (app: App) => {
        const s = stackIn(app, 'S');
        new ga.Accelerator(s, 'Accelerator').addListener('Tcp', { portRanges: [{ fromPort: 443 }] }).addEndpointGroup('Group', { endpoints: [] });
      },
      reason: /the accelerator writes no flow log \(FlowLogsEnabled is not true/,
    },
  ],
  compliant: [
    {
      name: 'L1 EKS cluster sending its audit and API server logs to CloudWatch Logs',
      build: (app: App) => { new eks.CfnCluster(stackIn(app, 'S', MANAGEMENT), 'Eks', { roleArn: 'arn:aws:iam::111111111111:role/eks', resourcesVpcConfig: { subnetIds: ['subnet-1', 'subnet-2'] }, logging: { clusterLogging: { enabledTypes: [{ type: 'api' }, { type: 'audit' }] } } }); },
    },
    {
      name: 'partner-style web ACL in front of an L2 ALB, logged to an L2 log group (ResourceArn by reference); an L1 web ACL logged by ARN to a Firehose stream',
      build: (app: App) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        const acl = protectedAlb(s);
        const group = new logs.LogGroup(s, 'WafLogs', { logGroupName: 'aws-waf-logs-edge' });
        new wafv2.CfnLoggingConfiguration(s, 'Logging', { resourceArn: acl.attrArn, logDestinationConfigs: [group.logGroupArn] });
        new wafv2.CfnWebACL(s, 'Api', {
          name: 'api', scope: 'REGIONAL', defaultAction: { block: {} },
          visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'api', sampledRequestsEnabled: false },
        });
        new wafv2.CfnLoggingConfiguration(s, 'ApiLogging', {
          resourceArn: 'arn:aws:wafv2:eu-west-1:111111111111:regional/webacl/api/0f1e2d3c-aaaa-bbbb-cccc-000000000000',
          logDestinationConfigs: ['arn:aws:firehose:eu-west-1:111111111111:deliverystream/aws-waf-logs-api'],
        });
      },
    },
    {
      name: 'L2 Global Accelerator whose CfnAccelerator turns flow logs on; L1 accelerator with FlowLogsEnabled (its listener is logged by it)',
      build: (app: App) => {
        const s = stackIn(app, 'S');
        const accelerator = new ga.Accelerator(s, 'Accelerator');
        Object.assign(accelerator.node.defaultChild as ga.CfnAccelerator, { flowLogsEnabled: true, flowLogsS3Bucket: 'central-network-logs', flowLogsS3Prefix: 'ga' });
        const l1 = new ga.CfnAccelerator(s, 'L1', { name: 'edge', flowLogsEnabled: true, flowLogsS3Bucket: 'central-network-logs', flowLogsS3Prefix: 'ga' });
        new ga.CfnListener(s, 'L1Tcp', { acceleratorArn: l1.attrAcceleratorArn, protocol: 'TCP', portRanges: [{ fromPort: 443, toPort: 443 }] });
      },
    },
    {
      name: 'L2 Client VPN endpoint with its default connection logging',
      build: (app: App) => { const s = stackIn(app, 'S'); isolatedVpc(s).addClientVpnEndpoint('Vpn', { cidr: '10.200.0.0/22', serverCertificateArn: CERT, clientCertificateArn: CERT }); },
    },
    {
      name: 'L1 Network Firewall whose logging configuration sends flow logs to S3 and alerts to CloudWatch Logs',
      build: (app: App) => {
        const s = stackIn(app, 'S');
        const fw = firewallIn(s, isolatedVpc(s));
        new nfw.CfnLoggingConfiguration(s, 'FwLogs', {
          firewallArn: fw.attrFirewallArn,
          loggingConfiguration: { logDestinationConfigs: [
            { logType: 'FLOW', logDestinationType: 'S3', logDestination: { bucketName: 'central-network-logs' } },
            { logType: 'ALERT', logDestinationType: 'CloudWatchLogs', logDestination: { logGroup: 'firewall-alerts' } },
          ] },
        });
      },
    },
    {
      name: 'L1 Resolver endpoints in a VPC associated with a query logging configuration, and in a VPC logged through a Route 53 Profile',
      build: (app: App) => {
        const s = stackIn(app, 'S');
        const vpc = isolatedVpc(s);
        resolverEndpointIn(s, vpc, 'INBOUND');
        const config = new resolver.CfnResolverQueryLoggingConfig(s, 'QueryLogs', { destinationArn: 'arn:aws:logs:eu-west-1:111111111111:log-group:dns' });
        new resolver.CfnResolverQueryLoggingConfigAssociation(s, 'Logged', { resolverQueryLogConfigId: config.attrId, resourceId: vpc.vpcId });
        const s2 = stackIn(app, 'P');
        const vpc2 = isolatedVpc(s2);
        resolverEndpointIn(s2, vpc2, 'OUTBOUND');
        const config2 = new resolver.CfnResolverQueryLoggingConfig(s2, 'QueryLogs', { destinationArn: 'arn:aws:s3:::central-dns-logs' });
        const profile = new profiles.CfnProfile(s2, 'Profile', { name: 'dns' });
        new profiles.CfnProfileResourceAssociation(s2, 'ProfileLogs', { name: 'logs', profileId: profile.attrId, resourceArn: config2.attrArn });
        new profiles.CfnProfileAssociation(s2, 'ProfileVpc', { name: 'vpc', profileId: profile.attrId, resourceId: vpc2.vpcId });
      },
    },
    {
      name: 'L1 SFTP server sending structured logs to a log group',
      build: (app: App) => { const s = stackIn(app, 'S'); const g = new logs.LogGroup(s, 'TransferLogs'); new transfer.CfnServer(s, 'Sftp', { protocols: ['SFTP'], structuredLogDestinations: [g.logGroupArn] }); },
    },
    { name: 'L1 SFTP server with a CloudWatch logging role', build: (app: App) => { new transfer.CfnServer(stackIn(app, 'S'), 'Sftp', { protocols: ['SFTP'], loggingRole: 'arn:aws:iam::111111111111:role/transfer-logging' }); } },
    { name: 'L1 SFTP connector with a logging role', build: (app: App) => { new transfer.CfnConnector(stackIn(app, 'S'), 'Out', { url: 'sftp://partner.example.com', accessRole: 'arn:aws:iam::111111111111:role/c', loggingRole: 'arn:aws:iam::111111111111:role/l', sftpConfig: { userSecretId: 'x', trustedHostKeys: ['ssh-rsa AAAA'] } }); } },
    {
      name: 'L2 ALB logging to a bucket; L2 REST API stage with an access log group',
      build: (app: App) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        const alb = new elbv2.ApplicationLoadBalancer(s, 'Alb', { vpc: vpcIn(s), internetFacing: true });
        alb.logAccessLogs(new s3.Bucket(s, 'Logs', { encryption: s3.BucketEncryption.S3_MANAGED }));
        api(s, { accessLogDestination: new apigw.LogGroupLogDestination(new logs.LogGroup(s, 'Access')), accessLogFormat: apigw.AccessLogFormat.clf() });
      },
    },
    {
      name: 'L2 CloudFront distribution with standard logs; NLB with TCP listeners only (it logs nothing) beside it',
      build: (app: App) => {
        const s = stackIn(app, 'S');
        new cloudfront.Distribution(s, 'Cdn', { defaultBehavior: { origin: new origins.HttpOrigin('example.com') }, enableLogging: true, logBucket: new s3.Bucket(s, 'CdnLogs', { objectOwnership: s3.ObjectOwnership.OBJECT_WRITER }) });
        const nlb = new elbv2.CfnLoadBalancer(s, 'Nlb', { type: 'network', subnets: ['subnet-1', 'subnet-2'] });
        new elbv2.CfnListener(s, 'Tcp', { loadBalancerArn: nlb.ref, protocol: 'TCP', port: 80, defaultActions: [{ type: 'forward', targetGroupArn: 'arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/t/1' }] });
      },
    },
    {
      name: 'L1 VPN connection logging both tunnels; L1 HTTP API stage with access logs',
      build: (app: App) => {
        const s = stackIn(app, 'S');
        const log = { logOptions: { cloudwatchLogOptions: { logEnabled: true, logGroupArn: 'arn:aws:logs:eu-west-1:111111111111:log-group:vpn' } } };
        new ec2.CfnVPNConnection(s, 'Vpn', { customerGatewayId: 'cgw-1', type: 'ipsec.1', vpnGatewayId: 'vgw-1', vpnTunnelOptionsSpecifications: [log, log] });
        const http = new apigwv2.CfnApi(s, 'Http', { name: 'http', protocolType: 'HTTP' });
        new apigwv2.CfnStage(s, 'Stage', { apiId: http.ref, stageName: '$default', accessLogSettings: { destinationArn: 'arn:aws:logs:eu-west-1:111111111111:log-group:api', format: '$context.requestId' } });
      },
    },
  ],
};
