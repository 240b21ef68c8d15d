import { aws_dms as dms, aws_secretsmanager as secretsmanager, CfnParameter, Stack } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

const ROLE = 'arn:aws:iam::111111111111:role/dms-secrets';

/** An on-premises SQL Server source whose login is in Secrets Manager (the host is in the secret). */
function onPremSource(s: Stack, sslMode?: string): dms.CfnEndpoint {
  const login = new secretsmanager.Secret(s, 'Login', { generateSecretString: { secretStringTemplate: JSON.stringify({ username: 'dms', host: 'sql01.corp.example.com', port: 1433 }), generateStringKey: 'password' } });
  return new dms.CfnEndpoint(s, 'Source', {
    endpointType: 'source', engineName: 'sqlserver', databaseName: 'Sales',
    ...(sslMode !== undefined ? { sslMode } : {}),
    microsoftSqlServerSettings: { secretsManagerSecretId: login.secretArn, secretsManagerAccessRoleArn: ROLE },
  });
}

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'L1 SSL mode from a parameter (unverifiable)',
      build: (app) => { const s = stackIn(app, 'S'); onPremSource(s, new CfnParameter(s, 'Mode').valueAsString); },
      reason: /SslMode/,
    },
  ],
  notShown: [
    { name: 'L1 on-premises SQL Server source left at SslMode none (DMS\'s default), login in an L2 secret', build: (app) => { onPremSource(stackIn(app, 'S')); }, reason: /the sqlserver endpoint connects without TLS \(SslMode not set, none by default\)/ },
    {
      name: 'L1 MySQL source by literal host with SslMode none',
      build: (app) => { new dms.CfnEndpoint(stackIn(app, 'S'), 'Src', { endpointType: 'source', engineName: 'mysql', serverName: '203.0.113.10', port: 3306, username: 'dms', password: '{{resolve:secretsmanager:mysql:SecretString:password}}', sslMode: 'none' }); },
      reason: /the mysql endpoint connects without TLS \(SslMode 'none'\)/,
    },
    {
      name: 'L1 Redis target in plaintext; L1 Kafka target without a security protocol',
      build: (app) => {
        const s = stackIn(app, 'S');
        new dms.CfnEndpoint(s, 'Redis', { endpointType: 'target', engineName: 'redis', redisSettings: { serverName: 'cache.example.com', port: 6379, sslSecurityProtocol: 'plaintext' } });
        new dms.CfnEndpoint(s, 'Kafka', { endpointType: 'target', engineName: 'kafka', kafkaSettings: { broker: 'kafka.example.com:9092', topic: 'cdc' } });
      },
      reason: /the (redis|kafka) endpoint connects without TLS/,
    },
  ],
  compliant: [
    { name: 'L1 on-premises SQL Server source with SslMode require, login in an L2 secret', build: (app) => { onPremSource(stackIn(app, 'S'), 'require'); } },
    {
      name: 'AWS service targets over HTTPS (S3, Kinesis, DynamoDB); Redis left at its ssl-encryption default; Kafka over sasl-ssl; PostgreSQL verify-full',
      build: (app) => {
        const s = stackIn(app, 'S');
        new dms.CfnEndpoint(s, 'Lake', { endpointType: 'target', engineName: 's3', s3Settings: { bucketName: 'landing', serviceAccessRoleArn: ROLE } });
        new dms.CfnEndpoint(s, 'Stream', { endpointType: 'target', engineName: 'kinesis', kinesisSettings: { streamArn: 'arn:aws:kinesis:eu-west-1:111111111111:stream/cdc', serviceAccessRoleArn: ROLE, messageFormat: 'json' } });
        new dms.CfnEndpoint(s, 'Table', { endpointType: 'target', engineName: 'dynamodb', dynamoDbSettings: { serviceAccessRoleArn: ROLE } });
        new dms.CfnEndpoint(s, 'Redis', { endpointType: 'target', engineName: 'redis', redisSettings: { serverName: 'cache.example.com', port: 6379 } });
        new dms.CfnEndpoint(s, 'Kafka', { endpointType: 'target', engineName: 'kafka', kafkaSettings: { broker: 'kafka.example.com:9096', topic: 'cdc', securityProtocol: 'sasl-ssl' } });
        new dms.CfnEndpoint(s, 'Pg', { endpointType: 'source', engineName: 'postgres', serverName: 'pg.corp.example.com', port: 5432, databaseName: 'app', sslMode: 'verify-full', certificateArn: 'arn:aws:dms:eu-west-1:111111111111:cert:CORP' });
      },
    },
  ],
};
