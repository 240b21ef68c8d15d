import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AccessAnalyzerType, AccountBaseline, AccountBaselineProps } from '../../../constructs/account-baseline';
import { METADATA } from '../../../lib/conventions';
import { describeNagCleanWithSnapshot } from '../governance-test-utils';

const ENV = { account: '333333333333', region: 'eu-west-1' };

function build(props?: AccountBaselineProps) {
  const stack = new Stack(new App(), 'Workload', { env: ENV });
  const construct = new AccountBaseline(stack, 'Baseline', props);
  return { stack, construct, template: Template.fromStack(stack) };
}


describe('AccountBaseline: defaults', () => {
  // GIVEN / WHEN
  const { stack, template } = build();

  test('three SDK custom resources: password policy, EBS encryption by default, account-level S3 Block Public Access', () => {
    // THEN
    template.resourceCountIs('Custom::AWS', 3);
    const creates = Object.values(template.findResources('Custom::AWS')).map((r) => stack.resolve(r.Properties.Create));
    const text = JSON.stringify(creates);
    expect(text).toMatch(/updateAccountPasswordPolicy/);
    expect(text).toMatch(/\\"MinimumPasswordLength\\":14/);
    expect(text).toMatch(/\\"PasswordReusePrevention\\":24/);
    expect(text).toMatch(/\\"RequireSymbols\\":true/);
    expect(text).toMatch(/enableEbsEncryptionByDefault/);
    expect(text).toMatch(/putPublicAccessBlock/);
    expect(text).toMatch(/\\"AccountId\\":\\"333333333333\\"/);
    expect(text).toMatch(/\\"RestrictPublicBuckets\\":true/);
  });

  test('each custom resource may call only its one action', () => {
    // THEN
    for (const action of ['iam:UpdateAccountPasswordPolicy', 'ec2:EnableEbsEncryptionByDefault', 's3:PutAccountPublicAccessBlock']) {
      template.hasResourceProperties('AWS::IAM::Policy', { PolicyDocument: { Statement: [{ Action: action, Effect: 'Allow', Resource: '*' }] } });
    }
  });

  test('no Lambda code of our own and no SDK download at deploy time', () => {
    // THEN
    template.resourceCountIs('AWS::Lambda::Function', 1);
    for (const r of Object.values(template.findResources('Custom::AWS'))) expect(r.Properties.InstallLatestAwsSdk).toBe(false);
  });

  test('an account-level IAM Access Analyzer marked as a runtime control', () => {
    // THEN
    template.hasResource('AWS::AccessAnalyzer::Analyzer', {
      Properties: { Type: 'ACCOUNT' },
      Metadata: { [METADATA.RUNTIME_CONTROL]: 'ACCESS_ANALYZER', [METADATA.CHECKLIST_ITEMS]: ['1.17', '1.19'] },
    });
  });

  test('a central KMS-encrypted alarm topic', () => {
    // THEN
    template.hasResource('AWS::SNS::Topic', { Properties: { KmsMasterKeyId: Match.anyValue() }, Metadata: { [METADATA.CHECKLIST_ITEMS]: ['2.4'] } });
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  describeNagCleanWithSnapshot(() => stack);
});

describe('AccountBaseline: overrides', () => {
  test('a custom password policy, organization analyzer and alarm e-mails', () => {
    // GIVEN / WHEN
    const { stack, template } = build({
      passwordPolicy: { minimumPasswordLength: 20, passwordReusePrevention: 12, maxPasswordAge: 60, hardExpiry: true },
      accessAnalyzerType: AccessAnalyzerType.ORGANIZATION,
      alarmEmails: ['ops@example.com'],
    });
    // THEN
    const text = JSON.stringify(Object.values(template.findResources('Custom::AWS')).map((r) => stack.resolve(r.Properties.Create)));
    expect(text).toMatch(/\\"MinimumPasswordLength\\":20/);
    expect(text).toMatch(/\\"HardExpiry\\":true/);
    template.hasResourceProperties('AWS::AccessAnalyzer::Analyzer', { Type: 'ORGANIZATION' });
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.com' });
  });

  test('every setting can be turned off', () => {
    // GIVEN / WHEN
    const { template } = build({ managePasswordPolicy: false, ebsEncryptionByDefault: false, s3AccountPublicAccessBlock: false, accessAnalyzer: false });
    // THEN
    template.resourceCountIs('Custom::AWS', 0);
    template.resourceCountIs('AWS::Lambda::Function', 0);
    template.resourceCountIs('AWS::AccessAnalyzer::Analyzer', 0);
    template.resourceCountIs('AWS::SNS::Topic', 1);
  });
});

describe('AccountBaseline: validation', () => {
  test.each<[string, AccountBaselineProps, RegExp]>([
    ['short minimum password length', { passwordPolicy: { minimumPasswordLength: 8 } }, /AccountBaseline: 'passwordPolicy.minimumPasswordLength' must be a whole number between 14 and 128.*got 8/],
    ['password reuse prevention', { passwordPolicy: { passwordReusePrevention: 30 } }, /'passwordPolicy.passwordReusePrevention' must be a whole number between 1 and 24, got 30/],
    ['password age', { passwordPolicy: { maxPasswordAge: 0 } }, /'passwordPolicy.maxPasswordAge' must be a whole number of days between 1 and 1095, got 0/],
    ['policy settings without a managed policy', { managePasswordPolicy: false, passwordPolicy: {} }, /'passwordPolicy' must not be set when managePasswordPolicy is false/],
    ['alarm e-mail', { alarmEmails: ['ops'] }, /'alarmEmails' must list e-mail addresses, got 'ops'/],
  ])('rejects a wrong %s', (_, props, message) => {
    // GIVEN
    const stack = new Stack(new App(), 'Workload', { env: ENV });
    // WHEN / THEN
    expect(() => new AccountBaseline(stack, 'Baseline', props)).toThrow(message);
  });
});
