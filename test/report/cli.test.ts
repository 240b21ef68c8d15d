import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { applicableItems, parseSelection } from '../../lib/checklist';
import { main } from '../../lib/report/cli/main';
import { assemblyDir, attestationsFile, NOW, PACK_FILES, PINNED_RULES, tmpDir } from './helpers';

async function run(argv: string[], env: Record<string, string> = {}, tty = false) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => { stdout += t; },
    stderr: (t) => { stderr += t; },
    stderrIsTTY: tty,
    env,
    now: NOW,
    packOptions: { diagrams: false, rules: PINNED_RULES },
  });
  return { code, stdout, stderr };
}

const NET = ['--checklist', 'networking', '--deployment-model', 'saas'];

describe('cdk-competency report: subcategories', () => {
  test('--subcategories claims them: their requirements, and only theirs, are in the pack', async () => {
    // GIVEN
    const out = path.join(tmpDir(), 'evidence');
    // WHEN
    const r = await run(['report', '--assembly', assemblyDir('multi-account'), '--checklist', 'microsoft-workloads', '--deployment-model', 'single-tenant-saas',
      '--subcategories', 'ms-migration.pre-migration-assessment', '--out', out]);
    // THEN
    expect(r.stderr).toBe('');
    const json = JSON.parse(fs.readFileSync(path.join(out, 'checklist.json'), 'utf-8'));
    expect(json.selection).toEqual(expect.objectContaining({ categories: ['ms-migration'], subcategories: ['ms-migration.pre-migration-assessment'] }));
    expect(json.items.filter((i: { kind: string }) => i.kind === 'category').map((i: { id: string }) => i.id)).toEqual([
      'ms-migration.pre-migration-assessment.1', 'ms-migration.pre-migration-assessment.2',
    ]);
    expect(fs.readFileSync(path.join(out, 'checklist.md'), 'utf-8')).toContain('| Subcategories | `ms-migration.pre-migration-assessment` |');
  });

  test('report --help lists the subcategories', async () => {
    const r = await run(['report', '--help']);
    expect(r.stdout).toMatch(/--subcategories <a,b>\s+claimed subcategories[^\n]*\n[^\n]*claimed by subcategory:\n\s+ms-migration\.pre-migration-assessment, ms-migration\.migration, /);
  });
});

describe('cdk-competency report: exit codes', () => {
  test('1 when an item is Not met, quiet on a non-TTY stderr, a summary on stdout', async () => {
    // GIVEN
    const out = path.join(tmpDir(), 'evidence');
    // WHEN
    const r = await run(['report', '--assembly', assemblyDir('multi-account'), ...NET, '--categories', 'network-connectivity', '--out', out]);
    // THEN
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(new RegExp(`: \\d+ Met \\(1 with exception\\), \\d+ Not met, 1 not applicable; ${PACK_FILES.length} files\n$`));
    expect(fs.existsSync(path.join(out, 'checklist.html'))).toBe(true);
  });

  test('0 when every applicable item is Met', async () => {
    // GIVEN a partner deployed on premises: 1.19's monitoring mechanism deployed in the template, and every
    // item a person can decide attested
    const dir = tmpDir();
    const attestations = path.join(dir, 'all.yaml');
    const sel = { checklist: 'microsoft-workloads' as const, deploymentModel: 'customer-deployed-on-premises' as const };
    const attested = applicableItems(parseSelection(sel)).filter((i) => i.verification.decidedBy.some((p) => p.includes('attestation')));
    fs.writeFileSync(attestations, attested.map((i) => `"${i.id}":\n  attestedBy: Jane Doe, CTO\n  date: 2025-05-01\n  evidence: https://example.com/evidence/${i.id}\n`).join(''));
    // WHEN
    const r = await run(['report', '--assembly', assemblyDir('all-controls'), '--checklist', sel.checklist, '--deployment-model', sel.deploymentModel,
      '--attestations', attestations, '--out', path.join(dir, 'evidence')]);
    // THEN
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/ 0 Not met/);
    expect(r.code).toBe(0);
  });

  test('progress goes to stderr on a TTY, but not under CI', async () => {
    const args = ['report', '--assembly', assemblyDir('same-account'), ...NET];
    const tty = await run([...args, '--out', path.join(tmpDir(), 'e')], {}, true);
    const ci = await run([...args, '--out', path.join(tmpDir(), 'e')], { CI: 'true' }, true);
    expect(tty.stderr).toMatch(/reading the cloud assembly/);
    expect(ci.stderr).toBe('');
  });
});

describe('cdk-competency report: bad input exits 2 with one line and writes nothing', () => {
  const cases: [string, string[], string][] = [
    ['a corrupt assembly', ['--assembly', assemblyDir('corrupt-manifest'), ...NET],
      "error: test/fixtures/report-assemblies/corrupt-manifest/manifest.json is not valid JSON at line 6, column 1: expected ',' or '}', found end of file\n"],
    ['a missing template', ['--assembly', assemblyDir('missing-template'), ...NET],
      'error: template Network.template.json of stack Network is missing\n'],
    ['a template that is not JSON', ['--assembly', assemblyDir('template-not-json'), ...NET],
      "error: template Network.template.json is not valid JSON at line 1, column 1: expected a value, found 'R'\n"],
    ['a missing assembly', ['--assembly', 'test/fixtures/report-assemblies/nope', ...NET],
      "error: cloud assembly not found: test/fixtures/report-assemblies/nope (run 'cdk synth' first)\n"],
    ['a bad model name', ['--assembly', assemblyDir('multi-account'), '--checklist', 'networking', '--deployment-model', 'on-prem'],
      "error: deploymentModel 'on-prem' is not a deployment model of the 'networking' checklist (expected one of: saas, customer-deployed-on-aws)\n"],
    ['an unknown checklist', ['--assembly', assemblyDir('multi-account'), '--checklist', 'storage', '--deployment-model', 'saas'],
      "error: checklist 'storage' is not a known checklist (expected one of: networking, microsoft-workloads)\n"],
    ['an unknown category', ['--assembly', assemblyDir('multi-account'), ...NET, '--categories', 'ms-migration'],
      "error: category 'ms-migration' is not a category of the 'networking' checklist (expected one of: network-connectivity, direct-connect-integrated, direct-connect-infrastructure, load-balancers, network-management)\n"],
    ['a category claimed without its subcategories', ['--assembly', assemblyDir('multi-account'), '--checklist', 'microsoft-workloads', '--deployment-model', 'single-tenant-saas', '--categories', 'ms-migration'],
      "error: category 'ms-migration' is claimed by subcategory: name one or more in subcategories (choices: ms-migration.pre-migration-assessment (Pre-Migration Assessment), ms-migration.migration (Application and Data Migration), ms-migration.migration-health (Migration Health), ms-migration.migration-monitoring (Monitoring and Reporting))\n"],
    ['an unknown subcategory', ['--assembly', assemblyDir('multi-account'), '--checklist', 'microsoft-workloads', '--deployment-model', 'single-tenant-saas', '--subcategories', 'ms-migration.lift'],
      "error: subcategory 'ms-migration.lift' is not a subcategory of the 'microsoft-workloads' checklist (expected one of: ms-migration.pre-migration-assessment, ms-migration.migration, ms-migration.migration-health, ms-migration.migration-monitoring, ms-operational-optimization.security, ms-operational-optimization.availability, ms-operational-optimization.management, ms-data-analytics-ml.data-integration-and-preparation, ms-data-analytics-ml.platform-solutions, ms-data-analytics-ml.saas-and-api-solutions, ms-data-analytics-ml.business-intelligence-and-visualization, ms-data-analytics-ml.data-governance-and-security)\n"],
    ['a malformed attestations file', ['--assembly', assemblyDir('multi-account'), ...NET, '--attestations', attestationsFile('bad-date.yaml')],
      "error: test/fixtures/attestations/bad-date.yaml:8: '1.25.date' must be a date YYYY-MM-DD, got 'last spring'\n"],
    ['an unknown option', ['--assembly', assemblyDir('multi-account'), ...NET, '--colour'],
      "error: unknown option '--colour' for 'report' (see 'cdk-competency report --help')\n"],
    ['a missing option', ['--checklist', 'networking', '--deployment-model', 'saas'],
      "error: missing required option '--assembly' (see 'cdk-competency report --help')\n"],
  ];
  test.each(cases)('%s', async (_name, args, message) => {
    // GIVEN an existing pack that must survive
    const out = path.join(tmpDir(), 'evidence');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'keep.txt'), 'previous pack');
    // WHEN
    const r = await run(['report', ...args, '--out', out]);
    // THEN
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(message);
    expect(fs.readdirSync(out)).toEqual(['keep.txt']);
    expect(fs.readdirSync(path.dirname(out))).toEqual(['evidence']);
  });

  test('a successful run replaces the earlier pack\'s files and leaves the rest alone', async () => {
    // GIVEN an earlier pack, and a file of the reviewer's beside it
    const out = path.join(tmpDir(), 'evidence');
    await run(['report', '--assembly', assemblyDir('same-account'), ...NET, '--out', out]);
    fs.writeFileSync(path.join(out, 'notes.txt'), 'reviewer notes');
    // WHEN
    const r = await run(['report', '--assembly', assemblyDir('same-account'), ...NET, '--out', out]);
    // THEN
    expect(r.stderr).toBe('');
    expect(fs.readdirSync(out).sort()).toEqual([...PACK_FILES, 'evidence-pack.json', 'notes.txt'].sort());
    expect(fs.readFileSync(path.join(out, 'notes.txt'), 'utf-8')).toBe('reviewer notes');
    expect(fs.readdirSync(path.dirname(out))).toEqual(['evidence']);
  });

  test('a non-empty directory that holds no earlier pack is refused, before any work', async () => {
    const out = path.join(tmpDir(), 'evidence');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'stale.txt'), 'old');
    const r = await run(['report', '--assembly', assemblyDir('same-account'), ...NET, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: --out ${out} is not empty and holds no earlier evidence pack (no evidence-pack.json): choose an empty or new directory, nothing is written over files this tool did not write\n`);
    expect(fs.readdirSync(out)).toEqual(['stale.txt']);
  });

  test('--assembly may point at a nested stage assembly', async () => {
    const out = path.join(tmpDir(), 'evidence');
    const r = await run(['report', '--assembly', path.join(assemblyDir('multi-account'), 'assembly-Prod'), ...NET, '--out', out]);
    expect(r.code).toBe(1);
    expect(fs.readFileSync(path.join(out, 'deployment-guide.md'), 'utf-8')).toContain('npx cdk deploy --app test/fixtures/report-assemblies/multi-account Prod/Audit');
  });
});

describe('cdk-competency attestations init', () => {
  test('writes the template on a terminal and refuses to overwrite it without --force', async () => {
    // GIVEN
    const file = path.join(tmpDir(), 'competency-attestations.yaml');
    // WHEN
    const first = await runInit([...NET, '--out', file], true);
    const second = await runInit([...NET, '--out', file], true);
    const forced = await runInit([...NET, '--out', file, '--force'], true);
    // THEN
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/competency-attestations\.yaml: template with \d+ items to attest\n$/);
    expect(fs.readFileSync(file, 'utf-8')).toMatch(/^# "1\.25":$/m);
    expect(second).toMatchObject({ code: 2, stderr: `error: ${file} already exists (use --force to overwrite it)\n` });
    expect(forced.code).toBe(0);
  });

  test('prints the template to stdout when stdout is not a terminal, and with --out -', async () => {
    const dir = tmpDir();
    const piped = await runInit(NET, false);
    const dash = await runInit([...NET, '--out', '-'], true);
    expect(piped.code).toBe(0);
    expect(piped.stdout).toMatch(/^# competency-attestations\.yaml\n/);
    expect(piped.stdout).toMatch(/^# "1\.25":$/m);
    expect(dash.stdout).toBe(piped.stdout);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  test('an unfilled template given to report is a one-line error (exit 2)', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'competency-attestations.yaml');
    fs.writeFileSync(file, (await runInit(NET, false)).stdout);
    const r = await run(['report', '--assembly', assemblyDir('same-account'), ...NET, '--attestations', file, '--out', path.join(dir, 'evidence')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: ${file}: no attestation in the file (it is empty or every entry is commented out): fill in the items you attest, or leave out --attestations\n`);
  });
});

async function runInit(args: string[], stdoutIsTTY: boolean) {
  let stdout = '';
  let stderr = '';
  const code = await main(['attestations', 'init', ...args], {
    stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, stderrIsTTY: false, stdoutIsTTY, env: {}, now: NOW,
  });
  return { code, stdout, stderr };
}

describe('cdk-competency: help and the bin shim', () => {
  test('--help prints usage and exits 0', async () => {
    const r = await run(['report', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: cdk-competency report --assembly <dir>/);
  });

  // The shim runs the compiled CLI only (the packed CLI itself is exercised by scripts/consumer-test.ts).
  function shimIn(withCompiledCli: boolean): string {
    const root = tmpDir();
    fs.mkdirSync(path.join(root, 'bin'), { recursive: true });
    fs.copyFileSync(path.join(__dirname, '..', '..', 'bin', 'cdk-competency.js'), path.join(root, 'bin', 'cdk-competency.js'));
    if (withCompiledCli) {
      fs.mkdirSync(path.join(root, 'dist', 'bin'), { recursive: true });
      fs.writeFileSync(path.join(root, 'dist', 'bin', 'cli.js'), "process.stdout.write('compiled cli ' + process.argv.slice(2).join(' '));\n");
    }
    return path.join(root, 'bin', 'cdk-competency.js');
  }

  test('node bin/cdk-competency.js runs dist/bin/cli.js with the arguments', () => {
    const r = spawnSync(process.execPath, [shimIn(true), 'report', '--help'], { encoding: 'utf-8' });
    expect(r).toMatchObject({ status: 0, stdout: 'compiled cli report --help', stderr: '' });
  });

  test('without a build it exits 2 with one line saying what to run (no TypeScript fallback)', () => {
    const shim = shimIn(false);
    const r = spawnSync(process.execPath, [shim, 'report', '--help'], { encoding: 'utf-8' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`error: ${path.join(path.dirname(shim), '..', 'dist', 'bin', 'cli.js')} is missing: in a source checkout, run 'npm run build' first (or 'npx tsx bin/cli.ts')\n`);
  });
});
