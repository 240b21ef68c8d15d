import { Duration, RemovalPolicy, Size, Tags, Validations } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct, IConstruct } from 'constructs';
import { backupCopyKeyStatements } from '../../constructs/core';
import { DataClassification, TAGS } from '../../lib/conventions';

/** Props of {@link WorkloadDataStores}. */
export interface WorkloadDataStoresProps {
  /** AZ of the EBS volume (from cdk.json, so synth needs no lookup). */
  readonly availabilityZone: string;
  /** The tag selecting the stores for the backup plan. */
  readonly selectionTag: { readonly key: string; readonly value: string };
  /** The DR account: copies of EBS snapshots stay encrypted with the data key, so that account must be able to use it. */
  readonly drAccount: string;
}

/**
 * The workload's data: a DynamoDB table (tenant data), an EBS volume (an application's data disk) and a critical S3
 * bucket (documents), each encrypted with a customer key, classified (1.21, 1.22), retained, and tagged for the backup
 * plan (2.6).
 */
export class WorkloadDataStores extends Construct {
  /** The customer key encrypting the stores. */
  public readonly key: kms.Key;
  public readonly table: dynamodb.Table;
  public readonly volume: ec2.Volume;
  public readonly bucket: s3.Bucket;
  /** Receives the documents bucket's server access logs. */
  public readonly accessLogsBucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: WorkloadDataStoresProps) {
    super(scope, id);
    this.key = new kms.Key(this, 'DataKey', {
      description: 'Encrypts the workload data stores (table, volume, bucket)',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
      pendingWindow: Duration.days(30),
    });
    // EBS snapshots keep the volume's key when AWS Backup copies them, so the DR account must be able to use it: through
    // AWS Backup and EC2 only, with grants for AWS resources only.
    for (const statement of backupCopyKeyStatements(this, props.drAccount, 'AllowDrAccount')) this.key.addToResourcePolicy(statement);

    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: 'tenantId', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'itemId', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.key,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      // DynamoDB's endpoints accept HTTP as well as HTTPS: the table refuses every request without TLS (1.22 "encrypted
      // in transit"), as enforceSSL does for the bucket. A table's own policy names it as `*` (its ARN would be a cycle).
      resourcePolicy: new iam.PolicyDocument({
        statements: [new iam.PolicyStatement({
          sid: 'DenyRequestsWithoutTls',
          effect: iam.Effect.DENY,
          principals: [new iam.AnyPrincipal()],
          actions: ['dynamodb:*'],
          resources: ['*'],
          conditions: { Bool: { 'aws:SecureTransport': 'false' } },
        })],
      }),
    });
    this.classify(this.table, 'confidential', props.selectionTag);

    this.volume = new ec2.Volume(this, 'Volume', {
      availabilityZone: props.availabilityZone,
      size: Size.gibibytes(20),
      volumeType: ec2.EbsDeviceVolumeType.GP3,
      encrypted: true,
      encryptionKey: this.key,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.classify(this.volume, 'confidential', props.selectionTag);
    Validations.of(this.volume).acknowledge({
      id: 'CloudFormation-Validate::W3010',
      reason: 'An EBS volume lives in one AZ, named literally on purpose: it comes from cdk.json (config.availabilityZones) so synth needs no AZ lookup, and the instance that attaches it must run in the same AZ.',
    });

    this.accessLogsBucket = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED, // S3 server access logging cannot deliver to SSE-KMS buckets
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      lifecycleRules: [{ id: 'Expire', expiration: Duration.days(365), noncurrentVersionExpiration: Duration.days(30) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Tags.of(this.accessLogsBucket).add(TAGS.DATA_CLASSIFICATION, 'internal');

    this.bucket = new s3.Bucket(this, 'Documents', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true, // AWS Backup for S3 requires versioning
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 'documents/',
      lifecycleRules: [{ id: 'NoncurrentVersions', noncurrentVersionExpiration: Duration.days(35) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.classify(this.bucket, 'confidential', props.selectionTag);
    Tags.of(this.bucket).add(TAGS.DATA_CRITICALITY, 'critical');
  }

  private classify(store: IConstruct, classification: DataClassification, selectionTag: { readonly key: string; readonly value: string }): void {
    Tags.of(store).add(TAGS.DATA_CLASSIFICATION, classification);
    Tags.of(store).add(selectionTag.key, selectionTag.value);
  }
}
