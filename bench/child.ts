/**
 * One measurement, run in its own process by `bench/run.ts` so that peak RSS belongs to this measurement only.
 *
 *   tsx bench/child.ts <variant> --size N --outdir DIR [--assembly DIR] [--profile FILE]
 *
 * variants: plain | noop | competency | aws-solutions (build + synth the app of N stacks into DIR),
 *           plain-defaults | competency-defaults (the same, with the CDK's built-in CloudFormation validation, which a
 *           partner's `cdk synth` runs unless turned off: the runner leaves CDK_VALIDATION unset for them),
 *           collect | report (the evidence report over an existing assembly, no synth).
 * Prints one line `BENCH_RESULT {json}` with the in-process time (after every module is loaded), peak RSS and
 * what was checked (stacks, resources, findings). `--profile FILE` writes a V8 CPU profile of the measured window
 * only (module loading excluded), taken with the inspector's Profiler.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Session } from 'inspector';
import { performance } from 'perf_hooks';
import type { IPolicyValidationPlugin } from 'aws-cdk-lib';
import type { ChecklistSelection } from '../lib/checklist';
import { startProfiler, stopProfiler } from './profile';

// Each variant loads only the modules it needs (a plain synth does not load cdk-nag or the report), so the
// whole-process time is what that command would cost; the in-process time starts after they are loaded.
const load = {
  cdk: () => require('aws-cdk-lib') as typeof import('aws-cdk-lib'),
  generate: () => require('./generate') as typeof import('./generate'),
  packs: () => require('../lib/packs') as typeof import('../lib/packs'),
  nag: () => require('cdk-nag') as typeof import('cdk-nag'),
  assembly: () => require('../lib/report/assembly') as typeof import('../lib/report/assembly'),
  collect: () => require('../lib/report/collect') as typeof import('../lib/report/collect'),
  report: () => require('../lib/report') as typeof import('../lib/report'),
};

/** The selection benchmarked: the Networking checklist in strict mode with the categories the app demonstrates. */
export const BENCH_SELECTION: ChecklistSelection = {
  checklist: 'networking',
  deploymentModel: 'saas',
  strict: true,
  categories: ['network-connectivity', 'load-balancers', 'network-management'],
};

export type Variant = 'plain' | 'noop' | 'competency' | 'aws-solutions' | 'plain-defaults' | 'competency-defaults' | 'collect' | 'report';
export const VARIANTS: readonly Variant[] = ['plain', 'noop', 'competency', 'aws-solutions', 'plain-defaults', 'competency-defaults', 'collect', 'report'];

/**
 * Whether a variant synthesizes with the CDK's defaults: its built-in CloudFormation validation on (aws-cdk-lib 2.27x
 * runs it in every synth unless `CDK_VALIDATION=false`, `--no-validation` or the App prop turns it off). It is itself a
 * validation plugin, so the CDK builds its construct tree and report in these synths whether or not ours is added.
 */
export function withCdkDefaults(variant: Variant): boolean {
  return variant.endsWith('-defaults');
}

/**
 * A validation plugin that checks nothing: what the CDK itself spends on any registered plugin (after the plugins it
 * builds a construct tree of the whole app, resolving every logical id again, and writes the validation report).
 */
export const NOOP_PLUGIN: IPolicyValidationPlugin = {
  name: 'noop',
  validate: () => ({ success: true, violations: [] }),
};

/** What a child reports. */
export interface ChildResult {
  readonly variant: Variant;
  readonly size: number;
  /** Milliseconds from after module loading to the end of the measured work. */
  readonly inProcessMs: number;
  /** Milliseconds from process start (performance.timeOrigin) to after module loading. */
  readonly startupMs: number;
  /** Peak resident set size of this process, in MiB (process.resourceUsage().maxRSS). */
  readonly maxRssMiB: number;
  readonly stacks: number;
  readonly resources: number;
  /** Findings reported (validation report violations, or the report's open findings). */
  readonly findings?: number;
  /**
   * Milliseconds spent inside the plugin's `validate` (synth with a plugin only): the checking itself, measured
   * in the same process as the synth around it, so it is far less exposed to other load than a difference of
   * two processes' times.
   */
  readonly validateMs?: number;
}

function arg(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function countResources(dir: string): { stacks: number; resources: number } {
  const a = load.assembly().loadAssembly(dir);
  return { stacks: a.stacks.length, resources: a.stacks.reduce((n, s) => n + Object.keys(s.template.Resources ?? {}).length, 0) };
}

/** Violating resources in the validation report the synth wrote (context flag `@aws-cdk/core:validationReportJson`). */
function countViolations(outdir: string): number {
  const file = path.join(outdir, 'policy-validation-report.json');
  if (!fs.existsSync(file)) return 0; // written only when a plugin ran
  const report = JSON.parse(fs.readFileSync(file, 'utf-8'));
  let n = 0;
  for (const p of report.pluginReports ?? []) for (const v of p.violations ?? []) n += (v.violatingResources ?? []).length || 1;
  return n;
}

/** The profiler of the measured window, when --profile is given. */
let profiler: { session: Session; file: string } | undefined;

/** Starts the CPU profiler (if asked) and returns the start time of the measured window. */
async function start(): Promise<number> {
  if (profiler) await startProfiler(profiler.session, 200);
  return performance.now();
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const profileFile = arg(args, '--profile');
  if (profileFile) profiler = { session: new Session(), file: profileFile };
  const variant = args[0] as Variant;
  if (!VARIANTS.includes(variant)) throw new Error(`bench/child: variant must be one of ${VARIANTS.join(', ')}, got '${variant}'`);
  const size = Number(arg(args, '--size') ?? '1');
  const outdir = arg(args, '--outdir');
  if (!outdir) throw new Error('bench/child: --outdir is required');
  if (variant === 'collect' || variant === 'report') {
    const assemblyDir = arg(args, '--assembly');
    if (!assemblyDir) throw new Error('bench/child: --assembly is required for collect/report');
    if (variant === 'collect') {
      const { loadAssembly } = load.assembly();
      const { collectEvidence } = load.collect();
      const t0 = await start();
      const assembly = loadAssembly(assemblyDir);
      const report = collectEvidence({ assembly, selection: BENCH_SELECTION, now: new Date() });
      return finish(variant, size, t0, report.summary.openFindings, assemblyDir);
    }
    const { generateEvidencePack } = load.report();
    const t0 = await start();
    const pack = await generateEvidencePack({ assemblyDir, selection: BENCH_SELECTION, outDir: outdir, diagrams: false });
    return finish(variant, size, t0, pack.report.summary.openFindings, assemblyDir);
  }

  const { Validations } = load.cdk();
  const { generateApp } = load.generate();
  if (withCdkDefaults(variant) && process.env.CDK_VALIDATION === 'false') throw new Error(`bench/child: ${variant} synthesizes with the CDK's defaults: unset CDK_VALIDATION`);
  const { CompetencyChecks } = variant === 'competency' || variant === 'competency-defaults' ? load.packs() : { CompetencyChecks: undefined };
  const { AwsSolutionsChecks } = variant === 'aws-solutions' ? load.nag() : { AwsSolutionsChecks: undefined };
  const t0 = await start();
  const app = generateApp({ stacks: size, outdir, context: { '@aws-cdk/core:validationReportJson': true } });
  // Registered as their READMEs show (with the app as scope, so acknowledgements are written to the templates).
  const plugin: IPolicyValidationPlugin | undefined = CompetencyChecks ? new CompetencyChecks(app, { ...BENCH_SELECTION })
    : AwsSolutionsChecks ? new AwsSolutionsChecks(app)
      : variant === 'noop' ? { ...NOOP_PLUGIN } : undefined;
  let validateMs = 0;
  if (plugin) {
    const validate = plugin.validate.bind(plugin);
    plugin.validate = (context) => {
      const start = performance.now();
      try {
        return validate(context);
      } finally {
        validateMs += performance.now() - start;
      }
    };
    Validations.of(app).addPlugins(plugin);
  }
  app.synth();
  process.exitCode = 0; // a failed validation sets it; the findings are counted, not fatal here
  return finish(variant, size, t0, undefined, outdir, plugin ? validateMs : undefined);
}

/**
 * Rewrites the profile's positions in the compiled JavaScript to the TypeScript sources through their source maps (the
 * runner starts a profiled child with `--enable-source-maps`), so bench/profile.ts can name `file.ts:line`.
 */
function mapToSources(profile: { nodes: Array<{ callFrame: { url: string; lineNumber: number; columnNumber: number } }> }): void {
  const { findSourceMap } = require('module') as typeof import('module');
  for (const { callFrame: f } of profile.nodes) {
    if (!f.url || f.url.includes('node_modules') || f.lineNumber < 0) continue;
    const entry = findSourceMap(f.url)?.findEntry(f.lineNumber, f.columnNumber) as { originalLine?: number; originalColumn?: number } | undefined;
    if (entry?.originalLine !== undefined) {
      f.lineNumber = entry.originalLine;
      f.columnNumber = entry.originalColumn ?? 0;
    }
  }
}

/** Takes the time and peak RSS right after the measured work, then counts what was checked. */
async function finish(
  variant: Variant, size: number, t0: number, findings: number | undefined, assemblyDir: string, validateMs?: number,
): Promise<void> {
  const t1 = performance.now();
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  if (profiler) {
    const profile = await stopProfiler(profiler.session);
    mapToSources(profile);
    fs.mkdirSync(path.dirname(profiler.file), { recursive: true });
    fs.writeFileSync(profiler.file, JSON.stringify(profile));
  }
  const counted = countResources(assemblyDir);
  emit({ variant, size, inProcessMs: t1 - t0, startupMs: t0, maxRssMiB, ...counted, findings: findings ?? countViolations(assemblyDir), validateMs });
}

function emit(result: ChildResult): void {
  process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`${(e as Error).stack ?? e}\n`);
    process.exit(2);
  });
}
