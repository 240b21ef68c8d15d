/**
 * Top self-time functions of a V8 CPU profile (`node --cpu-prof`): where a benchmark child spent its time.
 *
 *   tsx bench/profile.ts <file.cpuprofile> [--top 25]
 *
 * Self time is attributed per function (url:line:name); "share" is its part of the whole profile.
 * Also totals the self time per source area (our lib/packs, lib/rules, lib/report, constructs, aws-cdk-lib, cdk-nag,
 * node internals, GC), which says at a glance whose code is slow.
 */
import * as fs from 'fs';
import { Session } from 'inspector';

interface CpuProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly hitCount?: number;
}
/** The parts of a `.cpuprofile` this reads. */
export interface CpuProfile {
  readonly nodes: readonly CpuProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
  readonly startTime: number;
  readonly endTime: number;
}

/** One function's self time. */
export interface FunctionTime {
  readonly fn: string;
  readonly where: string;
  readonly selfMs: number;
  readonly share: number;
}

/** Self time per function and per source area. */
export interface ProfileSummary {
  readonly totalMs: number;
  readonly functions: readonly FunctionTime[];
  readonly areas: ReadonlyArray<{ readonly area: string; readonly selfMs: number; readonly share: number }>;
}

function post(session: Session, method: string, params?: object): Promise<any> {
  return new Promise((resolve, reject) => session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))));
}

/** Starts V8's CPU profiler in this process through an inspector session, sampling every `intervalUs` microseconds. */
export async function startProfiler(session: Session, intervalUs: number): Promise<void> {
  session.connect();
  await post(session, 'Profiler.enable');
  await post(session, 'Profiler.setSamplingInterval', { interval: intervalUs });
  await post(session, 'Profiler.start');
}

/** Stops the profiler {@link startProfiler} started, disconnects the session and returns the profile. */
export async function stopProfiler(session: Session): Promise<CpuProfile & { nodes: any[] }> {
  const { profile } = await post(session, 'Profiler.stop');
  session.disconnect();
  return profile;
}

/** The source area of a script URL. */
export function areaOf(url: string): string {
  if (!url) return 'native / GC / idle';
  if (url.startsWith('node:')) return 'node internals';
  const repo = url.match(/\/(lib\/(packs|rules|report|checklist)|constructs|bench)\//);
  if (repo && !url.includes('node_modules')) return repo[1];
  const pkg = url.match(/node_modules\/((@[^/]+\/)?[^/]+)/);
  return pkg ? pkg[1] : 'other';
}

function shortUrl(url: string): string {
  const i = url.lastIndexOf('node_modules/');
  if (i >= 0) return url.slice(i + 'node_modules/'.length);
  return url.replace(/^file:\/\//, '').replace(`${process.cwd()}/`, '');
}

/** Summarizes a profile: the `top` functions by self time, and self time per area. */
export function topSelfTime(profile: CpuProfile, top = 25): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const totalUs = [...self.values()].reduce((a, b) => a + b, 0);
  const perFn = new Map<string, { fn: string; where: string; us: number }>();
  const perArea = new Map<string, number>();
  for (const [id, us] of self) {
    const n = byId.get(id);
    if (!n) continue;
    const { functionName, url, lineNumber } = n.callFrame;
    const where = url ? `${shortUrl(url)}:${lineNumber + 1}` : '';
    const fn = functionName || '(anonymous)';
    const key = `${fn}@${where}`;
    const e = perFn.get(key) ?? { fn, where, us: 0 };
    e.us += us;
    perFn.set(key, e);
    const area = ['(garbage collector)', '(idle)', '(program)'].includes(functionName) ? functionName : areaOf(url);
    perArea.set(area, (perArea.get(area) ?? 0) + us);
  }
  const functions = [...perFn.values()].sort((a, b) => b.us - a.us).slice(0, top)
    .map((e) => ({ fn: e.fn, where: e.where, selfMs: e.us / 1000, share: e.us / totalUs }));
  const areas = [...perArea.entries()].sort((a, b) => b[1] - a[1]).map(([area, us]) => ({ area, selfMs: us / 1000, share: us / totalUs }));
  return { totalMs: totalUs / 1000, functions, areas };
}

/** The summary as text. */
export function formatTopFunctions(s: ProfileSummary): string {
  const pct = (x: number) => `${(x * 100).toFixed(1).padStart(5)} %`;
  const lines = [`total ${s.totalMs.toFixed(0)} ms sampled`, 'self time by area:'];
  for (const a of s.areas.slice(0, 12)) lines.push(`  ${pct(a.share)}  ${a.selfMs.toFixed(0).padStart(7)} ms  ${a.area}`);
  lines.push('top functions by self time:');
  for (const f of s.functions) lines.push(`  ${pct(f.share)}  ${f.selfMs.toFixed(0).padStart(7)} ms  ${f.fn}  ${f.where}`);
  return lines.join('\n');
}

if (require.main === module) {
  const [file, ...rest] = process.argv.slice(2);
  if (!file) {
    process.stderr.write('usage: tsx bench/profile.ts <file.cpuprofile> [--top 25]\n');
    process.exit(1);
  }
  const i = rest.indexOf('--top');
  const top = i >= 0 ? Number(rest[i + 1]) : 25;
  process.stdout.write(`${formatTopFunctions(topSelfTime(JSON.parse(fs.readFileSync(file, 'utf-8')), top))}\n`);
}
