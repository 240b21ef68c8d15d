import {
  aws_apigateway as apigw, aws_cloudfront as cloudfront, aws_cloudfront_origins as origins, aws_ec2 as ec2, aws_elasticloadbalancingv2 as elbv2,
  aws_lambda as lambda, aws_s3 as s3, CfnParameter, Stack,
} from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

const https = cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS;
const distribution = (s: Stack, origin: cloudfront.IOrigin, viewerProtocolPolicy = https) => new cloudfront.Distribution(s, 'D', { defaultBehavior: { origin, viewerProtocolPolicy } });
const l1 = (s: Stack, domainName: string, originProtocolPolicy = 'http-only') => new cloudfront.CfnDistribution(s, 'D', {
  distributionConfig: { enabled: true, origins: [{ id: 'web', domainName, customOriginConfig: { originProtocolPolicy } }], defaultCacheBehavior: { targetOriginId: 'web', viewerProtocolPolicy: 'redirect-to-https', cachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6' } },
});

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'an origin on the partner\'s own servers reached over HTTP (L2 HttpOrigin with HTTP_ONLY)',
      build: (app) => { const s = stackIn(app, 'S'); distribution(s, new origins.HttpOrigin('origin.example.com', { protocolPolicy: cloudfront.OriginProtocolPolicy.HTTP_ONLY })); },
      reason: /CloudFront reaches origin .* \(origin\.example\.com\) over HTTP \(OriginProtocolPolicy http-only\), outside AWS's network/,
    },
    {
      name: 'match-viewer under an allow-all behaviour: HTTP viewers are forwarded over HTTP (L2)',
      build: (app) => {
        const s = stackIn(app, 'S');
        distribution(s, new origins.HttpOrigin('origin.example.com', { protocolPolicy: cloudfront.OriginProtocolPolicy.MATCH_VIEWER }), cloudfront.ViewerProtocolPolicy.ALLOW_ALL);
      },
      reason: /over HTTP for HTTP viewers \(OriginProtocolPolicy match-viewer\), outside AWS's network/,
    },
    {
      name: 'an EC2 instance of the app reached over HTTP by its public name (L2 Instance, L2 HttpOrigin)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const vpc = new ec2.Vpc(s, 'V', { maxAzs: 1, natGateways: 0 });
        const web = new ec2.Instance(s, 'Web', { vpc, vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC }, instanceType: new ec2.InstanceType('t3.micro'), machineImage: ec2.MachineImage.latestAmazonLinux2023() });
        distribution(s, new origins.HttpOrigin(web.instancePublicDnsName, { protocolPolicy: cloudfront.OriginProtocolPolicy.HTTP_ONLY }));
      },
      reason: /over HTTP \(OriginProtocolPolicy http-only\), across a VPC boundary: S\/Web\/Resource \(AWS::EC2::Instance\) is in a VPC/,
    },
    {
      name: 'a load balancer outside the app, named by its host, reached over HTTP (L1)',
      build: (app) => { l1(stackIn(app, 'S'), 'legacy-1234567890.eu-west-1.elb.amazonaws.com'); },
      reason: /across a VPC boundary: legacy-1234567890\.eu-west-1\.elb\.amazonaws\.com is a load balancer in a VPC that is not part of the app/,
    },
    {
      name: 'the origin host is a template parameter, reached over HTTP (unverifiable)',
      build: (app) => { const s = stackIn(app, 'S'); l1(s, new CfnParameter(s, 'OriginHost').valueAsString); },
      reason: /could not verify where origin web is, reached over HTTP .*parameter OriginHost of stack S/,
    },
  ],
  compliant: [
    {
      name: 'S3 bucket and S3 website origins, an API, a function URL, and a load balancer of the app over HTTP (its listeners are read elsewhere) (L2)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const d = distribution(s, origins.S3BucketOrigin.withOriginAccessControl(new s3.Bucket(s, 'Assets')));
        d.addBehavior('/site/*', new origins.S3StaticWebsiteOrigin(new s3.Bucket(s, 'Site', { websiteIndexDocument: 'index.html' })), { viewerProtocolPolicy: https });
        const fn = new lambda.Function(s, 'Fn', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => ({})') });
        const api = new apigw.LambdaRestApi(s, 'Api', { handler: fn });
        d.addBehavior('/api/*', new origins.RestApiOrigin(api), { viewerProtocolPolicy: https });
        d.addBehavior('/fn/*', new origins.FunctionUrlOrigin(fn.addFunctionUrl()), { viewerProtocolPolicy: https });
        const alb = new elbv2.ApplicationLoadBalancer(s, 'Alb', { vpc: new ec2.Vpc(s, 'V', { maxAzs: 2, natGateways: 0 }), internetFacing: true });
        d.addBehavior('/app/*', new origins.LoadBalancerV2Origin(alb, { protocolPolicy: cloudfront.OriginProtocolPolicy.HTTP_ONLY }), { viewerProtocolPolicy: https });
      },
    },
    {
      name: 'an origin outside AWS over HTTPS, and match-viewer under a redirect-to-https behaviour (L2)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const d = distribution(s, new origins.HttpOrigin('origin.example.com'));
        d.addBehavior('/legacy/*', new origins.HttpOrigin('legacy.example.com', { protocolPolicy: cloudfront.OriginProtocolPolicy.MATCH_VIEWER }), { viewerProtocolPolicy: https });
      },
    },
  ],
};
