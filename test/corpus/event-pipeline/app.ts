/**
 * An event-driven order pipeline as the EventBridge, Step Functions and serverless-patterns examples write it: a
 * custom event bus whose rule starts a Standard state machine (two Lambda tasks with retries, a DynamoDB TableV2
 * write, a failure path to an SQS queue with a dead-letter queue), a data-lake bucket with lifecycle transitions
 * and Intelligent-Tiering, a KMS-encrypted queue, state-machine logs to a log group kept a year, and an alarm on
 * failed executions to an SNS topic with an email subscription.
 */
import {
  App, Duration, RemovalPolicy, Stack, StackProps,
  aws_cloudwatch as cloudwatch, aws_cloudwatch_actions as actions, aws_dynamodb as dynamodb, aws_events as events,
  aws_events_targets as targets, aws_kms as kms, aws_lambda as lambda, aws_logs as logs, aws_s3 as s3, aws_sns as sns,
  aws_sns_subscriptions as subscriptions, aws_sqs as sqs, aws_stepfunctions as sfn, aws_stepfunctions_tasks as tasks,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { WORKLOAD } from '../harness';

class PipelineStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    const key = new kms.Key(this, 'QueueKey', { enableKeyRotation: true, description: 'Order pipeline queues' });

    const lake = new s3.Bucket(this, 'DataLake', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{
        id: 'tiering',
        transitions: [
          { storageClass: s3.StorageClass.INTELLIGENT_TIERING, transitionAfter: Duration.days(30) },
          { storageClass: s3.StorageClass.GLACIER, transitionAfter: Duration.days(365) },
        ],
        noncurrentVersionExpiration: Duration.days(90),
      }],
    });

    const orders = new dynamodb.TableV2(this, 'Orders', {
      partitionKey: { name: 'orderId', type: dynamodb.AttributeType.STRING },
      billing: dynamodb.Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const dlq = new sqs.Queue(this, 'FailedOrdersDlq', {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: key,
      retentionPeriod: Duration.days(14),
      enforceSSL: true,
    });
    const failed = new sqs.Queue(this, 'FailedOrders', {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: key,
      enforceSSL: true,
      visibilityTimeout: Duration.minutes(5),
      deadLetterQueue: { queue: dlq, maxReceiveCount: 5 },
    });

    const fn = (name: string, body: string) => new lambda.Function(this, name, {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline(body),
      timeout: Duration.seconds(30),
      environment: { LAKE_BUCKET: lake.bucketName },
    });
    const validate = fn('Validate', 'exports.handler = async (e) => ({ ...e, valid: true });');
    const enrich = fn('Enrich', 'exports.handler = async (e) => ({ ...e, enriched: true });');
    lake.grantPut(enrich);

    const failure = new tasks.SqsSendMessage(this, 'ToFailedQueue', {
      queue: failed,
      messageBody: sfn.TaskInput.fromJsonPathAt('$'),
    });
    const definition = new tasks.LambdaInvoke(this, 'ValidateOrder', { lambdaFunction: validate, outputPath: '$.Payload' })
      .addRetry({ maxAttempts: 3, backoffRate: 2 })
      .addCatch(failure)
      .next(new tasks.LambdaInvoke(this, 'EnrichOrder', { lambdaFunction: enrich, outputPath: '$.Payload' }).addCatch(failure))
      .next(new tasks.DynamoPutItem(this, 'StoreOrder', {
        table: orders,
        item: { orderId: tasks.DynamoAttributeValue.fromString(sfn.JsonPath.stringAt('$.orderId')) },
      }));
    const machine = new sfn.StateMachine(this, 'OrderFlow', {
      definitionBody: sfn.DefinitionBody.fromChainable(definition),
      timeout: Duration.minutes(15),
      tracingEnabled: true,
      logs: {
        destination: new logs.LogGroup(this, 'OrderFlowLogs', { retention: logs.RetentionDays.ONE_YEAR }),
        level: sfn.LogLevel.ERROR,
      },
    });

    const bus = new events.EventBus(this, 'OrdersBus', { eventBusName: 'orders' });
    new events.Rule(this, 'OrderPlaced', {
      eventBus: bus,
      eventPattern: { source: ['shop.orders'], detailType: ['OrderPlaced'] },
      targets: [new targets.SfnStateMachine(machine, { deadLetterQueue: dlq, retryAttempts: 4 })],
    });
    new events.Archive(this, 'OrdersArchive', {
      sourceEventBus: bus,
      eventPattern: { source: ['shop.orders'] },
      retention: Duration.days(30),
    });

    const ops = new sns.Topic(this, 'OpsTopic', { displayName: 'Order pipeline alarms' });
    ops.addSubscription(new subscriptions.EmailSubscription('ops@example.com'));
    new cloudwatch.Alarm(this, 'ExecutionsFailed', {
      metric: machine.metricFailed({ period: Duration.minutes(5) }),
      threshold: 1,
      evaluationPeriods: 1,
    }).addAlarmAction(new actions.SnsAction(ops));
    new cloudwatch.Alarm(this, 'DlqNotEmpty', {
      metric: dlq.metricApproximateNumberOfMessagesVisible(),
      threshold: 1,
      evaluationPeriods: 1,
    }).addAlarmAction(new actions.SnsAction(ops));
  }
}

export function build(app: App): void {
  new PipelineStack(app, 'Orders', { env: WORKLOAD });
}
