import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Annotations, App, Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { loadAssembly } from '../../lib/report';
import { main } from '../../lib/report/cli/main';
import { sourceControlOf, versionsOf } from '../../lib/report/provenance';
import { verifyPack } from '../../lib/report/verify';
import { assemblyDir, NOW, PACK_FILES, PINNED_RULES, tmpDir } from './helpers';

async function cli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, stderrIsTTY: false, env: {}, now: NOW,
    packOptions: { diagrams: false, rules: PINNED_RULES },
  });
  return { code, stdout, stderr };
}

const NET = ['--checklist', 'networking', '--deployment-model', 'saas'];

/** A copy of a fixture assembly whose `Trail` stack carries an error annotation, as a failed synth leaves it. */
function assemblyWithSynthError(): string {
  const dir = path.join(tmpDir(), 'cdk.out');
  fs.cpSync(assemblyDir('same-account'), dir, { recursive: true });
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf-8'));
  manifest.artifacts.Trail.metadata = { '/Trail/Bucket/Resource': [{ type: 'aws:cdk:error', data: "Competency-1.15-TrailBucketVersioned: the trail's bucket is not versioned" }] };
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

describe('synth errors', () => {
  test('an error annotation of a real synth is read from the assembly manifest metadata', () => {
    // GIVEN an app whose synth records an error, as `cdk synth` leaves it in cdk.out
    const outdir = path.join(tmpDir(), 'cdk.out');
    const app = new App({ outdir });
    const stack = new Stack(app, 'Data', { env: { account: '111111111111', region: 'eu-west-1' } });
    const bucket = new s3.Bucket(stack, 'Bucket');
    Annotations.of(bucket).addError('Bucket: a retention policy is required');
    app.synth();
    // WHEN
    const assembly = loadAssembly(outdir);
    // THEN
    expect(assembly.synthErrors).toEqual([{ source: 'annotation', path: 'Data/Bucket', message: 'Bucket: a retention policy is required' }]);
    expect(assembly.stacks[0].stackName).toBe('Data');
  });

  test('the violations of a failed validation plugin are synth errors too; a passing plugin adds none', () => {
    // GIVEN
    const dir = path.join(tmpDir(), 'cdk.out');
    fs.cpSync(assemblyDir('same-account'), dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'validation-report.json'), JSON.stringify({
      version: '55.0.0', title: 'Validation Report', pluginReports: [
        { pluginName: 'Competency-networking-saas', conclusion: 'failure', violations: [
          { ruleName: 'Competency-1.14-TrailBucketInAnotherAccount', description: 'The trail writes to a bucket of its own account.', severity: 'error', violatingConstructs: [{ constructPath: '/Trail/Trail/Resource' }] },
          { ruleName: 'Competency-2.3-LogRetention', description: 'advice', severity: 'warning', violatingConstructs: [{ constructPath: '/Logs/Group' }] },
        ] },
        { pluginName: 'CloudFormation Validate', conclusion: 'success', violations: [], suppressedViolations: [] },
      ],
    }));
    // WHEN / THEN
    expect(loadAssembly(dir).synthErrors).toEqual([{
      source: 'validation', path: 'Trail/Trail/Resource',
      message: 'Competency-networking-saas: Competency-1.14-TrailBucketInAnotherAccount: The trail writes to a bucket of its own account.',
    }]);
  });

  test('report refuses an assembly with synth errors (exit 2, one line, nothing written)', async () => {
    const dir = assemblyWithSynthError();
    const out = path.join(path.dirname(dir), 'evidence');
    const r = await cli(['report', '--assembly', dir, ...NET, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: the cloud assembly ${dir} comes from a synth with 1 error (Trail/Bucket/Resource: Competency-1.15-TrailBucketVersioned: the trail's bucket is not versioned): fix them and synthesize again, or pass --allow-synth-errors to report on it anyway\n`);
    expect(fs.existsSync(out)).toBe(false);
  });

  test('with --allow-synth-errors, every file of the pack says so at the top', async () => {
    // GIVEN
    const dir = assemblyWithSynthError();
    const out = path.join(path.dirname(dir), 'evidence');
    // WHEN
    const r = await cli(['report', '--assembly', dir, ...NET, '--out', out, '--allow-synth-errors']);
    // THEN
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('warning: reported on an assembly whose synth recorded 1 error (--allow-synth-errors); every file of the pack says so\n');
    const read = (f: string) => fs.readFileSync(path.join(out, f), 'utf-8');
    const notice = /Generated from a cloud assembly whose synth recorded 1 error \(--allow-synth-errors\): .*Trail\/Bucket\/Resource: Competency-1\.15-TrailBucketVersioned/;
    expect(read('checklist.md').split('\n')[0]).toMatch(notice);
    expect(read('deployment-guide.md').split('\n')[0]).toMatch(notice);
    expect(read('checklist.html')).toMatch(/<body>\n<div class="synth-errors" role="alert"><strong>&#9888; Synth errors\.<\/strong> Generated from a cloud assembly whose synth recorded 1 error/);
    expect(read('checklist.csv').split('\r\n')[1]).toMatch(/^!synth-errors,,,,Warning,,"?Generated from a cloud assembly whose synth recorded 1 error/);
    const json = JSON.parse(read('checklist.json'));
    expect(Object.keys(json).slice(0, 4)).toEqual(['schemaVersion', 'generatedAt', 'tool', 'provenance']);
    expect(json.provenance).toMatchObject({ synthErrorsAllowed: true, synthErrors: [{ source: 'annotation', path: 'Trail/Bucket/Resource' }] });
  });
});

describe('provenance in checklist.json', () => {
  test('command line, SHA-256 of every assembly file read, versions', async () => {
    // GIVEN
    const out = path.join(tmpDir(), 'evidence');
    // WHEN
    await cli(['report', '--assembly', assemblyDir('multi-account'), ...NET, '--out', out]);
    // THEN
    const p = JSON.parse(fs.readFileSync(path.join(out, 'checklist.json'), 'utf-8')).provenance;
    expect(p.commandLine).toBe(`cdk-competency report --assembly ${assemblyDir('multi-account')} --checklist networking --deployment-model saas --out ${out}`);
    expect(p.assemblyFiles.map((f: any) => [f.file, f.stack])).toEqual([
      ['manifest.json', undefined], ['assembly-Prod/manifest.json', undefined],
      ['assembly-Prod/ProdAudit6B7AB28A.template.json', 'Prod/Audit'], ['assembly-Prod/ProdManagement23EFF554.template.json', 'Prod/Management'],
    ]);
    const template = fs.readFileSync(path.join(assemblyDir('multi-account'), 'assembly-Prod', 'ProdAudit6B7AB28A.template.json'));
    expect(p.assemblyFiles[2].sha256).toBe(require('crypto').createHash('sha256').update(template).digest('hex'));
    expect(p.synthErrors).toEqual([]);
    expect(p.versions).toMatchObject({ 'cdk-competency': expect.any(String), 'node': process.versions.node, 'yaml': require('yaml/package.json').version });
  });

  test('versions include the CDK that synthesized the assembly, from its tree.json', () => {
    const dir = path.join(tmpDir(), 'cdk.out');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'tree.json'), '{"version":"tree-0.1","tree":{"id":"App","path":"","constructInfo":{"fqn":"aws-cdk-lib.App","version":"2.276.0"}}}');
    fs.writeFileSync(path.join(dir, 'manifest.json'), '{"version":"55.0.0","artifacts":{}}');
    expect(versionsOf(dir)).toMatchObject({ 'aws-cdk-lib (synthesized the assembly)': '2.276.0', 'cloud-assembly-schema': '55.0.0' });
  });

  test('the git commit of the app directory, and whether its tree differs from it', () => {
    // GIVEN an app in a git repository
    const dir = tmpDir('cdk-competency-git-');
    const git = (...args: string[]) => execFileSync('git', ['-C', dir, '-c', 'user.name=CI', '-c', 'user.email=ci@example.com', ...args], { encoding: 'utf-8' }).trim();
    expect(sourceControlOf(dir)).toEqual({ dir, unavailable: 'not in a git repository' });
    git('init', '-q');
    expect(sourceControlOf(dir)).toEqual({ dir, unavailable: 'the git repository has no commit yet' });
    fs.writeFileSync(path.join(dir, 'app.ts'), 'v1');
    git('add', '.');
    git('commit', '-q', '-m', 'v1');
    // WHEN / THEN clean
    expect(sourceControlOf(dir)).toEqual({ dir, commit: git('rev-parse', 'HEAD'), dirty: false, changedFiles: 0 });
    // WHEN / THEN changed and untracked
    fs.writeFileSync(path.join(dir, 'app.ts'), 'v2');
    fs.writeFileSync(path.join(dir, 'new.ts'), 'new');
    expect(sourceControlOf(dir)).toMatchObject({ dirty: true, changedFiles: 2 });
  });
});

describe('cdk-competency verify', () => {
  async function packOf(): Promise<{ assembly: string; out: string }> {
    const work = tmpDir();
    const assembly = path.join(work, 'cdk.out');
    fs.cpSync(assemblyDir('multi-account'), assembly, { recursive: true });
    const out = path.join(work, 'evidence');
    await cli(['report', '--assembly', assembly, ...NET, '--out', out]);
    return { assembly, out };
  }

  test('an untouched pack and assembly verify (exit 0)', async () => {
    const { out } = await packOf();
    const r = await cli(['verify', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${out}: ${PACK_FILES.length} of ${PACK_FILES.length} files match evidence-pack.json\n${path.join(path.dirname(out), 'cdk.out')}: 4 of 4 files match checklist.json\nverified: nothing differs\n`);
  });

  test('says which files of the pack and of the assembly differ, are missing, or are not part of the pack (exit 1)', async () => {
    // GIVEN a pack whose HTML was edited and guide deleted, a note added, and a template changed since
    const { assembly, out } = await packOf();
    fs.appendFileSync(path.join(out, 'checklist.html'), '<!-- edited -->');
    fs.rmSync(path.join(out, 'deployment-guide.md'));
    fs.writeFileSync(path.join(out, 'notes.md'), 'reviewer');
    fs.appendFileSync(path.join(assembly, 'assembly-Prod', 'ProdAudit6B7AB28A.template.json'), '\n');
    // WHEN
    const r = await cli(['verify', out, '--assembly', assembly]);
    // THEN
    expect(r.code).toBe(1);
    expect(r.stdout).toBe([
      `${out}: ${PACK_FILES.length - 2} of ${PACK_FILES.length} files match evidence-pack.json`,
      '  changed: checklist.html',
      '  missing: deployment-guide.md',
      '  not part of the pack (not checked): notes.md',
      `${assembly}: 3 of 4 files match checklist.json`,
      '  changed: assembly-Prod/ProdAudit6B7AB28A.template.json',
      'NOT verified: files differ from what the pack records',
      '',
    ].join('\n'));
  });

  test('without the assembly, says the templates were not checked', async () => {
    const { assembly, out } = await packOf();
    fs.rmSync(assembly, { recursive: true });
    expect(verifyPack(out).assembly).toEqual({ notChecked: `no cloud assembly at ${assembly} (give --assembly <dir>)` });
  });

  test('a directory that is not a pack is bad input (exit 2)', async () => {
    const r = await cli(['verify', tmpDir()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: .* is not an evidence pack \(no evidence-pack\.json\)\n$/);
  });
});
