// Nothing is lost: every data store the constructs and the reference deployments create survives `cdk destroy` and
// stack replacement (DeletionPolicy and UpdateReplacePolicy Retain), and is encrypted and versioned or locked where
// the service allows. The templates are walked generically (every resource of a data-store type), so a store added
// later cannot slip by.
import * as fs from 'fs';
import * as path from 'path';
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as logs from 'aws-cdk-lib/aws-logs';
import {
  AccountBaseline, AuditLogBucket, BackupDestinationVault, BaselineStackSet, CentralLogDestination, CentralLogShipping, CrossAccountBackup,
  MultiAzVpc, NetworkApplianceGroup, OrganizationTrail, RuntimeControls,
} from '../../constructs';
import { createEncryptedLogGroup } from '../../constructs/core';
import { REFERENCE_DEPLOYMENTS } from '../../examples';
import { CfnResourceJson, CfnTemplate } from '../../lib/rules';
import { FUZZ_ENV } from './fuzz-harness';
import { EXPECTED_EXAMPLES, synthReferenceApp, SynthesizedApp } from './reference-app';

/** Resource types that hold data (or the keys to it), and what each must have besides Retain. */
const DATA_STORES: { readonly [type: string]: (r: CfnResourceJson) => string[] } = {
  'AWS::S3::Bucket': (r) => [
    ...(r.Properties?.BucketEncryption?.ServerSideEncryptionConfiguration?.length ? [] : ['not encrypted (BucketEncryption)']),
    ...(r.Properties?.VersioningConfiguration?.Status === 'Enabled' ? [] : ['not versioned']),
  ],
  'AWS::Backup::BackupVault': (r) => [
    ...(r.Properties?.EncryptionKeyArn ? [] : ['not encrypted with a customer managed key (EncryptionKeyArn)']),
    ...(r.Properties?.LockConfiguration?.MinRetentionDays !== undefined ? [] : ['no Vault Lock (LockConfiguration)']),
  ],
  'AWS::KMS::Key': (r) => [...(r.Properties?.EnableKeyRotation === true ? [] : ['key rotation off'])],
  'AWS::Logs::LogGroup': (r) => [
    ...(r.Properties?.KmsKeyId ? [] : ['not encrypted with a customer managed key (KmsKeyId)']),
    ...(r.Properties?.RetentionInDays !== undefined ? [] : ['no retention (RetentionInDays)']),
  ],
  'AWS::DynamoDB::Table': (r) => [
    ...(r.Properties?.SSESpecification?.SSEEnabled === true ? [] : ['not encrypted with KMS (SSESpecification)']),
    ...(r.Properties?.PointInTimeRecoverySpecification?.PointInTimeRecoveryEnabled === true ? [] : ['no point-in-time recovery']),
  ],
  'AWS::DynamoDB::GlobalTable': (r) => [...(r.Properties?.SSESpecification?.SSEEnabled === true ? [] : ['not encrypted with KMS (SSESpecification)'])],
  'AWS::RDS::DBInstance': (r) => [...(r.Properties?.StorageEncrypted === true ? [] : ['storage not encrypted'])],
  'AWS::RDS::DBCluster': (r) => [...(r.Properties?.StorageEncrypted === true ? [] : ['storage not encrypted'])],
  'AWS::EFS::FileSystem': (r) => [...(r.Properties?.Encrypted === true ? [] : ['not encrypted'])],
  'AWS::EC2::Volume': (r) => [...(r.Properties?.Encrypted === true ? [] : ['not encrypted'])],
  'AWS::SQS::Queue': (r) => [...(r.Properties?.KmsMasterKeyId || r.Properties?.SqsManagedSseEnabled ? [] : ['not encrypted'])],
};

/** Every data store of a template with what is wrong with it (`[]` when retained, encrypted and versioned/locked). */
function dataStoreProblems(template: CfnTemplate, where: string): { stores: string[]; problems: string[] } {
  const stores: string[] = [];
  const problems: string[] = [];
  for (const [id, r] of Object.entries(template.Resources ?? {})) {
    const check = DATA_STORES[r.Type];
    if (!check) continue;
    const name = `${where}/${id} (${r.Type})`;
    stores.push(name);
    const wrong = [
      ...(r.DeletionPolicy === 'Retain' ? [] : [`DeletionPolicy ${String(r.DeletionPolicy ?? 'Delete')}`]),
      ...(r.UpdateReplacePolicy === 'Retain' ? [] : [`UpdateReplacePolicy ${String(r.UpdateReplacePolicy ?? 'Delete')}`]),
      ...check(r),
    ];
    if (wrong.length > 0) problems.push(`${name}: ${wrong.join(', ')}`);
  }
  return { stores, problems };
}

const stackIn = () => new Stack(new App(), 'Retention', { env: FUZZ_ENV });
const ORG = 'o-a1b2c3d4e5';

/** Each construct with default props and minimal required input (plus the option that adds its data stores). */
const CONSTRUCTS: { readonly [name: string]: () => CfnTemplate[] } = {
  MultiAzVpc: () => {
    const stack = stackIn();
    new MultiAzVpc(stack, 'Vpc');
    return [Template.fromStack(stack).toJSON()];
  },
  NetworkApplianceGroup: () => {
    const stack = stackIn();
    new NetworkApplianceGroup(stack, 'Appliances', { vpc: new MultiAzVpc(stack, 'Vpc').vpc, bootstrapScript: 'echo configure' });
    return [Template.fromStack(stack).toJSON()];
  },
  AuditLogBucket: () => {
    const stack = stackIn();
    new AuditLogBucket(stack, 'AuditLogs', { organizationId: ORG, managementAccountId: '222222222222' });
    return [Template.fromStack(stack).toJSON()];
  },
  OrganizationTrail: () => {
    const stack = stackIn();
    const kmsKeyArn = 'arn:aws:kms:eu-west-1:333333333333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    new OrganizationTrail(stack, 'Trail', { bucketName: 'org-audit', kmsKeyArn, auditAccountId: '333333333333' });
    new OrganizationTrail(stack, 'TrailWithLogs', { bucketName: 'org-audit', kmsKeyArn, auditAccountId: '333333333333', trailName: 'second', cloudWatchLogs: {} });
    return [Template.fromStack(stack).toJSON()];
  },
  CrossAccountBackup: () => {
    const stack = stackIn();
    new CrossAccountBackup(stack, 'Backup', { rpo: Duration.hours(24), rto: Duration.hours(4), copyTo: { vaultArn: 'arn:aws:backup:eu-west-1:444444444444:backup-vault:dr' } });
    return [Template.fromStack(stack).toJSON()];
  },
  BackupDestinationVault: () => {
    const stack = stackIn();
    new BackupDestinationVault(stack, 'Copies', { organizationId: ORG });
    return [Template.fromStack(stack).toJSON()];
  },
  RuntimeControls: () => {
    const stack = stackIn();
    new RuntimeControls(stack, 'Controls');
    return [Template.fromStack(stack).toJSON()];
  },
  AccountBaseline: () => {
    const stack = stackIn();
    new AccountBaseline(stack, 'Baseline');
    return [Template.fromStack(stack).toJSON()];
  },
  BaselineStackSet: () => {
    // The data stores live in the StackSet's template (an asset of the parent stack), not in the parent stack.
    const stack = stackIn();
    const set = new BaselineStackSet(stack, 'Baseline', {
      organizationalUnitIds: ['ou-ab12-cd34ef56'],
      regions: ['eu-west-1'],
      assetBucketPrefix: 'org-stackset-assets',
      backupDestinationVault: { organizationId: ORG },
    });
    const assembly = App.of(stack)!.synth();
    const inner = JSON.parse(fs.readFileSync(path.join(assembly.directory, set.template.templateFile), 'utf-8'));
    return [Template.fromStack(stack).toJSON(), inner];
  },
  CentralLogDestination: () => {
    const stack = stackIn();
    new CentralLogDestination(stack, 'CentralLogs', { organizationId: ORG });
    return [Template.fromStack(stack).toJSON()];
  },
  CentralLogShipping: () => {
    // It creates no data store of its own (subscription filters only): shipping must leave the stack's log group,
    // and its key, as retained and encrypted as they were.
    const stack = stackIn();
    createEncryptedLogGroup(stack, 'AppLogs', { retention: logs.RetentionDays.ONE_YEAR, dataClassification: 'internal', keyDescription: 'Encrypts the application logs' });
    new CentralLogShipping(stack, 'ShipLogs', { destinationArn: 'arn:aws:logs:eu-west-1:222222222222:destination:central-logs' });
    return [Template.fromStack(stack).toJSON()];
  },
};

describe('constructs: every data store is retained, encrypted and versioned or locked', () => {
  test.each(Object.keys(CONSTRUCTS))('%s', (name) => {
    // GIVEN / WHEN
    const templates = CONSTRUCTS[name]();
    // THEN
    const results = templates.map((t, i) => dataStoreProblems(t, `${name}[${i}]`));
    expect(results.flatMap((r) => r.problems)).toEqual([]);
    if (process.env.FUZZ_STATS) console.log(`RETENTION ${name}: ${results.flatMap((r) => r.stores).join(', ')}`);
    // Every construct but the pure-configuration ones keeps data (or a key to it): make sure the walk saw them.
    if (!['RuntimeControls'].includes(name)) expect(results.flatMap((r) => r.stores).length).toBeGreaterThan(0);
  });

  test('the audit log bucket is versioned and under Object Lock with a default retention', () => {
    // GIVEN
    const stack = stackIn();
    // WHEN
    new AuditLogBucket(stack, 'AuditLogs', { organizationId: ORG, managementAccountId: '222222222222' });
    // THEN: the trail's destination (the KMS-encrypted bucket) is locked; its access-log bucket cannot be (S3 refuses
    // server access logging into a bucket with a default retention)
    const buckets = Object.values(Template.fromStack(stack).findResources('AWS::S3::Bucket'));
    const audit = buckets.filter((b) => b.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm === 'aws:kms');
    expect(audit).toHaveLength(1);
    expect(audit[0].Properties).toMatchObject({
      VersioningConfiguration: { Status: 'Enabled' },
      ObjectLockEnabled: true,
      ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Days: 365 } } },
    });
  });

  test('the central log bucket is versioned, under Object Lock without a default retention, and nobody may delete from it', () => {
    // GIVEN / WHEN
    const [template] = CONSTRUCTS.CentralLogDestination();
    // THEN: the KMS-encrypted bucket Firehose writes into is locked, without a default retention (S3 refuses writes
    // without a Content-MD5 or checksum header into such a bucket); a bucket policy denies deleting objects and versions
    const resources = Object.values(template.Resources ?? {});
    const central = resources.filter((r) => r.Type === 'AWS::S3::Bucket' && r.Properties?.BucketEncryption?.ServerSideEncryptionConfiguration?.[0]?.ServerSideEncryptionByDefault?.SSEAlgorithm === 'aws:kms');
    expect(central).toHaveLength(1);
    expect(central[0].Properties).toMatchObject({ VersioningConfiguration: { Status: 'Enabled' }, ObjectLockEnabled: true });
    expect(central[0].Properties?.ObjectLockConfiguration?.Rule).toBeUndefined();
    const statements: { Effect: string; Principal?: unknown; Action: string | string[] }[] = resources
      .filter((r) => r.Type === 'AWS::S3::BucketPolicy')
      .flatMap((r) => r.Properties?.PolicyDocument?.Statement ?? []);
    const deny = statements.find((st) => st.Effect === 'Deny' && [st.Action].flat().includes('s3:DeleteObject'));
    expect(deny).toMatchObject({ Principal: { AWS: '*' }, Action: expect.arrayContaining(['s3:DeleteObject', 's3:DeleteObjectVersion']) });
  });

  test('every backup vault is under Vault Lock with a minimum retention and a deny on manual deletion', () => {
    // GIVEN / WHEN
    const templates = [...CONSTRUCTS.CrossAccountBackup(), ...CONSTRUCTS.BackupDestinationVault()];
    // THEN
    const vaults = templates.flatMap((t) => Object.values(t.Resources ?? {}).filter((r) => r.Type === 'AWS::Backup::BackupVault'));
    expect(vaults).toHaveLength(2);
    for (const v of vaults) {
      expect(v.Properties?.LockConfiguration).toMatchObject({ MinRetentionDays: expect.any(Number), ChangeableForDays: expect.any(Number) });
      const statements: { Effect: string; Action: string | string[] }[] = v.Properties?.AccessPolicy?.Statement ?? [];
      expect(statements.some((st) => st.Effect === 'Deny' && [st.Action].flat().includes('backup:DeleteRecoveryPoint'))).toBe(true);
    }
  });
});

describe('reference deployments: no data store can be deleted by cdk destroy', () => {
  let synthesized: SynthesizedApp;
  beforeAll(() => {
    synthesized = synthReferenceApp({ packs: false });
  });
  afterAll(() => synthesized?.dispose());

  test('the five examples are registered', () => {
    // THEN
    expect(REFERENCE_DEPLOYMENTS.map((d) => d.name).sort()).toEqual([...EXPECTED_EXAMPLES].sort());
  });

  test('every data store of every example stack is retained, encrypted and versioned or locked', () => {
    // WHEN
    const results = synthesized.stacks.map((s) => dataStoreProblems(s.template, `${s.stage}/${s.stackId}`));
    // THEN
    expect(results.flatMap((r) => r.problems)).toEqual([]);
    expect(results.flatMap((r) => r.stores).length).toBeGreaterThan(20);
    if (process.env.FUZZ_STATS) console.log(`RETENTION examples: ${results.flatMap((r) => r.stores).length} data stores in ${results.length} stacks`);
  });
});
