/**
 * Cold start, as a partner's processes pay it: whole processes running the compiled package (what `npm pack` ships),
 * spawned and timed from here, variants interleaved round by round.
 *
 *   tsx bench/cold-start.ts [--runs 15] [--out bench/cold-start.json]      (also run by `npm run bench`)
 *
 * Variants, on a one-stack app (MultiAzVpc + CentralLogShipping, explicit AZs, CDK_VALIDATION=false in every synth):
 *   bare             `node -e` that reads and parses the stack's template file (the floor of any Node process)
 *   synth            the app's synth, no plugin
 *   synth+pack       the same with `CompetencyChecks` registered (Networking, saas)
 *   report           `cdk-competency report --no-diagrams` on that app's assembly
 *   report+diagrams  `cdk-competency report` (SVG and PNG diagrams)
 * Targets: synth+pack − synth ≤ 100 ms; report ≤ 3× bare; report+diagrams ≤ 6× bare (medians of per-round values).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { compile } from '../scripts/build';

const REPO = path.join(__dirname, '..');
/** What the compiled snapshot needs of the working tree (node_modules is linked). */
const SOURCES = ['lib', 'constructs', 'bin', 'package.json', 'tsconfig.json', 'tsconfig.build.json'];

export const COLD_VARIANTS = ['bare', 'synth', 'synth+pack', 'report', 'report+diagrams'] as const;
export type ColdVariant = typeof COLD_VARIANTS[number];

export interface ColdStartSummary {
  readonly runs: number;
  /** Median whole-process milliseconds per variant (wall: spawn to exit). */
  readonly medianMs: { readonly [v in ColdVariant]: number };
  /** Median CPU milliseconds (user + system, with the processes it waited for) per variant: less exposed to other load. */
  readonly medianCpuMs?: { readonly [v in ColdVariant]: number };
  /** The same three measures on CPU time. */
  readonly cpu?: { readonly packAddsMs: number; readonly reportOverBare: number; readonly diagramsOverBare: number };
  /** Medians of per-round values: what the pack adds to a synth, and the report's times over bare Node. */
  readonly packAddsMs: number;
  readonly reportOverBare: number;
  readonly diagramsOverBare: number;
  readonly targets: { readonly packAddsMs: boolean; readonly reportOverBare: boolean; readonly diagramsOverBare: boolean };
  readonly loadBefore: number[];
  readonly loadAfter: number[];
  readonly rounds: Array<{ readonly [v in ColdVariant]: Timing } & { readonly load1: number }>;
}

const APP = `const { App, Stack, Validations } = require('aws-cdk-lib');
const { CentralLogShipping, MultiAzVpc } = require('./dist/constructs');
const app = new App({ outdir: process.argv[2] });
const stack = new Stack(app, 'Network', { env: { account: '111111111111', region: 'eu-west-1' } });
new MultiAzVpc(stack, 'Vpc', { availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'] });
new CentralLogShipping(stack, 'LogShipping', { destinationArn: 'arn:aws:logs:eu-west-1:222222222222:destination:central-logs' });
if (process.argv[3] === 'pack') {
  const { CompetencyChecks } = require('./dist/lib');
  Validations.of(app).addPlugins(new CompetencyChecks(app, { checklist: 'networking', deploymentModel: 'saas', categories: ['network-connectivity'] }));
}
app.synth();
`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** GNU time, when installed: it reports the CPU time of the process and of the processes it waited for. */
const GNU_TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** One process: wall time (spawn to exit) and, with GNU time, CPU time (user + system), in ms. */
interface Timing { readonly wallMs: number; readonly cpuMs?: number }

/** Spawns one process and times it; throws on an unexpected exit code. */
function timed(args: string[], cwd: string, okCodes: number[] = [0]): Timing {
  const [cmd, argv] = GNU_TIME ? [GNU_TIME, ['-f', 'CPU %U %S', process.execPath, ...args]] : [process.execPath, args];
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { cwd, encoding: 'utf-8', env: { ...process.env, CDK_VALIDATION: 'false', CI: 'true' } });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status === null || !okCodes.includes(r.status)) throw new Error(`cold-start: node ${args.join(' ')} exited ${r.status}:\n${(r.stderr || r.stdout).slice(-2000)}`);
  const cpu = /CPU ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr);
  return { wallMs, cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : undefined };
}

/** Copies the sources, compiles them as the package does, and writes the one-stack app next to them. */
export function prepareColdStart(workDir: string): string {
  const dir = path.join(workDir, 'cold');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const entry of SOURCES) {
    fs.cpSync(path.join(REPO, entry), path.join(dir, entry), { recursive: true, filter: (src) => !/[/\\](__snapshots__|cdk\.out)([/\\]|$)/.test(src) });
  }
  fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  compile(dir, path.join(dir, 'dist'));
  fs.writeFileSync(path.join(dir, 'app.js'), APP);
  return dir;
}

export function runColdStart(dir: string, runs: number, log: (m: string) => void = () => undefined): ColdStartSummary {
  const assembly = path.join(dir, 'cdk.out');
  const template = path.join(assembly, 'Network.template.json');
  const cli = path.join(dir, 'dist', 'bin', 'cli.js');
  const report = (out: string, diagrams: boolean) => [cli, 'report', '--assembly', assembly, '--checklist', 'networking', '--deployment-model', 'saas',
    '--categories', 'network-connectivity', '--out', out, ...(diagrams ? [] : ['--no-diagrams'])];
  const commands: { readonly [v in ColdVariant]: (round: number) => Timing } = {
    'bare': () => timed(['-e', `JSON.parse(require('fs').readFileSync(${JSON.stringify(template)}, 'utf-8'))`], dir),
    'synth': (i) => timed([path.join(dir, 'app.js'), path.join(dir, `out-plain-${i}`)], dir),
    'synth+pack': (i) => timed([path.join(dir, 'app.js'), path.join(dir, `out-pack-${i}`), 'pack'], dir),
    // Exit 1: some item is Not met (nothing attested here); the pack is written either way.
    'report': (i) => timed(report(path.join(dir, `evidence-${i}`), false), dir, [0, 1]),
    'report+diagrams': (i) => timed(report(path.join(dir, `evidence-d-${i}`), true), dir, [0, 1]),
  };
  // The assembly every report reads, and one warm-up of each variant (file cache, first-run costs).
  timed([path.join(dir, 'app.js'), assembly, 'pack'], dir);
  for (const v of COLD_VARIANTS) commands[v](-1);
  const loadBefore = os.loadavg();
  const rounds: ColdStartSummary['rounds'] = [];
  for (let i = 0; i < runs; i++) {
    const load1 = os.loadavg()[0];
    const row = Object.fromEntries(COLD_VARIANTS.map((v) => [v, commands[v](i)])) as { [v in ColdVariant]: Timing };
    for (const d of fs.readdirSync(dir).filter((f) => /^(out-|evidence-)/.test(f))) fs.rmSync(path.join(dir, d), { recursive: true, force: true });
    rounds.push({ ...row, load1 });
    const cpu = (t: Timing) => (t.cpuMs !== undefined ? ` (cpu ${t.cpuMs.toFixed(0)})` : '');
    log(`  cold start round ${i + 1}/${runs}: ${COLD_VARIANTS.map((v) => `${v} ${row[v].wallMs.toFixed(0)} ms${cpu(row[v])}`).join(', ')} (load ${load1.toFixed(2)})`);
  }
  const measures = (of: (t: Timing) => number) => ({
    median: Object.fromEntries(COLD_VARIANTS.map((v) => [v, median(rounds.map((r) => of(r[v])))])) as { [v in ColdVariant]: number },
    packAddsMs: median(rounds.map((r) => of(r['synth+pack']) - of(r.synth))),
    reportOverBare: median(rounds.map((r) => of(r.report) / of(r.bare))),
    diagramsOverBare: median(rounds.map((r) => of(r['report+diagrams']) / of(r.bare))),
  });
  const wall = measures((t) => t.wallMs);
  const { median: medianMs, packAddsMs, reportOverBare, diagramsOverBare } = wall;
  const withCpu = rounds.every((r) => COLD_VARIANTS.every((v) => r[v].cpuMs !== undefined));
  const cpu = withCpu ? measures((t) => t.cpuMs!) : undefined;
  return {
    runs, medianMs, packAddsMs, reportOverBare, diagramsOverBare,
    ...(cpu ? { medianCpuMs: cpu.median, cpu: { packAddsMs: cpu.packAddsMs, reportOverBare: cpu.reportOverBare, diagramsOverBare: cpu.diagramsOverBare } } : {}),
    targets: { packAddsMs: packAddsMs <= 100, reportOverBare: reportOverBare <= 3, diagramsOverBare: diagramsOverBare <= 6 },
    loadBefore, loadAfter: os.loadavg(), rounds,
  };
}

export function coldStartTable(s: ColdStartSummary): string {
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  const cpu = (f: (c: NonNullable<ColdStartSummary['cpu']>) => string) => (s.cpu ? ` | ${f(s.cpu)}` : '');
  const head = s.cpu ? ' | CPU time' : '';
  const rule = s.cpu ? ' | ---:' : '';
  return [
    `| variant | whole process (median)${head} |`,
    `| --- | ---:${rule} |`,
    ...COLD_VARIANTS.map((v) => `| ${v} | ${ms(s.medianMs[v])}${s.medianCpuMs ? ` | ${ms(s.medianCpuMs[v])}` : ''} |`),
    '',
    `| target | whole process: median of per-round values${head} | met (whole process) |`,
    `| --- | ---:${rule} | :-: |`,
    `| CompetencyChecks adds ≤ 100 ms to a one-stack synth | ${ms(s.packAddsMs)}${cpu((c) => ms(c.packAddsMs))} | ${s.targets.packAddsMs ? 'yes' : 'no'} |`,
    `| report (no diagrams) ≤ 3× bare node | ${s.reportOverBare.toFixed(2)}×${cpu((c) => `${c.reportOverBare.toFixed(2)}×`)} | ${s.targets.reportOverBare ? 'yes' : 'no'} |`,
    `| report with diagrams ≤ 6× bare node | ${s.diagramsOverBare.toFixed(2)}×${cpu((c) => `${c.diagramsOverBare.toFixed(2)}×`)} | ${s.targets.diagramsOverBare ? 'yes' : 'no'} |`,
  ].join('\n');
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const get = (n: string) => (argv.includes(n) ? argv[argv.indexOf(n) + 1] : undefined);
  const runs = Number(get('--runs') ?? '15');
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`cold-start: --runs must be a positive integer, got '${get('--runs')}'`);
  const out = get('--out') ?? path.join(__dirname, 'cold-start.json');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-competency-cold-'));
  const log = (m: string) => process.stderr.write(`${m}\n`);
  try {
    log(`cold-start: compiling a snapshot of the sources into ${work}`);
    const dir = prepareColdStart(work);
    const summary = runColdStart(dir, runs, log);
    process.stdout.write(`\n${coldStartTable(summary)}\n`);
    fs.writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, ...summary }, null, 2)}\n`);
    log(`cold-start: wrote ${path.relative(process.cwd(), out)}`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
