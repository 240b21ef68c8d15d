import {
  aws_amazonmq as mq, aws_codebuild as codebuild, aws_directoryservice as ds, aws_ec2 as ec2, aws_ecs as ecs, aws_elasticache as elasticache, aws_fsx as fsx,
  aws_iam as iam, aws_lambda as lambda, aws_rds as rds, aws_secretsmanager as sm, aws_ssm as ssm, CfnCondition, CfnOutput, CfnParameter, Fn, NestedStack, SecretValue, Stack,
} from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

const vpcOf = (s: Stack) => new ec2.Vpc(s, 'V', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'db', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
const engine = rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 });

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
    {
      name: 'RDS master password given in plain text (L2 Credentials.fromPassword with SecretValue.unsafePlainText)',
      build: (app) => {
        const s = stackIn(app, 'S');
        new rds.DatabaseInstance(s, 'Db', { engine, vpc: vpcOf(s), vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED }, credentials: rds.Credentials.fromPassword('app', SecretValue.unsafePlainText('Sup3r-S3cret!')) });
      },
      reason: /MasterUserPassword is a literal value 'Sup3…' \(13 characters\)/,
    },
    {
      name: 'Managed Microsoft AD admin password from a template parameter without NoEcho (L1)',
      build: (app) => {
        const s = stackIn(app, 'S');
        new ds.CfnMicrosoftAD(s, 'Ad', { name: 'corp.example.com', password: new CfnParameter(s, 'AdminPassword').valueAsString, vpcSettings: { vpcId: 'vpc-12345678', subnetIds: ['subnet-1', 'subnet-2'] } });
      },
      reason: /Password is template parameter AdminPassword, which is not NoEcho/,
    },
    {
      name: 'FSx for Windows joined to a self-managed directory with a literal service account password (L1)',
      build: (app) => {
        new fsx.CfnFileSystem(stackIn(app, 'S'), 'Fs', {
          fileSystemType: 'WINDOWS', subnetIds: ['subnet-1'], storageCapacity: 32,
          windowsConfiguration: { throughputCapacity: 8, selfManagedActiveDirectoryConfiguration: { domainName: 'corp.example.com', userName: 'svc-fsx', password: 'Winter2026!', dnsIps: ['10.0.0.10'] } },
        });
      },
      reason: /WindowsConfiguration\/SelfManagedActiveDirectoryConfiguration\/Password is a literal value 'Wint…'/,
    },
    {
      name: 'ElastiCache AuthToken from a NoEcho parameter whose default is written in the template (L1)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const token = new CfnParameter(s, 'RedisToken', { noEcho: true, default: 'redis-token-0123456789' });
        new elasticache.CfnReplicationGroup(s, 'Redis', { replicationGroupDescription: 'sessions', engine: 'redis', cacheNodeType: 'cache.t4g.small', numCacheClusters: 2, transitEncryptionEnabled: true, authToken: token.valueAsString });
      },
      reason: /AuthToken is template parameter RedisToken, whose default is written in the template/,
    },
    {
      name: 'Amazon MQ broker user with a literal password (list path Users/*/Password, L1)',
      build: (app) => {
        new mq.CfnBroker(stackIn(app, 'S'), 'Mq', {
          brokerName: 'orders', engineType: 'ACTIVEMQ', engineVersion: '5.18', hostInstanceType: 'mq.t3.micro', deploymentMode: 'SINGLE_INSTANCE', publiclyAccessible: false, autoMinorVersionUpgrade: true,
          users: [{ username: 'app', password: 'correct-horse-battery' }],
        });
      },
      reason: /Users\/0\/Password is a literal value 'corr…'/,
    },
    {
      name: 'an ADO.NET connection string with its password in a Lambda environment variable whose name says nothing (L2)',
      build: (app) => { fn(stackIn(app, 'S'), { DB_CONNECTION: 'Server=sql.internal;Database=orders;User Id=app;Password=Pa55w0rd!;Encrypt=true;' }); },
      reason: /DB_CONNECTION contains a literal connection string Password 'Pa55…'/,
    },
    {
      name: 'a database URL with user:password@host in an ECS container environment (L2)',
      build: (app) => {
        const td = new ecs.FargateTaskDefinition(stackIn(app, 'S'), 'Td');
        td.addContainer('App', { image: ecs.ContainerImage.fromRegistry('nginx'), environment: { DATABASE_URL: 'postgres://app:hunter22@db.internal:5432/orders' } });
      },
      reason: /DATABASE_URL contains a literal password in a postgres:\/\/ URL 'hunt…'/,
    },
    {
      name: 'user data built with Fn::Sub exporting a password from a parameter without NoEcho (L1)',
      build: (app) => {
        const s = stackIn(app, 'S');
        new CfnParameter(s, 'DbPassword');
        new ec2.CfnInstance(s, 'I', { imageId: 'ami-12345678', userData: Fn.base64(Fn.sub('#!/bin/bash\nexport DB_PASSWORD=${DbPassword}\n/opt/app/start')) });
      },
      reason: /UserData contains value for DB_PASSWORD from template parameter DbPassword, which is not NoEcho/,
    },
    {
      name: "an access key's secret in a stack output (L2 AccessKey.secretAccessKey)",
      build: (app) => {
        const s = stackIn(app, 'S');
        const key = new iam.AccessKey(s, 'Key', { user: new iam.User(s, 'Uploader') });
        new CfnOutput(s, 'UploaderSecret', { value: key.secretAccessKey.unsafeUnwrap() });
      },
      reason: /UploaderSecret is the SecretAccessKey of S\/Key\/Resource \(AWS::IAM::AccessKey\)/,
    },
    {
      name: "a secret whose value is written in the template (L2 secretStringValue with unsafePlainText)",
      build: (app) => { new sm.Secret(stackIn(app, 'S'), 'ApiKey', { secretStringValue: SecretValue.unsafePlainText('sk_live_51H8exampleexample') }); },
      reason: /SecretString is written in the template: 'sk_l…'/,
    },
    {
      name: 'nested stack: the parent passes a literal password to the parameter the database reads',
      build: (app) => {
        const parent = stackIn(app, 'S');
        const nested = new NestedStack(parent, 'Data', { parameters: { MasterPassword: 'Passw0rd-in-parent' } });
        const pw = new CfnParameter(nested, 'MasterPassword', { noEcho: true });
        new rds.CfnDBCluster(nested, 'Cluster', { engine: 'aurora-postgresql', masterUsername: 'app', masterUserPassword: pw.valueAsString });
      },
      reason: /MasterUserPassword is a literal value 'Pass…'/,
    },
    {
      name: 'Fn::If: one branch of a VPN tunnel pre-shared key is a literal (L1)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const lab = new CfnCondition(s, 'Lab', { expression: Fn.conditionEquals(new CfnParameter(s, 'Env').valueAsString, 'lab') });
        new ec2.CfnVPNConnection(s, 'Vpn', {
          type: 'ipsec.1', customerGatewayId: 'cgw-12345678', vpnGatewayId: 'vgw-12345678',
          vpnTunnelOptionsSpecifications: [{ preSharedKey: Fn.conditionIf(lab.logicalId, 'lab_psk_12345678', Fn.ref('AWS::NoValue')).toString() }],
        });
      },
      reason: /VpnTunnelOptionsSpecifications\/0\/PreSharedKey is a literal value 'lab_…'/,
    },
  ],
  compliant: [
    {
      name: 'database, directory and cache credentials from Secrets Manager or NoEcho parameters (L2 generated secret, dynamic references, NoEcho without default)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const vpc = vpcOf(s);
        new rds.DatabaseInstance(s, 'Db', { engine, vpc, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED }, credentials: rds.Credentials.fromGeneratedSecret('app') });
        new rds.CfnDBCluster(s, 'Cluster', { engine: 'aurora-postgresql', masterUsername: 'app', manageMasterUserPassword: true });
        new ds.CfnMicrosoftAD(s, 'Ad', { name: 'corp.example.com', password: SecretValue.secretsManager('corp/ad-admin', { jsonField: 'password' }).unsafeUnwrap(), vpcSettings: { vpcId: 'vpc-12345678', subnetIds: ['subnet-1', 'subnet-2'] } });
        const token = new CfnParameter(s, 'RedisToken', { noEcho: true });
        new elasticache.CfnReplicationGroup(s, 'Redis', { replicationGroupDescription: 'sessions', engine: 'redis', cacheNodeType: 'cache.t4g.small', numCacheClusters: 2, transitEncryptionEnabled: true, authToken: token.valueAsString });
        new mq.CfnBroker(s, 'Mq', {
          brokerName: 'orders', engineType: 'ACTIVEMQ', engineVersion: '5.18', hostInstanceType: 'mq.t3.micro', deploymentMode: 'SINGLE_INSTANCE', publiclyAccessible: false, autoMinorVersionUpgrade: true,
          users: [{ username: 'app', password: SecretValue.ssmSecure('/mq/app-password').unsafeUnwrap() }],
        });
      },
    },
    {
      name: 'connection strings and URLs without a literal password, and a secret holding an access key (L2)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const db = new sm.Secret(s, 'Db');
        fn(s, {
          DB_CONNECTION: Fn.join('', ['Server=sql.internal;Database=orders;User Id=app;Password=', db.secretValueFromJson('password').unsafeUnwrap(), ';']),
          DATABASE_URL: 'postgres://app@db.internal:5432/orders',
          CACHE_URL: 'rediss://cache.internal:6380',
        });
        const key = new iam.AccessKey(s, 'Key', { user: new iam.User(s, 'Uploader') });
        new sm.Secret(s, 'UploaderKey', { secretStringValue: key.secretAccessKey });
      },
    },
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
