import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import {
  BackupWorkloadStack,
  COPY_RETENTION,
  deployment,
  DR_VAULT_NAME,
  drVaultArn,
  DrVaultStack,
  RPO,
  RTO,
  SELECTION_TAG,
  SOURCE_RETENTION,
} from '../../examples/cross-account-backup';
import { build as buildInteg } from '../../examples/cross-account-backup/integ.cross-account-backup';
import { METADATA, TAGS } from '../../lib/conventions';
import { claimedSelection } from '../../examples';
import { CompetencyChecks } from '../../lib/packs';
import { competencySnapshotSerializer } from '../../lib/testing';
import { buildReference, describeConformance } from './conformance';

expect.addSnapshotSerializer(competencySnapshotSerializer);

// GIVEN: the reference app as bin/app.ts builds it (cdk.json context, every pack), with only this deployment, built once per file.
const { app, config, stage, stacks } = buildReference(deployment, { packs: true });
const drVault = stage.node.findChild('DrVault') as DrVaultStack;
const drSecondaryVault = stage.node.findChild('DrVaultSecondaryRegion') as DrVaultStack;
const workload = stage.node.findChild('Workload') as BackupWorkloadStack;

describe('cross-account-backup: the stage', () => {
  test('synthesizes with every claimed pack, strict mode and AwsSolutions registered (synth throws on an unacknowledged error)', () => {
    // WHEN
    const assembly = app.synth();
    // THEN
    const nested = assembly.getNestedAssembly(`assembly-${deployment.stageId}`);
    expect(nested.stacks.map((s) => s.hierarchicalId).sort()).toEqual([
      'CrossAccountBackup/DrVault',
      'CrossAccountBackup/DrVaultSecondaryRegion',
      'CrossAccountBackup/Workload',
    ]);
  });

  test('the vaults are in the DR account (both regions), the data and its backups in the workload account', () => {
    // THEN
    expect([drVault, drSecondaryVault, workload].map((s) => `${s.account}/${s.region}`)).toEqual([
      `${config.drAccount}/${config.primaryRegion}`,
      `${config.drAccount}/${config.secondaryRegion}`,
      `${config.workloadAccount}/${config.primaryRegion}`,
    ]);
  });

  test.each(['DrVault', 'DrVaultSecondaryRegion', 'Workload'])('snapshot of the %s stack', (id) => {
    // THEN
    expect(stage.node.findChild(id) as Stack).toMatchSnapshot();
  });
});

describe('cross-account-backup: copies to the DR account (2.6, 2.13)', () => {
  const template = Template.fromStack(workload);

  test('the plan backs up every four hours and copies every recovery point to the DR vault of each region', () => {
    // THEN
    template.hasResourceProperties('AWS::Backup::BackupPlan', {
      BackupPlan: {
        BackupPlanRule: [
          Match.objectLike({
            ScheduleExpression: 'cron(0 0/4 * * ? *)',
            Lifecycle: { DeleteAfterDays: SOURCE_RETENTION.toDays() },
            CopyActions: [
              { DestinationBackupVaultArn: drVaultArn(config.drAccount, config.primaryRegion), Lifecycle: { DeleteAfterDays: COPY_RETENTION.toDays() } },
              { DestinationBackupVaultArn: drVaultArn(config.drAccount, config.secondaryRegion), Lifecycle: { DeleteAfterDays: COPY_RETENTION.toDays() } },
            ],
          }),
        ],
      },
    });
  });

  test('the copy action targets the DR account, not the workload account', () => {
    // THEN
    const plan = Object.values(template.findResources('AWS::Backup::BackupPlan'))[0];
    const destinations: string[] = plan.Properties.BackupPlan.BackupPlanRule[0].CopyActions.map((c: any) => c.DestinationBackupVaultArn);
    expect(destinations.map((arn) => arn.split(':')[4])).toEqual([config.drAccount, config.drAccount]);
    expect(config.drAccount).not.toEqual(workload.account);
  });

  test('the DR vaults are named as the copy actions expect, locked, and admit copies from the workload account only', () => {
    for (const stack of [drVault, drSecondaryVault]) {
      // THEN
      const t = Template.fromStack(stack);
      t.hasResource('AWS::Backup::BackupVault', {
        DeletionPolicy: 'Retain',
        Properties: Match.objectLike({
          BackupVaultName: DR_VAULT_NAME,
          LockConfiguration: { MinRetentionDays: 7, MaxRetentionDays: 365, ChangeableForDays: 3 },
          AccessPolicy: {
            Statement: Match.arrayWith([
              Match.objectLike({
                Effect: 'Allow',
                Action: 'backup:CopyIntoBackupVault',
                Principal: { AWS: `arn:aws:iam::${config.workloadAccount}:root` },
              }),
            ]),
            Version: '2012-10-17',
          },
        }),
      });
    }
  });

  test('the source vault and data keys let the DR account use them for the copies', () => {
    // THEN
    const keys = Object.values(template.findResources('AWS::KMS::Key'));
    const sharing = keys.filter((k) =>
      k.Properties.KeyPolicy.Statement.some((s: any) => JSON.stringify(s.Principal ?? {}).includes(`:${config.drAccount}:root`) && ([] as string[]).concat(s.Action).includes('kms:Decrypt')),
    );
    expect(sharing).toHaveLength(2); // the source vault's key and the data key (EBS snapshots keep the volume's key)
  });

  test('the selection picks the data stores by their own tag, and each store carries it, classified and encrypted', () => {
    // THEN
    template.hasResourceProperties('AWS::Backup::BackupSelection', {
      BackupSelection: Match.objectLike({ ListOfTags: [{ ConditionKey: SELECTION_TAG.key, ConditionValue: SELECTION_TAG.value, ConditionType: 'STRINGEQUALS' }] }),
    });
    const tagged = { Tags: Match.arrayWith([{ Key: SELECTION_TAG.key, Value: SELECTION_TAG.value }, { Key: TAGS.DATA_CLASSIFICATION, Value: 'confidential' }]) };
    template.hasResourceProperties('AWS::DynamoDB::Table', { ...tagged, SSESpecification: Match.objectLike({ SSEEnabled: true, SSEType: 'KMS' }) });
    template.hasResourceProperties('AWS::EC2::Volume', { ...tagged, Encrypted: true, KmsKeyId: Match.anyValue() });
    template.hasResourceProperties('AWS::S3::Bucket', {
      Tags: Match.arrayWith([{ Key: SELECTION_TAG.key, Value: SELECTION_TAG.value }, { Key: TAGS.DATA_CRITICALITY, Value: 'critical' }]),
      VersioningConfiguration: { Status: 'Enabled' },
    });
  });

  test('the S3 backup and restore policies AWS Backup needs for the bucket are on the selection role, at the ARNs AWS publishes (no service-role/ path)', () => {
    // THEN
    template.hasResourceProperties('AWS::IAM::Role', {
      ManagedPolicyArns: Match.arrayWith([
        { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AWSBackupServiceRolePolicyForS3Backup']] },
        { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AWSBackupServiceRolePolicyForS3Restore']] },
      ]),
    });
  });

  test('the restore tests of the bucket run with AWSBackupServiceRolePolicyForS3Restore', () => {
    // THEN
    template.hasResourceProperties('AWS::IAM::Role', {
      Description: 'Restores recovery points for AWS Backup restore testing',
      ManagedPolicyArns: Match.arrayWith([{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AWSBackupServiceRolePolicyForS3Restore']] }]),
    });
  });
});

describe('cross-account-backup: restore testing and recovery objectives (2.7, 2.10, 2.11)', () => {
  const template = Template.fromStack(workload);

  test('a weekly restore testing plan with one selection per protected resource type', () => {
    // THEN
    template.hasResourceProperties('AWS::Backup::RestoreTestingPlan', { ScheduleExpression: 'cron(0 6 ? * SUN *)' });
    const types = Object.values(template.findResources('AWS::Backup::RestoreTestingSelection')).map((s) => s.Properties.ProtectedResourceType);
    expect(types.sort()).toEqual(['DynamoDB', 'EBS', 'S3']);
  });

  test('RPO and RTO are declared in the template metadata', () => {
    // THEN
    expect(template.toJSON().Metadata[METADATA.RECOVERY_OBJECTIVES]).toEqual({ rpoMinutes: RPO.toMinutes(), rtoMinutes: RTO.toMinutes() });
    expect(RTO.toHours()).toBeLessThan(24);
  });

  test('the pack proves it: the reliability rules are evaluated and compliant', () => {
    // WHEN
    const pack = new CompetencyChecks(claimedSelection(deployment.claims, 'saas'));
    pack.validateScope(stage);
    // THEN
    const reliability = pack.evaluations.filter((e) => /^2\.(6|7|10|11|13)$/.test(e.itemId));
    expect([...new Set(reliability.map((e) => `${e.itemId} ${e.rule}`))].sort()).toEqual([
      '2.10 RecoveryObjectivesDeclared',
      '2.10 RpoWithinBackupFrequency',
      '2.11 RtoUnder24Hours',
      '2.13 BackupCopiesToAnotherAccount',
      '2.6 DataStoreBackedUp',
      '2.7 BackupRestoreTested',
    ]);
    expect(reliability.filter((e) => e.status !== 'compliant')).toEqual([]);
    // The three data stores are each covered by a backup selection.
    expect(reliability.filter((e) => e.rule === 'DataStoreBackedUp').map((e) => e.resourceType).sort()).toEqual(['AWS::DynamoDB::Table', 'AWS::EC2::Volume', 'AWS::S3::Bucket']);
  });
});

describe('cross-account-backup: compliance', () => {
  describeConformance(deployment, stage, stacks, buildInteg, { snapshots: false });
});
