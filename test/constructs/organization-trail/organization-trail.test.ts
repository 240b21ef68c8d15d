import { App, Stack, aws_logs as logs, aws_sns as sns } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { OrganizationTrail, OrganizationTrailProps, TRAIL_ALARMS } from '../../../constructs/organization-trail';
import { METADATA } from '../../../lib/conventions';
import { awsSolutionsViolations, stableTemplate } from '../governance-test-utils';

const MGMT = { account: '111111111111', region: 'eu-west-1' };
const KEY_ARN = 'arn:aws:kms:eu-west-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const PROPS: OrganizationTrailProps = { bucketName: 'acme-audit-logs', kmsKeyArn: KEY_ARN, auditAccountId: '222222222222' };

function build(props: Partial<OrganizationTrailProps> = {}, env: { account?: string; region?: string } | undefined = MGMT) {
  const stack = new Stack(new App(), 'Management', { env });
  const construct = new OrganizationTrail(stack, 'Trail', { ...PROPS, ...props });
  return { stack, construct, template: Template.fromStack(stack) };
}

describe('OrganizationTrail: defaults', () => {
  // GIVEN / WHEN
  const { stack, template } = build();

  test('an organization-wide, multi-region trail with global events and log file validation, into the audit bucket and key', () => {
    // THEN
    template.hasResourceProperties('AWS::CloudTrail::Trail', {
      TrailName: 'organization-trail',
      IsLogging: true,
      IsOrganizationTrail: true,
      IsMultiRegionTrail: true,
      IncludeGlobalServiceEvents: true,
      EnableLogFileValidation: true,
      S3BucketName: 'acme-audit-logs',
      KMSKeyId: KEY_ARN,
    });
  });

  test('no CloudWatch Logs delivery and no alarms unless asked', () => {
    // THEN
    template.resourceCountIs('AWS::Logs::LogGroup', 0);
    template.resourceCountIs('AWS::CloudWatch::Alarm', 0);
    template.resourceCountIs('AWS::S3::Bucket', 0);
  });

  test('is nag-clean under AwsSolutionsChecks', () => {
    // THEN
    expect(awsSolutionsViolations(stack)).toEqual([]);
  });
});

describe('OrganizationTrail: CloudWatch Logs and alarms', () => {
  // GIVEN / WHEN
  const { stack, construct, template } = build({ cloudWatchLogs: {} });

  test('delivers to an encrypted, retained log group kept one year, through a role limited to its streams', () => {
    // THEN
    template.hasResource('AWS::Logs::LogGroup', { DeletionPolicy: 'Retain', Properties: { RetentionInDays: 365, KmsKeyId: Match.anyValue() } });
    template.hasResourceProperties('AWS::CloudTrail::Trail', { CloudWatchLogsLogGroupArn: Match.anyValue(), CloudWatchLogsRoleArn: Match.anyValue() });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [Match.objectLike({ Action: ['logs:CreateLogStream', 'logs:PutLogEvents'] })] },
    });
  });

  test('one metric filter and one alarm, with an SNS action and runtime-control metadata, per CIS event', () => {
    // THEN
    template.resourceCountIs('AWS::Logs::MetricFilter', TRAIL_ALARMS.length);
    template.resourceCountIs('AWS::CloudWatch::Alarm', 7);
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms.map((a) => a.Metadata[METADATA.RUNTIME_CONTROL]).sort()).toEqual([
      'CLOUDTRAIL_CHANGE_ALARM',
      'CONSOLE_SIGNIN_WITHOUT_MFA_ALARM',
      'IAM_POLICY_CHANGE_ALARM',
      'NACL_CHANGE_ALARM',
      'ROOT_ACTIVITY_ALARM',
      'SECURITY_GROUP_CHANGE_ALARM',
      'UNAUTHORIZED_API_CALLS_ALARM',
    ]);
    for (const a of alarms) expect(a.Properties.AlarmActions).toEqual([{ Ref: expect.stringMatching(/^TrailAlarmTopic/) }]);
    expect(Object.keys(construct.alarms)).toHaveLength(7);
  });

  test('the root-activity filter matches root calls not made by a service', () => {
    // THEN
    template.hasResourceProperties('AWS::Logs::MetricFilter', {
      FilterPattern: Match.stringLikeRegexp('\\$\\.userIdentity\\.type = "Root"'),
      MetricTransformations: [{ MetricNamespace: 'CdkCompetency/CloudTrail', MetricName: 'RootActivity', MetricValue: '1' }],
    });
  });

  test('the alarm topic is KMS-encrypted and TLS-only', () => {
    // THEN
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  test('is nag-clean under AwsSolutionsChecks', () => {
    // THEN
    expect(awsSolutionsViolations(stack)).toEqual([]);
  });

  test('snapshot', () => {
    // THEN
    expect(stableTemplate(stack)).toMatchSnapshot();
  });
});

describe('OrganizationTrail: overrides', () => {
  test('trail name, log retention and an existing alarm topic', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Management', { env: MGMT });
    const topic = new sns.Topic(stack, 'Existing');
    // WHEN
    new OrganizationTrail(stack, 'Trail', { ...PROPS, trailName: 'org-trail', cloudWatchLogs: { retention: logs.RetentionDays.TEN_YEARS, alarmTopic: topic } });
    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::CloudTrail::Trail', { TrailName: 'org-trail' });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 3653 });
    template.resourceCountIs('AWS::SNS::Topic', 1);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmActions: [{ Ref: stack.getLogicalId(topic.node.defaultChild as sns.CfnTopic) }] });
  });

  test('an environment-agnostic stack gets a deploy-time rule that the trail account is not the audit account', () => {
    // GIVEN / WHEN
    const { template } = build({}, {});
    // THEN
    expect(template.toJSON().Rules).toMatchObject({
      TrailTrailAccountDiffersFromAuditAccountFA12DC3F: expect.objectContaining({
        Assertions: [expect.objectContaining({ Assert: { 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'AWS::AccountId' }, '222222222222'] }] } })],
      }),
    });
  });
});

describe('OrganizationTrail: validation', () => {
  test.each<[string, Partial<OrganizationTrailProps>, RegExp]>([
    ['audit account ID', { auditAccountId: '12' }, /OrganizationTrail: 'auditAccountId' must be a 12-digit account ID, got '12'/],
    ['audit account equal to the trail account', { auditAccountId: '111111111111', kmsKeyArn: KEY_ARN.replace('222222222222', '111111111111') }, /'auditAccountId' must differ from the trail's own account 111111111111.*got '111111111111'/],
    ['bucket name', { bucketName: 'Audit_Logs' }, /'bucketName' must be a valid S3 bucket name.*got 'Audit_Logs'/],
    ['trail name', { trailName: 'a' }, /'trailName' must be 3-128 letters.*got 'a'/],
    ['KMS key ARN', { kmsKeyArn: 'alias/audit' }, /'kmsKeyArn' must be a KMS key ARN like 'arn:aws:kms:<region>:<account>:key\/<key-id>', got 'alias\/audit'/],
    ['KMS key of another account', { kmsKeyArn: KEY_ARN.replace('222222222222', '333333333333') }, /'kmsKeyArn' must be a key of the audit account 222222222222.*got 'arn:aws:kms:eu-west-1:333333333333/],
  ])('rejects a wrong %s', (_, props, message) => {
    // GIVEN
    const stack = new Stack(new App(), 'Management', { env: MGMT });
    // WHEN / THEN
    expect(() => new OrganizationTrail(stack, 'Trail', { ...PROPS, ...props })).toThrow(message);
  });
});
