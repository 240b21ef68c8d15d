import { Match, Template } from 'aws-cdk-lib/assertions';
import { deployment, DR_VAULT_NAME, PATCH_GROUP, PATCH_GROUP_TAG, WINDOWS_INSTANCE_TYPE } from '../../examples/windows-workload';
import { build as buildInteg } from '../../examples/windows-workload/integ.windows-workload';
import { METADATA } from '../../lib/conventions';
import { buildReference, describeConformance } from './conformance';

// GIVEN the reference configuration of cdk.json (placeholder accounts, explicit AZs)
// WHEN the windows-workload deployment builds its stage (once for the whole file)
const { config, stage, stacks } = buildReference(deployment);
const [drStack, workloadStack] = stacks;
const template = Template.fromStack(workloadStack);

describe('windows-workload reference deployment', () => {
  test('a DR-vault stack in the DR account, deployed before the workload stack in the workload account', () => {
    // THEN
    expect(stage.node.id).toBe(deployment.stageId);
    expect(stacks.map((s) => [s.node.id, s.account, s.region])).toEqual([
      ['DrVault', config.drAccount, config.primaryRegion],
      ['Workload', config.workloadAccount, config.primaryRegion],
    ]);
    expect(workloadStack.dependencies).toContain(drStack);
    Template.fromStack(drStack).hasResourceProperties('AWS::Backup::BackupVault', { BackupVaultName: DR_VAULT_NAME, LockConfiguration: Match.anyValue() });
  });

  test('Windows Server from the SSM public parameter, IMDSv2, encrypted root volume, SSM-managed role, no inbound rule', () => {
    // THEN
    const params = Object.values(workloadStack.resolve(template.toJSON().Parameters ?? {})) as any[];
    expect(params.some((p) => /ami-windows-latest\/Windows_Server-2022-English-Full-Base/.test(p.Default))).toBe(true);
    template.hasResourceProperties('AWS::EC2::LaunchTemplate', {
      LaunchTemplateData: Match.objectLike({
        InstanceType: WINDOWS_INSTANCE_TYPE,
        MetadataOptions: Match.objectLike({ HttpTokens: 'required' }),
        BlockDeviceMappings: [Match.objectLike({ DeviceName: '/dev/sda1', Ebs: Match.objectLike({ Encrypted: true, VolumeType: 'gp3' }) })],
        TagSpecifications: Match.arrayWith([Match.objectLike({ ResourceType: 'volume', Tags: Match.arrayWith([{ Key: 'DataClassification', Value: 'confidential' }]) })]),
      }),
    });
    template.hasResourceProperties('AWS::IAM::Role', {
      ManagedPolicyArns: Match.arrayWith([Match.objectLike({ 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('AmazonSSMManagedInstanceCore')])] })]),
    });
    const sgs = Object.values(template.findResources('AWS::EC2::SecurityGroup', { Properties: { GroupDescription: Match.stringLikeRegexp('^Windows fleet') } }));
    expect(sgs).toHaveLength(1);
    expect(sgs[0].Properties.SecurityGroupIngress).toBeUndefined();
  });

  test('the volumes use a customer managed key (not aws/ebs) that admits the Auto Scaling service-linked role and, through AWS Backup and EC2 only, the DR account', () => {
    // THEN (the old launch template set Encrypted without a key: the AWS managed aws/ebs key, which cannot be copied cross-account)
    template.hasResourceProperties('AWS::EC2::LaunchTemplate', {
      LaunchTemplateData: Match.objectLike({
        BlockDeviceMappings: [Match.objectLike({ Ebs: Match.objectLike({ Encrypted: true, KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^FleetVolumeKey'), 'Arn'] } }) })],
      }),
    });
    const key = Object.values(template.findResources('AWS::KMS::Key', { Properties: { Description: Match.stringLikeRegexp('Windows fleet volumes') } }))[0];
    const statements = workloadStack.resolve(key.Properties.KeyPolicy.Statement) as any[];
    const bySid = new Map(statements.map((st) => [st.Sid, st]));
    expect(JSON.stringify(bySid.get('AllowAutoScalingServiceLinkedRoleToUseKey').Principal)).toContain(`:iam::${config.workloadAccount}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`);
    expect(bySid.get('AllowAutoScalingServiceLinkedRoleToAttachVolumes')).toMatchObject({ Action: 'kms:CreateGrant', Condition: { Bool: { 'kms:GrantIsForAWSResource': true } } });
    expect(JSON.stringify(bySid.get('AllowBackupCopyAccountToUseKeyThroughBackup').Principal)).toContain(`:iam::${config.drAccount}:root`);
    expect(bySid.get('AllowBackupCopyAccountToCreateGrantsForBackup')).toMatchObject({ Condition: { Bool: { 'kms:GrantIsForAWSResource': true } } });
  });

  test('the notification topic\'s key admits the Auto Scaling service-linked role, not the autoscaling.amazonaws.com service principal', () => {
    // THEN (the old key trusted autoscaling.amazonaws.com, which never publishes: Auto Scaling uses its service-linked role)
    const key = Object.values(template.findResources('AWS::KMS::Key', { Properties: { Description: Match.stringLikeRegexp('SNS topic') } }))[0];
    const policy = JSON.stringify(workloadStack.resolve(key.Properties.KeyPolicy));
    expect(policy).not.toContain('"autoscaling.amazonaws.com"');
    expect(policy).toContain('role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling');
  });

  test('an Auto Scaling group across the 3 AZs with target tracking, instances tagged with the patch group', () => {
    // THEN
    const asg = Object.values(template.findResources('AWS::AutoScaling::AutoScalingGroup'))[0];
    expect(asg.Properties.VPCZoneIdentifier).toHaveLength(3);
    expect(asg.Properties.Tags).toEqual(expect.arrayContaining([{ Key: PATCH_GROUP_TAG, Value: PATCH_GROUP, PropagateAtLaunch: true }]));
    template.hasResourceProperties('AWS::AutoScaling::ScalingPolicy', { PolicyType: 'TargetTrackingScaling' });
  });

  test('a WINDOWS patch baseline for the patch group; the maintenance window task runs AWS-RunPatchBaseline on it', () => {
    // THEN
    template.hasResourceProperties('AWS::SSM::PatchBaseline', { OperatingSystem: 'WINDOWS', PatchGroups: [PATCH_GROUP] });
    template.hasResourceProperties('AWS::SSM::MaintenanceWindowTarget', { ResourceType: 'INSTANCE', Targets: [{ Key: `tag:${PATCH_GROUP_TAG}`, Values: [PATCH_GROUP] }] });
    const targetId = Object.keys(template.findResources('AWS::SSM::MaintenanceWindowTarget'))[0];
    template.hasResourceProperties('AWS::SSM::MaintenanceWindowTask', {
      TaskArn: 'AWS-RunPatchBaseline',
      TaskType: 'RUN_COMMAND',
      Targets: [{ Key: 'WindowTargetIds', Values: [{ Ref: targetId }] }],
      TaskInvocationParameters: { MaintenanceWindowRunCommandParameters: Match.objectLike({ Parameters: { Operation: ['Install'], RebootOption: ['RebootIfNeeded'] } }) },
    });
  });

  test('inventory of every managed instance; State Manager installs and configures the CloudWatch agent from an SSM parameter', () => {
    // THEN
    template.hasResourceProperties('AWS::SSM::Association', { Name: 'AWS-GatherSoftwareInventory', Targets: [{ Key: 'InstanceIds', Values: ['*'] }] });
    template.hasResourceProperties('AWS::SSM::Association', { Name: 'AWS-ConfigureAWSPackage', Parameters: Match.objectLike({ action: ['Install'], name: ['AmazonCloudWatchAgent'] }) });
    const paramId = Object.keys(template.findResources('AWS::SSM::Parameter'))[0];
    template.hasResourceProperties('AWS::SSM::Association', {
      Name: 'AmazonCloudWatch-ManageAgent',
      Parameters: Match.objectLike({ optionalConfigurationSource: ['ssm'], optionalConfigurationLocation: [{ Ref: paramId }] }),
    });
  });

  test('tag-selected daily backups copied to the DR account vault; RPO 24 h and RTO 4 h declared', () => {
    // THEN
    template.hasResourceProperties('AWS::Backup::BackupPlan', {
      BackupPlan: { BackupPlanRule: [Match.objectLike({ CopyActions: [Match.objectLike({ DestinationBackupVaultArn: `arn:aws:backup:${config.primaryRegion}:${config.drAccount}:backup-vault:${DR_VAULT_NAME}` })] })] },
    });
    template.hasResourceProperties('AWS::Backup::BackupSelection', {
      BackupSelection: Match.objectLike({ ListOfTags: [{ ConditionKey: 'Backup', ConditionValue: 'true', ConditionType: 'STRINGEQUALS' }] }),
    });
    expect(template.toJSON().Metadata[METADATA.RECOVERY_OBJECTIVES]).toEqual({ rpoMinutes: 1440, rtoMinutes: 240 });
  });

  describeConformance(deployment, stage, stacks, buildInteg);
});
