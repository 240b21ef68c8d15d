/**
 * Verdicts an auditor accepts, on partner-style CDK apps: no item is Met on evidence that cannot show its
 * requirement, a rule that finds nothing in scope shows nothing, optional attestations never block, and each
 * item says what decided it.
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  App, aws_backup as backup, aws_cloudformation as cfn, aws_cloudtrail as ct, aws_cloudwatch as cw, aws_cloudwatch_actions as actions, aws_config as config,
  aws_ec2 as ec2, aws_s3 as s3, aws_sns as sns, aws_sns_subscriptions as subs, aws_sqs as sqs, Duration, RemovalPolicy, Stack,
} from 'aws-cdk-lib';
import { ChecklistSelection } from '../../lib/checklist';
import { declareRecoveryObjectives } from '../../lib/declarations';
import { collectEvidence, EvidenceReport, ItemEvidence, LoadedAssembly, loadAssembly, readAttestationsFile } from '../../lib/report';
import { NOW, tmpDir } from './helpers';

const ENV = { account: '111111111111', region: 'eu-west-1' };

/** Synthesizes the app into a fresh cdk.out and collects its evidence (every rule of the library). */
function report(build: (app: App) => void, selection: ChecklistSelection, attested: readonly string[] = []): EvidenceReport {
  return collect(synth(build), selection, attested);
}

/** Synthesizes the app into a fresh cdk.out. */
function synth(build: (app: App) => void): LoadedAssembly {
  const dir = tmpDir();
  const app = new App({ outdir: path.join(dir, 'cdk.out') });
  build(app);
  app.synth();
  return loadAssembly(path.join(dir, 'cdk.out'));
}

/** Collects the evidence of a synthesized app, with attestations and controls' results read live (compliant) when given. */
function collect(assembly: LoadedAssembly, selection: ChecklistSelection, attested: readonly string[] = [], verifiedLive: readonly string[] = []): EvidenceReport {
  let attestations;
  if (attested.length > 0) {
    const file = path.join(tmpDir(), 'attestations.yaml');
    fs.writeFileSync(file, attested.map((id) => `"${id}":\n  attestedBy: Jane Doe, CTO\n  date: 2025-05-01\n  evidence: https://example.com/evidence/${id}\n`).join(''));
    attestations = readAttestationsFile(file, NOW);
  }
  const checkedAt = '2025-06-01T08:00:00.000Z';
  const live = verifiedLive.length === 0 ? undefined : {
    summary: { checkedAt, account: '111111111111', controls: { verified: verifiedLive.length, failing: 0, missing: 0, notVerified: 0 }, problems: [] },
    controls: new Map(verifiedLive.map((id) => [id, { state: 'verified' as const, checkedAt, summary: `${id} COMPLIANT in every account`, results: [], problems: [] }])),
  };
  return collectEvidence({ assembly, selection, attestations, now: NOW, live });
}

function item(r: EvidenceReport, id: string): ItemEvidence {
  const found = r.items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id} in the report`);
  return found;
}

/** A Windows-style fleet as a partner writes it: one SSM-managed instance with IMDSv2, backed up daily with a data bucket. */
function fleet(app: App, opts: { objectives?: boolean } = {}): void {
  const stack = new Stack(app, 'Fleet', { env: ENV });
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 2 });
  const instance = new ec2.Instance(stack, 'Server', {
    vpc,
    instanceType: ec2.InstanceType.of(ec2.InstanceClass.M6I, ec2.InstanceSize.LARGE),
    machineImage: ec2.MachineImage.latestWindows(ec2.WindowsVersion.WINDOWS_SERVER_2022_ENGLISH_FULL_BASE),
    requireImdsv2: true,
    ssmSessionPermissions: true,
  });
  const data = new s3.Bucket(stack, 'Data', { versioned: true, removalPolicy: RemovalPolicy.RETAIN });
  backup.BackupPlan.daily35DayRetention(stack, 'Plan').addSelection('Everything', {
    resources: [backup.BackupResource.fromEc2Instance(instance), backup.BackupResource.fromArn(data.bucketArn)],
  });
  if (opts.objectives) declareRecoveryObjectives(app, { rpo: Duration.hours(24), rto: Duration.hours(4) });
}

const MS_SAAS: ChecklistSelection = {
  checklist: 'microsoft-workloads',
  deploymentModel: 'multi-tenant-saas',
  subcategories: ['ms-operational-optimization.availability', 'ms-operational-optimization.management'],
};

describe('items the seed asks of the partner\'s product or practice are decided by a person', () => {
  let r: EvidenceReport;
  beforeAll(() => { r = report((app) => fleet(app), MS_SAAS); });

  test('1.20 is not Met by SSM management and IMDSv2: they support the attested change-detection mechanism', () => {
    const i = item(r, '1.20');
    expect([...new Set(i.rules.recommended.passed.map((f) => f.rule))].sort()).toEqual(['InstanceImdsV2Required', 'InstanceManagedBySsm']);
    expect(i.status).toBe('not-met');
    expect(i.basis).toBe('Not met: awaiting attestation.');
    expect(i.decision).toMatchObject({ paths: [['attestation']], attestation: { state: 'none' } });
  });

  test('Microsoft chaos engineering (availability.1) is not Met by backup coverage', () => {
    const i = item(r, 'ms-operational-optimization.availability.1');
    expect(i.rules.recommended.passed.length).toBeGreaterThan(0);
    expect(i).toMatchObject({ status: 'not-met', problems: ['awaiting attestation'] });
    expect(i.decision.note).toMatch(/backups of the customer's data stores in the template do not show that/);
  });

  test('Microsoft operational optimization management is not Met by the customer\'s own SSM setup', () => {
    for (const id of ['ms-operational-optimization.management.1', 'ms-operational-optimization.management.7', 'ms-operational-optimization.management.8']) {
      expect({ id, status: item(r, id).status, decidedBy: item(r, id).decision.paths }).toEqual({ id, status: 'not-met', decidedBy: [['attestation']] });
    }
  });

  test('with the attestation, the item is Met and says a person decided it', () => {
    const management = ['ms-operational-optimization.management.1', 'ms-operational-optimization.management.7', 'ms-operational-optimization.management.8'];
    const attested = report((app) => fleet(app), MS_SAAS, ['1.20', ...management]);
    expect(item(attested, '1.20')).toMatchObject({ status: 'met', decision: { decidedBy: ['attestation'] }, basis: 'Met, decided by attestation: attested by Jane Doe, CTO on 2025-05-01.' });
    // "Technology Solution should perform the following: ... Patching": a fleet the product patches with its own
    // agent (no Systems Manager inventory, agent or patching here) is not failed by the customer template's rules.
    for (const id of management) {
      const i = item(attested, id);
      expect({ id, status: i.status, failed: i.rules.failed.length, recommended: i.rules.recommended.failed.length > 0 }).toEqual({ id, status: 'met', failed: 0, recommended: true });
    }
  });
});

describe('backups and recovery objectives', () => {
  test('2.6: a bucket in a daily backup plan counts although it is not tagged critical', () => {
    const i = item(report((app) => fleet(app), MS_SAAS), '2.6');
    expect(i.rules.passed.map((f) => f.type).sort()).toEqual(['AWS::EC2::Instance', 'AWS::S3::Bucket']);
    expect(i).toMatchObject({ status: 'met', decision: { decidedBy: ['template'] } });
  });

  test('a missing declaration of recovery objectives is one finding, with its fix', () => {
    // GIVEN / WHEN
    const r = report((app) => fleet(app), MS_SAAS);
    // THEN
    const findings = r.items.flatMap((i) => i.rules.failed.map((f) => `${i.id} ${f.rule}`)).filter((f) => /^2\.1[01] /.test(f));
    expect(findings).toEqual(['2.10 RecoveryObjectivesDeclared']);
    expect(item(r, '2.10').rules.failed[0].reason).toMatch(/no recovery objectives are declared for stack Fleet, on it or elsewhere in the app/);
    expect(item(r, '2.10').rules.planned.find((p) => p.rule === 'RecoveryObjectivesDeclared')?.fix).toMatch(/declareRecoveryObjectives\(app, \{ rpo, rto \}\)/);
    expect(item(r, '2.11')).toMatchObject({ status: 'not-met', rules: { failed: [] } });
  });

  test('2.10 and 2.11 are not Met by the declaration alone; with the DR plan attested they are', () => {
    // GIVEN objectives declared once for the app
    const declared = report((app) => fleet(app, { objectives: true }), MS_SAAS);
    const attested = report((app) => fleet(app, { objectives: true }), MS_SAAS, ['2.10', '2.11']);
    // THEN
    for (const id of ['2.10', '2.11']) {
      expect(item(declared, id)).toMatchObject({ status: 'not-met', problems: ['awaiting attestation'], decision: { template: { state: 'shown' } } });
      expect(item(attested, id)).toMatchObject({ status: 'met', decision: { decidedBy: ['template', 'attestation'] } });
    }
  });
});

describe('2.8 survives the loss of one Availability Zone', () => {
  test('is not Met for a single instance, although its VPC spans two zones', () => {
    const i = item(report((app) => fleet(app), MS_SAAS), '2.8');
    expect(i.status).toBe('not-met');
    expect(i.rules.failed.map((f) => `${f.rule} ${f.path}`)).toEqual(['ComputeMultiAz Fleet/Server/Resource']);
  });
});

describe('Network Management', () => {
  const sel: ChecklistSelection = { checklist: 'networking', deploymentModel: 'saas', categories: ['network-management'] };
  const build = (app: App) => {
    const stack = new Stack(app, 'Network', { env: ENV });
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
    const logs = new s3.Bucket(stack, 'FlowLogs', { removalPolicy: RemovalPolicy.RETAIN });
    vpc.addFlowLog('All', { destination: ec2.FlowLogDestination.toS3(logs, undefined, { fileFormat: ec2.FlowLogFileFormat.PARQUET, hiveCompatiblePartitions: true }) });
    const topic = new sns.Topic(stack, 'Ops');
    new cw.Alarm(stack, 'Rejects', { metric: new cw.Metric({ namespace: 'AWS/EC2', metricName: 'NetworkPacketsIn' }), threshold: 1, evaluationPeriods: 1 })
      .addAlarmAction({ bind: () => ({ alarmActionArn: topic.topicArn }) });
  };

  test('network-management.2 is not Met because one VPC overlaps nothing: the overlap rule finds nothing to compare', () => {
    const i = item(report(build, sel), 'network-management.2');
    expect([...i.rules.passed, ...i.rules.recommended.passed].map((f) => f.rule)).not.toContain('NoOverlappingVpcCidrs');
    expect(i.status).toBe('not-met');
    expect(i.decision.paths).toEqual([['attestation']]);
    expect(i.basis).toBe('Not met: awaiting attestation. Its alternative network-management.4 is not met either: one of them is enough.');
    expect([...i.rules.recommended.passed.map((f) => f.rule)].sort()).toEqual(['AlarmHasAction', 'FlowLogsQueryable']);
  });

  test('attesting feature list 1 meets network-management.2, and its alternative list 2 no longer applies', () => {
    const r = report(build, sel, ['network-management.2']);
    expect(item(r, 'network-management.2')).toMatchObject({ status: 'met', decision: { decidedBy: ['attestation'], alternatives: { ids: ['network-management.4'] } } });
    expect(item(r, 'network-management.4')).toMatchObject({
      status: 'not-applicable',
      basis: 'Not applicable: the seed asks for one of the alternatives network-management.4, network-management.2, and network-management.2 is met.',
    });
  });
});

describe('"No (unless partner solution running on AWS requires the S3 service)"', () => {
  const sel: ChecklistSelection = { checklist: 'networking', deploymentModel: 'customer-deployed-on-aws' };

  test('applies to a customer-deployed solution that creates a bucket, and the report says which', () => {
    const r = report((app) => { new s3.Bucket(new Stack(app, 'Solution', { env: ENV }), 'Uploads'); }, sel);
    for (const id of ['1.17', '1.18', '1.19']) {
      expect(item(r, id).applicability).toEqual(expect.objectContaining({
        applies: true,
        reason: expect.stringMatching(/the app has 1 such resource: Solution\/Uploads\/Resource \(AWS::S3::Bucket\)$/),
      }));
    }
    expect(item(r, '1.18').rules.passed.length + item(r, '1.18').rules.failed.length).toBeGreaterThan(0);
  });

  test('does not apply to one that creates none', () => {
    const r = report((app) => { new sns.Topic(new Stack(app, 'Solution', { env: ENV }), 'Events'); }, sel);
    expect(item(r, '1.17')).toMatchObject({ status: 'not-applicable', basis: expect.stringMatching(/the app has no AWS::S3::Bucket or AWS::S3::BucketPolicy, so the condition does not hold\.$/) });
  });
});

describe('optional attestations never block "Met"', () => {
  test('2.1 decided by its template; the attestation way is an alternative, not awaited', () => {
    // GIVEN two redundant BGP VPN connections to a VGW
    const r = report((app) => {
      const stack = new Stack(app, 'Edge', { env: ENV });
      const vgw = new ec2.CfnVPNGateway(stack, 'Vgw', { type: 'ipsec.1' });
      for (const n of [1, 2]) {
        const cgw = new ec2.CfnCustomerGateway(stack, `Cgw${n}`, { type: 'ipsec.1', bgpAsn: 65000 + n, ipAddress: `203.0.113.${n}` });
        new ec2.CfnVPNConnection(stack, `Vpn${n}`, { type: 'ipsec.1', customerGatewayId: cgw.ref, vpnGatewayId: vgw.ref, staticRoutesOnly: false });
      }
    }, { checklist: 'networking', deploymentModel: 'saas' });
    // THEN
    const i = item(r, '2.1');
    expect(i.attestation).toMatchObject({ required: false, state: 'missing' });
    expect(i).toMatchObject({ status: 'met', decision: { decidedBy: ['template'] } });
  });
});

describe('1.13 "AWS CloudTrail must be enabled on all AWS accounts and in every region"', () => {
  const sel: ChecklistSelection = { checklist: 'networking', deploymentModel: 'saas' };
  const MANAGEMENT = '111111111111';
  const WORKLOAD = '333333333333';
  const workload = (app: App, account: string) => new sqs.Queue(new Stack(app, `Workload${account}`, { env: { account, region: 'eu-west-1' } }), 'Jobs', { enforceSSL: true });

  test('one multi-region trail does not show a second account: no finding, and the account\'s runtime control decides', () => {
    // GIVEN a trail in the management account, a workload in another account, and the Config rule deployed in both
    const assembly = synth((app) => {
      const mgmt = new Stack(app, 'Audit', { env: { account: MANAGEMENT, region: 'eu-west-1' } });
      new ct.Trail(mgmt, 'Trail', { bucket: s3.Bucket.fromBucketName(mgmt, 'Logs', 'audit-logs-222222222222') });
      workload(app, WORKLOAD);
      for (const stack of [mgmt, app.node.findChild(`Workload${WORKLOAD}`) as Stack]) new config.ManagedRule(stack, 'MultiRegionTrail', { identifier: 'MULTI_REGION_CLOUD_TRAIL_ENABLED' });
    });
    // WHEN
    const before = item(collect(assembly, sel), '1.13');
    const after = item(collect(assembly, sel, [], ['MULTI_REGION_CLOUD_TRAIL_ENABLED']), '1.13');
    // THEN the template shows the trail's own account only, and says which account it cannot show
    expect(before.rules.failed).toEqual([]);
    expect(before.rules.notShown?.map((f) => f.reason)).toEqual([expect.stringMatching(/^no trail of the app is shown recording account 333333333333 \(stack Workload333333333333\): a trail managed outside the app may/)]);
    expect(before).toMatchObject({ status: 'not-met', decision: { template: { state: 'none', summary: expect.stringMatching(/^the template cannot show it: no trail of the app is shown recording account 333333333333/) } } });
    expect(after).toMatchObject({ status: 'met', decision: { decidedBy: ['runtime'] } });
  });

  test('an organization trail of the management account records every member account: Met by the template', () => {
    // GIVEN the organization trail, workloads in two member accounts and a baseline StackSet to an OU
    const r = report((app) => {
      const mgmt = new Stack(app, 'Management', { env: { account: MANAGEMENT, region: 'eu-west-1' } });
      new ct.CfnTrail(mgmt, 'OrgTrail', { isLogging: true, isMultiRegionTrail: true, isOrganizationTrail: true, s3BucketName: 'audit-logs-222222222222' });
      new cfn.CfnStackSet(mgmt, 'Baseline', {
        stackSetName: 'baseline', permissionModel: 'SERVICE_MANAGED', autoDeployment: { enabled: true, retainStacksOnAccountRemoval: false },
        stackInstancesGroup: [{ deploymentTargets: { organizationalUnitIds: ['ou-ab12-cd34ef56'] }, regions: ['eu-west-1'] }],
        templateBody: JSON.stringify({ Resources: { Topic: { Type: 'AWS::SNS::Topic' } } }),
      });
      workload(app, WORKLOAD);
      workload(app, '444444444444');
    }, sel);
    // THEN
    const i = item(r, '1.13');
    expect(i.rules.passed.map((f) => `${f.rule} ${f.path}`)).toEqual(['TrailCoversEveryAccount Management/OrgTrail']);
    expect(i).toMatchObject({ status: 'met', decision: { decidedBy: ['template'] } });
  });
});

describe('2.4 "monitored centrally, with alarms generated and sent to the appropriate operations staff"', () => {
  const sel: ChecklistSelection = { checklist: 'networking', deploymentModel: 'saas' };
  const ENV_1 = { account: '111111111111', region: 'eu-west-1' };
  const errors = (s: Stack) => new cw.Alarm(s, 'Errors', { metric: new cw.Metric({ namespace: 'Shop', metricName: 'Errors' }), threshold: 1, evaluationPeriods: 1 });

  test('alarms sent to a subscribed topic are shown by the template; central monitoring and the right staff need a person', () => {
    // GIVEN
    const assembly = synth((app) => {
      const s = new Stack(app, 'Shop', { env: ENV_1 });
      const topic = new sns.Topic(s, 'Ops');
      topic.addSubscription(new subs.EmailSubscription('oncall@example.com'));
      errors(s).addAlarmAction(new actions.SnsAction(topic));
    });
    // WHEN
    const alone = item(collect(assembly, sel), '2.4');
    const attested = item(collect(assembly, sel, ['2.4']), '2.4');
    // THEN
    expect(alone).toMatchObject({ status: 'not-met', problems: [expect.stringMatching(/^by template \+ attestation, awaiting attestation; or by runtime \+ attestation/)], decision: { template: { state: 'shown' } } });
    expect(attested).toMatchObject({ status: 'met', decision: { decidedBy: ['template', 'attestation'] } });
  });

  test('alarms sent to a central topic outside the app: no finding; the account\'s alarm-action results with the attestation decide', () => {
    // GIVEN the design the sentence names: alarms of the workload sent to the central operations account's topic
    const assembly = synth((app) => {
      const s = new Stack(app, 'Shop', { env: ENV_1 });
      errors(s).addAlarmAction(new actions.SnsAction(sns.Topic.fromTopicArn(s, 'Central', 'arn:aws:sns:eu-west-1:555555555555:central-ops')));
      new config.ManagedRule(s, 'AlarmActions', { identifier: 'CLOUDWATCH_ALARM_ACTION_CHECK', inputParameters: { alarmActionRequired: 'true' } });
    });
    // WHEN
    const attested = item(collect(assembly, sel, ['2.4']), '2.4');
    const verified = item(collect(assembly, sel, ['2.4'], ['CLOUDWATCH_ALARM_ACTION_CHECK']), '2.4');
    // THEN
    expect(attested.rules.failed).toEqual([]);
    expect(attested.rules.notShown?.map((f) => `${f.path}: ${f.reason}`)).toEqual([
      'Shop/Errors/Resource: topic arn:aws:sns:eu-west-1:555555555555:central-ops is not part of the app, so the template cannot show who subscribes to it: the results of CLOUDWATCH_ALARM_ACTION_CHECK and an attestation of who receives the alarm show it instead',
    ]);
    expect(attested).toMatchObject({ status: 'not-met', decision: { template: { state: 'none' }, runtime: { state: 'pending' } } });
    expect(verified).toMatchObject({ status: 'met', decision: { decidedBy: ['runtime', 'attestation'] } });
  });
});
