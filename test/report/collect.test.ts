import * as path from 'path';
import { ChecklistSelection } from '../../lib/checklist';
import { collectEvidence, EvidenceReport, loadAssembly, readAttestationsFile } from '../../lib/report';
import { assemblyDir, attestationsFile, NETWORKING_SAAS, NOW, PINNED_RULES } from './helpers';

function collect(name: string, opts: { attestations?: string; selection?: ChecklistSelection; rules?: readonly string[] } = {}): EvidenceReport {
  return collectEvidence({
    assembly: loadAssembly(assemblyDir(name)),
    selection: opts.selection ?? NETWORKING_SAAS,
    attestations: opts.attestations ? readAttestationsFile(attestationsFile(opts.attestations), NOW) : undefined,
    now: NOW,
    rules: opts.rules ?? PINNED_RULES,
  });
}

function item(report: EvidenceReport, id: string) {
  const found = report.items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
}

describe('collectEvidence: synth rules over the whole assembly', () => {
  test('the trail in one account logging to a bucket in another account meets 1.14', () => {
    // GIVEN / WHEN
    const report = collect('multi-account');
    // THEN
    const i = item(report, '1.14');
    expect(i.status).toBe('met');
    expect(i.rules.passed).toEqual([expect.objectContaining({
      ruleId: 'Competency-1.14-TrailBucketInAnotherAccount', stack: 'Prod/Management', path: 'Prod/Management/OrganizationTrail/Trail', logicalId: 'Trail',
    })]);
  });

  test('a trail and its bucket in two stacks of one account fail 1.14 (assembly-wide check)', () => {
    // GIVEN / WHEN
    const report = collect('same-account');
    // THEN
    const i = item(report, '1.14');
    expect(i.status).toBe('not-met');
    expect(i.rules.failed).toEqual([expect.objectContaining({
      stack: 'Trail', path: 'Trail/OrganizationTrail/Trail', logicalId: 'Trail',
      reason: "the log bucket Logs/TrailBucket/Resource is in account 111111111111, the trail's own account",
    })]);
    expect(i.problems[0]).toMatch(/^1 synth finding not acknowledged: TrailBucketInAnotherAccount on Trail\/OrganizationTrail\/Trail$/);
  });

  test('an acknowledged failure is met with exception, with its reason, and listed among acknowledgements', () => {
    // GIVEN / WHEN
    const report = collect('multi-account');
    // THEN
    const i = item(report, '1.18');
    expect(i).toMatchObject({ status: 'met', withExceptions: true });
    expect(i.rules.acknowledged).toEqual([expect.objectContaining({
      path: 'Prod/Audit/WebsiteBucket/Resource',
      acknowledgement: 'Static marketing assets are served publicly by design; no customer data is stored here (SEC-101).',
    })]);
    expect(report.acknowledgements.map((a) => [a.ruleId, a.itemId, a.suppressesFinding])).toEqual([
      ['Competency-1.18-BucketBlockPublicAccess', '1.18', true],
      ['AwsSolutions-S1', undefined, false],
    ]);
    expect(report.summary.metWithExceptions).toBe(1);
  });

  test('an unacknowledged failure names stack, construct path, logical id and reason', () => {
    // GIVEN / WHEN
    const i = item(collect('multi-account'), '1.16');
    // THEN
    expect(i.status).toBe('not-met');
    expect(i.rules.failed[0]).toMatchObject({ stack: 'Prod/Management', path: 'Prod/Management/Bastion/SecurityGroup/Resource', logicalId: 'OpenSg', type: 'AWS::EC2::SecurityGroup' });
    expect(i.rules.failed[0].reason).toMatch(/0\.0\.0\.0\/0/);
  });

  test('rules that did not run are listed, never counted as passes', () => {
    // GIVEN / WHEN
    const i = item(collect('multi-account', { rules: [] }), '1.14');
    // THEN
    expect(i.rules.unavailable).toEqual(['TrailBucketInAnotherAccount']);
    expect(i.status).toBe('not-met');
    expect(i.problems).toEqual(['by template, its synth rule TrailBucketInAnotherAccount did not run; or by attestation, awaiting attestation']);
    expect(i.decision).toMatchObject({ paths: [['template'], ['attestation']], template: { state: 'none' }, attestation: { state: 'none' } });
  });
});

describe('collectEvidence: runtime controls', () => {
  test('a deployed Config rule and a metadata-marked alarm are found with the stack that deploys them; they support 1.1, which a person decides', () => {
    // GIVEN / WHEN
    const i = item(collect('multi-account'), '1.1');
    // THEN
    expect(i.status).toBe('not-met');
    expect(i.basis).toBe('Not met: awaiting attestation. Supporting evidence, runtime: controls IAM_ROOT_ACCESS_KEY_CHECK, ROOT_ACTIVITY_ALARM deployed, not verified.');
    expect(i.decision).toMatchObject({ paths: [['attestation']], supporting: ['runtime'], runtime: { state: 'pending' } });
    expect(i.runtimeControls.map((c) => [c.id, c.deployedIn.map((d) => `${d.stack} ${d.logicalId} ${d.via}`)])).toEqual([
      ['IAM_ROOT_ACCESS_KEY_CHECK', ['Prod/Management RootAccessKey config-rule']],
      ['ROOT_ACTIVITY_ALARM', ['Prod/Management RootActivityAlarm metadata']],
    ]);
  });

  test('a control that is neither deployed nor read leaves the runtime way open, and the attestation way too', () => {
    // GIVEN / WHEN
    const i = item(collect('multi-account'), '1.4');
    // THEN
    expect(i.status).toBe('not-met');
    expect(i.problems).toEqual(['by runtime, runtime control IAM_USER_MFA_ENABLED not deployed; or by attestation, awaiting attestation']);
  });

  test('a deployed control is "deployed, not verified" until its result is read; a verified result decides the item', () => {
    // GIVEN
    const assembly = loadAssembly(assemblyDir('all-controls'));
    const base = { assembly, selection: NETWORKING_SAAS, now: NOW, rules: PINNED_RULES };
    const live = (state: 'verified' | 'failing', summary: string) => ({
      summary: { checkedAt: '2025-06-01T08:00:00.000Z', account: '111111111111', controls: { verified: 0, failing: 0, missing: 0, notVerified: 0 }, problems: [] },
      controls: new Map([['ROOT_ACCOUNT_MFA_ENABLED', { state, checkedAt: '2025-06-01T08:00:00.000Z', summary, results: [], problems: [] }]]),
    });
    // WHEN
    const unread = collectEvidence(base).items.find((i) => i.id === '1.2')!;
    const read = collectEvidence({ ...base, live: live('verified', 'ROOT_ACCOUNT_MFA_ENABLED COMPLIANT on 1 resource') }).items.find((i) => i.id === '1.2')!;
    const bad = collectEvidence({ ...base, live: live('failing', 'ROOT_ACCOUNT_MFA_ENABLED NON_COMPLIANT on AWS::::Account 111111111111') }).items.find((i) => i.id === '1.2')!;
    // THEN
    expect(unread).toMatchObject({ status: 'not-met', problems: [expect.stringMatching(/^by runtime, control ROOT_ACCOUNT_MFA_ENABLED deployed, not verified/)] });
    expect(read).toMatchObject({ status: 'met', basis: 'Met, decided by runtime: verified live 2025-06-01 08:00 UTC: ROOT_ACCOUNT_MFA_ENABLED COMPLIANT on 1 resource.', decision: { decidedBy: ['runtime'] } });
    expect(bad).toMatchObject({ status: 'not-met', problems: ['ROOT_ACCOUNT_MFA_ENABLED NON_COMPLIANT on AWS::::Account 111111111111'] });
  });
});

describe('collectEvidence: attestations', () => {
  test('a fresh attestation meets an item whose only path is attestation', () => {
    // GIVEN / WHEN
    const i = item(collect('multi-account', { attestations: 'met.yaml' }), '1.25');
    // THEN
    expect(i.status).toBe('met');
    expect(i.attestation).toMatchObject({ state: 'valid', required: true, maxAgeMonths: 12, validUntil: '2026-03-14', provided: { attestedBy: 'Jane Doe, Head of Security', date: '2025-03-14' } });
  });

  test('an attestation 13 months old for 1.25 is stale, so Not met', () => {
    // GIVEN / WHEN
    const i = item(collect('multi-account', { attestations: 'stale.yaml' }), '1.25');
    // THEN
    expect(i.status).toBe('not-met');
    expect(i.attestation?.state).toBe('stale');
    expect(i.problems).toEqual(['stale attestation: dated 2024-05-01, older than 12 months (valid until 2025-05-01)']);
  });

  test('a missing required attestation is awaited', () => {
    // GIVEN / WHEN
    const i = item(collect('multi-account', { attestations: 'not-met.yaml' }), '1.25');
    // THEN
    expect(i).toMatchObject({ status: 'not-met', problems: ['awaiting attestation'] });
  });
});

describe('collectEvidence: the rest of the report', () => {
  test('lists every item of the selection, N/A where the model says No, with counts', () => {
    // GIVEN / WHEN
    const report = collect('multi-account');
    // THEN
    expect(item(report, 'doc.deployment-guide')).toMatchObject({ status: 'not-applicable', basis: "Not applicable: the networking checklist's 'saas' column marks doc.deployment-guide No." });
    expect(report.items.some((i) => i.id.startsWith('load-balancers.'))).toBe(false);
    expect(report.items.some((i) => i.id.startsWith('network-connectivity.'))).toBe(true);
    const s = report.summary;
    expect(s.met + s.notMet + s.notApplicable).toBe(report.items.length);
    expect(s.allMet).toBe(false);
    expect(report.groups.map((g) => g.id)).toEqual(['security', 'reliability', 'operational-excellence', 'network-connectivity', 'documentation', 'business']);
  });

  test('records stacks, accounts, regions, dependencies, RPO/RTO, tool version and the injected clock', () => {
    // GIVEN / WHEN
    const report = collect('multi-account');
    // THEN
    expect(report.generatedAt).toBe('2025-06-01T12:00:00.000Z');
    expect(report.tool.name).toBe('cdk-competency');
    expect(report.assembly.stages).toEqual(['Prod']);
    expect(report.assembly.accounts).toEqual([
      { account: '111111111111', regions: ['eu-west-1'], stacks: ['Prod/Management'] },
      { account: '222222222222', regions: ['eu-west-1'], stacks: ['Prod/Audit'] },
    ]);
    expect(report.assembly.stacks.find((s) => s.name === 'Prod/Audit')?.recoveryObjectives).toEqual({ rpoMinutes: 60, rtoMinutes: 240 });
    expect(report.assembly.stacks.find((s) => s.name === 'Prod/Management')?.dependsOn).toEqual(['Prod/Audit']);
  });

  test('a nested stage assembly directory gives the same verdicts, with the stage taken from the display names', () => {
    // GIVEN
    const nested = loadAssembly(path.join(assemblyDir('multi-account'), 'assembly-Prod'));
    // WHEN
    const report = collectEvidence({ assembly: nested, selection: NETWORKING_SAAS, now: NOW, rules: PINNED_RULES });
    // THEN
    expect(report.assembly.stages).toEqual(['Prod']);
    expect(report.items.map((i) => i.status)).toEqual(collect('multi-account').items.map((i) => i.status));
  });

  test('an invalid selection is refused with one line', () => {
    expect(() => collect('multi-account', { selection: { checklist: 'networking', deploymentModel: 'multi-tenant-saas' } }))
      .toThrow(/^deploymentModel 'multi-tenant-saas' is not a deployment model of the 'networking' checklist/);
    // "APN Partner must identify the Segment category and subcategory (or subcategories) for their solution."
    expect(() => collect('multi-account', { selection: { checklist: 'microsoft-workloads', deploymentModel: 'multi-tenant-saas', categories: ['ms-data-analytics-ml'] } }))
      .toThrow(/^category 'ms-data-analytics-ml' is claimed by subcategory: name one or more in subcategories \(choices: ms-data-analytics-ml\.data-integration-and-preparation \(Data integration and preparation\), ms-data-analytics-ml\.platform-solutions \(Platform Solutions\), /);
  });

  test('a level the "Applies to" cell sets is explained by that cell: 1.10 "should be easily changed" for a customer-deployed solution', () => {
    // GIVEN / WHEN
    const report = collect('multi-account', { selection: { checklist: 'networking', deploymentModel: 'customer-deployed-on-aws' } });
    // THEN
    expect(item(report, '1.10')).toMatchObject({
      level: 'should',
      modal: 'should',
      levelReason: 'the networking checklist\'s \'customer-deployed-on-aws\' cell sets it: "Yes (credentials used to integration with AWS should be easily changed and not hard coded)"',
    });
  });
});

describe('collectEvidence: recommended findings are kept apart from the verdict', () => {
  test('a recommendation (S3 default encryption) is listed under the item\'s recommendations and counted apart, never as a failed finding', () => {
    // GIVEN / WHEN: the website bucket of the fixture declares no default encryption (S3 encrypts it anyway)
    const report = collect('multi-account');
    // THEN
    const i = item(report, '1.22');
    expect(i.rules.failed).toEqual([]);
    expect(i.rules.recommended.failed).toEqual([expect.objectContaining({ ruleId: 'Competency-1.22-S3BucketEncrypted', kind: 'recommended', level: 'warning', path: 'Prod/Audit/WebsiteBucket/Resource' })]);
    expect(i.problems.join(' ')).not.toMatch(/S3BucketEncrypted/);
    expect(i.rules.planned.find((p) => p.rule === 'S3BucketEncrypted')).toMatchObject({ kind: 'recommended', seedSentence: 'All customer data classified as sensitive is encrypted in transit and at rest', why: expect.stringMatching(/SSE-S3/) });
    expect(report.summary.openRecommendations).toBe(1);
    expect(report.summary.openFindings).toBe(report.items.filter((x) => x.status !== 'not-applicable').reduce((n, x) => n + x.rules.failed.length, 0));
  });

  test('a passing recommendation is not evidence for the item: 1.13 is shown by its required rule alone', () => {
    const i = item(collect('multi-account'), '1.13');
    expect(i.rules.passed.map((f) => f.rule)).toEqual(['TrailCoversEveryAccount']);
    expect(i.rules.recommended.passed.map((f) => f.rule)).toEqual(['TrailMultiRegion', 'TrailLogFileValidation']);
    expect(i.basis).toBe('Met, decided by template: 1 synth check passed on 1 resource.');
  });
});
