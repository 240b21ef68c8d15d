import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { RUNTIME_CONTROL_CATALOG } from '../../constructs/runtime-controls';
import { TRAIL_ALARMS } from '../../constructs/organization-trail';
import {
  AUDIT_LOG_KEY_ARN_PARAMETER,
  AuditLogStack,
  auditBucketName,
  BASELINE_ORGANIZATIONAL_UNITS,
  deployment,
  OrganizationBaselineStack,
  OrganizationTrailStack,
  TRAIL_NAME,
} from '../../examples/organization-trail';
import { build as buildInteg } from '../../examples/organization-trail/integ.organization-trail';
import { METADATA } from '../../lib/conventions';
import { claimedSelection } from '../../examples';
import { CompetencyChecks } from '../../lib/packs';
import { competencySnapshotSerializer } from '../../lib/testing';
import { buildReference, describeConformance } from './conformance';

expect.addSnapshotSerializer(competencySnapshotSerializer);

// GIVEN: the reference app as bin/app.ts builds it (cdk.json context, every pack), with only this deployment, built once per file.
const { app, config, stage, stacks, packs } = buildReference(deployment, { packs: true });
const audit = stage.node.findChild('Audit') as AuditLogStack;
const trail = stage.node.findChild('Trail') as OrganizationTrailStack;
const baseline = stage.node.findChild('Baseline') as OrganizationBaselineStack;

describe('organization-trail: the stage', () => {
  test('synthesizes with every claimed pack, strict mode and AwsSolutions registered (synth throws on an unacknowledged error)', () => {
    // WHEN
    const assembly = app.synth();
    // THEN
    const nested = assembly.getNestedAssembly(`assembly-${deployment.stageId}`);
    expect(nested.stacks.map((s) => s.hierarchicalId).sort()).toEqual(['OrganizationTrail/Audit', 'OrganizationTrail/Baseline', 'OrganizationTrail/Trail']);
    expect(packs).toHaveLength(deployment.claims.deploymentModels.length + 3);
  });

  test('every stack is environment-specific: audit account for the bucket, management account for the trail and the baseline', () => {
    // THEN
    expect([audit, trail, baseline].map((s) => `${s.account}/${s.region}`)).toEqual([
      `${config.auditAccount}/${config.primaryRegion}`,
      `${config.managementAccount}/${config.primaryRegion}`,
      `${config.managementAccount}/${config.primaryRegion}`,
    ]);
  });

  test.each(['Audit', 'Trail', 'Baseline'])('snapshot of the %s stack', (id) => {
    // THEN
    expect(stage.node.findChild(id) as Stack).toMatchSnapshot();
  });
});

describe('organization-trail: the trail delivers to a locked bucket in another account (1.13, 1.14, 1.15)', () => {
  const auditTemplate = Template.fromStack(audit);
  const trailTemplate = Template.fromStack(trail);
  const bucketName = auditBucketName(config);

  test("the trail's account differs from the bucket's, and the trail names the bucket literally", () => {
    // THEN
    expect(trail.account).not.toEqual(audit.account);
    auditTemplate.hasResourceProperties('AWS::S3::Bucket', { BucketName: bucketName });
    trailTemplate.hasResourceProperties('AWS::CloudTrail::Trail', { S3BucketName: bucketName });
  });

  test('an organization trail of every region with global events and log file validation, encrypted with the audit key', () => {
    // THEN
    trailTemplate.hasResourceProperties('AWS::CloudTrail::Trail', {
      TrailName: TRAIL_NAME,
      IsLogging: true,
      IsOrganizationTrail: true,
      IsMultiRegionTrail: true,
      IncludeGlobalServiceEvents: true,
      EnableLogFileValidation: true,
      KMSKeyId: { Ref: AUDIT_LOG_KEY_ARN_PARAMETER },
    });
    // The key ARN comes in as a parameter that only accepts a key of the audit account in this region.
    const pattern = new RegExp(trailTemplate.toJSON().Parameters[AUDIT_LOG_KEY_ARN_PARAMETER].AllowedPattern);
    expect(pattern.test(`arn:aws:kms:${config.primaryRegion}:${config.auditAccount}:key/1234abcd-12ab-34cd-56ef-1234567890ab`)).toBe(true);
    expect(pattern.test(`arn:aws:kms:${config.primaryRegion}:${config.managementAccount}:key/1234abcd-12ab-34cd-56ef-1234567890ab`)).toBe(false);
  });

  test('the audit bucket is versioned, under Object Lock (governance, 365 days), KMS-encrypted and retained', () => {
    // THEN
    auditTemplate.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        BucketName: bucketName,
        VersioningConfiguration: { Status: 'Enabled' },
        ObjectLockEnabled: true,
        ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 365 } } },
        BucketEncryption: { ServerSideEncryptionConfiguration: [Match.objectLike({ ServerSideEncryptionByDefault: Match.objectLike({ SSEAlgorithm: 'aws:kms' }) })] },
      }),
    });
  });

  test('the bucket policy admits CloudTrail only for this trail of the management account', () => {
    // THEN
    const trailArn = `arn:aws:cloudtrail:${config.primaryRegion}:${config.managementAccount}:trail/${TRAIL_NAME}`;
    auditTemplate.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Sid: 'AWSCloudTrailWrite', Principal: { Service: 'cloudtrail.amazonaws.com' }, Condition: { StringEquals: Match.objectLike({ 'aws:SourceArn': trailArn }) } }),
        ]),
      },
    });
  });

  test('the pack proves it: the trail rules are evaluated and compliant', () => {
    // WHEN
    const pack = new CompetencyChecks(claimedSelection(deployment.claims, 'saas'));
    pack.validateScope(stage);
    // THEN
    const trailRules = pack.evaluations.filter((e) => e.resourceType === 'AWS::CloudTrail::Trail');
    expect(trailRules.map((e) => `${e.itemId} ${e.rule} ${e.status}`).sort()).toEqual([
      '1.13 TrailCoversEveryAccount compliant',
      '1.13 TrailLogFileValidation compliant',
      '1.13 TrailMultiRegion compliant',
      '1.14 TrailBucketInAnotherAccount compliant',
      '1.15 TrailBucketVersioned compliant',
    ]);
  });
});

describe('organization-trail: CIS-style alarms (1.1, 1.3, 1.4, 1.9, 1.13, 1.16, 2.4)', () => {
  const template = Template.fromStack(trail);

  test('one alarm per metric filter, each notifying the encrypted topic and marked with its runtime control', () => {
    // THEN
    template.resourceCountIs('AWS::Logs::MetricFilter', TRAIL_ALARMS.length);
    const alarms = template.findResources('AWS::CloudWatch::Alarm');
    expect(Object.values(alarms).map((a) => a.Metadata[METADATA.RUNTIME_CONTROL]).sort()).toEqual(TRAIL_ALARMS.map((a) => a.runtimeControl).sort());
    const topics = Object.keys(template.findResources('AWS::SNS::Topic', { Properties: { KmsMasterKeyId: Match.anyValue() } }));
    expect(topics).toHaveLength(1);
    for (const alarm of Object.values(alarms)) expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topics[0] }]);
  });

  test('the trail also delivers to an encrypted CloudWatch Logs group kept one year', () => {
    // THEN
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365, KmsKeyId: Match.anyValue() });
    template.hasResourceProperties('AWS::CloudTrail::Trail', { CloudWatchLogsLogGroupArn: Match.anyValue(), CloudWatchLogsRoleArn: Match.anyValue() });
  });
});

describe('organization-trail: the org-wide baseline', () => {
  const template = Template.fromStack(baseline);

  test('a service-managed StackSet from the management account, auto-deploying to the OUs in both regions', () => {
    // THEN
    template.hasResourceProperties('AWS::CloudFormation::StackSet', {
      PermissionModel: 'SERVICE_MANAGED',
      CallAs: 'SELF',
      AutoDeployment: { Enabled: true, RetainStacksOnAccountRemoval: true },
      StackInstancesGroup: [
        Match.objectLike({
          DeploymentTargets: Match.objectLike({ OrganizationalUnitIds: [...BASELINE_ORGANIZATIONAL_UNITS] }),
          Regions: [config.primaryRegion, config.secondaryRegion],
        }),
      ],
    });
  });

  test('the management account, which service-managed StackSets skip, gets the runtime controls and the account baseline itself', () => {
    // THEN
    template.resourceCountIs('AWS::Config::ConfigRule', RUNTIME_CONTROL_CATALOG.length);
    template.resourceCountIs('AWS::AccessAnalyzer::Analyzer', 1);
    template.resourceCountIs('Custom::AWS', 3); // password policy, EBS encryption by default, account S3 Block Public Access
    template.hasResourceProperties('AWS::Events::Rule', { EventPattern: { source: ['aws.config'], 'detail-type': ['Config Rules Compliance Change'] } });
  });
});

describe('organization-trail: compliance', () => {
  // The README's claim: the same stage serves the Microsoft Workloads SaaS models.
  describeConformance(deployment, stage, stacks, buildInteg, {
    alsoServes: [{ checklist: 'microsoft-workloads', deploymentModel: 'multi-tenant-saas' }, { checklist: 'microsoft-workloads', deploymentModel: 'single-tenant-saas' }],
    snapshots: false,
  });
});
