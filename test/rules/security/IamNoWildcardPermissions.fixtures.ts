import { aws_iam as iam, aws_s3 as s3, aws_sqs as sqs, CfnParameter } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

const assumedBy = new iam.ServicePrincipal('lambda.amazonaws.com');

export const fixtures: RuleFixtures = {
  noncompliant: [
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
      reason: /could not verify the resource of statement 0: its value is not known at synth \(Ref\)/,
    },
  ],
  compliant: [
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
