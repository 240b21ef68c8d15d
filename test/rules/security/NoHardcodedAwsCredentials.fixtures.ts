import { aws_directoryservice as ds, aws_ec2 as ec2, aws_ecs as ecs, aws_iam as iam, aws_lambda as lambda, aws_rds as rds, aws_secretsmanager as sm, CfnOutput, SecretValue, Stack } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

// The AWS documentation's example credentials: shaped like real ones, valid nowhere.
const KEY_ID = 'AKIAIOSFODNN7EXAMPLE';

const fn = (s: Stack, environment: { [k: string]: string }) =>
  new lambda.Function(s, 'Fn', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => {}'), environment });
const server = (s: Stack, commands: string[]) =>
  new ec2.CfnInstance(s, 'Server', { imageId: 'ami-0123456789abcdef0', userData: Buffer.from(`#!/bin/bash\n${commands.join('\n')}\n`).toString('base64') });

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'AWS_SECRET_ACCESS_KEY literal in an ECS container environment (L2)',
      build: (app) => {
        const td = new ecs.FargateTaskDefinition(stackIn(app, 'S'), 'Td');
        td.addContainer('Sync', { image: ecs.ContainerImage.fromRegistry('amazon/aws-cli'), environment: { AWS_REGION: 'eu-west-1', AWS_SECRET_ACCESS_KEY: 'not-a-real-key-but-a-literal' } });
      },
      reason: /AWS_SECRET_ACCESS_KEY has a literal value 'not-…'/,
    },
    { name: 'user data writing an access key id into the CLI configuration (L1)', build: (app) => { server(stackIn(app, 'S'), ['aws configure set aws_access_key_id ' + KEY_ID]); }, reason: /UserData contains an AWS access key id 'AKIA…'/ },
    {
      name: 'stack output of an IAM access key\'s secret (L2 AccessKey)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const key = new iam.AccessKey(s, 'Key', { user: new iam.User(s, 'Uploader') });
        new CfnOutput(s, 'UploaderSecret', { value: key.secretAccessKey.unsafeUnwrap() });
      },
      reason: /UploaderSecret is the SecretAccessKey of S\/Key\/Resource \(AWS::IAM::AccessKey\)/,
    },
    {
      name: 'IAM user with a literal console password (L2)',
      build: (app) => { new iam.User(stackIn(app, 'S'), 'Operator', { password: SecretValue.unsafePlainText('Welcome-2026!') }); },
      reason: /LoginProfile\/Password is a literal value 'Welc…'/,
    },
  ],
  compliant: [
    {
      name: 'a database password, a directory password and a connection string: credentials, but not used with AWS',
      build: (app) => {
        const s = stackIn(app, 'S');
        const vpc = new ec2.Vpc(s, 'V', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'db', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
        new rds.DatabaseInstance(s, 'Db', {
          engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }), vpc, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
          credentials: rds.Credentials.fromPassword('app', SecretValue.unsafePlainText('Sup3r-S3cret!')),
        });
        new ds.CfnMicrosoftAD(s, 'Directory', { name: 'corp.example.com', password: 'Corp!Admin2024', vpcSettings: { vpcId: vpc.vpcId, subnetIds: vpc.isolatedSubnets.map((x) => x.subnetId) } });
        server(s, ['echo "DB_PASSWORD=Sup3r-S3cret!" >> /etc/app.env', 'echo "ConnectionStrings__Orders=Server=db;User Id=sa;Password=Sql!2024;" >> /etc/app.env']);
      },
    },
    {
      name: 'an access key kept in Secrets Manager, its ARN passed to a function (L2)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const key = new iam.AccessKey(s, 'Key', { user: new iam.User(s, 'Uploader') });
        const secret = new sm.Secret(s, 'UploaderKey', { secretObjectValue: { accessKeyId: SecretValue.unsafePlainText(key.accessKeyId), secretAccessKey: key.secretAccessKey } });
        fn(s, { UPLOADER_KEY_SECRET_ARN: secret.secretArn });
      },
    },
  ],
};
