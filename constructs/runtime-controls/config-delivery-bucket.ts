import { Duration, RemovalPolicy, Validations, aws_iam as iam, aws_s3 as s3 } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { TAGS } from '../../lib/conventions';
import { checkPropTypes } from '../core';
import { ConfigDeliveryBucketProps } from './props';
import { CONFIG_DELIVERY_BUCKET_PROP_TYPES, validateConfigDeliveryBucketProps } from './validation';

/**
 * The bucket AWS Config delivery channels write configuration history and snapshots to, usually in the log-archive
 * account: versioned, encrypted, TLS-only, non-public, retained, nobody may delete an object, and AWS Config admitted
 * for the named accounts only (`aws:SourceAccount`). No S3 Object Lock: "AWS Config does not support the delivery
 * channel to an Amazon S3 bucket where object lock is enabled" (AWS::Config::DeliveryChannel, CloudFormation template
 * reference).
 */
export class ConfigDeliveryBucket extends Construct {
  /** The bucket; give its name to `RuntimeControls` as `recorderDeliveryBucketName`. */
  public readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: ConfigDeliveryBucketProps) {
    super(scope, id);
    checkPropTypes('ConfigDeliveryBucket', props, CONFIG_DELIVERY_BUCKET_PROP_TYPES);
    validateConfigDeliveryBucketProps(props);

    this.bucket = new s3.Bucket(this, 'Bucket', {
      bucketName: props.bucketName,
      encryption: s3.BucketEncryption.S3_MANAGED, // AWS Config writes with SSE-S3 unless given a key of the bucket's region
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      lifecycleRules: [{
        id: 'ColderStorage',
        transitions: [{ storageClass: s3.StorageClass.GLACIER, transitionAfter: Duration.days(90) }],
        noncurrentVersionTransitions: [{ storageClass: s3.StorageClass.GLACIER, transitionAfter: Duration.days(30) }],
      }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    (this.bucket.node.defaultChild as s3.CfnBucket).tags.setTag(TAGS.DATA_CLASSIFICATION, 'restricted');
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'AWS Config writes its configuration history here and CloudTrail records every access to it; server access logs would add a third copy of the same facts.',
    });
    const config = new iam.ServicePrincipal('config.amazonaws.com');
    const sourceAccount = { 'aws:SourceAccount': props.sourceAccountIds };
    // "Permissions for the Amazon S3 Bucket for the AWS Config Delivery Channel", AWS Config developer guide.
    this.bucket.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'AWSConfigBucketPermissionsCheck', principals: [config], actions: ['s3:GetBucketAcl'], resources: [this.bucket.bucketArn], conditions: { StringEquals: sourceAccount },
    }));
    this.bucket.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'AWSConfigBucketExistenceCheck', principals: [config], actions: ['s3:ListBucket'], resources: [this.bucket.bucketArn], conditions: { StringEquals: sourceAccount },
    }));
    this.bucket.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'AWSConfigBucketDelivery',
      principals: [config],
      actions: ['s3:PutObject'],
      resources: props.sourceAccountIds.map((a) => this.bucket.arnForObjects(`AWSLogs/${a}/Config/*`)),
      conditions: { StringEquals: { ...sourceAccount, 's3:x-amz-acl': 'bucket-owner-full-control' } },
    }));
    this.bucket.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'DenyDeletingConfigurationHistory',
      effect: iam.Effect.DENY,
      principals: [new iam.AnyPrincipal()],
      actions: ['s3:DeleteObject', 's3:DeleteObjectVersion'],
      resources: [this.bucket.arnForObjects('*')],
    }));
  }

  /** Name of the bucket. */
  public get bucketName(): string {
    return this.bucket.bucketName;
  }
}
