import { aws_apigateway as apigw, aws_certificatemanager as acm, Stack } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

const certificate = (s: Stack) => acm.Certificate.fromCertificateArn(s, 'Cert', 'arn:aws:acm:eu-west-1:111111111111:certificate/12345678-1234-1234-1234-123456789012');
const mockApi = (s: Stack, props: apigw.RestApiProps = {}) => {
  const api = new apigw.RestApi(s, 'Api', props);
  api.root.addMethod('GET', new apigw.MockIntegration());
  return api;
};

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: "a regional REST API's default endpoint with no security policy (API Gateway applies TLS_1_0) (L2)",
      build: (app) => { mockApi(stackIn(app, 'S'), { endpointTypes: [apigw.EndpointType.REGIONAL] }); },
      reason: /the default endpoint of the REST API accepts TLS 1\.0 \(SecurityPolicy not set/,
    },
    {
      name: 'a custom domain name on TLS_1_0 (L2 DomainName)',
      build: (app) => {
        const s = stackIn(app, 'S');
        new apigw.DomainName(s, 'Domain', { domainName: 'api.example.com', certificate: certificate(s), securityPolicy: apigw.SecurityPolicy.TLS_1_0 });
      },
      reason: /the custom domain name does not refuse TLS 1\.0 \(SecurityPolicy TLS_1_0\)/,
    },
  ],
  compliant: [
    {
      name: 'a custom domain name on TLS_1_2 in front of an API whose default endpoint is disabled (L2)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const api = mockApi(s, { disableExecuteApiEndpoint: true });
        new apigw.DomainName(s, 'Domain', { domainName: 'api.example.com', certificate: certificate(s), securityPolicy: apigw.SecurityPolicy.TLS_1_2, mapping: api });
      },
    },
    {
      name: 'a private REST API (TLS 1.2 by default) (L1)',
      build: (app) => { new apigw.CfnRestApi(stackIn(app, 'S'), 'Api', { name: 'internal', endpointConfiguration: { types: ['PRIVATE'] } }); },
    },
  ],
};
