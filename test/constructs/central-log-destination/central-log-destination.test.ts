import { App, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { CentralLogDestination, CentralLogDestinationProps } from '../../../constructs/central-log-destination';
import { TAGS } from '../../../lib/conventions';
import { describeNagCleanWithSnapshot } from '../governance-test-utils';

const AUDIT = { account: '222222222222', region: 'eu-west-1' };
const ORG = 'o-abcdef1234';

function build(props: CentralLogDestinationProps = { organizationId: ORG }) {
  const stack = new Stack(new App(), 'Audit', { env: AUDIT });
  const construct = new CentralLogDestination(stack, 'CentralLogs', props);
  return { stack, construct, template: Template.fromStack(stack) };
}

describe('CentralLogDestination: defaults', () => {
  // GIVEN / WHEN
  const { stack, construct, template } = build();

  test('the destination is named central-logs, its ARN is predictable, and only the organization may subscribe', () => {
    // THEN
    expect(stack.resolve(construct.destinationArn)).toEqual({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':logs:eu-west-1:222222222222:destination:central-logs']] });
    const destination = Object.values(template.findResources('AWS::Logs::Destination'))[0];
    expect(destination.Properties.DestinationName).toBe('central-logs');
    const policy = JSON.parse(stack.resolve(destination.Properties.DestinationPolicy)['Fn::Join'][1].map((p: unknown) => (typeof p === 'string' ? p : 'aws')).join(''));
    expect(policy.Statement).toEqual([{
      Sid: 'AllowSourceAccountsToSubscribe', Effect: 'Allow', Action: 'logs:PutSubscriptionFilter', Principal: { AWS: '*' },
      Resource: 'arn:aws:logs:eu-west-1:222222222222:destination:central-logs', Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG } },
    }]);
  });

  test('the stream is encrypted with the customer key and writes uncompressed, KMS-encrypted objects', () => {
    // THEN
    template.hasResourceProperties('AWS::KinesisFirehose::DeliveryStream', {
      DeliveryStreamType: 'DirectPut',
      DeliveryStreamEncryptionConfigurationInput: { KeyType: 'CUSTOMER_MANAGED_CMK', KeyARN: Match.anyValue() },
      ExtendedS3DestinationConfiguration: Match.objectLike({
        CompressionFormat: 'UNCOMPRESSED',
        BufferingHints: { IntervalInSeconds: 300, SizeInMBs: 5 },
        EncryptionConfiguration: { KMSEncryptionConfig: { AWSKMSKeyARN: Match.anyValue() } },
      }),
    });
  });

  test('the log bucket is KMS-encrypted, versioned, Object-Lock enabled, logged, tagged and denies deleting objects', () => {
    // THEN
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: { ServerSideEncryptionConfiguration: [Match.objectLike({ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: Match.anyValue() } })] },
      VersioningConfiguration: { Status: 'Enabled' },
      ObjectLockEnabled: true,
      LoggingConfiguration: { DestinationBucketName: Match.anyValue(), LogFilePrefix: 'central-log-bucket/' },
      Tags: Match.arrayWith([{ Key: TAGS.DATA_CLASSIFICATION, Value: 'restricted' }]),
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Sid: 'DenyDeletingLogs', Effect: 'Deny', Principal: { AWS: '*' }, Action: ['s3:DeleteObject', 's3:DeleteObjectVersion'] })]) },
    });
  });

  test('buckets and key are retained', () => {
    // THEN
    for (const type of ['AWS::S3::Bucket', 'AWS::KMS::Key']) {
      for (const r of Object.values(template.findResources(type))) expect(r).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    }
  });

  test('the delivery role may write objects but not delete them', () => {
    // THEN
    const policies = Object.values(template.findResources('AWS::IAM::Policy')).map((p) => JSON.stringify(p.Properties.PolicyDocument));
    expect(policies.join('\n')).toContain('s3:PutObject');
    expect(policies.join('\n')).not.toMatch(/s3:Delete|s3:\*|"\*"/);
  });

  test('the destination is created after its role can put into the stream', () => {
    // THEN
    const destination = Object.values(template.findResources('AWS::Logs::Destination'))[0];
    expect(destination.DependsOn).toEqual(expect.arrayContaining([expect.stringMatching(/^CentralLogsSubscriptionRole/)]));
    expect(destination.DependsOn.some((d: string) => /DefaultPolicy/.test(d))).toBe(true);
  });
});

describe('CentralLogDestination: overrides', () => {
  test('named accounts only: the policy lists them and the subscription role trusts only their log groups (and the central account\'s, which creates the destination)', () => {
    // GIVEN / WHEN
    const { template, stack } = build({ sourceAccountIds: ['333333333333', '444444444444'], destinationName: 'workload-logs', bufferingInterval: Duration.seconds(60) });
    // THEN
    const destination = Object.values(template.findResources('AWS::Logs::Destination'))[0];
    expect(JSON.stringify(stack.resolve(destination.Properties.DestinationPolicy))).toContain('\\"AWS\\":[\\"333333333333\\",\\"444444444444\\"]');
    expect(JSON.stringify(stack.resolve(destination.Properties.DestinationPolicy))).not.toContain('PrincipalOrgID');
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'logs.amazonaws.com' }, Condition: { StringLike: { 'aws:SourceArn': [
        { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':logs:eu-west-1:333333333333:*']] },
        { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':logs:eu-west-1:444444444444:*']] },
        { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':logs:eu-west-1:222222222222:*']] },
      ] } } })] },
    });
    template.hasResourceProperties('AWS::KinesisFirehose::DeliveryStream', { ExtendedS3DestinationConfiguration: Match.objectLike({ BufferingHints: { IntervalInSeconds: 60, SizeInMBs: 5 } }) });
  });

  test('with an organization only, the subscription role trusts log groups of the destination\'s region, not every region (the old trust was arn:<partition>:logs:*:*:*)', () => {
    // GIVEN / WHEN
    const { template } = build({ organizationId: ORG });
    // THEN
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'logs.amazonaws.com' }, Condition: { StringLike: { 'aws:SourceArn': [
        { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':logs:eu-west-1:*:*']] },
      ] } } })] },
    });
  });

  test('expireAfter adds an expiration after the move to Glacier', () => {
    // GIVEN / WHEN
    const { template } = build({ organizationId: ORG, expireAfter: Duration.days(2555) });
    // THEN
    template.hasResourceProperties('AWS::S3::Bucket', { LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 2555, Transitions: [{ StorageClass: 'GLACIER', TransitionInDays: 90 }] })] } });
  });
});

describe('CentralLogDestination: validation', () => {
  test.each<[string, CentralLogDestinationProps, RegExp]>([
    ['nobody may ship', {}, /'organizationId' or 'sourceAccountIds' must say who may ship logs here/],
    ['a malformed organization', { organizationId: 'org-1' }, /'organizationId' must be an AWS Organizations ID like 'o-a1b2c3d4e5', got 'org-1'/],
    ['a short account id', { sourceAccountIds: ['1234'] }, /'sourceAccountIds\[0\]' must be a 12-digit account ID, got '1234'/],
    ['a repeated account', { sourceAccountIds: ['333333333333', '333333333333'] }, /'sourceAccountIds' must not repeat an account, got \["333333333333"\]/],
    ['the central account itself', { sourceAccountIds: ['222222222222'] }, /must not include the central account 222222222222 itself/],
    ['a name with a colon', { organizationId: ORG, destinationName: 'logs:central' }, /'destinationName' must be 1-512 characters without a colon or an asterisk, got 'logs:central'/],
    ['a buffer over 15 minutes', { organizationId: ORG, bufferingInterval: Duration.minutes(20) }, /'bufferingInterval' must be a whole number of seconds from 0 to 900/],
    ['expiring before Glacier', { organizationId: ORG, expireAfter: Duration.days(30) }, /'expireAfter' must be longer than 'transitionToGlacierAfter' \(90 days\)/],
    ['a bad bucket name', { organizationId: ORG, bucketName: 'Central_Logs' }, /'bucketName' must be a valid S3 bucket name/],
  ])('%s is a clear error naming the prop', (_name, props, message) => {
    expect(() => build(props)).toThrow(message);
  });
});

describeNagCleanWithSnapshot(() => build().stack);
