import { App, aws_s3 as s3 } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

const bucket = (props: Partial<s3.CfnBucketProps>) => (app: App) => { new s3.CfnBucket(stackIn(app, 'S'), 'B', props); };

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'public-read canned ACL', build: bucket({ accessControl: 'PublicRead' }), reason: /PublicRead/ },
    { name: 'website hosting', build: bucket({ websiteConfiguration: { indexDocument: 'index.html' } }), reason: /website/ },
  ],
  compliant: [
    { name: 'private bucket', build: bucket({ accessControl: 'Private' }) },
    { name: 'no ACL at all', build: bucket({}) },
  ],
};
