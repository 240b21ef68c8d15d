import {
  aws_apigateway as apigw, aws_apigatewayv2 as apigwv2, aws_apigatewayv2_integrations as integrations,
  aws_ec2 as ec2, aws_elasticloadbalancingv2 as elbv2, aws_lambda as lambda, CfnParameter, Stack,
} from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

const rest = (s: Stack) => new apigw.RestApi(s, 'Api', { deploy: false });
const openApi = (uri: string) => ({
  openapi: '3.0.1', info: { title: 'orders', version: '1' },
  paths: { '/orders': { get: { 'x-amazon-apigateway-integration': { type: 'http_proxy', httpMethod: 'GET', uri } } } },
});

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'a REST API proxies to a partner backend over plain HTTP (L2 HttpIntegration)',
      build: (app) => { rest(stackIn(app, 'S')).root.addResource('orders').addMethod('GET', new apigw.HttpIntegration('http://backend.example.com/orders')); },
      reason: /API Gateway calls backend\.example\.com over plain HTTP, outside AWS's network/,
    },
    {
      name: 'an HTTP API route to a plain HTTP URL (L2 HttpUrlIntegration)',
      build: (app) => {
        const api = new apigwv2.HttpApi(stackIn(app, 'S'), 'Http');
        api.addRoutes({ path: '/legacy', integration: new integrations.HttpUrlIntegration('Legacy', 'http://legacy.example.com/api') });
      },
      reason: /API Gateway calls legacy\.example\.com over plain HTTP/,
    },
    {
      name: 'an inline OpenAPI definition integrating a load balancer outside the app by host over HTTP (L1 RestApi Body)',
      build: (app) => { new apigw.CfnRestApi(stackIn(app, 'S'), 'Api', { body: openApi('http://orders-123.eu-west-1.elb.amazonaws.com/orders') }); },
      reason: /plain HTTP across a VPC boundary: orders-123\.eu-west-1\.elb\.amazonaws\.com is a load balancer in a VPC/,
    },
    {
      name: 'HTTP API quick create with an http:// target (L1 Api Target)',
      build: (app) => { new apigwv2.CfnApi(stackIn(app, 'S'), 'Quick', { name: 'quick', protocolType: 'HTTP', target: 'http://backend.example.com' }); },
      reason: /calls backend\.example\.com over plain HTTP/,
    },
    {
      name: 'the OpenAPI definition is a file in S3 (unverifiable)',
      build: (app) => { new apigw.CfnRestApi(stackIn(app, 'S'), 'Api', { bodyS3Location: { bucket: 'specs', key: 'orders.yaml' } }); },
      reason: /could not verify the integrations of the API: its OpenAPI definition is in S3 \(BodyS3Location\)/,
    },
    {
      name: 'the integration URI is a template parameter (unverifiable)',
      build: (app) => {
        const s = stackIn(app, 'S');
        new apigwv2.CfnIntegration(s, 'I', { apiId: 'abc123', integrationType: 'HTTP_PROXY', integrationMethod: 'ANY', payloadFormatVersion: '1.0', integrationUri: new CfnParameter(s, 'Backend').valueAsString });
      },
      reason: /could not verify the scheme of the integration URI: its value is not known at synth \(parameter Backend of stack S\)/,
    },
  ],
  compliant: [
    {
      name: 'Lambda and HTTPS integrations, and a private integration through a VPC link to a load balancer (L2)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const api = rest(s);
        const fn = new lambda.Function(s, 'Fn', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => ({})') });
        api.root.addResource('fn').addMethod('GET', new apigw.LambdaIntegration(fn));
        api.root.addResource('partner').addMethod('GET', new apigw.HttpIntegration('https://backend.example.com/orders'));
        const nlb = new elbv2.NetworkLoadBalancer(s, 'Nlb', { vpc: new ec2.Vpc(s, 'V', { maxAzs: 2, natGateways: 0 }) });
        const link = new apigw.VpcLink(s, 'Link', { targets: [nlb] });
        api.root.addResource('private').addMethod('GET', new apigw.Integration({ type: apigw.IntegrationType.HTTP_PROXY, integrationHttpMethod: 'GET', uri: `http://${nlb.loadBalancerDnsName}/orders`, options: { connectionType: apigw.ConnectionType.VPC_LINK, vpcLink: link } }));
      },
    },
    {
      name: 'an HTTP API route to an HTTPS URL (L2) and an inline OpenAPI definition over HTTPS (L1)',
      build: (app) => {
        const s = stackIn(app, 'S');
        new apigwv2.HttpApi(s, 'Http').addRoutes({ path: '/orders', integration: new integrations.HttpUrlIntegration('Orders', 'https://orders.example.com/api') });
        new apigw.CfnRestApi(s, 'Spec', { body: openApi('https://orders.example.com/orders') });
      },
    },
  ],
};
