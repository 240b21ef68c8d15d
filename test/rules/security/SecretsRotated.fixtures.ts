import { App, aws_secretsmanager as sm, Fn } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'secret without rotation (L2)', build: (app: App) => { new sm.Secret(stackIn(app, 'S'), 'Sec'); }, reason: /no AWS::SecretsManager::RotationSchedule/ },
    {
      name: 'rotation schedule rotates another secret',
      build: (app) => {
        const s = stackIn(app, 'S');
        new sm.CfnSecret(s, 'Unrotated', { name: 'app/unrotated' });
        const other = new sm.CfnSecret(s, 'Rotated', { name: 'app/rotated' });
        new sm.CfnRotationSchedule(s, 'Rot', { secretId: other.ref, rotationLambdaArn: 'arn:aws:lambda:eu-west-1:111111111111:function:rotate', rotationRules: { automaticallyAfterDays: 30 } });
      },
      reason: /no AWS::SecretsManager::RotationSchedule/,
    },
    {
      name: 'a schedule of the stack targets an imported secret id (unverifiable)',
      build: (app) => {
        const s = stackIn(app, 'S');
        new sm.CfnSecret(s, 'Sec', {});
        new sm.CfnRotationSchedule(s, 'Rot', { secretId: Fn.importValue('SecretArn'), hostedRotationLambda: { rotationType: 'MySQLSingleUser' } });
      },
      reason: /could not verify whether rotation schedule .*Rot.* rotates this secret.*Fn::ImportValue/,
    },
  ],
  compliant: [
    {
      name: 'hosted rotation (L2 addRotationSchedule)',
      build: (app) => {
        new sm.Secret(stackIn(app, 'S'), 'Sec').addRotationSchedule('Rot', { hostedRotation: sm.HostedRotation.mysqlSingleUser() });
      },
    },
    {
      name: 'schedule names the secret by its literal name (L1)',
      build: (app) => {
        const s = stackIn(app, 'S');
        new sm.CfnSecret(s, 'Sec', { name: 'app/db' });
        new sm.CfnRotationSchedule(s, 'Rot', { secretId: 'app/db', rotationLambdaArn: 'arn:aws:lambda:eu-west-1:111111111111:function:rotate' });
      },
    },
    {
      name: 'schedule names the secret by its ARN (L1)',
      build: (app) => {
        const s = stackIn(app, 'S');
        new sm.CfnSecret(s, 'Sec', { name: 'app/api' });
        new sm.CfnRotationSchedule(s, 'Rot', { secretId: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:app/api-AbCdEf', rotationLambdaArn: 'arn:aws:lambda:eu-west-1:111111111111:function:rotate' });
      },
    },
  ],
};
