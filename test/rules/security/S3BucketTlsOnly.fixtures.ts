import { aws_s3 as s3, Fn, NestedStack } from 'aws-cdk-lib';
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
      name: 'L1 bucket and policy by Ref',
      build: (app) => {
        const s = stackIn(app, 'S');
        const b = new s3.CfnBucket(s, 'B', {});
        new s3.CfnBucketPolicy(s, 'P', { bucket: b.ref, policyDocument: { Statement: [{ ...deny, Action: '*' }] } });
      },
    },
  ],
};
