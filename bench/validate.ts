/**
 * One validation pass of CompetencyChecks, timed on its own: the N-stack benchmark app is synthesized once (no plugin),
 * then the pack's `validate` runs `--passes` times on it, each with a fresh pack, as `cdk synth` would call it. The first
 * pass is the one a synth pays (the rules' code runs for the first time); later passes show what is left once the
 * JavaScript engine has compiled it.
 *
 *   tsx bench/validate.ts [--size 100] [--passes 3] [--profile FILE [--profile-pass 1]]
 *
 * `--profile FILE` writes a V8 CPU profile of one pass (the first, or `--profile-pass`) and prints its top self-time
 * functions (bench/profile.ts): the first shows what a synth pays, a later one the work itself without the compiling.
 * Through tsx, every imported call goes through a module getter: `npm run bench` times the compiled package instead.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Session } from 'inspector';
import { performance } from 'perf_hooks';
import { parseArgs } from 'util';
import { IPolicyValidationContext, Stack } from 'aws-cdk-lib';
import { BENCH_SELECTION } from './child';
import { generateApp } from './generate';
import { formatTopFunctions, startProfiler, stopProfiler, topSelfTime } from './profile';
import { CompetencyChecks } from '../lib/packs';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { size: { type: 'string', default: '100' }, passes: { type: 'string', default: '3' }, profile: { type: 'string' }, 'profile-pass': { type: 'string', default: '1' } } });
  const size = Number(values.size);
  const passes = Number(values.passes);
  if (!Number.isInteger(size) || size < 1) throw new Error(`bench/validate: --size must be a whole number ≥ 1, got '${values.size}'`);
  if (!Number.isInteger(passes) || passes < 1) throw new Error(`bench/validate: --passes must be a whole number ≥ 1, got '${values.passes}'`);
  const profiled = Number(values['profile-pass']);
  if (!Number.isInteger(profiled) || profiled < 1 || profiled > passes) {
    throw new Error(`bench/validate: --profile-pass must be a pass from 1 to --passes (${passes}), got '${values['profile-pass']}'`);
  }
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-competency-validate-'));
  try {
    const app = generateApp({ stacks: size, outdir });
    const assembly = app.synth();
    const stacks = app.node.findAll().filter((c): c is Stack => Stack.isStack(c) && !c.nested);
    const context = {
      appConstruct: app,
      templatePaths: stacks.map((s) => path.join(outdir, s.templateFile)),
      stackTemplates: stacks.map((s) => ({ stackConstructPath: s.node.path, templatePath: path.join(outdir, s.templateFile) })),
    } as unknown as IPolicyValidationContext;
    const session = values.profile ? new Session() : undefined;
    const rows: string[] = [];
    for (let pass = 1; pass <= passes; pass++) {
      const pack = new CompetencyChecks(app, { ...BENCH_SELECTION });
      if (session && pass === profiled) await startProfiler(session, 100);
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const report = pack.validate(context);
      const wall = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      if (session && pass === profiled) {
        const profile = await stopProfiler(session);
        fs.writeFileSync(values.profile!, JSON.stringify(profile));
        process.stdout.write(`${formatTopFunctions(topSelfTime(profile, 30))}\n`);
      }
      rows.push(`pass ${pass}: ${wall.toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU, ${pack.evaluations.length} evaluations, ${report.violations.length} findings`);
    }
    const resources = assembly.stacks.reduce((n, s) => n + Object.keys(s.template.Resources ?? {}).length, 0);
    process.stdout.write(`N = ${size}: ${stacks.length} stacks, ${resources} resources (load ${os.loadavg().map((l) => l.toFixed(2)).join(', ')})\n${rows.join('\n')}\n`);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exit(2);
});
