import { aws_ec2 as ec2, aws_ecs as ecs, aws_iam as iam, aws_rds as rds, aws_secretsmanager as sm, aws_ssm as ssm, CfnOutput, Stack } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

const vpcOf = (s: Stack) => new ec2.Vpc(s, 'V', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'db', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
const engine = rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 });

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'a literal master password (L1)',
      build: (app) => { new rds.CfnDBInstance(stackIn(app, 'S'), 'Db', { engine: 'mysql', dbInstanceClass: 'db.t4g.micro', allocatedStorage: '20', masterUsername: 'admin', masterUserPassword: 'Sup3rS3cret!' }); },
      reason: /MasterUserPassword is a literal value 'Sup3…'.*not encrypted at rest/,
    },
    {
      name: 'a connection string with its password in a container variable (L2 task definition)',
      build: (app) => {
        const task = new ecs.FargateTaskDefinition(stackIn(app, 'S'), 'Task');
        task.addContainer('api', { image: ecs.ContainerImage.fromRegistry('partner/api'), environment: { ConnectionStrings__Orders: 'Server=sql;Database=orders;User Id=app;Password=Pa55w0rd!;' } });
      },
      reason: /ConnectionStrings__Orders contains a literal connection string Password 'Pa55…'.*kept in clear/,
    },
    {
      name: "an access key's secret in a stack output (L2 AccessKey)",
      build: (app) => {
        const s = stackIn(app, 'S');
        const key = new iam.AccessKey(s, 'Key', { user: new iam.User(s, 'Ci') });
        new CfnOutput(s, 'CiSecret', { value: key.secretAccessKey.unsafeUnwrap() });
      },
      reason: /is the SecretAccessKey of S\/Key\/Resource/,
    },
  ],
  compliant: [
    {
      name: 'a generated master password and a container secret, both in Secrets Manager; configuration that holds no credential is not read (L2)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const db = new rds.DatabaseInstance(s, 'Db', { engine, vpc: vpcOf(s), vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED }, credentials: rds.Credentials.fromGeneratedSecret('app') });
        const task = new ecs.FargateTaskDefinition(s, 'Task');
        task.addContainer('api', { image: ecs.ContainerImage.fromRegistry('partner/api'), environment: { LOG_LEVEL: 'info' }, secrets: { DB_PASSWORD: ecs.Secret.fromSecretsManager(db.secret!, 'password') } });
        new ssm.StringParameter(s, 'Config', { parameterName: '/app/log-level', stringValue: 'info' });
        new sm.Secret(s, 'ApiKey', { generateSecretString: {} });
      },
    },
  ],
};
