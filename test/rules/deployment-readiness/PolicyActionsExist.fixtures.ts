import { App, aws_iam as iam, aws_kms as kms, aws_s3 as s3 } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

function roleAllowing(...actions: string[]) {
  return (app: App) => {
    const role = new iam.Role(stackIn(app, 'Roles'), 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    role.addToPolicy(new iam.PolicyStatement({ actions, resources: ['*'] }));
  };
}

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'a misspelt action in an identity policy', build: roleAllowing('s3:GetObjects'), reason: /'s3:GetObjects': s3 has no action 'GetObjects'/ },
    { name: 'a service prefix IAM does not have', build: roleAllowing('s4:GetObject'), reason: /IAM has no service prefix 's4'/ },
    { name: 'a wildcard matching nothing', build: roleAllowing('kms:Frobnicate*'), reason: /'kms:Frobnicate\*' matches no action of kms/ },
    {
      name: 'a misspelt action in a key policy',
      build: (app) => {
        const key = new kms.Key(stackIn(app, 'Keys'), 'Key');
        key.addToResourcePolicy(new iam.PolicyStatement({ principals: [new iam.ServicePrincipal('cloudtrail.amazonaws.com')], actions: ['kms:GenerateDatakeys'], resources: ['*'] }));
      },
      reason: /'kms:GenerateDatakeys'.*KeyPolicy/,
    },
    {
      name: 'a misspelt action in a bucket policy',
      build: (app) => {
        const bucket = new s3.Bucket(stackIn(app, 'Buckets'), 'Bucket');
        bucket.addToResourcePolicy(new iam.PolicyStatement({ effect: iam.Effect.DENY, principals: [new iam.AnyPrincipal()], actions: ['s3:DeleteObjects'], resources: [bucket.arnForObjects('*')] }));
      },
      reason: /'s3:DeleteObjects'/,
    },
  ],
  compliant: [
    { name: 'exact actions, service wildcards and patterns that match', build: roleAllowing('s3:GetObject', 'kms:GenerateDataKey*', 'logs:*', 'ec2:Describe*') },
    {
      name: 'a key policy and a trust policy with real actions',
      build: (app) => {
        const key = new kms.Key(stackIn(app, 'Keys'), 'Key');
        key.addToResourcePolicy(new iam.PolicyStatement({ principals: [new iam.ServicePrincipal('cloudtrail.amazonaws.com')], actions: ['kms:GenerateDataKey*', 'kms:Decrypt'], resources: ['*'] }));
      },
    },
  ],
};
