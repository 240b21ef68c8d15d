// Mutation check of our cdk-nag rules: `npm run check:rules`.
//
// For every rule of ALL_RULES in turn, run the rule's suite in its group (`test/rules/<group>.test.ts`, restricted
// with -t to the rule's own `describe`) with the rule flipped to always-COMPLIANT (test/hardening/mutate-rule.ts,
// loaded with --setupFilesAfterEnv and told which rule by MUTATE_RULE). A rule is proven when some test then fails;
// a rule whose suite still passes "survives": its fixtures do not prove that it can fail.
//
// Each group suite is first run once unmutated: a suite that is already red proves nothing. Two jest processes at a
// time at most (the machine is shared). Takes minutes: not part of `npm test`.
import { spawn } from 'child_process';
import * as path from 'path';
import { RULE_GROUPS } from '../lib/rules';

const ROOT = path.join(__dirname, '..');
const SETUP = path.join(ROOT, 'test', 'hardening', 'mutate-rule.ts');
const PARALLEL = Math.max(1, Math.min(2, Number(process.env.CHECK_RULES_PARALLEL ?? 2)));

interface JestRun {
  readonly code: number;
  readonly failed: number;
  readonly passed: number;
  readonly output: string;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function runJest(group: string, options: { readonly rule?: string; readonly mutate?: boolean }): Promise<JestRun> {
  const args = ['jest', path.join('test', 'rules', `${group}.test.ts`), '--maxWorkers=1', '--silent', '--json'];
  if (options.rule) args.push('-t', `^${escapeRegExp(options.rule)}: `);
  if (options.mutate) args.push('--setupFilesAfterEnv', SETUP);
  const env = { ...process.env, ...(options.mutate && options.rule ? { MUTATE_RULE: options.rule } : {}) };
  return new Promise((resolve) => {
    const child = spawn('npx', args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      let failed = -1;
      let passed = -1;
      try {
        const json = JSON.parse(stdout.slice(stdout.indexOf('{')));
        failed = json.numFailedTests;
        passed = json.numPassedTests;
      } catch {
        // no JSON: the run crashed; reported through the exit code and the output
      }
      resolve({ code: code ?? 1, failed, passed, output: stderr.slice(-2000) });
    });
  });
}

async function pool<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
  return results;
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const started = Date.now();
  const groups = Object.keys(RULE_GROUPS);

  // Baseline: every group suite green without mutation.
  const baselines = await pool(groups, PARALLEL, (group) => runJest(group, {}));
  const redGroups = new Set(groups.filter((_, i) => baselines[i].code !== 0));
  for (const g of redGroups) console.log(`baseline: test/rules/${g}.test.ts is red without mutation (${baselines[groups.indexOf(g)].failed} failed): its rules count as unproven`);

  const rules = groups.flatMap((group) => RULE_GROUPS[group].map((rule) => ({ group, name: rule.name }))).filter((r) => only.length === 0 || only.includes(r.name));
  const outcomes = await pool(rules, PARALLEL, async (rule) => {
    if (redGroups.has(rule.group)) return { ...rule, verdict: 'unproven (suite red without mutation)' };
    const run = await runJest(rule.group, { rule: rule.name, mutate: true });
    const verdict =
      run.failed > 0 ? `proven (${run.failed} of ${run.failed + run.passed} tests fail)` : run.failed === 0 && run.passed + run.failed === 0 ? 'survived (no tests: no fixtures?)' : run.failed === 0 ? `survived (${run.passed} tests still pass)` : `unproven (jest crashed, exit ${run.code}): ${run.output.split('\n').slice(-3).join(' ')}`;
    console.log(`${rule.group}/${rule.name}: ${verdict}`);
    return { ...rule, verdict };
  });

  const proven = outcomes.filter((o) => o.verdict.startsWith('proven'));
  const survivors = outcomes.filter((o) => !o.verdict.startsWith('proven'));
  console.log(`\n${proven.length} of ${outcomes.length} rules proven by mutation (${Math.round((Date.now() - started) / 1000)} s)`);
  if (survivors.length > 0) {
    console.log('Survivors:');
    for (const s of survivors) console.log(`  ${s.group}/${s.name}: ${s.verdict}`);
  }
  process.exitCode = survivors.length > 0 ? 1 : 0;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 2;
});
