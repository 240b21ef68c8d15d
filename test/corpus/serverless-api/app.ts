/**
 * A serverless API as the API Gateway and DynamoDB examples write it: a REST API proxying to a Lambda function
 * (inline code, one month of log retention set by CDK's log-retention custom resource), a DynamoDB table with
 * point-in-time recovery and its default AWS owned encryption, and an alarm on function errors.
 */
import {
  App, Duration, RemovalPolicy, Stack, StackProps,
  aws_apigateway as apigateway, aws_cloudwatch as cloudwatch, aws_cloudwatch_actions as actions, aws_dynamodb as dynamodb,
  aws_lambda as lambda, aws_logs as logs, aws_sns as sns,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { WORKLOAD } from '../harness';

class ApiStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    const table = new dynamodb.Table(this, 'Items', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'sk', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const handler = new lambda.Function(this, 'Handler', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200, body: "[]" });'),
      environment: { TABLE_NAME: table.tableName },
      timeout: Duration.seconds(10),
      logRetention: logs.RetentionDays.ONE_MONTH,
    });
    table.grantReadWriteData(handler);
    new apigateway.LambdaRestApi(this, 'Api', {
      handler,
      deployOptions: { stageName: 'prod', throttlingRateLimit: 100, throttlingBurstLimit: 200 },
    });
    const ops = new sns.Topic(this, 'OpsTopic');
    new cloudwatch.Alarm(this, 'HandlerErrors', {
      metric: handler.metricErrors({ period: Duration.minutes(5) }),
      threshold: 5,
      evaluationPeriods: 1,
    }).addAlarmAction(new actions.SnsAction(ops));
  }
}

export function build(app: App): void {
  new ApiStack(app, 'Items', { env: WORKLOAD });
}
