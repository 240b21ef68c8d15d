import { App, CliCredentialsStackSynthesizer, Duration, Stack, Token, aws_sns as sns } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { BackupDestinationVault, BackupDestinationVaultProps, CrossAccountBackup, CrossAccountBackupProps } from '../../../constructs/cross-account-backup';
import { METADATA } from '../../../lib/conventions';
import { awsSolutionsViolations, competencyFindings, stableTemplate, describeNagCleanWithSnapshot } from '../governance-test-utils';

const WORKLOAD = { account: '333333333333', region: 'eu-west-1' };
const DR = { account: '444444444444', region: 'eu-west-1' };
const DR_VAULT = 'arn:aws:backup:eu-west-1:444444444444:backup-vault:dr-vault';
const PROPS: CrossAccountBackupProps = { rpo: Duration.hours(24), rto: Duration.hours(8), copyTo: { vaultArn: DR_VAULT } };

function build(props: Partial<CrossAccountBackupProps> = {}) {
  const stack = new Stack(new App(), 'Workload', { env: WORKLOAD });
  const construct = new CrossAccountBackup(stack, 'Backup', { ...PROPS, ...props });
  return { stack, construct, template: Template.fromStack(stack) };
}

describe('CrossAccountBackup: defaults', () => {
  // GIVEN / WHEN
  const { stack, template } = build();

  test('a retained, customer-key-encrypted vault under Vault Lock that refuses manual deletion', () => {
    // THEN
    template.hasResource('AWS::Backup::BackupVault', {
      DeletionPolicy: 'Retain',
      Properties: {
        EncryptionKeyArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^BackupVaultKey'), 'Arn'] },
        LockConfiguration: { MinRetentionDays: 7, MaxRetentionDays: 365, ChangeableForDays: 3 },
        AccessPolicy: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Action: Match.arrayWith(['backup:DeleteRecoveryPoint']) })]) },
      },
    });
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  test('one Deny statement for every principal but the CloudFormation execution role on deletion, lifecycle and access policy changes (BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED)', () => {
    // THEN: the policy can still change through a deployment (the old template denied PutBackupVaultAccessPolicy to everyone)
    template.hasResourceProperties('AWS::Backup::BackupVault', {
      AccessPolicy: {
        Statement: Match.arrayWith([
          {
            Sid: 'DenyManualDeletionOfRecoveryPoints',
            Effect: 'Deny',
            Principal: { AWS: '*' },
            Action: ['backup:DeleteRecoveryPoint', 'backup:UpdateRecoveryPointLifecycle', 'backup:PutBackupVaultAccessPolicy', 'backup:DeleteBackupVaultAccessPolicy'],
            Resource: '*',
            Condition: { ArnNotEquals: { 'aws:PrincipalArn': [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::333333333333:role/cdk-hnb659fds-cfn-exec-role-333333333333-eu-west-1']] }] } },
          },
          {
            Sid: 'DenyDeletingRecoveryPointsAndTheLock',
            Effect: 'Deny',
            Principal: { AWS: '*' },
            Action: ['backup:DeleteRecoveryPoint', 'backup:UpdateRecoveryPointLifecycle', 'backup:DeleteBackupVaultLockConfiguration'],
            Resource: '*',
          },
        ]),
      },
    });
  });

  test('named policy administrators replace the execution role; a synthesizer without one leaves the policy immutable, with a warning', () => {
    // GIVEN / WHEN
    const named = build({ vaultLock: { accessPolicyAdministratorArns: ['arn:aws:iam::333333333333:role/vault-admin'] } }).template;
    const cliStack = new Stack(new App(), 'Cli', { env: WORKLOAD, synthesizer: new CliCredentialsStackSynthesizer() });
    new CrossAccountBackup(cliStack, 'Backup', PROPS);
    // THEN
    named.hasResourceProperties('AWS::Backup::BackupVault', {
      AccessPolicy: { Statement: Match.arrayWith([Match.objectLike({ Sid: 'DenyManualDeletionOfRecoveryPoints', Condition: { ArnNotEquals: { 'aws:PrincipalArn': ['arn:aws:iam::333333333333:role/vault-admin'] } } })]) },
    });
    const cli = Template.fromStack(cliStack).findResources('AWS::Backup::BackupVault');
    expect(Object.values(cli)[0].Properties.AccessPolicy.Statement[0].Condition).toBeUndefined();
    expect(Annotations.fromStack(cliStack).findWarning('*', Match.stringLikeRegexp('vault-policy-immutable|no administrator is known')).length).toBe(1);
  });

  test('a daily plan keeping 35 days and copying to the DR account vault', () => {
    // THEN
    template.hasResourceProperties('AWS::Backup::BackupPlan', {
      BackupPlan: {
        BackupPlanRule: [
          Match.objectLike({
            ScheduleExpression: 'cron(0 5 * * ? *)',
            Lifecycle: { DeleteAfterDays: 35 },
            CopyActions: [{ DestinationBackupVaultArn: DR_VAULT, Lifecycle: { DeleteAfterDays: 35 } }],
          }),
        ],
      },
    });
  });

  test('selects resources tagged Backup=true', () => {
    // THEN
    template.hasResourceProperties('AWS::Backup::BackupSelection', {
      BackupSelection: Match.objectLike({ ListOfTags: [{ ConditionKey: 'Backup', ConditionType: 'STRINGEQUALS', ConditionValue: 'true' }] }),
    });
  });

  test('shares the vault key with the DR account for copies, through AWS Backup and EC2 only, grants for AWS resources only', () => {
    // THEN (the old statement gave the DR account kms:CreateGrant and kms:Decrypt without a condition)
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'AllowCopyTargetAccountToUseKeyThroughBackup',
            Principal: { AWS: { 'Fn::Join': ['', Match.arrayWith([':iam::444444444444:root'])] } },
            Action: ['kms:Decrypt', 'kms:DescribeKey', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'],
            Condition: { StringLike: { 'kms:ViaService': [Match.anyValue(), Match.anyValue()] } },
          }),
          Match.objectLike({
            Sid: 'AllowCopyTargetAccountToCreateGrantsForBackup',
            Action: 'kms:CreateGrant',
            Condition: { Bool: { 'kms:GrantIsForAWSResource': true } },
          }),
        ]),
      },
    });
    const policies = JSON.stringify(template.findResources('AWS::KMS::Key'));
    expect(policies).toContain('backup.*.');
    expect(policies).toContain('ec2.*.');
  });

  test('the selection role carries the S3 policies at the ARNs AWS publishes them (no service-role/ path)', () => {
    // THEN (the old template attached arn:<partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForS3Backup)
    const arns = JSON.stringify(Object.values(template.findResources('AWS::IAM::Role')).map((r) => r.Properties.ManagedPolicyArns));
    expect(arns).toContain('":iam::aws:policy/AWSBackupServiceRolePolicyForS3Backup"');
    expect(arns).toContain('":iam::aws:policy/AWSBackupServiceRolePolicyForS3Restore"');
    expect(arns).not.toMatch(/service-role\/AWSBackupServiceRolePolicyForS3/);
  });

  test('weekly restore testing of EBS, EC2, RDS and DynamoDB recovery points of the vault', () => {
    // THEN
    template.hasResourceProperties('AWS::Backup::RestoreTestingPlan', {
      ScheduleExpression: 'cron(0 6 ? * SUN *)',
      RecoveryPointSelection: { Algorithm: 'LATEST_WITHIN_WINDOW', IncludeVaults: [Match.anyValue()], RecoveryPointTypes: ['SNAPSHOT'], SelectionWindowDays: 7 },
    });
    template.resourceCountIs('AWS::Backup::RestoreTestingSelection', 4);
    template.hasResourceProperties('AWS::Backup::RestoreTestingSelection', {
      ProtectedResourceType: 'RDS',
      ProtectedResourceArns: ['*'],
      ProtectedResourceConditions: { StringEquals: [{ Key: 'aws:ResourceTag/Backup', Value: 'true' }] },
    });
  });

  test('the plan and the restore testing plan are marked as the runtime controls the evidence report looks for', () => {
    // THEN
    template.hasResource('AWS::Backup::BackupPlan', { Metadata: { [METADATA.RUNTIME_CONTROL]: 'BACKUP_CROSS_ACCOUNT_COPY', [METADATA.CHECKLIST_ITEMS]: ['2.6', '2.13'] } });
    template.hasResource('AWS::Backup::RestoreTestingPlan', { Metadata: { [METADATA.RUNTIME_CONTROL]: 'BACKUP_RESTORE_TESTING', [METADATA.CHECKLIST_ITEMS]: ['2.7'] } });
  });

  test('declares the recovery objectives in the template metadata', () => {
    // THEN
    expect(template.toJSON().Metadata[METADATA.RECOVERY_OBJECTIVES]).toEqual({ rpoMinutes: 1440, rtoMinutes: 480 });
  });

  describeNagCleanWithSnapshot(() => stack);
});

describe('CrossAccountBackup: overrides', () => {
  test('schedule, retention, copies, cross-region copy, lock, tag, restore testing and notifications', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Workload', { env: WORKLOAD });
    const topic = new sns.Topic(stack, 'Topic');
    // WHEN
    new CrossAccountBackup(stack, 'Backup', {
      rpo: Duration.hours(4),
      rto: Duration.hours(2),
      schedule: 'cron(0 */4 * * ? *)',
      retention: Duration.days(30),
      vaultName: 'workload-vault',
      vaultLock: { minRetention: Duration.days(14), maxRetention: Duration.days(730), changeableFor: Duration.days(7) },
      copyTo: { vaultArn: DR_VAULT, retention: Duration.days(90) },
      copyToRegion: { vaultArn: 'arn:aws:backup:eu-central-1:333333333333:backup-vault:replica' },
      selectionTag: { key: 'backup-tier', value: 'gold' },
      restoreTesting: { schedule: 'cron(0 3 1 * ? *)', resourceTypes: ['S3'], selectionWindow: Duration.days(30), planName: 'monthly_restores' },
      notificationTopic: topic,
    });
    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Backup::BackupVault', {
      BackupVaultName: 'workload-vault',
      LockConfiguration: { MinRetentionDays: 14, MaxRetentionDays: 730, ChangeableForDays: 7 },
      Notifications: { BackupVaultEvents: ['BACKUP_JOB_FAILED', 'COPY_JOB_FAILED', 'RESTORE_JOB_COMPLETED'], SNSTopicArn: Match.anyValue() },
    });
    template.hasResourceProperties('AWS::Backup::BackupPlan', {
      BackupPlan: {
        BackupPlanRule: [
          Match.objectLike({
            ScheduleExpression: 'cron(0 */4 * * ? *)',
            Lifecycle: { DeleteAfterDays: 30 },
            CopyActions: [
              { DestinationBackupVaultArn: DR_VAULT, Lifecycle: { DeleteAfterDays: 90 } },
              { DestinationBackupVaultArn: 'arn:aws:backup:eu-central-1:333333333333:backup-vault:replica', Lifecycle: { DeleteAfterDays: 30 } },
            ],
          }),
        ],
      },
    });
    template.hasResourceProperties('AWS::Backup::RestoreTestingPlan', { RestoreTestingPlanName: 'monthly_restores', ScheduleExpression: 'cron(0 3 1 * ? *)' });
    template.resourceCountIs('AWS::Backup::RestoreTestingSelection', 1);
    template.hasResourceProperties('AWS::Backup::RestoreTestingSelection', { ProtectedResourceType: 'S3', ProtectedResourceConditions: { StringEquals: [{ Key: 'aws:ResourceTag/backup-tier', Value: 'gold' }] } });
    // S3 restore tests need AWSBackupServiceRolePolicyForS3Restore besides ...ForRestores (absent from the old template)
    template.hasResourceProperties('AWS::IAM::Role', {
      Description: 'Restores recovery points for AWS Backup restore testing',
      ManagedPolicyArns: [
        { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores']] },
        { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AWSBackupServiceRolePolicyForS3Restore']] },
      ],
    });
    // AWS Backup publishes to the topic for this account's vaults only
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Principal: { Service: 'backup.amazonaws.com' }, Action: 'sns:Publish', Condition: { StringEquals: { 'aws:SourceAccount': '333333333333' } } })]) },
    });
    expect(template.toJSON().Metadata[METADATA.RECOVERY_OBJECTIVES]).toEqual({ rpoMinutes: 240, rtoMinutes: 120 });
  });

  test('access policy changes can be left allowed', () => {
    // GIVEN / WHEN
    const { template } = build({ vaultLock: { denyAccessPolicyChanges: false } });
    // THEN
    template.hasResourceProperties('AWS::Backup::BackupVault', {
      AccessPolicy: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Action: ['backup:DeleteRecoveryPoint', 'backup:UpdateRecoveryPointLifecycle'] })]) },
    });
  });

  test('restore testing can be turned off', () => {
    // GIVEN / WHEN
    const { template } = build({ restoreTesting: { enabled: false } });
    // THEN
    template.resourceCountIs('AWS::Backup::RestoreTestingPlan', 0);
    template.resourceCountIs('AWS::Backup::RestoreTestingSelection', 0);
  });

  test('an environment-agnostic stack gets a deploy-time rule that the copy target is in another account', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Workload');
    // WHEN
    new CrossAccountBackup(stack, 'Backup', PROPS);
    // THEN
    const rules = Template.fromStack(stack).toJSON().Rules;
    expect(Object.values(rules)).toContainEqual({
      Assertions: [{ Assert: { 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'AWS::AccountId' }, '444444444444'] }] }, AssertDescription: expect.stringMatching(/another account/) }],
    });
  });
});

describe('CrossAccountBackup: validation', () => {
  test.each<[string, Partial<CrossAccountBackupProps>, RegExp]>([
    ['RTO of 24 hours', { rto: Duration.hours(24) }, /CrossAccountBackup: 'rto' must be shorter than 24 hours \(item 2.11\), got '1 day'/],
    ['RPO shorter than the schedule', { rpo: Duration.hours(12) }, /'rpo' must not be shorter than the longest interval between two backups of schedule 'cron\(0 5 \* \* \? \*\)' \(24 hours\), got '12 hours'/],
    ['schedule', { schedule: 'rate(1 day)' }, /'schedule' must be an AWS Backup cron expression like 'cron\(0 5 \* \* \? \*\)': the schedule is a rate expression: AWS Backup accepts only cron expressions.*got 'rate\(1 day\)'/],
    ['schedule that stops', { schedule: 'cron(0 5 * * ? 2030)' }, /'schedule' must be an AWS Backup cron expression .*stops running after 2030/],
    ['day of month and day of week', { schedule: 'cron(0 5 1 * MON *)' }, /'schedule' .*cannot give both a day-of-month and a day-of-week/],
    ['sub-hourly schedule', { schedule: 'cron(0/30 * * * ? *)', rpo: Duration.hours(1) }, /'schedule' .*runs 30 minutes apart: AWS Backup needs at least 60 minutes between two backup jobs/],
    ['schedule unknown at synth', { schedule: Token.asString({ Ref: 'Schedule' }) }, /'schedule' must be known at synth/],
    ['copy target in the same account', { copyTo: { vaultArn: 'arn:aws:backup:eu-west-1:333333333333:backup-vault:local' } }, /'copyTo.vaultArn' must name a vault in another account than the source account 333333333333 \(item 2.13\)/],
    ['copy target ARN', { copyTo: { vaultArn: 'arn:aws:s3:::bucket' } }, /'copyTo.vaultArn' must be a backup vault ARN like 'arn:aws:backup:<region>:<account>:backup-vault:<name>', got 'arn:aws:s3:::bucket'/],
    ['missing copy target', { copyTo: undefined as never }, /'copyTo' must name a vault in another account \(item 2.13\), got nothing/],
    ['cross-region copy in the same region', { copyToRegion: { vaultArn: 'arn:aws:backup:eu-west-1:333333333333:backup-vault:replica' } }, /'copyToRegion.vaultArn' must name a vault in another region than the source region eu-west-1/],
    ['copy retention shorter than the plan', { copyTo: { vaultArn: DR_VAULT, retention: Duration.days(7) } }, /'copyTo.retention' must be at least the plan retention \(35 days\), got '7 days'/],
    ['retention outside the lock range', { retention: Duration.days(400) }, /'retention' must lie within the vault lock range 7-365 days, got '400 days'/],
    ['lock min above max', { vaultLock: { minRetention: Duration.days(30), maxRetention: Duration.days(10) }, retention: Duration.days(30) }, /'vaultLock.minRetention' must not exceed vaultLock.maxRetention \(10 days\), got '30 days'/],
    ['lock cooling-off period', { vaultLock: { changeableFor: Duration.days(1) } }, /'vaultLock.changeableFor' must be at least 3 days.*got '1 days'/],
    ['vault name', { vaultName: 'my vault!' }, /'vaultName' must be 2-50 letters, digits, hyphens or underscores, got 'my vault!'/],
    ['selection tag', { selectionTag: { key: '', value: 'true' } }, /'selectionTag.key' must be 1-128 characters, got ''/],
    ['restore testing schedule', { restoreTesting: { schedule: 'weekly' } }, /'restoreTesting.schedule' must be an AWS Backup cron expression.*got 'weekly'/],
    ['restore testing resource type', { restoreTesting: { resourceTypes: ['Lambda'] } }, /'restoreTesting.resourceTypes' must list only Aurora, .*got 'Lambda'/],
    ['empty restore testing resource types', { restoreTesting: { resourceTypes: [] } }, /'restoreTesting.resourceTypes' must not be empty/],
    ['restore testing window', { restoreTesting: { selectionWindow: Duration.days(400) } }, /'restoreTesting.selectionWindow' must be a whole number of days between 1 and 365, got '400 days'/],
    ['restore testing plan name', { restoreTesting: { planName: '1-plan' } }, /'restoreTesting.planName' must be 1-50 letters, digits or underscores, starting with a letter, got '1-plan'/],
    ['restore testing type listed twice', { restoreTesting: { resourceTypes: ['EBS', 'EBS'] } }, /'restoreTesting.resourceTypes' must list each resource type once, got 'EBS'/],
    ['RTO unknown at synth (hours)', { rto: Duration.hours(Token.asNumber({ Ref: 'RtoHours' })) }, /CrossAccountBackup: 'rto' must be a concrete duration \(it is declared in the template for items 2.10 and 2.11\), got an unresolved token/],
    ['RPO unknown at synth (minutes)', { rpo: Duration.minutes(Token.asNumber({ Ref: 'RpoMinutes' })) }, /CrossAccountBackup: 'rpo' must be a concrete duration/],
  ])('rejects a wrong %s', (_, props, message) => {
    // GIVEN
    const stack = new Stack(new App(), 'Workload', { env: WORKLOAD });
    // WHEN / THEN
    expect(() => new CrossAccountBackup(stack, 'Backup', { ...PROPS, ...props })).toThrow(message);
  });
});

describe('BackupDestinationVault', () => {
  function dest(props: BackupDestinationVaultProps) {
    const stack = new Stack(new App(), 'Dr', { env: DR });
    const construct = new BackupDestinationVault(stack, 'Copies', props);
    return { stack, construct, template: Template.fromStack(stack) };
  }

  describe('defaults (organization)', () => {
    // GIVEN / WHEN
    const { stack, construct, template } = dest({ organizationId: 'o-abcdef1234', vaultName: 'dr-vault' });

    test('a locked, retained vault admitting copies only from the organization', () => {
      // THEN
      template.hasResource('AWS::Backup::BackupVault', {
        DeletionPolicy: 'Retain',
        Properties: {
          BackupVaultName: 'dr-vault',
          LockConfiguration: { MinRetentionDays: 7, MaxRetentionDays: 365, ChangeableForDays: 3 },
          AccessPolicy: {
            Statement: Match.arrayWith([
              Match.objectLike({ Effect: 'Deny', Action: Match.arrayWith(['backup:DeleteRecoveryPoint']) }),
              Match.objectLike({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'backup:CopyIntoBackupVault', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abcdef1234' } } }),
            ]),
          },
        },
      });
      expect(stack.resolve(construct.vaultArn)).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^CopiesVault/), 'BackupVaultArn'] });
    });

    test.each(['networking', 'microsoft-workloads'] as const)('is clean under CompetencyChecks (%s, strict)', (checklist) => {
      // THEN
      expect(competencyFindings(stack, checklist)).toEqual([]);
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

  test('named source accounts', () => {
    // GIVEN / WHEN
    const { template } = dest({ sourceAccountIds: ['333333333333', '555555555555'] });
    // THEN
    template.hasResourceProperties('AWS::Backup::BackupVault', {
      AccessPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'AllowCopyIntoVaultFromSourceAccounts',
            Action: 'backup:CopyIntoBackupVault',
            Principal: { AWS: [Match.objectLike({ 'Fn::Join': Match.anyValue() }), Match.objectLike({ 'Fn::Join': Match.anyValue() })] },
          }),
        ]),
      },
    });
  });

  test.each<[string, BackupDestinationVaultProps, RegExp]>([
    ['no admitted principal', {}, /BackupDestinationVault: 'organizationId' or 'sourceAccountIds' must be given/],
    ['organization ID', { organizationId: 'o-1' }, /'organizationId' must be an AWS Organizations ID like 'o-a1b2c3d4e5', got 'o-1'/],
    ['source account ID', { sourceAccountIds: ['33'] }, /'sourceAccountIds' must list 12-digit account IDs, got '33'/],
    ['own account as source', { sourceAccountIds: ['444444444444'] }, /'sourceAccountIds' must not list the vault's own account 444444444444/],
    ['vault name', { organizationId: 'o-abcdef1234', vaultName: 'x' }, /'vaultName' must be 2-50 letters, digits, hyphens or underscores, got 'x'/],
    ['lock', { organizationId: 'o-abcdef1234', vaultLock: { minRetention: Duration.days(0) } }, /'vaultLock.minRetention' must be at least 1 day, got '0 days'/],
  ])('rejects a wrong %s', (_, props, message) => {
    // GIVEN
    const stack = new Stack(new App(), 'Dr', { env: DR });
    // WHEN / THEN
    expect(() => new BackupDestinationVault(stack, 'Copies', props)).toThrow(message);
  });
});
