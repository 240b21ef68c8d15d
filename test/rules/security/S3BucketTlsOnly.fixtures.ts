import { aws_iam as iam, aws_s3 as s3, Fn, NestedStack } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

const deny = { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::my-bucket', 'arn:aws:s3:::my-bucket/*'], Condition: { Bool: { 'aws:SecureTransport': 'false' } } };

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'L2 bucket without enforceSSL', build: (app) => { new s3.Bucket(stackIn(app, 'S'), 'B'); }, reason: /has no bucket policy/ },
    {
      name: 'policy denies only PutObject over HTTP (L1, literal bucket name)',
      build: (app) => {
        const s = stackIn(app, 'S');
        new s3.CfnBucket(s, 'B', { bucketName: 'my-bucket' });
        new s3.CfnBucketPolicy(s, 'P', { bucket: 'my-bucket', policyDocument: { Statement: [{ ...deny, Action: 's3:PutObject' }] } });
      },
      reason: /bucket policy S\/P does not deny s3:\* when aws:SecureTransport is false/,
    },
    {
      name: 'a policy of the stack for an imported bucket name (unverifiable)',
      build: (app) => {
        const s = stackIn(app, 'S');
        new s3.CfnBucket(s, 'B', {});
        new s3.CfnBucketPolicy(s, 'P', { bucket: Fn.importValue('BucketName'), policyDocument: { Statement: [deny] } });
      },
      reason: /could not verify whether bucket policy S\/P applies to this bucket.*Fn::ImportValue/,
    },
    {
      name: 'the TLS-only deny names the bucket but not bucket/* (L1, GetAtt Arn)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const b = new s3.CfnBucket(s, 'B');
        new s3.CfnBucketPolicy(s, 'P', { bucket: b.ref, policyDocument: { Statement: [{ ...deny, Resource: b.attrArn }] } });
      },
      reason: /bucket policy S\/P denies requests without TLS on the bucket but not on its objects \(bucket\/\*\)/,
    },
    {
      name: 'the TLS-only deny names bucket/* but not the bucket (L2 addToResourcePolicy with arnForObjects)',
      build: (app) => {
        const b = new s3.Bucket(stackIn(app, 'S'), 'B');
        b.addToResourcePolicy(new iam.PolicyStatement({ effect: iam.Effect.DENY, principals: [new iam.AnyPrincipal()], actions: ['s3:*'], resources: [b.arnForObjects('*')], conditions: { Bool: { 'aws:SecureTransport': 'false' } } }));
      },
      reason: /denies requests without TLS on the objects \(bucket\/\*\) but not on the bucket itself/,
    },
  ],
  compliant: [
    {
      name: 'the bucket policy is in a nested stack that gets the bucket name as a parameter',
      build: (app) => {
        const s = stackIn(app, 'S');
        const b = new s3.CfnBucket(s, 'B');
        new s3.CfnBucketPolicy(new NestedStack(s, 'Policies'), 'P', { bucket: b.ref, policyDocument: { Statement: [{ ...deny, Resource: [b.attrArn, Fn.join('', [b.attrArn, '/*'])] }] } });
      },
    },
    { name: 'L2 bucket with enforceSSL', build: (app) => { new s3.Bucket(stackIn(app, 'S'), 'B', { enforceSSL: true }); } },
    {
      name: "a deny on Resource '*' covers the bucket and its objects (L1)",
      build: (app) => {
        const s = stackIn(app, 'S');
        const b = new s3.CfnBucket(s, 'B');
        new s3.CfnBucketPolicy(s, 'P', { bucket: b.ref, policyDocument: { Statement: [{ ...deny, Resource: '*' }] } });
      },
    },
    {
      name: 'the bucket and its objects denied in two statements, the object ARN built with Fn::Sub (L1)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const b = new s3.CfnBucket(s, 'B');
        new s3.CfnBucketPolicy(s, 'P', { bucket: b.ref, policyDocument: { Statement: [{ ...deny, Resource: b.attrArn }, { ...deny, Resource: Fn.sub('arn:${AWS::Partition}:s3:::${B}/*') }] } });
      },
    },
    {
      name: 'L1 bucket and policy by Ref',
      build: (app) => {
        const s = stackIn(app, 'S');
        const b = new s3.CfnBucket(s, 'B', {});
        new s3.CfnBucketPolicy(s, 'P', { bucket: b.ref, policyDocument: { Statement: [{ ...deny, Action: '*' }] } });
      },
    },
  ],
};
