/**
 * `report --live` against an AWS double (aws-sdk-client-mock): compliant, non-compliant, throttled, access
 * denied, paginated, an empty account; the SDK's own retries on throttling (a fake HTTP handler); the IAM
 * actions; lazy loading of the SDK.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { GetRestoreTestingPlanCommand, ListBackupJobsCommand, ListRestoreJobsCommand } from '@aws-sdk/client-backup';
import { ListStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { GetTrailStatusCommand } from '@aws-sdk/client-cloudtrail';
import { GetComplianceDetailsByConfigRuleCommand } from '@aws-sdk/client-config-service';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { HttpResponse } from '@smithy/core/transport';
import { CHECKLIST_ITEMS } from '../../lib/checklist';
import { EvidenceReport, ItemEvidence } from '../../lib/report';
import { main } from '../../lib/report/cli/main';
import { LIVE_ACTIONS, liveIamPolicy, readerOf, readLive, SERVICE_READERS } from '../../lib/report/live';
import { PINNED_RULES, tmpDir } from './helpers';
import { ACCOUNT, evaluation, LIVE_NOW, loadAssembly, mockAws, REGION, synthLiveApp } from './live-fixture';

const NET = ['--checklist', 'networking', '--deployment-model', 'saas'];

let assemblyDir: string;
let aws: ReturnType<typeof mockAws>;
beforeAll(() => {
  assemblyDir = synthLiveApp();
  aws = mockAws(loadAssembly(assemblyDir));
});
afterAll(() => aws.restore());

async function liveReport(env: Record<string, string> = { AWS_REGION: REGION }) {
  let stdout = '';
  let stderr = '';
  const out = path.join(tmpDir(), 'evidence');
  const code = await main(['report', '--assembly', assemblyDir, ...NET, '--out', out, '--live'], {
    stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, stderrIsTTY: false, env, now: LIVE_NOW,
    packOptions: { diagrams: false, rules: PINNED_RULES },
  });
  const report: EvidenceReport | undefined = fs.existsSync(path.join(out, 'checklist.json')) ? JSON.parse(fs.readFileSync(path.join(out, 'checklist.json'), 'utf-8')) : undefined;
  const item = (id: string): ItemEvidence => report!.items.find((i) => i.id === id)!;
  const control = (itemId: string, controlId: string) => item(itemId).runtimeControls.find((c) => c.id === controlId)!;
  return { code, stdout, stderr, out, report, item, control };
}

describe('report --live: compliant account', () => {
  test('runtime items read "Met: verified live <time>" with each rule\'s result per resource and evaluation time', async () => {
    // WHEN
    const r = await liveReport();
    // THEN
    expect(r.stderr).toBe('');
    expect(r.item('1.2')).toMatchObject({
      status: 'met',
      basis: 'Met, decided by runtime: verified live 2025-06-01 12:00 UTC: ROOT_ACCOUNT_MFA_ENABLED COMPLIANT on 1 resource (evaluated 2025-06-01 09:30 UTC).',
    });
    expect(r.control('1.2', 'ROOT_ACCOUNT_MFA_ENABLED').live).toEqual({
      state: 'verified', checkedAt: LIVE_NOW.toISOString(), summary: 'ROOT_ACCOUNT_MFA_ENABLED COMPLIANT on 1 resource (evaluated 2025-06-01 09:30 UTC)',
      results: [{ where: `${ACCOUNT}/${REGION}`, source: expect.stringMatching(/^RootMfa[0-9A-F]{8}-phys$/), resource: `AWS::::Account ${ACCOUNT}`, state: 'COMPLIANT', at: '2025-06-01T09:30:00.000Z' }],
      problems: [],
    });
    expect(r.control('1.13', 'CLOUDTRAIL_LOGGING').live).toMatchObject({ state: 'verified', summary: 'CLOUDTRAIL_LOGGING logging, last delivery 2025-06-01 11:55 UTC' });
    expect(r.control('1.19', 'CONFIG_COMPLIANCE_CHANGE_NOTIFICATION').live).toMatchObject({ state: 'verified', summary: 'CONFIG_COMPLIANCE_CHANGE_NOTIFICATION rule enabled with 1 target' });
    expect(r.control('1.19', 'ACCESS_ANALYZER').live).toMatchObject({ state: 'verified', summary: 'ACCESS_ANALYZER analyzer Analyzer ACTIVE, 0 active findings' });
    expect(r.control('1.20', 'CONFIG_RECORDER').live).toMatchObject({ state: 'verified', summary: 'CONFIG_RECORDER recording since 2025-01-10 08:00 UTC' });
    expect(r.control('1.1', 'ROOT_ACTIVITY_ALARM').live).toMatchObject({ state: 'verified', summary: 'ROOT_ACTIVITY_ALARM alarm in place, OK since 2025-05-20 10:00 UTC' });
    expect(r.control('2.7', 'BACKUP_RESTORE_TESTING').live).toMatchObject({ state: 'verified', summary: 'BACKUP_RESTORE_TESTING latest restore test of plan RestoreTesting-phys COMPLETED for 1 resource, last 2025-05-26 05:20 UTC' });
    expect(r.control('2.13', 'BACKUP_CROSS_ACCOUNT_COPY').live).toMatchObject({ state: 'verified', summary: expect.stringMatching(/^BACKUP_CROSS_ACCOUNT_COPY latest copy job of plan plan-Plan COMPLETED for 1 resource, last 2025-06-01 03:40 UTC$/) });
    // No backup job in the window: shown as not verified, not as a pass
    expect(r.control('2.6', 'BACKUP_JOBS').live).toMatchObject({ state: 'not-verified', summary: 'BACKUP_JOBS not verified: no backup job of plan plan-Plan in the last 35 days' });
    expect(r.item('2.6').basis).toMatch(/BACKUP_JOBS deployed, not verified/);
    expect(r.report!.live).toEqual({ checkedAt: LIVE_NOW.toISOString(), account: ACCOUNT, defaultRegion: REGION, controls: { verified: 9, failing: 0, missing: 0, notVerified: 1 }, problems: [] });
    expect(r.stdout).toMatch(/^live \(account 111111111111\): 9 controls verified, 0 failing, 0 not running, 1 not verified\n/);
  });

  test('without --live, deployed controls read "deployed, not verified"', async () => {
    let stdout = '';
    const out = path.join(tmpDir(), 'evidence');
    await main(['report', '--assembly', assemblyDir, ...NET, '--out', out], {
      stdout: (t) => { stdout += t; }, stderr: () => undefined, stderrIsTTY: false, env: {}, now: LIVE_NOW, packOptions: { diagrams: false, rules: PINNED_RULES },
    });
    const report: EvidenceReport = JSON.parse(fs.readFileSync(path.join(out, 'checklist.json'), 'utf-8'));
    expect(report.items.find((i) => i.id === '1.2')!.basis).toBe('Not met: by runtime, control ROOT_ACCOUNT_MFA_ENABLED deployed, not verified (read its result with report --live); or by attestation, awaiting attestation.');
    expect(report.live).toBeUndefined();
    expect(stdout).not.toMatch(/^live/m);
  });
});

describe('report --live: results that decide against an item', () => {
  afterEach(() => {
    aws.restore();
    aws = mockAws(loadAssembly(assemblyDir));
  });

  test('"Not met: <rule> NON_COMPLIANT on <resources>"; a trail not logging; a failed restore validation', async () => {
    // GIVEN
    aws.config.on(GetComplianceDetailsByConfigRuleCommand).callsFake((input: { ConfigRuleName: string }) => ({
      EvaluationResults: input.ConfigRuleName.startsWith('RootMfa')
        ? [evaluation(input.ConfigRuleName, 'AWS::::Account', ACCOUNT, 'NON_COMPLIANT')]
        : [evaluation(input.ConfigRuleName, 'AWS::IAM::User', 'alice', 'COMPLIANT'), evaluation(input.ConfigRuleName, 'AWS::IAM::User', 'bob', 'NON_COMPLIANT')],
    }));
    aws.trail.on(GetTrailStatusCommand).resolves({ IsLogging: false, StopLoggingTime: new Date('2025-05-30T22:00:00Z'), LatestDeliveryTime: new Date('2025-05-30T21:55:00Z') });
    aws.backup.on(ListRestoreJobsCommand).resolves({ RestoreJobs: [{ RestoreJobId: 'r2', ResourceType: 'EBS', SourceResourceArn: 'arn:aws:ec2:eu-west-1:111111111111:volume/vol-1', Status: 'COMPLETED', ValidationStatus: 'FAILED', ValidationStatusMessage: 'volume did not mount', CreationDate: new Date('2025-05-31T05:00:00Z'), CompletionDate: new Date('2025-05-31T05:20:00Z') }] });
    // WHEN
    const r = await liveReport();
    // THEN
    expect(r.code).toBe(1);
    expect(r.item('1.2')).toMatchObject({ status: 'not-met', problems: ['ROOT_ACCOUNT_MFA_ENABLED NON_COMPLIANT on AWS::::Account 111111111111'], basis: 'Not met: ROOT_ACCOUNT_MFA_ENABLED NON_COMPLIANT on AWS::::Account 111111111111.' });
    expect(r.item('1.5').problems).toContain('ACCESS_KEYS_ROTATED NON_COMPLIANT on AWS::IAM::User bob');
    expect(r.item('1.13').problems).toContain('CLOUDTRAIL_LOGGING trail Trail-phys is not logging (stopped 2025-05-30 22:00 UTC)');
    expect(r.item('2.7').problems).toContain('BACKUP_RESTORE_TESTING latest restore test of plan RestoreTesting-phys VALIDATION_FAILED for EBS');
  });

  test('paginated answers are read to the last page (a NON_COMPLIANT result on page 2 counts)', async () => {
    // GIVEN two pages of evaluations, and stack resources in two pages
    aws.config.on(GetComplianceDetailsByConfigRuleCommand).callsFake((input: { ConfigRuleName: string; NextToken?: string }) => (input.NextToken === 'p2'
      ? { EvaluationResults: [evaluation(input.ConfigRuleName, 'AWS::::Account', '999999999999', 'NON_COMPLIANT')] }
      : { EvaluationResults: [evaluation(input.ConfigRuleName, 'AWS::::Account', ACCOUNT, 'COMPLIANT')], NextToken: 'p2' }));
    const assembly = loadAssembly(assemblyDir);
    const resources = Object.entries(assembly.stacks[0].template.Resources ?? {}).map(([id, res]) => ({ LogicalResourceId: id, PhysicalResourceId: `${id}-phys`, ResourceType: res.Type, ResourceStatus: 'CREATE_COMPLETE' }));
    aws.cfn.on(ListStackResourcesCommand).callsFake((input: { NextToken?: string }) => (input.NextToken
      ? { StackResourceSummaries: resources.slice(3) } : { StackResourceSummaries: resources.slice(0, 3), NextToken: 'more' }));
    // WHEN
    const r = await liveReport();
    // THEN
    expect(r.item('1.2').problems).toEqual(['ROOT_ACCOUNT_MFA_ENABLED NON_COMPLIANT on AWS::::Account 999999999999']);
    expect(r.control('1.2', 'ROOT_ACCOUNT_MFA_ENABLED').live!.results).toHaveLength(2);
    expect(r.control('1.13', 'CLOUDTRAIL_LOGGING').live!.state).toBe('verified');
    expect(aws.cfn.commandCalls(ListStackResourcesCommand).map((c) => c.args[0].input)).toEqual([{ StackName: 'partner-controls' }, { StackName: 'partner-controls', NextToken: 'more' }]);
  });
});

describe('report --live: calls that fail never crash the report', () => {
  afterEach(() => {
    aws.restore();
    aws = mockAws(loadAssembly(assemblyDir));
  });

  test('access denied is named per call; the controls it hides stay "deployed, not verified"', async () => {
    // GIVEN a role without config:GetComplianceDetailsByConfigRule nor backup:ListRestoreJobs
    const denied = (action: string) => Object.assign(new Error(`User: arn:aws:sts::111111111111:assumed-role/auditor/s is not authorized to perform: ${action}`), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 403 } });
    aws.config.on(GetComplianceDetailsByConfigRuleCommand).rejects(denied('config:GetComplianceDetailsByConfigRule'));
    aws.backup.on(ListRestoreJobsCommand).rejects(denied('backup:ListRestoreJobs'));
    // WHEN
    const r = await liveReport();
    // THEN
    expect(r.report!.live!.problems).toEqual([
      'access denied: backup:ListRestoreJobs in 111111111111/eu-west-1',
      'access denied: config:GetComplianceDetailsByConfigRule in 111111111111/eu-west-1',
    ]);
    expect(r.stderr).toBe('warning: access denied: backup:ListRestoreJobs in 111111111111/eu-west-1\nwarning: access denied: config:GetComplianceDetailsByConfigRule in 111111111111/eu-west-1\n');
    expect(r.control('1.2', 'ROOT_ACCOUNT_MFA_ENABLED').live).toMatchObject({ state: 'not-verified', problems: ['access denied: config:GetComplianceDetailsByConfigRule in 111111111111/eu-west-1'] });
    expect(r.item('1.2').basis).toBe('Not met: by runtime, control ROOT_ACCOUNT_MFA_ENABLED deployed, not verified (read its result with report --live); or by attestation, awaiting attestation.');
    expect(r.control('1.13', 'CLOUDTRAIL_LOGGING').live!.state).toBe('verified');
  });

  test('throttling that outlasts the retries is named, not a crash', async () => {
    aws.backup.on(GetRestoreTestingPlanCommand).rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } }));
    const r = await liveReport();
    expect(r.report!.live!.problems).toEqual(['throttled: backup:GetRestoreTestingPlan in 111111111111/eu-west-1 (still throttled after 8 attempts)']);
    expect(r.control('2.7', 'BACKUP_RESTORE_TESTING').live!.state).toBe('not-verified');
  });

  test('an empty account: nothing deployed, so the controls are not running and required ones fail their items', async () => {
    aws.cfn.on(ListStackResourcesCommand).rejects(Object.assign(new Error('Stack with id partner-controls does not exist'), { name: 'ValidationError', $metadata: { httpStatusCode: 400 } }));
    aws.backup.on(ListBackupJobsCommand).resolves({ BackupJobs: [] });
    const r = await liveReport();
    expect(r.control('1.2', 'ROOT_ACCOUNT_MFA_ENABLED').live).toMatchObject({ state: 'missing', summary: 'ROOT_ACCOUNT_MFA_ENABLED not running: stack partner-controls (Controls) is not deployed in 111111111111/eu-west-1' });
    expect(r.item('1.2').problems).toEqual(['by runtime, runtime control ROOT_ACCOUNT_MFA_ENABLED not running: stack partner-controls (Controls) is not deployed in 111111111111/eu-west-1; or by attestation, awaiting attestation']);
    expect(r.report!.live!.controls).toEqual({ verified: 0, failing: 0, missing: 10, notVerified: 0 });
    expect(r.report!.live!.problems).toEqual([]);
  });

  test('no usable credentials: exit 2 with one line', async () => {
    aws.sts.on(GetCallerIdentityCommand).rejects(Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }));
    const r = await liveReport();
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: --live: the AWS credentials cannot be used (CredentialsProviderError: Could not load credentials from any providers)\n');
    expect(r.report).toBeUndefined();
  });

  test('stacks in another account are not verified, and the report says whose credentials were used', async () => {
    aws.sts.on(GetCallerIdentityCommand).resolves({ Account: '333333333333' });
    const r = await liveReport();
    expect(r.control('1.2', 'ROOT_ACCOUNT_MFA_ENABLED').live).toMatchObject({ state: 'not-verified', summary: 'ROOT_ACCOUNT_MFA_ENABLED not verified: stack Controls is in account 111111111111; the credentials are for account 333333333333' });
  });
});

describe('report --live: the SDK retries throttled calls itself', () => {
  test('two throttled answers, then the answer: the call succeeds (adaptive retry strategy, no mock of send)', async () => {
    // GIVEN a fake HTTP handler under the SDK's middleware: STS answers, Config throttles twice then answers
    aws.restore();
    const seen: string[] = [];
    let throttles = 2;
    const requestHandler = {
      handle: async (req: { headers: Record<string, string>; body?: string; hostname: string }) => {
        const target = req.headers['x-amz-target'] ?? (req.body && /Action=(\w+)/.exec(req.body)?.[1]) ?? req.hostname;
        seen.push(String(target));
        if (/sts/.test(req.hostname)) {
          return { response: new HttpResponse({ statusCode: 200, headers: { 'content-type': 'text/xml' }, body: Buffer.from(`<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Account>${ACCOUNT}</Account><Arn>arn:aws:iam::${ACCOUNT}:user/a</Arn><UserId>A</UserId></GetCallerIdentityResult></GetCallerIdentityResponse>`) }) };
        }
        if (/GetComplianceDetailsByConfigRule/.test(String(target)) && throttles-- > 0) {
          return { response: new HttpResponse({ statusCode: 400, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: Buffer.from('{"__type":"ThrottlingException","message":"Rate exceeded"}') }) };
        }
        return { response: new HttpResponse({ statusCode: 200, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: Buffer.from(JSON.stringify({ EvaluationResults: [{ ComplianceType: 'COMPLIANT', ResultRecordedTime: 1748770200, EvaluationResultIdentifier: { EvaluationResultQualifier: { ConfigRuleName: 'r', ResourceType: 'AWS::::Account', ResourceId: ACCOUNT } } }] })) }) };
      },
    };
    try {
      // WHEN the live read runs one Config rule whose stack is located without CloudFormation
      const assembly = loadAssembly(assemblyDir);
      const live = await readLive({
        assembly: { ...assembly, stacks: [] },
        targets: [],
        now: LIVE_NOW,
        region: REGION,
        clientConfig: { requestHandler, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } },
      });
      expect(live.summary.account).toBe(ACCOUNT);
      const { AwsSession } = await import('../../lib/report/live/aws');
      const session = new AwsSession({ clientConfig: { requestHandler, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } } });
      const out = await session.call('config:GetComplianceDetailsByConfigRule', { account: ACCOUNT, region: REGION }, 'GetComplianceDetailsByConfigRuleCommand', { ConfigRuleName: 'r' });
      session.destroy();
      // THEN
      expect(out.EvaluationResults[0].ComplianceType).toBe('COMPLIANT');
      expect(seen.filter((t) => /GetComplianceDetailsByConfigRule/.test(t))).toHaveLength(3);
    } finally {
      aws = mockAws(loadAssembly(assemblyDir));
    }
  });
});

describe('live reads: what is called, and how each control is read', () => {
  test('every action exists in AWS\'s service authorization data, and every one is a read', () => {
    for (const action of Object.keys(LIVE_ACTIONS)) {
      const [service, name] = action.split(':');
      const file = path.join('node_modules', '@cloud-copilot', 'iam-data', 'data', 'actions', `${service}.json`);
      const actions = JSON.parse(fs.readFileSync(file, 'utf-8'));
      const entry = actions[name.toLowerCase()];
      expect([action, entry?.name]).toEqual([action, name]);
      expect([action, /^(Get|List|Describe)/.test(name)]).toEqual([action, true]);
    }
  });

  test('the README lists every action and the IAM policy that allows exactly them', () => {
    const readme = fs.readFileSync('README.md', 'utf-8');
    for (const action of Object.keys(LIVE_ACTIONS)) expect(readme).toContain(`\`${action}\``);
    const policy = /```json\n(\{[\s\S]*?"CdkCompetencyLiveEvidenceReadOnly"[\s\S]*?\})\n```/.exec(readme);
    expect(policy).not.toBeNull();
    expect(JSON.parse(policy![1])).toEqual(liveIamPolicy());
  });

  test('every runtime control of the checklist data has a reader, but those no construct of ours deploys yet', () => {
    const unread = [...new Set(CHECKLIST_ITEMS.flatMap((i) => i.verification.runtimeControls ?? []).filter((c) => !readerOf(c)).map((c) => c.id))].sort();
    expect(unread).toEqual(['FIS_AZ_EXPERIMENT', 'GUARDDUTY_RUNTIME_MONITORING', 'INSPECTOR']);
    const serviceIds = new Set(CHECKLIST_ITEMS.flatMap((i) => i.verification.runtimeControls ?? []).filter((c) => c.kind === 'service').map((c) => c.id));
    for (const id of Object.keys(SERVICE_READERS)) expect([id, serviceIds.has(id)]).toEqual([id, true]);
  });

  test('a report without --live never loads the AWS SDK', () => {
    const out = path.join(tmpDir(), 'evidence');
    const script = `const { main } = require('./lib/report/cli/main');
main(['report', '--assembly', ${JSON.stringify(assemblyDir)}, '--checklist', 'networking', '--deployment-model', 'saas', '--no-diagrams', '--out', ${JSON.stringify(out)}],
  { stdout: () => {}, stderr: (t) => process.stderr.write(t), stderrIsTTY: false, env: {} })
  .then((code) => console.log(JSON.stringify({ code, sdk: Object.keys(require.cache).filter((f) => f.includes('@aws-sdk')).length })));`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf-8', env: { ...process.env, CI: 'true' } });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout.trim().split('\n').pop()!)).toEqual({ code: 1, sdk: 0 });
  });
});
