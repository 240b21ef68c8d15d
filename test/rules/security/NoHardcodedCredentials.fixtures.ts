import { aws_codebuild as codebuild, aws_ec2 as ec2, aws_ecs as ecs, aws_lambda as lambda, aws_secretsmanager as sm, aws_ssm as ssm, CfnOutput, Fn, Stack } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

// The AWS documentation's example credentials: shaped like real ones, valid nowhere.
const KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

const fn = (s: Stack, environment: { [k: string]: string }) =>
  new lambda.Function(s, 'Fn', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => {}'), environment });

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'DB_PASSWORD literal in a Lambda environment (L2)', build: (app) => { fn(stackIn(app, 'S'), { DB_PASSWORD: 'hunter2-prod' }); }, reason: /DB_PASSWORD has a literal value 'hunt…' \(12 characters\)/ },
    { name: 'access key id in an innocently named variable', build: (app) => { fn(stackIn(app, 'S'), { UPLOAD_CONFIG: `id=${KEY_ID}` }); }, reason: /UPLOAD_CONFIG contains an AWS access key id 'AKIA…' \(20 characters\)/ },
    {
      name: 'API key in an ECS container environment (L2)',
      build: (app) => {
        const td = new ecs.FargateTaskDefinition(stackIn(app, 'S'), 'Td');
        td.addContainer('App', { image: ecs.ContainerImage.fromRegistry('nginx'), environment: { STRIPE_API_KEY: 'sk_live_51H8exampleexample' } });
      },
      reason: /STRIPE_API_KEY has a literal value/,
    },
    {
      name: 'secret access key in plain-text CodeBuild variable (L1)',
      build: (app) => {
        new codebuild.CfnProject(stackIn(app, 'S'), 'P', {
          artifacts: { type: 'NO_ARTIFACTS' }, serviceRole: 'arn:aws:iam::111111111111:role/cb', source: { type: 'NO_SOURCE', buildSpec: 'version: 0.2' },
          environment: { type: 'LINUX_CONTAINER', image: 'aws/codebuild/standard:7.0', computeType: 'BUILD_GENERAL1_SMALL', environmentVariables: [{ name: 'AWS_SECRET_ACCESS_KEY', value: SECRET_KEY }] },
        });
      },
      reason: /AWS_SECRET_ACCESS_KEY has a literal value 'wJal…' \(40 characters\)/,
    },
    {
      name: 'credentials written by instance user data (L2 Instance, Fn::Base64)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const vpc = new ec2.Vpc(s, 'V', { maxAzs: 1, natGateways: 0 });
        const userData = ec2.UserData.forLinux();
        userData.addCommands('mkdir -p ~/.aws', `echo "aws_secret_access_key = ${SECRET_KEY}" >> ~/.aws/credentials`);
        new ec2.Instance(s, 'I', { vpc, instanceType: new ec2.InstanceType('t3.micro'), machineImage: ec2.MachineImage.latestAmazonLinux2023(), userData });
      },
      reason: /UserData contains an AWS secret access key/,
    },
    {
      name: 'password in launch template user data given as a base64 literal (L1)',
      build: (app) => {
        new ec2.CfnLaunchTemplate(stackIn(app, 'S'), 'Lt', { launchTemplateData: { userData: Buffer.from('#!/bin/bash\nexport MYSQL_PASSWORD=s3cr3t-Value\n').toString('base64') } });
      },
      reason: /UserData contains a literal value for MYSQL_PASSWORD/,
    },
    {
      name: 'Fn::Join user data with a private key part',
      build: (app) => {
        new ec2.CfnInstance(stackIn(app, 'S'), 'I', { imageId: 'ami-12345678', userData: Fn.base64(Fn.join('', ['#!/bin/bash\ncat > /etc/app.key <<EOF\n-----BEGIN RSA PRIVATE KEY-----\nMIIE...\nEOF\n', Fn.ref('AWS::Region')])) });
      },
      reason: /UserData contains a PEM private key/,
    },
    { name: 'stack output holding an access key id', build: (app) => { new CfnOutput(stackIn(app, 'S'), 'UploadUserKeyId', { value: KEY_ID }); }, reason: /UploadUserKeyId contains an AWS access key id 'AKIA…'/ },
    { name: 'stack output named like a password with a literal value', build: (app) => { new CfnOutput(stackIn(app, 'S'), 'AdminPassword', { value: 'Welcome-2026!' }); }, reason: /AdminPassword has a literal value 'Welc…'/ },
    {
      name: 'stack output whose Fn::Join carries a secret access key',
      build: (app) => { new CfnOutput(stackIn(app, 'S'), 'Creds', { value: Fn.join('', ['aws_secret_access_key = ', SECRET_KEY, ' region=', Fn.ref('AWS::Region')]) }); },
      reason: /Creds contains an AWS secret access key/,
    },
    { name: 'SSM String parameter holding an access key id', build: (app) => { new ssm.StringParameter(stackIn(app, 'S'), 'P', { parameterName: '/ci/upload-user', stringValue: KEY_ID }); }, reason: /\/ci\/upload-user contains an AWS access key id/ },
  ],
  compliant: [
    {
      name: 'secrets passed as references (L2: Lambda, ECS secrets, user data reading Secrets Manager)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const secret = new sm.Secret(s, 'Db');
        fn(s, { DB_SECRET_ARN: secret.secretArn, DB_PASSWORD: secret.secretValueFromJson('password').unsafeUnwrap(), TOKEN_TTL: '3600', USE_TOKEN: 'true' });
        const td = new ecs.FargateTaskDefinition(s, 'Td');
        td.addContainer('App', { image: ecs.ContainerImage.fromRegistry('nginx'), secrets: { DB_PASSWORD: ecs.Secret.fromSecretsManager(secret, 'password') }, environment: { LOG_LEVEL: 'info' } });
        const vpc = new ec2.Vpc(s, 'V', { maxAzs: 1, natGateways: 0 });
        const userData = ec2.UserData.forLinux();
        userData.addCommands('export DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id prod/db --query SecretString --output text)');
        new ec2.Instance(s, 'I', { vpc, instanceType: new ec2.InstanceType('t3.micro'), machineImage: ec2.MachineImage.latestAmazonLinux2023(), userData });
      },
    },
    {
      name: 'CodeBuild variable from Secrets Manager and an SSM parameter holding an ARN (L1)',
      build: (app) => {
        const s = stackIn(app, 'S');
        new codebuild.CfnProject(s, 'P', {
          artifacts: { type: 'NO_ARTIFACTS' }, serviceRole: 'arn:aws:iam::111111111111:role/cb', source: { type: 'NO_SOURCE', buildSpec: 'version: 0.2' },
          environment: { type: 'LINUX_CONTAINER', image: 'aws/codebuild/standard:7.0', computeType: 'BUILD_GENERAL1_SMALL', environmentVariables: [{ name: 'NPM_TOKEN', type: 'SECRETS_MANAGER', value: 'ci/npm:token' }] },
        });
        new ssm.CfnParameter(s, 'Arn', { name: '/app/db/secret-arn', type: 'String', value: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:db-AbCdEf' });
      },
    },
    {
      name: 'stack outputs of references, names and numbers (the secret itself is not output)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const secret = new sm.Secret(s, 'Db');
        new CfnOutput(s, 'DbPasswordSecretArn', { value: secret.secretArn });
        new CfnOutput(s, 'TokenTtlSeconds', { value: '3600' });
        new CfnOutput(s, 'BucketName', { value: 'app-artifacts-111111111111' });
      },
    },
  ],
};
