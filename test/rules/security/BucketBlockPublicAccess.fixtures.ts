import { App, aws_s3 as s3 } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

const bucket = (props: Partial<s3.CfnBucketProps>) => (app: App) => { new s3.CfnBucket(stackIn(app, 'S'), 'B', props); };
const ALL = { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true };

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'public policies allowed', build: bucket({ publicAccessBlockConfiguration: { ...ALL, blockPublicPolicy: false } }), reason: /BlockPublicPolicy is off/ },
    { name: 'a configuration that leaves a setting out (it is off)', build: bucket({ publicAccessBlockConfiguration: { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true } }), reason: /RestrictPublicBuckets is off \(a configuration that leaves a setting out turns it off\)/ },
    { name: 'BLOCK_ACLS only (L2)', build: (app) => { new s3.Bucket(stackIn(app, 'S'), 'B', { blockPublicAccess: s3.BlockPublicAccess.BLOCK_ACLS }); }, reason: /BlockPublicPolicy is off/ },
  ],
  compliant: [
    { name: 'no Block Public Access configuration: S3 turns all four on for a new bucket (L1)', build: bucket({}) },
    { name: 'a bucket as partners write it, without blockPublicAccess (L2)', build: (app) => { new s3.Bucket(stackIn(app, 'S'), 'B'); } },
    { name: 'all four settings on (L1)', build: bucket({ publicAccessBlockConfiguration: ALL }) },
    { name: 'BLOCK_ALL (L2)', build: (app) => { new s3.Bucket(stackIn(app, 'S'), 'B', { blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL }); } },
  ],
};
