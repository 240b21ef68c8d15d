import { App, CliCredentialsStackSynthesizer, Duration, Stack, aws_sns as sns } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { CrossAccountBackup } from '../../../constructs/cross-account-backup';
import { RUNTIME_CONTROL_CATALOG, RuntimeControls, RuntimeControlsProps } from '../../../constructs/runtime-controls';
import { METADATA } from '../../../lib/conventions';
import { awsSolutionsViolations, describeNagCleanWithSnapshot } from '../governance-test-utils';

const ENV = { account: '333333333333', region: 'eu-west-1' };

/** The BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED rule of a template. */
function deletionRule(template: Template): any {
  return Object.values(template.findResources('AWS::Config::ConfigRule')).find((r) => r.Properties.Source.SourceIdentifier === 'BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED');
}

/** A template value as CloudFormation renders it in the aws partition (`Fn::Join` of literals and `AWS::Partition`). */
function inPartitionAws(value: any): any {
  if (Array.isArray(value)) return value.map(inPartitionAws);
  if (value?.['Fn::Join']) return (value['Fn::Join'][1] as any[]).map((p) => (p?.Ref === 'AWS::Partition' ? 'aws' : inPartitionAws(p))).join(value['Fn::Join'][0]);
  if (value && typeof value === 'object') throw new Error(`cannot render ${JSON.stringify(value)}`);
  return value;
}

function build(props?: RuntimeControlsProps) {
  const stack = new Stack(new App(), 'Workload', { env: ENV });
  const construct = new RuntimeControls(stack, 'Controls', props);
  return { stack, construct, template: Template.fromStack(stack) };
}

const REQUIRED = [
  'ROOT_ACCOUNT_MFA_ENABLED', 'IAM_USER_MFA_ENABLED', 'MFA_ENABLED_FOR_IAM_CONSOLE_ACCESS', 'IAM_PASSWORD_POLICY', 'ACCESS_KEYS_ROTATED',
  'IAM_USER_UNUSED_CREDENTIALS_CHECK', 'IAM_ROOT_ACCESS_KEY_CHECK', 'MULTI_REGION_CLOUD_TRAIL_ENABLED', 'CLOUD_TRAIL_ENABLED',
  'CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED', 'CLOUD_TRAIL_ENCRYPTION_ENABLED', 'S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED',
  'S3_BUCKET_PUBLIC_READ_PROHIBITED', 'S3_BUCKET_PUBLIC_WRITE_PROHIBITED', 'S3_BUCKET_SSL_REQUESTS_ONLY', 'RESTRICTED_INCOMING_TRAFFIC',
  'INCOMING_SSH_DISABLED', 'VPC_DEFAULT_SECURITY_GROUP_CLOSED', 'ENCRYPTED_VOLUMES', 'EC2_EBS_ENCRYPTION_BY_DEFAULT',
  'KMS_CMK_NOT_SCHEDULED_FOR_DELETION', 'CMK_BACKING_KEY_ROTATION_ENABLED', 'VPC_VPN_2_TUNNELS_UP', 'VPC_FLOW_LOGS_ENABLED',
  'CLOUDWATCH_ALARM_ACTION_CHECK', 'EC2_INSTANCE_MANAGED_BY_SSM', 'BACKUP_PLAN_MIN_FREQUENCY_AND_MIN_RETENTION_CHECK',
  'BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED', 'CLOUDFORMATION_STACK_DRIFT_DETECTION_CHECK',
];

describe('RUNTIME_CONTROL_CATALOG', () => {
  test('covers every required managed rule once, each with checklist items and a description', () => {
    // GIVEN
    const ids = RUNTIME_CONTROL_CATALOG.map((c) => c.identifier);
    // WHEN / THEN
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(REQUIRED));
    for (const c of RUNTIME_CONTROL_CATALOG) {
      expect(c.checklistItems.length).toBeGreaterThan(0);
      for (const item of c.checklistItems) expect(item).toMatch(/^[123]\.\d+$/);
      expect(c.description.length).toBeGreaterThan(10);
      for (const value of Object.values(c.parameters ?? {})) expect(typeof value).toBe('string');
    }
  });
});

describe('RuntimeControls: defaults', () => {
  // GIVEN / WHEN
  const { stack, construct, template } = build();

  test('one AWS-managed Config rule per catalog entry, marked with its runtime-control id and checklist items', () => {
    // THEN
    template.resourceCountIs('AWS::Config::ConfigRule', RUNTIME_CONTROL_CATALOG.length);
    const rules = Object.values(template.findResources('AWS::Config::ConfigRule'));
    expect(rules.map((r) => r.Properties.Source.SourceIdentifier).sort()).toEqual(RUNTIME_CONTROL_CATALOG.map((c) => c.identifier).sort());
    for (const r of rules) {
      expect(r.Properties.Source.Owner).toBe('AWS');
      expect(r.Metadata[METADATA.RUNTIME_CONTROL]).toBe(r.Properties.Source.SourceIdentifier);
      expect(r.Metadata[METADATA.CHECKLIST_ITEMS]).toEqual(RUNTIME_CONTROL_CATALOG.find((c) => c.identifier === r.Properties.Source.SourceIdentifier)!.checklistItems);
    }
    expect(Object.keys(construct.rules)).toHaveLength(RUNTIME_CONTROL_CATALOG.length);
  });

  test('the password policy rule demands a strong policy', () => {
    // THEN
    template.hasResourceProperties('AWS::Config::ConfigRule', {
      Source: { Owner: 'AWS', SourceIdentifier: 'IAM_PASSWORD_POLICY' },
      InputParameters: { MinimumPasswordLength: '14', PasswordReusePrevention: '24', MaxPasswordAge: '90', RequireSymbols: 'true' },
    });
  });

  test('the drift detection rule gets a role that AWS Config can assume', () => {
    // THEN
    template.hasResourceProperties('AWS::Config::ConfigRule', {
      Source: { SourceIdentifier: 'CLOUDFORMATION_STACK_DRIFT_DETECTION_CHECK' },
      InputParameters: { cloudformationRoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('DriftDetectionRole'), 'Arn'] } },
    });
    template.hasResourceProperties('AWS::IAM::Role', { AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'config.amazonaws.com' } })] } });
  });

  test('compliance changes go to a KMS-encrypted topic through a rule marked as a runtime control', () => {
    // THEN
    template.hasResource('AWS::Events::Rule', {
      Metadata: { [METADATA.RUNTIME_CONTROL]: 'CONFIG_COMPLIANCE_CHANGE_NOTIFICATION', [METADATA.CHECKLIST_ITEMS]: ['1.19'] },
      Properties: {
        EventPattern: { source: ['aws.config'], 'detail-type': ['Config Rules Compliance Change'] },
        Targets: [Match.objectLike({ Arn: { Ref: Match.stringLikeRegexp('NotificationTopic') } })],
      },
    });
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
  });

  test('no recorder, delivery channel, aggregator or conditions by default', () => {
    // THEN
    template.resourceCountIs('AWS::Config::ConfigurationRecorder', 0);
    template.resourceCountIs('AWS::Config::DeliveryChannel', 0);
    template.resourceCountIs('AWS::Config::ConfigurationAggregator', 0);
    expect(template.toJSON().Conditions).toBeUndefined();
  });

  describeNagCleanWithSnapshot(() => stack);
});

describe('RuntimeControls: overrides', () => {
  test('exclusions with reasons, parameter overrides and an existing topic', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Workload', { env: ENV });
    const topic = new sns.Topic(stack, 'Existing');
    // WHEN
    const controls = new RuntimeControls(stack, 'Controls', {
      exclude: [{ identifier: 'VPC_VPN_2_TUNNELS_UP', reason: 'The workload has no site-to-site VPN.' }],
      parameterOverrides: { ACCESS_KEYS_ROTATED: { maxAccessKeyAge: '7' } },
      notificationTopic: topic,
    });
    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Config::ConfigRule', RUNTIME_CONTROL_CATALOG.length - 1);
    expect(controls.rules.VPC_VPN_2_TUNNELS_UP).toBeUndefined();
    expect(controls.excluded).toEqual([{ identifier: 'VPC_VPN_2_TUNNELS_UP', reason: 'The workload has no site-to-site VPN.' }]);
    template.hasResourceProperties('AWS::Config::ConfigRule', { Source: { SourceIdentifier: 'ACCESS_KEYS_ROTATED' }, InputParameters: { maxAccessKeyAge: '7' } });
    template.resourceCountIs('AWS::SNS::Topic', 1);
    template.resourceCountIs('AWS::KMS::Key', 0);
  });

  test('global rules only in the chosen region, through a condition', () => {
    // GIVEN / WHEN
    const { template } = build({ globalRulesRegion: 'us-east-1' });
    // THEN
    expect(Object.values(template.toJSON().Conditions)).toEqual([{ 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'us-east-1'] }]);
    const rules = Object.values(template.findResources('AWS::Config::ConfigRule'));
    const conditioned = rules.filter((r) => r.Condition !== undefined).map((r) => r.Properties.Source.SourceIdentifier).sort();
    expect(conditioned).toEqual(RUNTIME_CONTROL_CATALOG.filter((c) => c.global).map((c) => c.identifier).sort());
    expect(conditioned).toContain('IAM_PASSWORD_POLICY');
    expect(conditioned).not.toContain('ENCRYPTED_VOLUMES');
  });

  test('a recorder and delivery channel the rules depend on', () => {
    // GIVEN / WHEN
    const { template } = build({ createRecorder: true, recorderDeliveryBucketName: 'acme-config-logs' });
    // THEN
    template.hasResource('AWS::Config::ConfigurationRecorder', {
      Metadata: { [METADATA.RUNTIME_CONTROL]: 'CONFIG_RECORDER' },
      Properties: { RecordingGroup: { AllSupported: true, IncludeGlobalResourceTypes: true } },
    });
    template.hasResourceProperties('AWS::Config::DeliveryChannel', { S3BucketName: 'acme-config-logs' });
    template.hasResource('AWS::Config::ConfigRule', { DependsOn: [Match.stringLikeRegexp('DeliveryChannel'), Match.stringLikeRegexp('Recorder')] });
    // AWS: the recorder must exist before the delivery channel (the old channel had no DependsOn)
    template.hasResource('AWS::Config::DeliveryChannel', { DependsOn: [Match.stringLikeRegexp('Recorder')] });
    template.hasResourceProperties('AWS::Config::ConfigurationRecorder', {
      RoleARN: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, Match.stringLikeRegexp(':role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig$')]] },
    });
  });

  test('the drift-detection role trusts AWS Config of this account only and may read configuration but no data', () => {
    // GIVEN / WHEN
    const { stack, template } = build();
    // THEN (the old role had ReadOnlyAccess alone, which reads every object and item, and an unconditioned trust)
    const roles = Object.values(template.findResources('AWS::IAM::Role')).filter((r) => /drift detection/i.test(r.Properties.Description));
    expect(roles).toHaveLength(1);
    // (IfExists: AWS documents aws:SourceAccount for the role assigned to AWS Config, not whether a managed rule sends it)
    expect(stack.resolve(roles[0].Properties.AssumeRolePolicyDocument.Statement[0].Condition)).toEqual({ StringEqualsIfExists: { 'aws:SourceAccount': stack.resolve(stack.account) } });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [Match.objectLike({ Sid: 'DenyReadingData', Effect: 'Deny', Action: Match.arrayWith(['s3:GetObject', 'dynamodb:GetItem', 'secretsmanager:GetSecretValue', 'kms:Decrypt']), Resource: '*' })] },
    });
  });

  test('the vault deletion rule is told, as one CSV string, exactly the principals the vaults of the same stack exempt (principalArnList)', () => {
    // GIVEN a stack with a locked vault and the runtime controls, as a partner deploys them
    const stack = new Stack(new App(), 'Workload', { env: ENV });
    new CrossAccountBackup(stack, 'Backup', { rpo: Duration.hours(24), rto: Duration.hours(8), copyTo: { vaultArn: 'arn:aws:backup:eu-west-1:444444444444:backup-vault:dr' } });
    new RuntimeControls(stack, 'Controls');
    // WHEN
    const template = Template.fromStack(stack);
    // THEN: the parameter is a string (type CSV), not a JSON array, and names the ArnNotEquals principals of the Deny
    // statement the rule reads (the one with the three actions AWS Config lists)
    const exempted = inPartitionAws(deletionRule(template).Properties.InputParameters.principalArnList);
    expect(typeof exempted).toBe('string');
    const vault = Object.values(template.findResources('AWS::Backup::BackupVault'))[0];
    const read = vault.Properties.AccessPolicy.Statement.find((st: any) => ['backup:DeleteRecoveryPoint', 'backup:UpdateRecoveryPointLifecycle', 'backup:PutBackupVaultAccessPolicy'].every((a) => st.Action.includes(a)));
    expect(read).toMatchObject({ Effect: 'Deny', Principal: { AWS: '*' }, Resource: '*' });
    expect(exempted.split(',')).toEqual(inPartitionAws(read.Condition.ArnNotEquals['aws:PrincipalArn']));
    expect(exempted).toBe('arn:aws:iam::333333333333:role/cdk-hnb659fds-cfn-exec-role-333333333333-eu-west-1');
  });

  test('named vault administrators go to the rule as one comma-separated string; a synthesizer without an execution role leaves the parameter out', () => {
    // GIVEN
    const admins = ['arn:aws:iam::333333333333:role/BackupAdmin', 'arn:aws:iam::333333333333:role/Deployer'];
    // WHEN
    const { template } = build({ parameterOverrides: { BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED: { principalArnList: admins.join(',') } } });
    const noExecRole = new Stack(new App(), 'Cli', { env: ENV, synthesizer: new CliCredentialsStackSynthesizer() });
    new RuntimeControls(noExecRole, 'Controls');
    // THEN
    expect(deletionRule(template).Properties.InputParameters).toEqual({ principalArnList: 'arn:aws:iam::333333333333:role/BackupAdmin,arn:aws:iam::333333333333:role/Deployer' });
    expect(deletionRule(Template.fromStack(noExecRole)).Properties.InputParameters).toBeUndefined();
  });

  test('more principals than AWS documents for the control (five) draw a warning', () => {
    // GIVEN
    const arns = [1, 2, 3, 4, 5, 6].map((i) => `arn:aws:iam::333333333333:role/Admin${i}`).join(',');
    // WHEN
    const { stack } = build({ parameterOverrides: { BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED: { principalArnList: arns } } });
    // THEN
    Annotations.fromStack(stack).hasWarning('*', Match.stringLikeRegexp('exempts 6 principals \\(principalArnList\\); AWS documents up to 5'));
  });

  test('compliance changes reach the topic only from this rule (aws:SourceArn), not from any EventBridge rule', () => {
    // GIVEN / WHEN
    const { template } = build();
    // THEN
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({
        Principal: { Service: 'events.amazonaws.com' },
        Action: 'sns:Publish',
        Condition: Match.objectLike({ ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [Match.stringLikeRegexp('ComplianceChange'), 'Arn'] } } }),
      })]) },
    });
    const unconditioned = Object.values(template.findResources('AWS::SNS::TopicPolicy'))
      .flatMap((p) => p.Properties.PolicyDocument.Statement)
      .filter((st: any) => st.Effect === 'Allow' && st.Principal?.Service && !st.Condition);
    expect(unconditioned).toEqual([]);
  });

  test('an organization aggregator over chosen regions', () => {
    // GIVEN / WHEN
    const { stack, template } = build({ aggregator: { organization: true, regions: ['eu-west-1', 'us-east-1'] } });
    // THEN
    template.hasResourceProperties('AWS::Config::ConfigurationAggregator', {
      OrganizationAggregationSource: { RoleArn: Match.anyValue(), AwsRegions: ['eu-west-1', 'us-east-1'] },
    });
    expect(awsSolutionsViolations(stack)).toEqual([]);
  });

  test('an account aggregator over all regions', () => {
    // GIVEN / WHEN
    const { template } = build({ aggregator: { accountIds: ['333333333333', '444444444444'] } });
    // THEN
    template.hasResourceProperties('AWS::Config::ConfigurationAggregator', {
      AccountAggregationSources: [{ AccountIds: ['333333333333', '444444444444'], AllAwsRegions: true }],
    });
  });
});

describe('RuntimeControls: validation', () => {
  test.each<[string, RuntimeControlsProps, RegExp]>([
    ['unknown exclusion', { exclude: [{ identifier: 'NOT_A_RULE', reason: 'Because it is not a rule.' }] }, /RuntimeControls: 'exclude' must name rules of RUNTIME_CONTROL_CATALOG, got 'NOT_A_RULE'/],
    ['duplicate exclusion', { exclude: [{ identifier: 'VPC_VPN_2_TUNNELS_UP', reason: 'No VPN in this account.' }, { identifier: 'VPC_VPN_2_TUNNELS_UP', reason: 'No VPN in this account.' }] }, /'exclude' must name each rule once, got 'VPC_VPN_2_TUNNELS_UP'/],
    ['exclusion without a reason', { exclude: [{ identifier: 'VPC_VPN_2_TUNNELS_UP', reason: 'n/a' }] }, /'exclude\[VPC_VPN_2_TUNNELS_UP\].reason' must explain the exclusion \(at least 10 characters\).*got 'n\/a'/],
    ['override of an unknown rule', { parameterOverrides: { NOT_A_RULE: {} } }, /'parameterOverrides' must name rules of RUNTIME_CONTROL_CATALOG, got 'NOT_A_RULE'/],
    ['override of an excluded rule', { exclude: [{ identifier: 'ACCESS_KEYS_ROTATED', reason: 'No IAM users exist here.' }], parameterOverrides: { ACCESS_KEYS_ROTATED: { maxAccessKeyAge: '7' } } }, /'parameterOverrides' must not name an excluded rule, got 'ACCESS_KEYS_ROTATED'/],
    ['global rules region', { globalRulesRegion: 'global' }, /'globalRulesRegion' must be a region like 'us-east-1', got 'global'/],
    ['recorder without a bucket', { createRecorder: true }, /'recorderDeliveryBucketName' must be given when createRecorder is true/],
    ['recorder bucket name', { createRecorder: true, recorderDeliveryBucketName: 'Bad Bucket' }, /'recorderDeliveryBucketName' must be a valid S3 bucket name, got 'Bad Bucket'/],
    ['recorder bucket without a recorder', { recorderDeliveryBucketName: 'acme-config-logs' }, /'recorderDeliveryBucketName' is used only with createRecorder: true \(no recorder is created, so it would be ignored\), got 'acme-config-logs'/],
    ['aggregator without sources', { aggregator: {} }, /'aggregator' must set 'organization: true' or list 'accountIds'/],
    ['aggregator account', { aggregator: { accountIds: ['1'] } }, /'aggregator.accountIds' must list 12-digit account IDs, got '1'/],
    ['aggregator region', { aggregator: { organization: true, regions: ['mars-1'] } }, /'aggregator.regions' must list regions like 'us-east-1', got 'mars-1'/],
    ['vault deletion exemptions as a JSON array', { parameterOverrides: { BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED: { principalArnList: '["arn:aws:iam::333333333333:role/Admin"]' } } },
      /'parameterOverrides.BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED.principalArnList' must be IAM role or user ARNs separated by commas \(the parameter is of type CSV\), got '\["arn:aws:iam::333333333333:role\/Admin"\]'/],
    ['vault deletion exemptions naming a vault', { parameterOverrides: { BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED: { principalArnList: 'arn:aws:iam::333333333333:role/Admin,arn:aws:backup:eu-west-1:333333333333:backup-vault:v' } } },
      /principalArnList' must be IAM role or user ARNs separated by commas/],
  ])('rejects a wrong %s', (_, props, message) => {
    // GIVEN
    const stack = new Stack(new App(), 'Workload', { env: ENV });
    // WHEN / THEN
    expect(() => new RuntimeControls(stack, 'Controls', props)).toThrow(message);
  });
});
