import { aws_iam as iam, aws_rds as rds, aws_ssm as ssm, CfnParameter, Fn } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'password in a String parameter (L2)', build: (app) => { new ssm.StringParameter(stackIn(app, 'S'), 'P', { parameterName: '/app/db/password', stringValue: 'x' }); }, reason: /plain-text String but its name \/app\/db\/password looks secret/ },
    {
      name: 'secret described in the description, generated name (L1)',
      build: (app) => { new ssm.CfnParameter(stackIn(app, 'S'), 'P', { type: 'StringList', value: 'a,b', description: 'API tokens of the partner feed' }); },
      reason: /plain-text StringList but its description 'API tokens of the partner feed' looks secret/,
    },
    { name: 'secret-ish logical id when CloudFormation names the parameter', build: (app) => { new ssm.CfnParameter(stackIn(app, 'S'), 'ApiKey', { type: 'String', value: 'x' }); }, reason: /its name ApiKey looks secret/ },
    {
      name: 'type from a template parameter (unverifiable)',
      build: (app) => {
        const s = stackIn(app, 'S');
        new ssm.CfnParameter(s, 'P', { name: '/app/token', type: new CfnParameter(s, 'ParamType').valueAsString, value: 'x' });
      },
      reason: /could not verify the type of a parameter whose name \/app\/token looks secret.*\(parameter ParamType of stack S\)/,
    },
    {
      name: 'a String parameter with an innocent name holding a connection string with its password (L2)',
      build: (app) => { new ssm.StringParameter(stackIn(app, 'S'), 'P', { parameterName: '/app/config/database', stringValue: 'Server=sql.internal;Database=orders;User Id=app;Password=Pa55w0rd!;' }); },
      reason: /plain-text String but its value contains a literal connection string Password 'Pa55…'/,
    },
    {
      name: "a String parameter holding an access key's secret (L2 AccessKey.secretAccessKey)",
      build: (app) => {
        const s = stackIn(app, 'S');
        const key = new iam.AccessKey(s, 'Key', { user: new iam.User(s, 'Uploader') });
        new ssm.StringParameter(s, 'P', { parameterName: '/ci/uploader', stringValue: key.secretAccessKey.unsafeUnwrap() });
      },
      reason: /its value is the SecretAccessKey of S\/Key\/Resource/,
    },
    {
      name: 'a database master password read from a plain-text String parameter ({{resolve:ssm:...}}, L1)',
      build: (app) => { new rds.CfnDBCluster(stackIn(app, 'S'), 'Cluster', { engine: 'aurora-postgresql', masterUsername: 'app', masterUserPassword: '{{resolve:ssm:/orders/db/master}}' }); },
      reason: /MasterUserPassword is read from the plain-text SSM parameter \/orders\/db\/master/,
    },
  ],
  compliant: [
    {
      name: 'credentials read from SecureString parameters and secrets, and a String parameter with a connection string without password',
      build: (app) => {
        const s = stackIn(app, 'S');
        new rds.CfnDBCluster(s, 'Cluster', { engine: 'aurora-postgresql', masterUsername: 'app', masterUserPassword: '{{resolve:ssm-secure:/orders/db/master:3}}' });
        new rds.CfnDBCluster(s, 'Reporting', { engine: 'aurora-postgresql', masterUsername: 'app', masterUserPassword: Fn.join('', ['{{resolve:secretsmanager:', 'reporting/db', ':SecretString:password::}}']) });
        // Parameters that hold no credential are not read (they show nothing about how credentials are stored).
        new ssm.StringParameter(s, 'P', { parameterName: '/app/config/database', stringValue: 'Server=sql.internal;Database=orders;Integrated Security=true;' });
        new ssm.StringParameter(s, 'LogLevel', { parameterName: '/app/log-level', stringValue: 'info' });
        new ssm.CfnParameter(s, 'SecretArn', { name: '/app/db/secret-arn', type: 'String', value: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:db-AbCdEf' });
      },
    },
  ],
};
