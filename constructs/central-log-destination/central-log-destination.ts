import { ArnFormat, Duration, RemovalPolicy, Stack, Token, aws_iam as iam, aws_kinesisfirehose as firehose, aws_kms as kms, aws_logs as logs, aws_s3 as s3 } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { acknowledgeWildcards, checkPropTypes, classifyByDefault, createLogArchiveBuckets, kmsViaServiceName } from '../core';
import { CENTRAL_LOG_DESTINATION_DEFAULTS } from './defaults';
import { CentralLogDestinationProps } from './props';
import { CENTRAL_LOG_DESTINATION_PROP_TYPES, validateCentralLogDestinationProps } from './validation';

/**
 * The receiving end of central logging (checklist item 2.3), deployed in the log-archive account: a
 * CloudWatch Logs **destination** that the organization's accounts subscribe their log groups to
 * (`CentralLogShipping`), an encrypted Firehose stream behind it, and a KMS-encrypted, versioned, retained
 * bucket whose objects nobody can delete.
 *
 * ```ts
 * const central = new CentralLogDestination(auditStack, 'CentralLogs', { organizationId: 'o-a1b2c3d4e5' });
 * // in each workload stack:
 * new CentralLogShipping(workloadStack, 'ShipLogs', { destinationArn: central.destinationArn });
 * ```
 */
export class CentralLogDestination extends Construct {
  /** ARN of the CloudWatch Logs destination: give it to `CentralLogShipping` in the workload accounts. */
  public readonly destinationArn: string;
  /** Name of the CloudWatch Logs destination. */
  public readonly destinationName: string;
  /** The bucket the logs land in. */
  public readonly bucket: s3.Bucket;
  /** The bucket receiving the log bucket's server access logs. */
  public readonly accessLogsBucket: s3.Bucket;
  /** The customer-managed key encrypting the stream and the bucket. */
  public readonly key: kms.Key;
  /** The Firehose stream between the destination and the bucket. */
  public readonly deliveryStream: firehose.CfnDeliveryStream;
  /** The CloudWatch Logs destination. */
  public readonly destination: logs.CfnDestination;

  constructor(scope: Construct, id: string, props: CentralLogDestinationProps) {
    super(scope, id);
    checkPropTypes('CentralLogDestination', props, CENTRAL_LOG_DESTINATION_PROP_TYPES);
    const stack = Stack.of(this);
    validateCentralLogDestinationProps(props, stack.account);
    const d = CENTRAL_LOG_DESTINATION_DEFAULTS;
    this.destinationName = props.destinationName ?? d.destinationName;
    this.destinationArn = stack.formatArn({ service: 'logs', resource: 'destination', resourceName: this.destinationName, arnFormat: ArnFormat.COLON_RESOURCE_NAME });

    this.key = new kms.Key(this, 'Key', {
      description: `Encrypts the central logs of destination ${this.destinationName}`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
      pendingWindow: Duration.days(30),
    });

    // Object Lock is enabled, without a default retention: S3 refuses writes carrying no Content-MD5 or checksum
    // header into a bucket with a default retention, and Firehose's delivery is not documented to send one.
    // Nobody may delete an object or a version instead (bucket policy below); lifecycle rules still apply.
    ({ bucket: this.bucket, accessLogsBucket: this.accessLogsBucket } = createLogArchiveBuckets(this, {
      purpose: 'central log bucket',
      key: this.key,
      bucketName: props.bucketName,
      accessLogsPrefix: 'central-log-bucket/',
      transitionToGlacierAfter: props.transitionToGlacierAfter ?? d.transitionToGlacierAfter,
      expireAfter: props.expireAfter,
    }));
    this.bucket.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'DenyDeletingLogs',
      effect: iam.Effect.DENY,
      principals: [new iam.AnyPrincipal()],
      actions: ['s3:DeleteObject', 's3:DeleteObjectVersion'],
      resources: [this.bucket.arnForObjects('*')],
    }));

    // Firehose writes objects (and nothing else) into the bucket, encrypting with the key.
    const deliveryRole = new iam.Role(this, 'DeliveryRole', {
      assumedBy: new iam.ServicePrincipal('firehose.amazonaws.com', { conditions: { StringEquals: { 'sts:ExternalId': stack.account } } }),
      description: `Lets Firehose write the central logs of ${this.destinationName} into their bucket`,
    });
    deliveryRole.addToPolicy(new iam.PolicyStatement({
      actions: ['s3:AbortMultipartUpload', 's3:GetBucketLocation', 's3:ListBucket', 's3:ListBucketMultipartUploads', 's3:PutObject'],
      resources: [this.bucket.bucketArn, this.bucket.arnForObjects('*')],
    }));
    acknowledgeWildcards(deliveryRole, {
      resources: [this.bucket.arnForObjects('*')],
      reason: 'Firehose names each object by delivery time (cloudwatch-logs/yyyy/MM/dd/...), so the role writes any key of this one bucket; it cannot delete or read other buckets.',
    });
    deliveryRole.addToPolicy(new iam.PolicyStatement({
      actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
      resources: [this.key.keyArn],
      // Through S3 of this region only, `s3.<region>.amazonaws.com` in every partition (kmsViaServiceName).
      conditions: { StringEquals: { 'kms:ViaService': kmsViaServiceName(this, 's3') } },
    }));

    this.deliveryStream = new firehose.CfnDeliveryStream(this, 'Stream', {
      deliveryStreamType: 'DirectPut',
      deliveryStreamEncryptionConfigurationInput: { keyType: 'CUSTOMER_MANAGED_CMK', keyArn: this.key.keyArn },
      extendedS3DestinationConfiguration: {
        bucketArn: this.bucket.bucketArn,
        roleArn: deliveryRole.roleArn,
        prefix: 'cloudwatch-logs/!{timestamp:yyyy/MM/dd}/',
        errorOutputPrefix: 'delivery-errors/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd}/',
        bufferingHints: { intervalInSeconds: (props.bufferingInterval ?? d.bufferingInterval).toSeconds(), sizeInMBs: 5 },
        // CloudWatch Logs sends gzip-compressed batches already.
        compressionFormat: 'UNCOMPRESSED',
        encryptionConfiguration: { kmsEncryptionConfig: { awskmsKeyArn: this.key.keyArn } },
      },
    });
    this.deliveryStream.node.addDependency(deliveryRole);
    // It buffers the log events of every source account, as restricted as the archive it fills (checklist 1.21).
    classifyByDefault(this.deliveryStream, 'restricted');

    // CloudWatch Logs puts the subscribed events into the stream, for log groups of this region only ("The sending
    // account's log groups and the destination must be in the same AWS Region", CloudWatch Logs user guide,
    // cross-account subscriptions). Named source accounts narrow it to them; with an organization only, which
    // accounts may subscribe is decided by the destination policy (aws:PrincipalOrgID).
    // The central account itself is listed too: CloudWatch Logs tests the role on its behalf when the destination is created.
    const logsIn = (account: string) => stack.formatArn({ service: 'logs', account, resource: '*', arnFormat: ArnFormat.NO_RESOURCE_NAME });
    const sourceArns = props.sourceAccountIds && !Token.isUnresolved(props.sourceAccountIds) && props.sourceAccountIds.length > 0
      ? [...props.sourceAccountIds, stack.account].map(logsIn)
      : [logsIn('*')];
    const logsRole = new iam.Role(this, 'SubscriptionRole', {
      assumedBy: new iam.ServicePrincipal('logs.amazonaws.com', { conditions: { StringLike: { 'aws:SourceArn': sourceArns } } }),
      description: `Lets CloudWatch Logs put subscribed events into the stream of ${this.destinationName}`,
    });
    logsRole.addToPolicy(new iam.PolicyStatement({ actions: ['firehose:PutRecord', 'firehose:PutRecordBatch'], resources: [this.deliveryStream.attrArn] }));

    const allowed: { [key: string]: unknown } = { Sid: 'AllowSourceAccountsToSubscribe', Effect: 'Allow', Action: 'logs:PutSubscriptionFilter', Resource: this.destinationArn };
    if (props.sourceAccountIds && props.sourceAccountIds.length > 0) allowed.Principal = { AWS: props.sourceAccountIds };
    else allowed.Principal = { AWS: '*' };
    if (props.organizationId) allowed.Condition = { StringEquals: { 'aws:PrincipalOrgID': props.organizationId } };
    this.destination = new logs.CfnDestination(this, 'Destination', {
      destinationName: this.destinationName,
      roleArn: logsRole.roleArn,
      targetArn: this.deliveryStream.attrArn,
      destinationPolicy: stack.toJsonString({ Version: '2012-10-17', Statement: [allowed] }),
    });
    // CloudWatch Logs checks at creation that the role can put into the stream.
    this.destination.node.addDependency(logsRole);
  }
}
