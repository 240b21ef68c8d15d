import { aws_iam as iam, CfnParameter } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

const policy = (statement: object) => (app: any) => {
  new iam.CfnManagedPolicy(stackIn(app, 'S'), 'P', { policyDocument: { Statement: [statement] } });
};

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: "iam:PassRole on '*' (L2)",
      build: (app) => {
        new iam.Role(stackIn(app, 'S'), 'R', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') })
          .addToPolicy(new iam.PolicyStatement({ actions: ['iam:PassRole'], resources: ['*'] }));
      },
      reason: /allows iam:PassRole \(iam:PassRole\) on '\*'/,
    },
    {
      name: 'iam:Pass* on every role of the account, with a PassedToService condition',
      build: policy({ Effect: 'Allow', Action: 'iam:Pass*', Resource: 'arn:aws:iam::111111111111:role/*', Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } } }),
      reason: /\(iam:Pass\*\) on 'arn:aws:iam::111111111111:role\/\*'/,
    },
    { name: "NotAction that does not exclude PassRole on '*'", build: policy({ Effect: 'Allow', NotAction: ['s3:*'], Resource: '*' }), reason: /NotAction without iam:PassRole/ },
    {
      name: 'PassRole on a role ARN given as a parameter (unverifiable)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const arn = new CfnParameter(s, 'RoleArn');
        new iam.CfnManagedPolicy(s, 'P', { policyDocument: { Statement: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: arn.valueAsString }] } });
      },
      reason: /could not verify the roles statement 0 may pass.*\(parameter RoleArn of stack S\)/,
    },
  ],
  compliant: [
    {
      name: 'grantPassRole on one role (L2)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const passed = new iam.Role(s, 'Passed', { assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com') });
        passed.grantPassRole(new iam.Role(s, 'Launcher', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') }));
      },
    },
    { name: 'PassRole on a literal role ARN (L1)', build: policy({ Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111111111111:role/app-instance' }) },
  ],
};
