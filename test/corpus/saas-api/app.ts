/**
 * A multi-tenant SaaS API as the API Gateway, Cognito, AppSync and Secrets Manager examples write it: a Cognito
 * user pool (advanced security off, MFA optional) authorizing a REST API (access log, execution logs at ERROR) behind a
 * regional WAF web ACL (AWS managed common rule set, rate limit), an AppSync GraphQL API on the same pool resolving to a
 * tenant table encrypted with a customer managed KMS key whose resource policy refuses requests without TLS, a payment
 * provider's API key in Secrets Manager rotated monthly by a Lambda function, a CloudWatch dashboard, and 5XX and
 * latency alarms to an SNS topic encrypted with the same key, with an email subscription.
 */
import * as path from 'path';
import {
  App, Duration, RemovalPolicy, Stack, StackProps,
  aws_apigateway as apigateway, aws_appsync as appsync, aws_cloudwatch as cloudwatch, aws_cloudwatch_actions as actions,
  aws_cognito as cognito, aws_dynamodb as dynamodb, aws_iam as iam, aws_kms as kms, aws_lambda as lambda, aws_logs as logs,
  aws_secretsmanager as secretsmanager, aws_sns as sns, aws_sns_subscriptions as subscriptions, aws_wafv2 as wafv2,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { WORKLOAD } from '../harness';

class SaasStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    const dataKey = new kms.Key(this, 'TenantDataKey', { enableKeyRotation: true, alias: 'alias/tenant-data', removalPolicy: RemovalPolicy.RETAIN });

    const pool = new cognito.UserPool(this, 'Users', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { sms: false, otp: true },
      passwordPolicy: { minLength: 12, requireSymbols: true },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      customAttributes: { tenantId: new cognito.StringAttribute({ mutable: false }) },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const client = pool.addClient('WebClient', { authFlows: { userSrp: true }, preventUserExistenceErrors: true });

    const projects = new dynamodb.TableV2(this, 'Projects', {
      partitionKey: { name: 'tenantId', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'projectId', type: dynamodb.AttributeType.STRING },
      encryption: dynamodb.TableEncryptionV2.customerManagedKey(dataKey),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      // Tenants' data travels over TLS only: DynamoDB's endpoints also accept HTTP.
      resourcePolicy: new iam.PolicyDocument({
        statements: [new iam.PolicyStatement({
          sid: 'DenyWithoutTls',
          effect: iam.Effect.DENY,
          principals: [new iam.AnyPrincipal()],
          actions: ['dynamodb:*'],
          resources: ['*'],
          conditions: { Bool: { 'aws:SecureTransport': 'false' } },
        })],
      }),
    });

    const paymentKey = new secretsmanager.Secret(this, 'PaymentProviderKey', {
      description: 'API key of the payment provider',
      encryptionKey: dataKey,
    });
    const rotator = new lambda.Function(this, 'RotatePaymentKey', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async (event) => { /* createSecret, setSecret, testSecret, finishSecret */ };'),
      timeout: Duration.minutes(1),
    });
    paymentKey.addRotationSchedule('Monthly', { rotationLambda: rotator, automaticallyAfter: Duration.days(30) });

    const api = new lambda.Function(this, 'Billing', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200, body: "{}" });'),
      environment: { PROJECTS_TABLE: projects.tableName, PAYMENT_SECRET_ARN: paymentKey.secretArn },
      timeout: Duration.seconds(10),
    });
    projects.grantReadData(api);
    paymentKey.grantRead(api);

    const accessLogs = new logs.LogGroup(this, 'ApiAccessLogs', { retention: logs.RetentionDays.ONE_YEAR });
    const rest = new apigateway.RestApi(this, 'Rest', {
      endpointTypes: [apigateway.EndpointType.REGIONAL],
      deployOptions: {
        stageName: 'v1',
        tracingEnabled: true,
        metricsEnabled: true,
        loggingLevel: apigateway.MethodLoggingLevel.ERROR,
        accessLogDestination: new apigateway.LogGroupLogDestination(accessLogs),
        accessLogFormat: apigateway.AccessLogFormat.jsonWithStandardFields(),
        throttlingRateLimit: 500,
        throttlingBurstLimit: 1000,
      },
    });
    const authorizer = new apigateway.CognitoUserPoolsAuthorizer(this, 'Authorizer', { cognitoUserPools: [pool] });
    rest.root.addResource('billing').addMethod('GET', new apigateway.LambdaIntegration(api), {
      authorizer,
      authorizationType: apigateway.AuthorizationType.COGNITO,
    });

    const acl = new wafv2.CfnWebACL(this, 'ApiAcl', {
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'saas-api', sampledRequestsEnabled: true },
      rules: [
        {
          name: 'common', priority: 0, overrideAction: { none: {} },
          statement: { managedRuleGroupStatement: { vendorName: 'AWS', name: 'AWSManagedRulesCommonRuleSet' } },
          visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'common', sampledRequestsEnabled: true },
        },
        {
          name: 'rate', priority: 1, action: { block: {} },
          statement: { rateBasedStatement: { limit: 2000, aggregateKeyType: 'IP' } },
          visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'rate', sampledRequestsEnabled: true },
        },
      ],
    });
    new wafv2.CfnWebACLAssociation(this, 'ApiAclAssociation', { resourceArn: rest.deploymentStage.stageArn, webAclArn: acl.attrArn });

    const graph = new appsync.GraphqlApi(this, 'Graph', {
      name: 'projects',
      definition: appsync.Definition.fromFile(path.join(__dirname, 'schema.graphql')),
      authorizationConfig: { defaultAuthorization: { authorizationType: appsync.AuthorizationType.USER_POOL, userPoolConfig: { userPool: pool } } },
      logConfig: { fieldLogLevel: appsync.FieldLogLevel.ERROR, retention: logs.RetentionDays.ONE_YEAR },
      xrayEnabled: true,
    });
    const source = graph.addDynamoDbDataSource('ProjectsSource', projects);
    source.createResolver('GetProject', {
      typeName: 'Query', fieldName: 'project',
      requestMappingTemplate: appsync.MappingTemplate.dynamoDbGetItem('tenantId', 'tenantId'),
      responseMappingTemplate: appsync.MappingTemplate.dynamoDbResultItem(),
    });

    const ops = new sns.Topic(this, 'Alarms', { masterKey: dataKey, displayName: 'SaaS API alarms' });
    ops.addSubscription(new subscriptions.EmailSubscription('oncall@example.com'));
    const errors = new cloudwatch.Alarm(this, 'Api5xx', {
      metric: rest.metricServerError({ period: Duration.minutes(1) }),
      threshold: 5, evaluationPeriods: 3,
    });
    const latency = new cloudwatch.Alarm(this, 'ApiLatency', {
      metric: rest.metricLatency({ period: Duration.minutes(1), statistic: 'p99' }),
      threshold: 2000, evaluationPeriods: 5,
    });
    for (const alarm of [errors, latency]) alarm.addAlarmAction(new actions.SnsAction(ops));
    new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: 'saas-api',
      widgets: [[
        new cloudwatch.GraphWidget({ title: 'Requests', left: [rest.metricCount()] }),
        new cloudwatch.AlarmWidget({ title: '5XX', alarm: errors }),
        new cloudwatch.AlarmWidget({ title: 'Latency', alarm: latency }),
      ]],
    });
    void client;
  }
}

export function build(app: App): void {
  new SaasStack(app, 'Saas', { env: WORKLOAD });
}
