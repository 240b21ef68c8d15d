/**
 * The reference app's pack with `--live` against an AWS double of its management account: the runtime items
 * show verified results with their times; controls deployed in other accounts say why they are not verified.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { buildReferenceApp } from '../../examples/app';
import { EvidenceReport, generateEvidencePack, loadAssembly } from '../../lib/report';
import { tmpDir } from './helpers';
import { LIVE_NOW, mockAws } from './live-fixture';

const CDK_JSON_CONTEXT = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'cdk.json'), 'utf-8')).context;
const MANAGEMENT = CDK_JSON_CONTEXT['cdk-competency:reference'].managementAccount as string;

test('the reference app with --live: runtime items verified live, with times; other accounts named', async () => {
  // GIVEN the reference app, synthesized as `npm start` does, and AWS answering for its management account
  const outdir = path.join(tmpDir('cdk-competency-reference-'), 'cdk.out');
  const app = new App({ context: CDK_JSON_CONTEXT, outdir });
  buildReferenceApp(app);
  app.synth();
  const aws = mockAws(loadAssembly(outdir));
  aws.sts.on(GetCallerIdentityCommand).resolves({ Account: MANAGEMENT });
  try {
    // WHEN
    const { report } = await generateEvidencePack({
      assemblyDir: outdir,
      selection: { checklist: 'networking', deploymentModel: 'saas', categories: ['network-connectivity'] },
      outDir: path.join(path.dirname(outdir), 'evidence'),
      now: LIVE_NOW,
      diagrams: false,
      live: { region: 'eu-west-1' },
    });
    // THEN
    const item = (id: string) => report.items.find((i) => i.id === id)!;
    const control = (itemId: string, id: string) => item(itemId).runtimeControls.find((c) => c.id === id)!;
    expect(item('1.2').basis).toMatch(/^Met, decided by runtime: verified live 2025-06-01 12:00 UTC: ROOT_ACCOUNT_MFA_ENABLED COMPLIANT on 1 resource \(evaluated 2025-06-01 09:30 UTC\)\.$/);
    expect(item('1.7').basis).toMatch(/verified live 2025-06-01 12:00 UTC: IAM_PASSWORD_POLICY COMPLIANT/);
    expect(control('1.13', 'CLOUDTRAIL_LOGGING').live).toMatchObject({ state: 'verified', summary: 'CLOUDTRAIL_LOGGING logging, last delivery 2025-06-01 11:55 UTC' });
    expect(control('1.1', 'ROOT_ACTIVITY_ALARM').live).toMatchObject({ state: 'verified' });
    expect(control('1.19', 'CONFIG_COMPLIANCE_CHANGE_NOTIFICATION').live).toMatchObject({ state: 'verified' });
    expect(control('2.7', 'BACKUP_RESTORE_TESTING').live).toMatchObject({
      state: 'not-verified',
      summary: expect.stringMatching(/^BACKUP_RESTORE_TESTING not verified: stack CrossAccountBackup\/Workload is in account 333333333333; the credentials are for account 111111111111/),
    });
    const verified = report.items.flatMap((i) => i.runtimeControls).filter((c) => c.live?.state === 'verified');
    expect(verified.length).toBeGreaterThan(30);
    for (const c of verified) expect(c.live!.results.every((r) => r.where === `${MANAGEMENT}/eu-west-1` && r.state)).toBe(true);
    expect((report as EvidenceReport).live).toMatchObject({ account: MANAGEMENT, problems: [] });
  } finally {
    aws.restore();
  }
});
