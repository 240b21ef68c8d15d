import { aws_ec2 as ec2, aws_ecs as ecs, aws_iam as iam, aws_secretsmanager as sm, CfnOutput, SecretValue, Stack } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

const uploaderKey = (s: Stack) => new iam.AccessKey(s, 'Key', { user: new iam.User(s, 'Uploader') });

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'an IAM access key\'s secret in a stack output (L2 AccessKey)',
      build: (app) => { const s = stackIn(app, 'S'); new CfnOutput(s, 'UploaderSecret', { value: uploaderKey(s).secretAccessKey.unsafeUnwrap() }); },
      reason: /UploaderSecret is the SecretAccessKey of S\/Key\/Resource .*: written into the template, the credential is kept in clear/,
    },
    {
      name: 'an IAM user with a literal console password (L2)',
      build: (app) => { new iam.User(stackIn(app, 'S'), 'Operator', { password: SecretValue.unsafePlainText('Welcome-2026!') }); },
      reason: /LoginProfile\/Password is a literal value 'Welc…' \(13 characters\): written into the template, the credential is kept in clear/,
    },
  ],
  compliant: [
    {
      name: 'an access key kept in Secrets Manager and read by a container as a secret (L2); a literal database password beside them is not one used with AWS',
      build: (app) => {
        const s = stackIn(app, 'S');
        const key = uploaderKey(s);
        const secret = new sm.Secret(s, 'UploaderKey', { secretObjectValue: { accessKeyId: SecretValue.unsafePlainText(key.accessKeyId), secretAccessKey: key.secretAccessKey } });
        const td = new ecs.FargateTaskDefinition(s, 'Td');
        td.addContainer('Sync', { image: ecs.ContainerImage.fromRegistry('amazon/aws-cli'), secrets: { AWS_SECRET_ACCESS_KEY: ecs.Secret.fromSecretsManager(secret, 'secretAccessKey') } });
        new ec2.CfnInstance(s, 'Server', { imageId: 'ami-0123456789abcdef0', userData: Buffer.from('#!/bin/bash\necho "DB_PASSWORD=Sup3r-S3cret!" >> /etc/app.env\n').toString('base64') });
      },
    },
  ],
};
