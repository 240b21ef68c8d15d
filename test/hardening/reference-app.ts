// The reference app (every example of examples/index.ts) synthesized once per test file into a temp dir, for the
// hardening tests that judge the deployed templates (retention, AwsSolutions, cfn-guard).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stage } from 'aws-cdk-lib';
import { buildReferenceApp } from '../../examples/app';
import { referenceConfigFrom, REFERENCE_DEPLOYMENTS } from '../../examples';
import { CfnTemplate } from '../../lib/rules';

/** One synthesized stack of the reference app. */
export interface SynthesizedStack {
  /** Stage id, e.g. `MultiAzVpc`. */
  readonly stage: string;
  /** Template file name without `.template.json` (the stack artifact id, or a StackSet template's name). */
  readonly stackId: string;
  /** Path of the template file. */
  readonly templatePath: string;
  readonly template: CfnTemplate;
}

/** The reference app as synthesized. */
export interface SynthesizedApp {
  readonly app: App;
  readonly stages: readonly Stage[];
  readonly outdir: string;
  readonly stacks: readonly SynthesizedStack[];
  /** Removes the temp dir. */
  dispose(): void;
}

/** The `cdk.json` context (the reference configuration: placeholder accounts, explicit AZs). */
function cdkJsonContext(): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'cdk.json'), 'utf-8')).context;
}

/**
 * Synthesizes every reference deployment. With `packs`, exactly as `bin/app.ts` does (`buildReferenceApp`:
 * CompetencyChecks and AwsSolutionsChecks on every stage, synth fails on an unacknowledged error); without, only
 * the stages (cheaper, for tests that read templates only).
 */
export function synthReferenceApp(options: { readonly packs: boolean }): SynthesizedApp {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-competency-hardening-'));
  const app = new App({ context: cdkJsonContext(), outdir });
  const config = referenceConfigFrom(app);
  const stages = options.packs ? buildReferenceApp(app, config).map((r) => r.stage) : REFERENCE_DEPLOYMENTS.map((d) => d.build(app, config));
  const assembly = app.synth();
  // Every template file, not only stack artifacts: a StackSet's template is written as a file asset of its parent.
  const stacks = assembly.nestedAssemblies.flatMap((nested) => {
    const dir = nested.nestedAssembly.directory;
    return fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.template.json'))
      .map((f) => ({
        stage: path.basename(dir).replace(/^assembly-/, ''),
        stackId: f.replace(/\.template\.json$/, ''),
        templatePath: path.join(dir, f),
        template: JSON.parse(fs.readFileSync(path.join(dir, f), 'utf-8')) as CfnTemplate,
      }));
  });
  return { app, stages, outdir, stacks, dispose: () => fs.rmSync(outdir, { recursive: true, force: true }) };
}

/** Names of the five reference deployments. */
export const EXPECTED_EXAMPLES = ['multi-az-vpc', 'organization-trail', 'cross-account-backup', 'network-appliance', 'windows-workload'];
