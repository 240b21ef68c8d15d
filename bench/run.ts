/**
 * `npm run bench`: the cost of checking, measured against plain synth.
 *
 *   tsx bench/run.ts [--sizes 1,10,100] [--runs 5,5,2] [--out bench/results.json (--cold-only: bench/cold-start.json)] [--profile]
 *                    [--cold-runs 15 | --no-cold | --cold-only]
 *
 * For each size N (workload stacks, plus one audit stack) it runs rounds of, interleaved:
 *   plain          synth, no plugins (the floor)
 *   noop           synth + a validation plugin that checks nothing (what the CDK spends on any plugin)
 *   competency     synth + CompetencyChecks (Networking, strict, the app's categories)
 *   aws-solutions  synth + cdk-nag AwsSolutionsChecks
 *   plain-defaults, competency-defaults
 *                  plain and competency with the CDK's defaults: its built-in CloudFormation validation on, as in a
 *                  partner's `cdk synth` (CDK_VALIDATION left unset for these two)
 *   collect        loadAssembly + collectEvidence over this round's CompetencyChecks assembly (no synth)
 *   report         generateEvidencePack (no diagrams) over the same assembly (no synth)
 * each in its own child process (peak RSS per measurement), with CDK_VALIDATION=false in every other variant.
 * Reports medians of the in-process time (after module loading), the whole-process time and peak RSS, and the
 * medians of per-round ratios. `--profile` adds one extra child per size and variant, CPU-profiled over the
 * measured window, and prints the top self-time functions (kept in $TMPDIR/cdk-competency-bench/profiles).
 * Then the cold start (bench/cold-start.ts): whole processes of the compiled package on a one-stack app.
 */
import { execFileSync, spawn } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseArgs } from 'util';
import { ChildResult, Variant, VARIANTS, withCdkDefaults } from './child';
import { coldStartTable, ColdStartSummary, prepareColdStart, runColdStart } from './cold-start';
import { formatTopFunctions, topSelfTime } from './profile';
import { RUNTIME_ASSET_DIRS } from '../scripts/build';

interface Options {
  readonly sizes: number[];
  readonly runs: number[];
  readonly out: string;
  readonly profile: boolean;
  readonly variants: Variant[];
  /** Cold-start rounds (bench/cold-start.ts) after the sizes; 0 for none. */
  readonly coldRuns: number;
  /** Only the cold start. */
  readonly coldOnly: boolean;
}

/** One measurement: what the child reported plus the whole-process wall time seen from here. */
interface Run extends ChildResult {
  readonly round: number;
  readonly wallMs: number;
}

/** Rounds per size: N=100 synths take about a minute each on a 2-core machine, so two rounds keep a full run near 10 minutes. */
const DEFAULT_RUNS: { readonly [size: number]: number } = { 1: 5, 10: 3, 100: 2 };

/** Runs `f`, its error message prefixed with `bench: `. */
function bench<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw new Error(`bench: ${(e as Error).message}`);
  }
}

function parseOptions(argv: string[]): Options {
  const { values } = bench(() => parseArgs({
    args: argv,
    options: {
      'sizes': { type: 'string', default: '1,10,100' },
      'runs': { type: 'string' },
      'out': { type: 'string' },
      'profile': { type: 'boolean', default: false },
      'variants': { type: 'string', default: VARIANTS.join(',') },
      'cold-runs': { type: 'string', default: '15' },
      'no-cold': { type: 'boolean', default: false },
      'cold-only': { type: 'boolean', default: false },
    },
  }));
  const list = (s: string, what: string) => s.split(',').map((x) => {
    const n = Number(x);
    if (!Number.isInteger(n) || n < 1) throw new Error(`bench: ${what} must be positive integers separated by commas, got '${s}'`);
    return n;
  });
  const sizes = list(values.sizes, '--sizes');
  let runs = sizes.map((s) => DEFAULT_RUNS[s] ?? 3);
  if (values.runs !== undefined) {
    const r = list(values.runs, '--runs');
    if (r.length !== 1 && r.length !== sizes.length) throw new Error(`bench: --runs takes one count or one per size (${sizes.length}), got '${values.runs}'`);
    runs = r.length === 1 ? sizes.map(() => r[0]) : r;
  }
  const variants = values.variants.split(',') as Variant[];
  for (const v of variants) if (!VARIANTS.includes(v)) throw new Error(`bench: unknown variant '${v}' (${VARIANTS.join(', ')})`);
  if ((variants.includes('collect') || variants.includes('report')) && !variants.includes('competency')) {
    throw new Error('bench: collect/report read the competency variant\'s assembly: include competency in --variants');
  }
  const coldRuns = values['no-cold'] ? 0 : Number(values['cold-runs']);
  if (!Number.isInteger(coldRuns) || coldRuns < 0) throw new Error(`bench: --cold-runs must be a whole number, got '${values['cold-runs']}'`);
  const coldOnly = values['cold-only'];
  if (coldOnly && coldRuns === 0) throw new Error('bench: --cold-only and --no-cold exclude each other');
  return { sizes: coldOnly ? [] : sizes, runs, out: values.out ?? path.join(__dirname, coldOnly ? 'cold-start.json' : 'results.json'), profile: values.profile, variants, coldRuns, coldOnly };
}

const REPO = path.join(__dirname, '..');
/** What a child needs of the working tree (node_modules is linked, not copied). */
const SNAPSHOT = ['lib', 'constructs', 'bench', 'scripts', 'package.json', 'tsconfig.json', 'tsconfig.build.json'];
/** The child script: in the snapshot once taken. */
let CHILD = path.join(__dirname, 'child.ts'); // replaced by the compiled snapshot's child.js

/**
 * Copies the sources into the work dir and runs every child from there: the whole run measures one version of
 * the engine even while the working tree changes (a half-saved file would otherwise break a child,
 * or change the code between two variants of a round).
 */
function snapshotSources(workDir: string): string {
  const dir = path.join(workDir, 'src');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const entry of SNAPSHOT) {
    fs.cpSync(path.join(REPO, entry), path.join(dir, entry), { recursive: true, filter: (src) => !/[/\\](__snapshots__|cdk\.out)([/\\]|$)/.test(src) });
  }
  fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

/**
 * Compiles the snapshot as the package is compiled (tsconfig.build.json's options, plain `tsc` CommonJS), the benchmark
 * with it, and copies the asset folders the constructs read: the children run the JavaScript partners run, not the
 * sources through a transpiler (whose module wrappers make every imported call a getter call). Returns the compiled
 * child.
 */
function compileSnapshot(snapshot: string): string {
  const config = path.join(snapshot, 'tsconfig.bench.json');
  fs.writeFileSync(config, JSON.stringify({
    extends: './tsconfig.build.json',
    compilerOptions: { outDir: 'dist-bench', rootDir: '.', declaration: false },
    include: ['lib/**/*.ts', 'constructs/**/*.ts', 'bench/**/*.ts', 'scripts/build.ts'],
  }));
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', config], { cwd: snapshot, stdio: 'inherit' });
  for (const dir of RUNTIME_ASSET_DIRS) fs.cpSync(path.join(snapshot, dir), path.join(snapshot, 'dist-bench', dir), { recursive: true });
  return path.join(snapshot, 'dist-bench', 'bench', 'child.js');
}

/** Runs one child (the compiled bench/child.js) and parses its BENCH_RESULT line. */
function runChild(args: string[], nodeArgs: string[] = []): Promise<{ result: ChildResult; wallMs: number }> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const env: NodeJS.ProcessEnv = { ...process.env, CDK_VALIDATION: 'false' };
    if (withCdkDefaults(args[0] as Variant)) delete env.CDK_VALIDATION;
    const child = spawn(process.execPath, [...nodeArgs, CHILD, ...args], {
      cwd: path.dirname(path.dirname(path.dirname(CHILD))),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
      const line = stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
      if (code !== 0 || !line) {
        reject(new Error(`bench: child ${args.join(' ')} exited with ${code}:\n${stderr.slice(-2000)}`));
        return;
      }
      resolve({ result: JSON.parse(line.slice('BENCH_RESULT '.length)), wallMs });
    });
  });
}

function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function packageVersion(name: string): string {
  return JSON.parse(fs.readFileSync(require.resolve(`${name}/package.json`), 'utf-8')).version;
}

/** What `uptime` says (load averages), or os.loadavg() when it is not there. */
function load(): string {
  const [a, b, c] = os.loadavg();
  return `load average: ${a.toFixed(2)}, ${b.toFixed(2)}, ${c.toFixed(2)}`;
}

/**
 * Which engine was measured: the commit, the uncommitted changes to the engine, and a hash of the engine's
 * sources in the snapshot (lib/packs, lib/rules, lib/report), since they may change between runs.
 */
function engineVersion(snapshot: string): { commit?: string; sourcesSha256: string; uncommitted: string[] } {
  const root = REPO;
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: root, encoding: 'utf-8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return undefined;
    }
  };
  const hash = createHash('sha256');
  const rel = (p: string) => path.relative(snapshot, p);
  const walkFrom = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walkFrom(p);
      else if (e.name.endsWith('.ts')) hash.update(rel(p)).update(fs.readFileSync(p));
    }
  };
  for (const d of ['lib/packs', 'lib/rules', 'lib/report']) walkFrom(path.join(snapshot, d));
  const status = git('status', '--porcelain', '--', 'lib/packs', 'lib/rules', 'lib/report') ?? '';
  return { commit: git('rev-parse', 'HEAD'), sourcesSha256: hash.digest('hex').slice(0, 16), uncommitted: status.split('\n').filter(Boolean) };
}

interface SizeSummary {
  readonly size: number;
  readonly stacks: number;
  readonly resources: number;
  readonly runs: number;
  readonly variants: {
    [v: string]: {
      inProcessMs: number; wallMs: number; startupMs: number; maxRssMiB: number; findings?: number; usPerResource: number;
      /** Median time inside the plugin's validate, and the median per-run overhead it implies: in-process / (in-process - validate). */
      validateMs?: number; validateOverhead?: number;
    };
  };
  /** Medians of per-round ratios of in-process times (and of whole-process times). */
  readonly ratios: { [name: string]: { inProcess: number; wall: number } };
}

const RATIOS: ReadonlyArray<[string, Variant, Variant]> = [
  ['noop/plain', 'noop', 'plain'],
  ['competency/plain', 'competency', 'plain'],
  ['competency/noop', 'competency', 'noop'],
  ['aws-solutions/plain', 'aws-solutions', 'plain'],
  ['competency/aws-solutions', 'competency', 'aws-solutions'],
  ['competency-defaults/plain-defaults', 'competency-defaults', 'plain-defaults'],
];

function summarize(size: number, rounds: number, runs: Run[]): SizeSummary {
  const of = (v: Variant) => runs.filter((r) => r.variant === v);
  const variants: SizeSummary['variants'] = {};
  for (const v of VARIANTS) {
    const rs = of(v);
    if (rs.length === 0) continue;
    const inProcessMs = median(rs.map((r) => r.inProcessMs));
    variants[v] = {
      inProcessMs,
      wallMs: median(rs.map((r) => r.wallMs)),
      startupMs: median(rs.map((r) => r.startupMs)),
      maxRssMiB: median(rs.map((r) => r.maxRssMiB)),
      findings: rs[0].findings,
      usPerResource: (inProcessMs * 1000) / rs[0].resources,
    };
    if (rs.every((r) => r.validateMs !== undefined)) {
      variants[v].validateMs = median(rs.map((r) => r.validateMs!));
      variants[v].validateOverhead = median(rs.map((r) => r.inProcessMs / (r.inProcessMs - r.validateMs!)));
    }
  }
  const ratios: SizeSummary['ratios'] = {};
  for (const [name, a, b] of RATIOS) {
    const pairs: Array<[Run, Run]> = [];
    for (let round = 0; round < rounds; round++) {
      const x = runs.find((r) => r.round === round && r.variant === a);
      const y = runs.find((r) => r.round === round && r.variant === b);
      if (x && y) pairs.push([x, y]);
    }
    if (pairs.length === 0) continue;
    ratios[name] = { inProcess: median(pairs.map(([x, y]) => x.inProcessMs / y.inProcessMs)), wall: median(pairs.map(([x, y]) => x.wallMs / y.wallMs)) };
  }
  const any = runs[0];
  return { size, stacks: any?.stacks ?? 0, resources: any?.resources ?? 0, runs: rounds, variants, ratios };
}

function fmtMs(ms: number): string {
  return ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

function table(summaries: SizeSummary[]): string {
  const lines: string[] = [];
  lines.push('| N | stacks | resources | variant | in-process (median) | µs/resource | whole process (median) | peak RSS (median) | in validate (median) | synth ÷ synth without validate | findings |');
  lines.push('| ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const s of summaries) {
    for (const [v, m] of Object.entries(s.variants)) {
      const validate = m.validateMs !== undefined ? `${fmtMs(m.validateMs)} | ${m.validateOverhead!.toFixed(3)}×` : '- | -';
      lines.push(`| ${s.size} | ${s.stacks} | ${s.resources} | ${v} | ${fmtMs(m.inProcessMs)} | ${m.usPerResource.toFixed(0)} | ${fmtMs(m.wallMs)} | ${m.maxRssMiB.toFixed(0)} MiB | ${validate} | ${m.findings ?? '-'} |`);
    }
  }
  lines.push('');
  lines.push('| N | runs | noop / plain | competency / plain | competency / noop | aws-solutions / plain | competency / aws-solutions | with the CDK\'s defaults: competency / plain |');
  lines.push('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const s of summaries) {
    const r = (k: string) => (s.ratios[k] ? `${s.ratios[k].inProcess.toFixed(3)}× (whole process ${s.ratios[k].wall.toFixed(3)}×)` : '-');
    lines.push(`| ${s.size} | ${s.runs} | ${r('noop/plain')} | ${r('competency/plain')} | ${r('competency/noop')} | ${r('aws-solutions/plain')} | ${r('competency/aws-solutions')} | ${r('competency-defaults/plain-defaults')} |`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-competency-bench-'));
  const started = new Date();
  const loadBefore = load();
  const log = (m: string) => process.stderr.write(`${m}\n`);
  // Snapshot the sources; retry while the working tree does not load (someone is mid-edit).
  let engine: ReturnType<typeof engineVersion> | undefined;
  for (let attempt = 1; ; attempt++) {
    const snapshot = snapshotSources(tmp);
    engine = engineVersion(snapshot);
    if (opts.coldOnly) break; // the cold start compiles its own snapshot
    try {
      CHILD = compileSnapshot(snapshot);
      // Check the snapshot loads, and warm the file system cache, so the first measured child does not pay for it.
      await runChild(['competency', '--size', '1', '--outdir', path.join(tmp, 'warmup')]);
      await runChild(['report', '--size', '1', '--outdir', path.join(tmp, 'warmup-report'), '--assembly', path.join(tmp, 'warmup')]);
      break;
    } catch (e) {
      if (attempt >= 5) throw e;
      log(`bench: the working tree does not load yet (${(e as Error).message.split('\n').find((l) => /Error/.test(l)) ?? 'see above'}); retrying in 30 s`);
      await new Promise((r) => setTimeout(r, 30_000));
    }
  }
  log(`bench: sizes ${opts.sizes.join(', ')}, runs ${opts.runs.join(', ')}, CDK_VALIDATION=false (unset for the -defaults variants), work dir ${tmp}; ${loadBefore}`);
  log(`bench: engine ${engine.commit?.slice(0, 7)} + ${engine.uncommitted.length} uncommitted engine file(s), sources ${engine.sourcesSha256}`);

  const allRuns: Run[] = [];
  const summaries: SizeSummary[] = [];
  const profiles: Array<{ size: number; variant: Variant; file: string; top: ReturnType<typeof topSelfTime> }> = [];
  for (const [k, size] of opts.sizes.entries()) {
    const rounds = opts.runs[k];
    const runs: Run[] = [];
    for (let round = 0; round < rounds; round++) {
      let assembly: string | undefined;
      for (const variant of opts.variants) {
        const outdir = path.join(tmp, `n${size}-r${round}-${variant}`);
        const args = [variant, '--size', String(size), '--outdir', outdir];
        if (variant === 'collect' || variant === 'report') args.push('--assembly', assembly!);
        const { result, wallMs } = await runChild(args);
        const run: Run = { ...result, round, wallMs };
        runs.push(run);
        log(`  N=${size} round ${round + 1}/${rounds} ${variant.padEnd(13)} in-process ${fmtMs(result.inProcessMs).padStart(8)}  whole ${fmtMs(wallMs).padStart(8)}  ${result.maxRssMiB.toFixed(0)} MiB  (${load()})`);
        if (variant === 'competency') assembly = outdir;
        else if (variant !== 'collect' && variant !== 'report') fs.rmSync(outdir, { recursive: true, force: true });
      }
      if (assembly) {
        // Keep the last round's assembly for --profile, drop earlier ones (N=100 is ~100 MB each).
        for (const v of ['collect', 'report']) fs.rmSync(path.join(tmp, `n${size}-r${round}-${v}`), { recursive: true, force: true });
        if (round < rounds - 1) fs.rmSync(assembly, { recursive: true, force: true });
      }
    }
    allRuns.push(...runs);
    summaries.push(summarize(size, rounds, runs));

    if (opts.profile) {
      // One extra child per variant, profiled over its measured window only (bench/child.ts --profile).
      const assembly = path.join(tmp, `n${size}-r${rounds - 1}-competency`);
      const dir = path.join(os.tmpdir(), 'cdk-competency-bench', 'profiles');
      for (const variant of opts.variants) {
        const file = path.join(dir, `n${size}-${variant}-${Date.now()}.cpuprofile`);
        const args = [variant, '--size', String(size), '--outdir', path.join(tmp, `prof-n${size}-${variant}`), '--profile', file];
        if (variant === 'collect' || variant === 'report') args.push('--assembly', assembly);
        // Source maps on (the compiled snapshot writes them), so the profile names TypeScript lines.
        await runChild(args, ['--enable-source-maps']);
        const top = topSelfTime(JSON.parse(fs.readFileSync(file, 'utf-8')), 25);
        profiles.push({ size, variant, file, top });
        log(`\nprofile N=${size} ${variant} (${file}):\n${formatTopFunctions(top)}`);
      }
    }
  }

  const summaryTable = table(summaries);
  if (summaries.length) process.stdout.write(`\n${summaryTable}\n\nIn-process: after Node started and the variant's modules loaded. Whole process: spawn to exit, as seen by the runner.\n`);

  let coldStart: ColdStartSummary | undefined;
  if (opts.coldRuns > 0) {
    log(`bench: cold start (the compiled package, whole processes), ${opts.coldRuns} rounds; ${load()}`);
    coldStart = runColdStart(prepareColdStart(tmp), opts.coldRuns, log);
    process.stdout.write(`\nCold start (one-stack app, compiled package, whole processes):\n\n${coldStartTable(coldStart)}\n`);
  }

  const results = {
    date: started.toISOString(),
    finished: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
      platform: `${os.platform()} ${os.release()}`,
      node: process.version,
      loadBefore,
      loadAfter: load(),
    },
    engine,
    packages: { 'aws-cdk-lib': packageVersion('aws-cdk-lib'), 'cdk-nag': packageVersion('cdk-nag'), 'constructs': packageVersion('constructs') },
    settings: {
      CDK_VALIDATION: `'false', except ${opts.variants.filter(withCdkDefaults).join(', ') || 'none'} (unset: the CDK's defaults)`,
      sizes: opts.sizes,
      runs: opts.runs,
      variants: opts.variants,
      selection: 'networking / saas, strict, categories network-connectivity, load-balancers, network-management',
      order: 'interleaved per round: ' + opts.variants.join(' → '),
    },
    summary: summaries,
    table: summaryTable,
    profiles: profiles.map((p) => ({ size: p.size, variant: p.variant, file: p.file, top: p.top })),
    coldStart,
    runs: allRuns,
  };
  fs.writeFileSync(opts.out, `${JSON.stringify(results, null, 2)}\n`);
  log(`bench: wrote ${path.relative(process.cwd(), opts.out)}; ${load()}`);
  fs.rmSync(tmp, { recursive: true, force: true });
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(1);
});
