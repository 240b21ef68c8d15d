import { App, aws_ec2 as ec2, aws_rds as rds, aws_secretsmanager as sm, Fn, NestedStack } from 'aws-cdk-lib';
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
      name: 'RDS instance rotated with addRotationSingleUser (the schedule names the secret through its target attachment, L2)',
      build: (app) => {
        const s = stackIn(app, 'S', '111111111111');
        const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2, natGateways: 0 });
        const db = new rds.DatabaseInstance(s, 'Db', {
          engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
          vpc,
          vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
        });
        db.addRotationSingleUser();
      },
    },
    {
      name: 'rotation schedule -> secret target attachment -> secret (L1 chain)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const secret = new sm.CfnSecret(s, 'Sec', {});
        const attachment = new sm.CfnSecretTargetAttachment(s, 'Attachment', { secretId: secret.ref, targetId: 'db-1', targetType: 'AWS::RDS::DBInstance' });
        new sm.CfnRotationSchedule(s, 'Rot', { secretId: attachment.ref, hostedRotationLambda: { rotationType: 'PostgreSQLSingleUser' } });
      },
    },
    {
      name: 'the schedule is in another stack and imports the secret, or in a nested stack that gets it as a parameter',
      build: (app) => {
        const data = stackIn(app, 'Data', '111111111111');
        const secret = new sm.Secret(data, 'Sec');
        const nested = new NestedStack(data, 'Rotation');
        new sm.CfnRotationSchedule(nested, 'Rot', { secretId: secret.secretArn, hostedRotationLambda: { rotationType: 'MySQLSingleUser' } });
        const other = new sm.Secret(data, 'Other');
        new sm.CfnRotationSchedule(stackIn(app, 'Ops', '111111111111'), 'Rot', { secretId: other.secretArn, hostedRotationLambda: { rotationType: 'MySQLSingleUser' } });
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
