import { aws_cloudfront as cf, aws_cloudfront_origins as origins, aws_iam as iam, aws_s3 as s3, CfnParameter, NestedStack } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

const policy = (statement: object) => (app: any) => {
  new s3.CfnBucketPolicy(stackIn(app, 'S'), 'P', { bucket: 'my-bucket', policyDocument: { Statement: [{ Resource: 'arn:aws:s3:::my-bucket/*', ...statement }] } });
};

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'public read (L2 addToResourcePolicy with AnyPrincipal)',
      build: (app) => {
        const b = new s3.Bucket(stackIn(app, 'S'), 'B', { blockPublicAccess: s3.BlockPublicAccess.BLOCK_ACLS_ONLY });
        b.addToResourcePolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [b.arnForObjects('*')], principals: [new iam.AnyPrincipal()] }));
      },
      reason: /statement 0 allows s3:GetObject to principal '\*' without a restricting condition/,
    },
    { name: "Principal '*' with a negated condition (L1)", build: policy({ Effect: 'Allow', Principal: '*', Action: 's3:PutObject', Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1' } } }), reason: /s3:PutObject to principal '\*'/ },
    { name: 'Allow with NotPrincipal', build: policy({ Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 's3:GetObject' }), reason: /everyone but the NotPrincipal/ },
    {
      name: 'principal from a template parameter (unverifiable)',
      build: (app) => {
        const s = stackIn(app, 'S');
        new s3.CfnBucketPolicy(s, 'P', { bucket: 'my-bucket', policyDocument: { Statement: [{ Effect: 'Allow', Principal: { AWS: new CfnParameter(s, 'Reader').valueAsString }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::my-bucket/*' }] } });
      },
      reason: /could not verify the principal of statement 0.*\(parameter Reader of stack S\)/,
    },
    {
      // The principal is Fn::GetAtt [<nested stack>, Outputs.X]: a GetAtt that the resolver follows to '*', not a resource's attribute.
      name: "principal '*' given by a nested stack's output",
      build: (app) => {
        const s = stackIn(app, 'S');
        const who = new CfnParameter(new NestedStack(s, 'Shared'), 'Who', { default: '*' }).valueAsString;
        new s3.CfnBucketPolicy(s, 'P', { bucket: 'my-bucket', policyDocument: { Statement: [{ Effect: 'Allow', Principal: { AWS: who }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::my-bucket/*' }] } });
      },
      reason: /statement 0 allows s3:GetObject to principal '\*' without a restricting condition/,
    },
  ],
  compliant: [
    {
      name: 'CloudFront origin access control and enforceSSL (L2)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const bucket = new s3.Bucket(s, 'B', { enforceSSL: true });
        new cf.Distribution(s, 'D', { defaultBehavior: { origin: origins.S3BucketOrigin.withOriginAccessControl(bucket) } });
      },
    },
    { name: "Principal '*' restricted to the organization (L1)", build: policy({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:GetObject', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } }) },
  ],
};
