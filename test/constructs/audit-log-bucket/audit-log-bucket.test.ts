import { App, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AuditLogBucket, AuditLogBucketProps, AuditLogLockMode } from '../../../constructs/audit-log-bucket';
import { TAGS } from '../../../lib/conventions';
import { describeNagCleanWithSnapshot } from '../governance-test-utils';

const AUDIT = { account: '222222222222', region: 'eu-west-1' };
const PROPS: AuditLogBucketProps = { organizationId: 'o-abcdef1234', managementAccountId: '111111111111', bucketName: 'acme-audit-logs' };
const arn = (rest: string) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, rest]] });
const TRAIL_ARN = arn(':cloudtrail:eu-west-1:111111111111:trail/organization-trail');

function build(props: Partial<AuditLogBucketProps> = {}) {
  const stack = new Stack(new App(), 'Audit', { env: AUDIT });
  const construct = new AuditLogBucket(stack, 'AuditLogs', { ...PROPS, ...props });
  return { stack, construct, template: Template.fromStack(stack) };
}

describe('AuditLogBucket: defaults', () => {
  // GIVEN / WHEN
  const { stack, construct, template } = build();

  test('the log bucket is KMS-encrypted, versioned, Object-Locked for 365 days in GOVERNANCE mode and blocks public access', () => {
    // THEN
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketName: 'acme-audit-logs',
      BucketEncryption: { ServerSideEncryptionConfiguration: [Match.objectLike({ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: Match.anyValue() } })] },
      VersioningConfiguration: { Status: 'Enabled' },
      ObjectLockEnabled: true,
      ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 365 } } },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      LoggingConfiguration: { DestinationBucketName: Match.anyValue(), LogFilePrefix: 'audit-bucket/' },
      LifecycleConfiguration: { Rules: [Match.objectLike({ Transitions: [{ StorageClass: 'GLACIER', TransitionInDays: 90 }] })] },
      Tags: Match.arrayWith([{ Key: TAGS.DATA_CLASSIFICATION, Value: 'restricted' }]),
    });
  });

  test('both buckets and the key are retained', () => {
    // THEN
    template.resourceCountIs('AWS::S3::Bucket', 2);
    for (const type of ['AWS::S3::Bucket', 'AWS::KMS::Key']) {
      for (const r of Object.values(template.findResources(type))) {
        expect(r).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
      }
    }
  });

  test('the key rotates and admits only the organization trail of the management account', () => {
    // THEN
    template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'AllowOrganizationTrailToEncryptLogs',
            Principal: { Service: 'cloudtrail.amazonaws.com' },
            Action: 'kms:GenerateDataKey*',
            Condition: {
              StringEquals: { 'aws:SourceArn': TRAIL_ARN },
              StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': arn(':cloudtrail:*:111111111111:trail/*') },
            },
          }),
        ]),
      },
    });
  });

  test('the bucket policy lets CloudTrail write only the organization and management prefixes, for the org trail, with bucket-owner-full-control, over TLS', () => {
    // THEN
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({ Sid: 'AWSCloudTrailAclCheck', Action: 's3:GetBucketAcl', Condition: { StringEquals: { 'aws:SourceArn': TRAIL_ARN } } }),
          Match.objectLike({
            Sid: 'AWSCloudTrailWrite',
            Action: 's3:PutObject',
            Resource: [
              { 'Fn::Join': ['', [Match.anyValue(), '/AWSLogs/111111111111/*']] },
              { 'Fn::Join': ['', [Match.anyValue(), '/AWSLogs/o-abcdef1234/*']] },
            ],
            Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceArn': TRAIL_ARN } },
          }),
        ]),
      },
    });
  });

  test('the bucket uses an S3 Bucket Key, so the key lets the organization trail decrypt (CloudTrail needs kms:Decrypt to create the trail)', () => {
    // THEN (the old key policy granted CloudTrail only GenerateDataKey* and DescribeKey)
    template.hasResourceProperties('AWS::S3::Bucket', { BucketEncryption: { ServerSideEncryptionConfiguration: [Match.objectLike({ BucketKeyEnabled: true })] } });
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'AllowOrganizationTrailToDecryptForBucketKey',
            Principal: { Service: 'cloudtrail.amazonaws.com' },
            Action: 'kms:Decrypt',
            Condition: { StringEquals: { 'aws:SourceArn': TRAIL_ARN } },
          }),
        ]),
      },
    });
  });

  test('nobody may delete a log object or version, whatever the governance-mode lock allows', () => {
    // THEN
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Sid: 'DenyDeletingAuditLogs', Effect: 'Deny', Principal: { AWS: '*' }, Action: ['s3:DeleteObject', 's3:DeleteObjectVersion'] }),
        ]),
      },
    });
  });

  test('exposes the trail ARN it admits', () => {
    // THEN
    expect(stack.resolve(construct.trailArn)).toEqual(TRAIL_ARN);
  });

  describeNagCleanWithSnapshot(() => stack);
});

describe('AuditLogBucket: overrides', () => {
  test('COMPLIANCE mode, custom retention, transition, expiration and trail', () => {
    // GIVEN / WHEN
    const { template } = build({
      lockMode: AuditLogLockMode.COMPLIANCE,
      retention: Duration.days(730),
      transitionToGlacierAfter: Duration.days(30),
      expireAfter: Duration.days(2555),
      trailName: 'org-trail',
      trailRegion: 'us-east-1',
    });
    // THEN
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketName: 'acme-audit-logs',
      ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 730 } } },
      LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 2555, Transitions: [{ StorageClass: 'GLACIER', TransitionInDays: 30 }] })] },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Sid: 'AWSCloudTrailAclCheck', Condition: { StringEquals: { 'aws:SourceArn': arn(':cloudtrail:us-east-1:111111111111:trail/org-trail') } } }),
        ]),
      },
    });
  });
});

describe('AuditLogBucket: validation', () => {
  test.each<[string, Partial<AuditLogBucketProps>, RegExp]>([
    ['organization ID', { organizationId: 'org-1' }, /AuditLogBucket: 'organizationId' must be an AWS Organizations ID like 'o-a1b2c3d4e5', got 'org-1'/],
    ['management account ID', { managementAccountId: '1234' }, /'managementAccountId' must be a 12-digit account ID, got '1234'/],
    ['same account as the bucket', { managementAccountId: '222222222222' }, /'managementAccountId' must differ from the account of the stack holding the audit bucket.*got '222222222222'/],
    ['trail name', { trailName: '-bad name' }, /'trailName' must be 3-128 letters.*got '-bad name'/],
    ['trail region', { trailRegion: 'europe' }, /'trailRegion' must be a region like 'us-east-1', got 'europe'/],
    ['bucket name', { bucketName: 'Bad_Bucket' }, /'bucketName' must be a valid S3 bucket name.*got 'Bad_Bucket'/],
    ['retention', { retention: Duration.hours(36) }, /'retention' must be a whole number of days between 1 and 36500, got '1.5 days'/],
    ['Glacier transition', { transitionToGlacierAfter: Duration.hours(1) }, /'transitionToGlacierAfter' must be at least 1 day/],
    ['expiration before retention', { expireAfter: Duration.days(100) }, /'expireAfter' must be at least the Object Lock retention.*\(365 days\), got '100 days'/],
  ])('rejects a wrong %s', (_, props, message) => {
    // GIVEN
    const stack = new Stack(new App(), 'Audit', { env: AUDIT });
    // WHEN / THEN
    expect(() => new AuditLogBucket(stack, 'AuditLogs', { ...PROPS, ...props })).toThrow(message);
  });

  test('reports every problem at once and creates nothing', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Audit', { env: AUDIT });
    // WHEN / THEN
    expect(() => new AuditLogBucket(stack, 'AuditLogs', { organizationId: 'x', managementAccountId: 'y' })).toThrow(/'organizationId'[\s\S]*\n[\s\S]*'managementAccountId'/);
    expect(stack.node.tryFindChild('AuditLogs')?.node.children ?? []).toHaveLength(0);
  });
});
