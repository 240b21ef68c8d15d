// `npm test`: the static checks (scripts/check.ts: types, lint, the generated report schema) and jest, side by side.
// The checks are one single-threaded process of ≈30 s of CPU; run after jest they would add their whole time to the
// run, beside it they fill the gaps jest's workers leave (BENCHMARKS.md, "The test command"). jest's output streams
// as it runs; the checks' output follows it. Exits 1 when either fails. Extra arguments go to jest.
//
// jest runs with its own temporary directory (TMPDIR), removed when it ends: every `new App()` without an outdir
// synthesizes into a fresh `cdk.out*` directory there, and the report tests write their packs there, a few hundred
// directories per run that would otherwise stay in the system's temporary directory for good.
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');

/** Runs a command; resolves to its exit code and, when `capture`, its output. */
function run(command: string, args: readonly string[], capture: boolean, env: NodeJS.ProcessEnv = process.env): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => { output += d.toString(); });
    child.stderr?.on('data', (d: Buffer) => { output += d.toString(); });
    child.on('error', (e) => resolve({ code: 1, output: `${output}${e.message}\n` }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

async function main(): Promise<number> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-competency-test-'));
  try {
    const check = run(process.execPath, [require.resolve('tsx/cli'), path.join(__dirname, 'check.ts')], true);
    const jest = run(process.execPath, [require.resolve('jest/bin/jest'), ...process.argv.slice(2)], false, { ...process.env, TMPDIR: tmp });
    const [j, c] = await Promise.all([jest, check]);
    process.stdout.write(c.output);
    return j.code !== 0 || c.code !== 0 ? 1 : 0;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then((code) => { process.exitCode = code; }, (e: unknown) => {
  process.stderr.write(`test: ${(e as Error).message}\n`);
  process.exitCode = 1;
});
