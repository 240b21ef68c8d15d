import { ArnFormat, Duration, RemovalPolicy, Stack, aws_iam as iam, aws_kms as kms, aws_s3 as s3 } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { checkPropTypes, createLogArchiveBuckets } from '../core';
import { AUDIT_LOG_BUCKET_DEFAULTS, DEFAULT_TRAIL_NAME } from './defaults';
import { AuditLogBucketProps, AuditLogLockMode } from './props';
import { AUDIT_LOG_BUCKET_PROP_TYPES, validateAuditLogBucketProps } from './validation';

/**
 * The organization trail's destination in the log-archive (audit) account (checklist items 1.13, 1.14, 1.15, 2.3):
 * a versioned, Object-Locked, KMS-encrypted, TLS-only, non-public bucket whose policy admits CloudTrail only for the
 * organization's trail, with server access logs in a second locked-down bucket. Everything is retained.
 */
export class AuditLogBucket extends Construct {
  /** The audit log bucket. */
  public readonly bucket: s3.Bucket;
  /** The bucket receiving the audit bucket's server access logs. */
  public readonly accessLogsBucket: s3.Bucket;
  /** The customer-managed key that encrypts the logs; give its ARN to `OrganizationTrail`. */
  public readonly key: kms.Key;
  /** ARN of the only trail admitted: `arn:<partition>:cloudtrail:<region>:<managementAccount>:trail/<name>`. */
  public readonly trailArn: string;

  constructor(scope: Construct, id: string, props: AuditLogBucketProps) {
    super(scope, id);
    checkPropTypes('AuditLogBucket', props, AUDIT_LOG_BUCKET_PROP_TYPES);
    const stack = Stack.of(this);
    validateAuditLogBucketProps(props, stack.account);

    const trailName = props.trailName ?? DEFAULT_TRAIL_NAME;
    const trailRegion = props.trailRegion ?? stack.region;
    const mgmt = props.managementAccountId;
    this.trailArn = stack.formatArn({ service: 'cloudtrail', region: trailRegion, account: mgmt, resource: 'trail', resourceName: trailName });
    // Every trail of the management account, in any region: the encryption context CloudTrail sends to KMS.
    const managementTrails = stack.formatArn({ service: 'cloudtrail', region: '*', account: mgmt, resource: 'trail', resourceName: '*', arnFormat: ArnFormat.SLASH_RESOURCE_NAME });
    const retention = props.retention ?? AUDIT_LOG_BUCKET_DEFAULTS.retention;
    const lockMode = props.lockMode ?? AUDIT_LOG_BUCKET_DEFAULTS.lockMode;

    this.key = new kms.Key(this, 'Key', {
      description: `Encrypts the organization trail ${trailName} of ${props.organizationId}`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
      pendingWindow: Duration.days(30),
    });
    const cloudtrail = new iam.ServicePrincipal('cloudtrail.amazonaws.com');
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowOrganizationTrailToEncryptLogs',
        principals: [cloudtrail],
        actions: ['kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: {
          StringEquals: { 'aws:SourceArn': this.trailArn },
          StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': managementTrails },
        },
      }),
    );
    // The log bucket uses an S3 Bucket Key: CloudTrail then needs kms:Decrypt to create or update the trail
    // ("Configure AWS KMS key policies for CloudTrail", CloudTrail user guide).
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowOrganizationTrailToDecryptForBucketKey',
        principals: [cloudtrail],
        actions: ['kms:Decrypt'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceArn': this.trailArn } },
      }),
    );
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowOrganizationTrailToDescribeKey',
        principals: [cloudtrail],
        actions: ['kms:DescribeKey'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceArn': this.trailArn } },
      }),
    );
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowAuditAccountToReadLogs',
        principals: [new iam.AccountRootPrincipal()],
        actions: ['kms:Decrypt', 'kms:ReEncryptFrom'],
        resources: ['*'],
        conditions: {
          StringEquals: { 'kms:CallerAccount': stack.account },
          StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': managementTrails },
        },
      }),
    );

    ({ bucket: this.bucket, accessLogsBucket: this.accessLogsBucket } = createLogArchiveBuckets(this, {
      purpose: 'audit bucket',
      key: this.key,
      bucketName: props.bucketName,
      accessLogsPrefix: 'audit-bucket/',
      transitionToGlacierAfter: props.transitionToGlacierAfter ?? AUDIT_LOG_BUCKET_DEFAULTS.transitionToGlacierAfter,
      expireAfter: props.expireAfter,
      lockRetention: lockMode === AuditLogLockMode.COMPLIANCE ? s3.ObjectLockRetention.compliance(retention) : s3.ObjectLockRetention.governance(retention),
    }));

    this.bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AWSCloudTrailAclCheck',
        principals: [cloudtrail],
        actions: ['s3:GetBucketAcl'],
        resources: [this.bucket.bucketArn],
        conditions: { StringEquals: { 'aws:SourceArn': this.trailArn } },
      }),
    );
    this.bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AWSCloudTrailWrite',
        principals: [cloudtrail],
        actions: ['s3:PutObject'],
        resources: [this.bucket.arnForObjects(`AWSLogs/${mgmt}/*`), this.bucket.arnForObjects(`AWSLogs/${props.organizationId}/*`)],
        conditions: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceArn': this.trailArn } },
      }),
    );
    // Governance-mode Object Lock can be bypassed by a principal with s3:BypassGovernanceRetention: nobody may delete a
    // log object or version at all (lifecycle expiration, which is not a request, still applies).
    this.bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'DenyDeletingAuditLogs',
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ['s3:DeleteObject', 's3:DeleteObjectVersion'],
        resources: [this.bucket.arnForObjects('*')],
      }),
    );
  }

  /** Name of the audit bucket; give it to `OrganizationTrail` as `bucketName`. */
  public get bucketName(): string {
    return this.bucket.bucketName;
  }

  /** ARN of the key encrypting the logs; give it to `OrganizationTrail` as `kmsKeyArn`. */
  public get keyArn(): string {
    return this.key.keyArn;
  }
}
