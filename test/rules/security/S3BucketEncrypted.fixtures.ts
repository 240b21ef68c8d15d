import { App, aws_s3 as s3 } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

const bucket = (props: Partial<s3.CfnBucketProps>) => (app: App) => { new s3.CfnBucket(stackIn(app, 'S'), 'B', props); };

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'no default encryption', build: bucket({}), reason: /no default encryption/ },
    { name: 'empty encryption rules', build: bucket({ bucketEncryption: { serverSideEncryptionConfiguration: [] } }) },
  ],
  compliant: [
    { name: 'SSE-KMS with a customer key (L2)', build: (app) => { new s3.Bucket(stackIn(app, 'S'), 'B', { encryption: s3.BucketEncryption.KMS }); } },
    { name: 'SSE-S3', build: bucket({ bucketEncryption: { serverSideEncryptionConfiguration: [{ serverSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }] } }) },
  ],
};
