import { aws_iam as iam, aws_s3 as s3, aws_sqs as sqs, CfnCondition, CfnOutput, CfnParameter, Fn } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

const assumedBy = new iam.ServicePrincipal('lambda.amazonaws.com');

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 's3:GetObject on every object of every bucket (arn:aws:s3:::*/*, L2)',
      build: (app) => {
        new iam.Role(stackIn(app, 'S'), 'R', { assumedBy }).addToPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::*/*'] }));
      },
      reason: /statement 0 allows 's3:GetObject' on 'arn:aws:s3:::\*\/\*', every such resource of every account/,
    },
    {
      name: 'log writes on every log group of every account and region (the hand-written arn:aws:logs:*:*:*)',
      build: (app) => {
        new iam.CfnManagedPolicy(stackIn(app, 'S'), 'P', { policyDocument: { Statement: [{ Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: 'arn:aws:logs:*:*:*' }] } });
      },
      reason: /allows 'logs:CreateLogStream', 'logs:PutLogEvents' on 'arn:aws:logs:\*:\*:\*'/,
    },
    {
      name: "s3:* on '*' added to a role (L2)",
      build: (app) => {
        new iam.Role(stackIn(app, 'S'), 'R', { assumedBy }).addToPolicy(new iam.PolicyStatement({ actions: ['s3:*'], resources: ['*'] }));
      },
      reason: /statement 0 allows 's3:\*' on Resource '\*'/,
    },
    {
      name: "Action '*' in an inline role policy (L1)",
      build: (app) => {
        new iam.CfnRole(stackIn(app, 'S'), 'R', {
          assumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
          policies: [{ policyName: 'admin', policyDocument: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }],
        });
      },
      reason: /allows '\*' on Resource '\*'/,
    },
    {
      name: "NotAction on '*' in a managed policy",
      build: (app) => {
        new iam.CfnManagedPolicy(stackIn(app, 'S'), 'P', { policyDocument: { Statement: [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }] } });
      },
      reason: /every action except iam:\* \(NotAction\)/,
    },
    {
      name: "sqs:* on '*' in a queue policy",
      build: (app) => {
        const s = stackIn(app, 'S');
        const q = new sqs.CfnQueue(s, 'Q', {});
        new sqs.CfnQueuePolicy(s, 'QP', { queues: [q.ref], policyDocument: { Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'sqs:*', Resource: '*' }] } });
      },
      reason: /'sqs:\*' on Resource '\*'/,
    },
    {
      name: 'wildcard action on a resource given as a parameter (unverifiable)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const target = new CfnParameter(s, 'Target');
        new iam.CfnPolicy(s, 'P', { policyName: 'p', roles: ['r'], policyDocument: { Statement: [{ Effect: 'Allow', Action: 'dynamodb:*', Resource: target.valueAsString }] } });
      },
      reason: /could not verify the resource of statement 0: its value is not known at synth \(parameter Target of stack S\)/,
    },
    {
      name: "s3:* on every bucket of every account (arn:aws:s3:::*), not a literal '*' (L2)",
      build: (app) => {
        new iam.Role(stackIn(app, 'S'), 'R', { assumedBy }).addToPolicy(new iam.PolicyStatement({ actions: ['s3:*'], resources: ['arn:aws:s3:::*', 'arn:aws:s3:::*/*'] }));
      },
      reason: /statement 0 allows 's3:\*' on Resource 'arn:aws:s3:::\*'/,
    },
    {
      name: 'dynamodb:* on every table of every account in any partition (Fn::Sub of AWS::Partition, environment-agnostic stack)',
      build: (app) => {
        new iam.Role(stackIn(app, 'S'), 'R', { assumedBy }).addToPolicy(new iam.PolicyStatement({ actions: ['dynamodb:*'], resources: [Fn.sub('arn:${AWS::Partition}:dynamodb:*:*:table/*')] }));
      },
      reason: /allows 'dynamodb:\*' on Resource 'arn:\$\{AWS::Partition\}:dynamodb:\*:\*:table\/\*'/,
    },
    {
      name: "Fn::If: one branch grants ec2:* on '*' (every branch must comply)",
      build: (app) => {
        const s = stackIn(app, 'S');
        const env = new CfnParameter(s, 'Env');
        const prod = new CfnCondition(s, 'IsProd', { expression: Fn.conditionEquals(env.valueAsString, 'prod') });
        new iam.Role(s, 'R', { assumedBy }).addToPolicy(new iam.PolicyStatement({ actions: ['ec2:*'], resources: [Fn.conditionIf(prod.logicalId, 'arn:aws:ec2:eu-west-1:111111111111:instance/i-0123456789abcdef0', '*').toString()] }));
      },
      reason: /allows 'ec2:\*' on Resource '\*'/,
    },
    {
      name: 'the resource is imported from another stack, whose export is every object of every bucket',
      build: (app) => {
        new CfnOutput(stackIn(app, 'Shared'), 'AllObjects', { value: 'arn:aws:s3:::*/*', exportName: 'AllObjects' });
        new iam.Role(stackIn(app, 'S'), 'R', { assumedBy }).addToPolicy(new iam.PolicyStatement({ actions: ['s3:*'], resources: [Fn.importValue('AllObjects')] }));
      },
      reason: /allows 's3:\*' on Resource 'arn:aws:s3:::\*\/\*'/,
    },
  ],
  compliant: [
    {
      name: 'actions without resource-level permissions on an ARN pattern, and a role pattern narrowed by a resource tag (CDK Pipelines style)',
      build: (app) => {
        const role = new iam.Role(stackIn(app, 'S'), 'R', { assumedBy });
        role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:ListAllMyBuckets'], resources: ['arn:aws:s3:::*'] }));
        role.addToPolicy(new iam.PolicyStatement({ actions: ['sts:AssumeRole'], resources: ['arn:*:iam::*:role/*'], conditions: { 'ForAnyValue:StringEquals': { 'iam:ResourceTag/aws-cdk:bootstrap-role': ['deploy'] } } }));
      },
    },
    {
      name: 'service-wide actions on named resources: one table in an account, objects of one bucket imported from another stack',
      build: (app) => {
        const shared = stackIn(app, 'Shared');
        const bucket = new s3.Bucket(shared, 'Data');
        new CfnOutput(shared, 'DataArn', { value: bucket.bucketArn, exportName: 'DataArn' });
        const role = new iam.Role(stackIn(app, 'S'), 'R', { assumedBy });
        role.addToPolicy(new iam.PolicyStatement({ actions: ['dynamodb:*'], resources: [Fn.sub('arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/Orders')] }));
        role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:*'], resources: [Fn.join('', [Fn.importValue('DataArn'), '/*'])] }));
      },
    },
    {
      name: 'grant methods and specific actions on * (L2)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const role = new iam.Role(s, 'R', { assumedBy });
        new s3.Bucket(s, 'B').grantReadWrite(role);
        role.addToPolicy(new iam.PolicyStatement({ actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], resources: ['*'] }));
      },
    },
    {
      name: "s3:* scoped to one bucket, and a Deny on '*' (L1)",
      build: (app) => {
        new iam.CfnManagedPolicy(stackIn(app, 'S'), 'P', {
          policyDocument: {
            Statement: [
              { Effect: 'Allow', Action: 's3:*', Resource: ['arn:aws:s3:::my-bucket', 'arn:aws:s3:::my-bucket/*'] },
              { Effect: 'Deny', Action: '*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
            ],
          },
        });
      },
    },
  ],
};
