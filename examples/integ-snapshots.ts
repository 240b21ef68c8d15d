import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, cx_api as cxapi } from 'aws-cdk-lib';
import { normalizeTemplate } from '../lib/testing/snapshot';

/**
 * Integration-test snapshots, verified offline.
 *
 * Each `examples/<name>/integ.<name>.ts` exports `build(app)` (an `IntegTest` with post-deploy assertions) and
 * synthesizes itself when run directly, as `integ-runner` expects. Its snapshot is committed next to it in
 * `integ.<name>.ts.snapshot/` (the cloud assembly without bundled assets). `@aws-cdk/integ-runner` 2.197.10 reads
 * cloud-assembly schema ≤ 53 while aws-cdk-lib 2.276 writes 55, so the test suite verifies snapshots itself: it
 * synthesizes the integ app again and compares every template, normalized (asset hashes, CDK version metadata),
 * with the committed one. `npm run integ:update` rewrites the snapshots; deploying them for real is described in
 * the README.
 */

export type IntegBuilder = (app: App) => unknown;

/**
 * A template as compared with its snapshot: normalized like any snapshot, and with the `salt` that
 * integ-tests-alpha stamps on every assertion (`Date.now()`, so that assertions re-run on each deployment)
 * replaced by a constant.
 */
function normalizeIntegTemplate(template: object): object {
  const t = normalizeTemplate(template);
  for (const r of Object.values<any>(t.Resources ?? {})) {
    if (typeof r?.Type === 'string' && r.Type.startsWith('Custom::DeployAssert') && r.Properties?.salt !== undefined) r.Properties.salt = '<salt>';
  }
  return t;
}

/**
 * An assembly's metadata as a snapshot keeps it: without the stack traces aws-cdk-lib records beside some entries
 * (an acknowledgement's `trace`, whatever the context says), which name the synthesizing machine's files.
 */
function withoutTraces(metadata: { [path: string]: Array<{ trace?: unknown }> }): object {
  return Object.fromEntries(Object.entries(metadata).map(([p, entries]) => [p, entries.map(({ trace: _trace, ...entry }) => entry)]));
}

/** Files of an assembly that a snapshot keeps (templates and manifests, not bundled assets). */
function keptFiles(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'tree.json').sort();
}

/**
 * Synthesizes an integ app into `outdir`, without the stack traces the context can turn off (construct creation, metadata):
 * they name the files of the machine that synthesized it (absolute paths), which a committed snapshot must not hold, and
 * change with every edit above them.
 */
export function synthInteg(build: IntegBuilder, outdir: string): void {
  const app = new App({ outdir, context: { '@aws-cdk/core:validationReportJson': false, [cxapi.DISABLE_METADATA_STACK_TRACE]: true, [cxapi.DISABLE_CREATION_STACK_TRACES]: true } });
  build(app);
  app.synth();
}

/** Rewrites a committed snapshot directory. */
export function updateIntegSnapshot(build: IntegBuilder, snapshotDir: string): void {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'integ-'));
  synthInteg(build, tmp);
  fs.rmSync(snapshotDir, { recursive: true, force: true });
  fs.mkdirSync(snapshotDir, { recursive: true });
  for (const f of keptFiles(tmp)) {
    const content = JSON.parse(fs.readFileSync(path.join(tmp, f), 'utf-8'));
    const kept = f.endsWith('.template.json') ? normalizeIntegTemplate(content) : f.endsWith('.metadata.json') ? withoutTraces(content) : content;
    fs.writeFileSync(path.join(snapshotDir, f), JSON.stringify(kept, null, 1) + '\n');
  }
  fs.rmSync(tmp, { recursive: true, force: true });
}

/** Differences between a fresh synth and the committed snapshot (empty when they match). */
export function verifyIntegSnapshot(build: IntegBuilder, snapshotDir: string): string[] {
  if (!fs.existsSync(snapshotDir)) return [`snapshot ${snapshotDir} is missing: run npm run integ:update`];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'integ-'));
  try {
    synthInteg(build, tmp);
    const fresh = keptFiles(tmp).filter((f) => f.endsWith('.template.json'));
    const committed = keptFiles(snapshotDir).filter((f) => f.endsWith('.template.json'));
    const problems: string[] = [];
    if (fresh.join() !== committed.join()) problems.push(`templates differ: synthesized [${fresh.join(', ')}], committed [${committed.join(', ')}]`);
    for (const f of fresh.filter((x) => committed.includes(x))) {
      const a = JSON.stringify(normalizeIntegTemplate(JSON.parse(fs.readFileSync(path.join(tmp, f), 'utf-8'))));
      const b = JSON.stringify(JSON.parse(fs.readFileSync(path.join(snapshotDir, f), 'utf-8')));
      if (a !== b) problems.push(`${f} differs from its snapshot: run npm run integ:update and review the diff`);
    }
    return problems;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
