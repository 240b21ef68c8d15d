// The generated deployment guide of the reference deployments: stacks in a verified order, and the steps the
// templates require of their accounts (service-linked roles, one AWS Config recorder, cross-account backup) listed
// before anything is deployed.
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { buildReferenceApp } from '../../examples/app';
import { generateEvidencePack } from '../../lib/report';
import { tmpDir } from '../report/helpers';
import { cdkJsonContext } from './conformance';

const CDK_JSON_CONTEXT = cdkJsonContext();

describe('the generated deployment guides of the reference deployments', () => {
  const outdir = tmpDir('cdk-competency-guide-');
  const guides = new Map<string, string>();

  beforeAll(async () => {
    // GIVEN the reference app synthesized as bin/app.ts does
    const app = new App({ context: CDK_JSON_CONTEXT, outdir: path.join(outdir, 'cdk.out') });
    buildReferenceApp(app, undefined, ['organization-trail', 'windows-workload', 'cross-account-backup']);
    app.synth();
    // WHEN the evidence pack of each stage is generated
    for (const stage of ['OrganizationTrail', 'WindowsWorkload', 'CrossAccountBackup']) {
      const out = path.join(outdir, stage);
      await generateEvidencePack({
        assemblyDir: path.join(outdir, 'cdk.out', `assembly-${stage}`),
        selection: stage === 'WindowsWorkload' ? { checklist: 'microsoft-workloads', deploymentModel: 'customer-deployed-on-aws' } : { checklist: 'networking', deploymentModel: 'saas' },
        outDir: out,
        diagrams: false,
        now: new Date('2026-01-01T00:00:00Z'),
      });
      guides.set(stage, fs.readFileSync(path.join(out, 'deployment-guide.md'), 'utf-8'));
    }
  }, 180_000);

  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  const order = (guide: string, stacks: string[]) => stacks.map((s) => guide.indexOf(` ${s} --exclusively`));

  test('organization trail: Audit (bucket, key, Config bucket, log destination) before Trail and Baseline', () => {
    // THEN
    const [audit, trail, baseline] = order(guides.get('OrganizationTrail')!, ['OrganizationTrail/Audit', 'OrganizationTrail/Trail', 'OrganizationTrail/Baseline']);
    expect(audit).toBeGreaterThan(0);
    expect(trail).toBeGreaterThan(audit);
    expect(baseline).toBeGreaterThan(audit);
  });

  test('organization trail: the management account\'s recorder step (service-linked role, one recorder per region, the delivery bucket) is a prerequisite', () => {
    // THEN
    const guide = guides.get('OrganizationTrail')!;
    expect(guide).toMatch(/Before `OrganizationTrail\/Baseline` \(account 111111111111\): AWS Config: the service-linked role AWSServiceRoleForConfig exists/);
    expect(guide).toContain('aws iam create-service-linked-role --aws-service-name config.amazonaws.com');
    expect(guide).toMatch(/no other configuration recorder or delivery channel exists in the region/);
  });

  test('windows workload: DR vault before the workload; the Auto Scaling service-linked role and cross-account backup are prerequisites', () => {
    // THEN
    const guide = guides.get('WindowsWorkload')!;
    const [dr, workload] = order(guide, ['WindowsWorkload/DrVault', 'WindowsWorkload/Workload']);
    expect(dr).toBeGreaterThan(0);
    expect(workload).toBeGreaterThan(dr);
    expect(guide).toContain('aws iam create-service-linked-role --aws-service-name autoscaling.amazonaws.com');
    expect(guide).toContain('isCrossAccountBackupEnabled=true');
  });

  test('cross-account backup: both DR vaults before the workload', () => {
    // THEN
    const guide = guides.get('CrossAccountBackup')!;
    const [dr, dr2, workload] = order(guide, ['CrossAccountBackup/DrVault', 'CrossAccountBackup/DrVaultSecondaryRegion', 'CrossAccountBackup/Workload']);
    expect(Math.min(dr, dr2)).toBeGreaterThan(0);
    expect(workload).toBeGreaterThan(Math.max(dr, dr2));
  });
});
