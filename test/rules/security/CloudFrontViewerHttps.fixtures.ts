import { aws_cloudfront as cloudfront, aws_cloudfront_origins as origins, aws_s3 as s3, CfnCondition, CfnParameter, Fn, Stack } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

const site = (s: Stack) => origins.S3BucketOrigin.withOriginAccessControl(new s3.Bucket(s, 'Site'));
const l1 = (s: Stack, viewerProtocolPolicy: string) => new cloudfront.CfnDistribution(s, 'D', {
  distributionConfig: { enabled: true, origins: [{ id: 'api', domainName: 'api.example.com', customOriginConfig: { originProtocolPolicy: 'https-only' } }], defaultCacheBehavior: { targetOriginId: 'api', viewerProtocolPolicy, cachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6' } },
});

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'L2 distribution left at allow-all on its default behaviour',
      build: (app) => { const s = stackIn(app, 'S'); new cloudfront.Distribution(s, 'D', { defaultBehavior: { origin: site(s), viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.ALLOW_ALL } }); },
      reason: /the default cache behaviour lets viewers use plain HTTP \(ViewerProtocolPolicy allow-all\)/,
    },
    {
      name: 'an additional behaviour for /legacy/* allows HTTP while the default redirects (L2)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const origin = site(s);
        const d = new cloudfront.Distribution(s, 'D', { defaultBehavior: { origin, viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS } });
        d.addBehavior('/legacy/*', origin, { viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.ALLOW_ALL });
      },
      reason: /the cache behaviour for \/legacy\/\* lets viewers use plain HTTP/,
    },
    {
      name: 'Fn::If: allow-all in one branch (L1)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const strict = new CfnCondition(s, 'Strict', { expression: Fn.conditionEquals(new CfnParameter(s, 'Stage').valueAsString, 'prod') });
        l1(s, Fn.conditionIf(strict.logicalId, 'https-only', 'allow-all').toString());
      },
      reason: /allow-all/,
    },
    {
      name: 'the policy is a template parameter (unverifiable)',
      build: (app) => { const s = stackIn(app, 'S'); l1(s, new CfnParameter(s, 'Viewers').valueAsString); },
      reason: /could not verify the viewer protocol policy of the default cache behaviour: its value is not known at synth \(parameter Viewers of stack S\)/,
    },
  ],
  compliant: [
    {
      name: 'L2 distribution redirecting to HTTPS, with an HTTPS-only behaviour',
      build: (app) => {
        const s = stackIn(app, 'S');
        const d = new cloudfront.Distribution(s, 'D', { defaultBehavior: { origin: site(s), viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS } });
        d.addBehavior('/api/*', new origins.HttpOrigin('api.example.com'), { viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY });
      },
    },
    { name: 'https-only (L1)', build: (app) => { l1(stackIn(app, 'S'), 'https-only'); } },
  ],
};
