import {
  App, aws_apigateway as apigateway, aws_appsync as appsync, aws_cloudtrail as ct, aws_kinesis as kinesis, aws_lambda as lambda, aws_logs as logs, aws_logs_destinations as destinations, aws_oam as oam,
  custom_resources as cr, Fn, Stack,
} from 'aws-cdk-lib';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { RuleFixtures } from '../harness';
import { AUDIT, MANAGEMENT, stackIn } from '../fixture-stacks';

const code = lambda.Code.fromInline('exports.handler = async () => {}');
const CENTRAL = 'arn:aws:logs:eu-west-1:222222222222:destination:central';
/** A GraphQL schema written inline (an ISchema), as `SchemaFile.fromAsset` would read it from a file. */
const schema: appsync.ISchema = { bind: (api) => ({ apiId: (api as appsync.IGraphqlApi).apiId, definition: 'type Query { ping: String }' }) };
/** A REST API with one mock method, its prod stage logging executions at `level`. */
const restApi = (s: Stack, level: apigateway.MethodLoggingLevel) => {
  const api = new apigateway.RestApi(s, 'Rest', { deployOptions: { stageName: 'prod', loggingLevel: level }, cloudWatchRole: false });
  api.root.addMethod('GET', new apigateway.MockIntegration());
  return api;
};
const graphqlApi = (s: Stack, logConfig?: appsync.LogConfig) => new appsync.GraphqlApi(s, 'Graph', { name: 'graph', definition: appsync.Definition.fromSchema(schema), logConfig });

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'L2 function whose log group CloudWatch Logs creates at run time, shipped nowhere',
      build: (app: App) => { new lambda.Function(stackIn(app, 'S', MANAGEMENT), 'Handler', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler', code }); },
      reason: /the function writes to \/aws\/lambda\/<its generated name>, which CloudWatch Logs creates at run time, and no subscription filter, account-level subscription policy or OAM link of account 111111111111 ships it/,
    },
    {
      name: 'L2 AppSync API logging to the group AppSync creates at run time, shipped nowhere',
      build: (app: App) => { graphqlApi(stackIn(app, 'S', MANAGEMENT), { fieldLogLevel: appsync.FieldLogLevel.ERROR, retention: logs.RetentionDays.ONE_YEAR }); },
      reason: /^the API writes to \/aws\/appsync\/apis\/<its id>, which AppSync creates at run time, and no subscription filter, account-level subscription policy or OAM link of account 111111111111 ships it$/,
    },
    {
      name: 'L2 REST API whose prod stage logs executions at INFO, to the group API Gateway creates at run time, shipped nowhere',
      build: (app: App) => { restApi(stackIn(app, 'S', MANAGEMENT), apigateway.MethodLoggingLevel.INFO); },
      reason: /^the stage writes execution logs to API-Gateway-Execution-Logs_<api id>\/prod, which API Gateway creates at run time, and no subscription filter, account-level subscription policy or OAM link of account 111111111111 ships it$/,
    },
    {
      name: 'L1 stage with MethodSettings LoggingLevel ERROR; the filter ships another stage\'s group',
      build: (app: App) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        const api = new apigateway.CfnRestApi(s, 'Rest', { name: 'rest' });
        new apigateway.CfnStage(s, 'Live', { restApiId: api.ref, stageName: 'live', deploymentId: 'abc123', methodSettings: [{ httpMethod: '*', resourcePath: '/*', loggingLevel: 'ERROR' }] });
        new logs.CfnSubscriptionFilter(s, 'ShipTest', { logGroupName: Fn.join('', ['API-Gateway-Execution-Logs_', api.ref, '/test']), filterPattern: '', destinationArn: CENTRAL });
      },
      reason: /API-Gateway-Execution-Logs_<api id>\/live/,
    },
    {
      name: 'L1 AppSync API with a LogConfig, shipped nowhere',
      build: (app: App) => {
        new appsync.CfnGraphQLApi(stackIn(app, 'S', MANAGEMENT), 'Graph', {
          name: 'graph', authenticationType: 'AMAZON_COGNITO_USER_POOLS',
          logConfig: { fieldLogLevel: 'ALL', cloudWatchLogsRoleArn: 'arn:aws:iam::111111111111:role/appsync-logs' },
        });
      },
      reason: /the API writes to \/aws\/appsync\/apis\/<its id>/,
    },
    { name: 'L2 log group with nothing shipping it', build: (app: App) => { new logs.LogGroup(stackIn(app, 'S', MANAGEMENT), 'Logs'); }, reason: /ships the log group/ },
    {
      name: 'an account-level subscription policy excludes the group by name',
      build: (app: App) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        new logs.LogGroup(s, 'Logs', { logGroupName: '/app/noisy' });
        new logs.CfnAccountPolicy(s, 'Ship', {
          policyName: 'ship-all', policyType: 'SUBSCRIPTION_FILTER_POLICY', scope: 'ALL',
          policyDocument: JSON.stringify({ DestinationArn: 'arn:aws:logs:eu-west-1:222222222222:destination:central', FilterPattern: '' }),
          selectionCriteria: 'LogGroupName NOT IN ["/app/noisy"]',
        });
      },
      reason: /ships the log group \/app\/noisy/,
    },
    {
      name: 'OAM link in another account does not share this account\'s logs',
      build: (app: App) => {
        new logs.LogGroup(stackIn(app, 'Workload', MANAGEMENT), 'Logs');
        new oam.CfnLink(stackIn(app, 'Other', AUDIT), 'Link', { resourceTypes: ['AWS::Logs::LogGroup'], sinkIdentifier: 'arn:aws:oam:eu-west-1:333333333333:sink/x' });
      },
      reason: /account 111111111111/,
    },
    {
      name: 'a subscription filter of the same account names its group by an unknown import (unverifiable)',
      build: (app: App) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        new logs.LogGroup(s, 'Logs');
        new logs.CfnSubscriptionFilter(s, 'Sub', { logGroupName: Fn.importValue('SomeLogGroup'), filterPattern: '', destinationArn: 'arn:aws:logs:eu-west-1:222222222222:destination:central' });
      },
      reason: /could not verify whether subscription filter/,
    },
  ],
  compliant: [
    {
      name: 'L2 AppSync API whose run-time group a subscription filter ships (/aws/appsync/apis/ joined with its ApiId); an API that does not log',
      build: (app: App) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        const api = graphqlApi(s, { fieldLogLevel: appsync.FieldLogLevel.ERROR });
        new logs.CfnSubscriptionFilter(s, 'ShipGraph', { logGroupName: Fn.join('', ['/aws/appsync/apis/', api.apiId]), filterPattern: '', destinationArn: CENTRAL });
        new appsync.GraphqlApi(s, 'Quiet', { name: 'quiet', definition: appsync.Definition.fromSchema(schema) });
      },
    },
    {
      name: 'L2 REST API whose execution log group a subscription filter ships (API-Gateway-Execution-Logs_ joined with the API and the stage); a stage with logging OFF',
      build: (app: App) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        const api = restApi(s, apigateway.MethodLoggingLevel.ERROR);
        new logs.CfnSubscriptionFilter(s, 'ShipExecution', { logGroupName: Fn.join('', ['API-Gateway-Execution-Logs_', api.restApiId, '/prod']), filterPattern: '', destinationArn: CENTRAL });
        new apigateway.Stage(s, 'Quiet', { deployment: new apigateway.Deployment(s, 'QuietDeployment', { api }), stageName: 'quiet', loggingLevel: apigateway.MethodLoggingLevel.OFF });
      },
    },
    {
      name: 'L1 AppSync API whose run-time group the app creates itself and ships',
      build: (app: App) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        const api = new appsync.CfnGraphQLApi(s, 'Graph', { name: 'graph', authenticationType: 'AWS_IAM', logConfig: { fieldLogLevel: 'ERROR', cloudWatchLogsRoleArn: 'arn:aws:iam::111111111111:role/appsync-logs' } });
        const group = new logs.CfnLogGroup(s, 'GraphLogs', { logGroupName: Fn.join('', ['/aws/appsync/apis/', api.attrApiId]), retentionInDays: 365 });
        new logs.CfnSubscriptionFilter(s, 'ShipGraph', { logGroupName: group.ref, filterPattern: '', destinationArn: CENTRAL });
      },
    },
    {
      name: 'run-time log groups of functions shipped by subscription filters (on /aws/lambda/<function> the logRetention custom resource creates; on a named LoggingConfig group); a custom resource handler is a deployment helper',
      build: (app: App) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        const api = new lambda.Function(s, 'Api', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler', code, logRetention: logs.RetentionDays.THREE_MONTHS });
        new logs.CfnSubscriptionFilter(s, 'ShipApi', { logGroupName: Fn.join('', ['/aws/lambda/', api.functionName]), filterPattern: '', destinationArn: CENTRAL });
        new lambda.CfnFunction(s, 'Orders', { role: 'arn:aws:iam::111111111111:role/orders', runtime: 'nodejs20.x', handler: 'index.handler', code: { zipFile: 'exports.handler = async () => {}' }, loggingConfig: { logGroup: '/app/orders' } });
        new logs.CfnSubscriptionFilter(s, 'ShipOrders', { logGroupName: '/app/orders', filterPattern: '', destinationArn: CENTRAL });
        new cr.AwsCustomResource(s, 'Lookup', {
          onCreate: { service: 'SSM', action: 'getParameter', parameters: { Name: '/app/version' }, physicalResourceId: cr.PhysicalResourceId.of('version') },
          policy: cr.AwsCustomResourcePolicy.fromSdkCalls({ resources: cr.AwsCustomResourcePolicy.ANY_RESOURCE }),
        });
      },
    },
    {
      name: 'the log group aws-cdk-lib creates for a custom resource handler (@aws-cdk/aws-lambda:useCdkManagedLogGroup on) is a deployment helper\'s, beside a shipped workload group',
      build: (app: App) => {
        app.node.setContext(cxapi.USE_CDK_MANAGED_LAMBDA_LOGGROUP, true);
        const s = stackIn(app, 'S', MANAGEMENT);
        new cr.AwsCustomResource(s, 'Lookup', {
          onCreate: { service: 'SSM', action: 'getParameter', parameters: { Name: '/app/version' }, physicalResourceId: cr.PhysicalResourceId.of('version') },
          policy: cr.AwsCustomResourcePolicy.fromSdkCalls({ resources: cr.AwsCustomResourcePolicy.ANY_RESOURCE }),
        });
        const group = new logs.LogGroup(s, 'Workload');
        new logs.CfnSubscriptionFilter(s, 'Ship', { logGroupName: group.logGroupName, filterPattern: '', destinationArn: CENTRAL });
      },
    },
    {
      name: 'L2 subscription filter to a Kinesis stream',
      build: (app: App) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        const group = new logs.LogGroup(s, 'Logs');
        new logs.SubscriptionFilter(s, 'Sub', { logGroup: group, destination: new destinations.KinesisDestination(new kinesis.Stream(s, 'Stream')), filterPattern: logs.FilterPattern.allEvents() });
      },
    },
    {
      name: 'account-level subscription filter policy in another stack of the same account',
      build: (app: App) => {
        new logs.LogGroup(stackIn(app, 'Workload', MANAGEMENT), 'Logs', { logGroupName: '/app/web' });
        new logs.CfnAccountPolicy(stackIn(app, 'Baseline', MANAGEMENT), 'Ship', {
          policyName: 'ship-all', policyType: 'SUBSCRIPTION_FILTER_POLICY', scope: 'ALL',
          policyDocument: JSON.stringify({ DestinationArn: 'arn:aws:logs:eu-west-1:222222222222:destination:central', FilterPattern: '' }),
          selectionCriteria: 'LogGroupName NOT IN ["/app/noisy"]',
        });
      },
    },
    {
      name: 'OAM link of the same account shares log groups with the monitoring account',
      build: (app: App) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        new logs.LogGroup(s, 'Logs');
        new oam.CfnLink(s, 'Link', { resourceTypes: ['AWS::Logs::LogGroup', 'AWS::CloudWatch::Metric'], sinkIdentifier: 'arn:aws:oam:eu-west-1:222222222222:sink/x' });
      },
    },
    {
      name: 'the CloudWatch Logs destination of an organization trail',
      build: (app: App) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        const group = new logs.LogGroup(s, 'OrgTrailLogs');
        new ct.CfnTrail(s, 'Trail', { isLogging: true, s3BucketName: 'central-audit-logs', isOrganizationTrail: true, cloudWatchLogsLogGroupArn: group.logGroupArn, cloudWatchLogsRoleArn: 'arn:aws:iam::111111111111:role/trail' });
      },
    },
  ],
};
