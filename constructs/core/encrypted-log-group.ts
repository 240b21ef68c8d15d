import { ArnFormat, Duration, RemovalPolicy, Stack, Tags } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { regionalServicePrincipal } from './service-principals';
import { DataClassification, TAGS } from '../../lib/conventions';

/** Options of {@link createEncryptedLogGroup}. */
export interface EncryptedLogGroupOptions {
  /** How long events are kept. */
  readonly retention: logs.RetentionDays;
  /** Value of the data classification tag. */
  readonly dataClassification: DataClassification;
  /** Description of the customer managed key. */
  readonly keyDescription: string;
}

/**
 * A CloudWatch log group encrypted with its own customer managed key (rotation on), retained on
 * stack deletion, tagged with its data classification. The key policy lets CloudWatch Logs of
 * this stack's region use the key for log groups of this account only.
 */
export function createEncryptedLogGroup(scope: Construct, id: string, options: EncryptedLogGroupOptions): { logGroup: logs.LogGroup; key: kms.Key } {
  const stack = Stack.of(scope);
  const key = new kms.Key(scope, `${id}Key`, {
    description: options.keyDescription,
    enableKeyRotation: true,
    pendingWindow: Duration.days(30),
    removalPolicy: RemovalPolicy.RETAIN,
  });
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'AllowCloudWatchLogsOfThisAccount',
      principals: [regionalServicePrincipal(scope, 'logs')],
      actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      resources: ['*'],
      conditions: {
        ArnLike: {
          'kms:EncryptionContext:aws:logs:arn': stack.formatArn({ service: 'logs', resource: 'log-group', resourceName: '*', arnFormat: ArnFormat.COLON_RESOURCE_NAME }),
        },
      },
    }),
  );
  const logGroup = new logs.LogGroup(scope, id, {
    encryptionKey: key,
    retention: options.retention,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  Tags.of(logGroup).add(TAGS.DATA_CLASSIFICATION, options.dataClassification);
  return { logGroup, key };
}
