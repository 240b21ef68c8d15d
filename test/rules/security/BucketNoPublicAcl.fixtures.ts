import { App, aws_s3 as s3 } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

const bucket = (props: Partial<s3.CfnBucketProps>) => (app: App) => { new s3.CfnBucket(stackIn(app, 'S'), 'B', props); };

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'public-read canned ACL', build: bucket({ accessControl: 'PublicRead' }), reason: /PublicRead/ },
    {
      name: 'website hosting with Block Public Access off (public read)',
      build: bucket({ websiteConfiguration: { indexDocument: 'index.html' }, publicAccessBlockConfiguration: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: false, restrictPublicBuckets: false } }),
      reason: /hosts a website and Block Public Access leaves BlockPublicPolicy, RestrictPublicBuckets off/,
    },
    {
      name: 'a public website as partners write it (L2: websiteIndexDocument, publicReadAccess)',
      build: (app) => { new s3.Bucket(stackIn(app, 'S'), 'B', { websiteIndexDocument: 'index.html', publicReadAccess: true, blockPublicAccess: s3.BlockPublicAccess.BLOCK_ACLS }); },
      reason: /hosts a website/,
    },
  ],
  compliant: [
    { name: 'website hosting with Block Public Access on (S3\'s default): the endpoint serves nothing publicly', build: bucket({ websiteConfiguration: { indexDocument: 'index.html' } }) },
    { name: 'a redirect-only website bucket (www to the apex), Block Public Access off', build: bucket({ websiteConfiguration: { redirectAllRequestsTo: { hostName: 'example.com', protocol: 'https' } }, publicAccessBlockConfiguration: { blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false } }) },
    { name: 'private bucket', build: bucket({ accessControl: 'Private' }) },
    { name: 'no ACL at all', build: bucket({}) },
  ],
};
