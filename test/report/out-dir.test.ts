import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { checkOutDir, PACK_MARKER, readMarker, writePack } from '../../lib/report/out-dir';
import { SOURCE_CLI, tmpDir } from './helpers';

/** A directory tree as `{ relativePath: content | '-> target' }` (directories end with `/`). */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isSymbolicLink()) out[rel + e.name] = `-> ${fs.readlinkSync(p)}`;
      else if (e.isDirectory()) {
        out[`${rel}${e.name}/`] = '';
        walk(p, `${rel}${e.name}/`);
      } else out[rel + e.name] = fs.readFileSync(p, 'utf-8');
    }
  };
  walk(dir, '');
  return out;
}

/** A work directory with a fake cloud assembly `cdk.out` (and a nested stage assembly) and a source file. */
function workDir(): string {
  const dir = tmpDir('cdk-competency-out-');
  fs.mkdirSync(path.join(dir, 'cdk.out', 'assembly-Prod'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'cdk.out', 'manifest.json'), '{"version":"55.0.0","artifacts":{}}');
  fs.writeFileSync(path.join(dir, 'cdk.out', 'assembly-Prod', 'manifest.json'), '{"version":"55.0.0","artifacts":{}}');
  fs.writeFileSync(path.join(dir, 'app.ts'), 'source');
  return dir;
}

const META = { tool: { name: 'cdk-competency' as const, version: '0.0.0-test' }, generatedAt: '2025-06-01T12:00:00.000Z' };
const PACK = new Map<string, string>([['checklist.html', '<html>'], ['checklist.json', '{}'], ['diagrams/Prod.svg', '<svg/>']]);

describe('--out: where a pack may be written', () => {
  test.each([
    ['the assembly itself', 'cdk.out', 'cdk.out', /^--out cdk\.out is inside the input cloud assembly cdk\.out: choose a directory outside it \(e\.g\. --out evidence\)$/],
    ['a directory inside the assembly', 'cdk.out', 'cdk.out/evidence', /^--out cdk\.out\/evidence is inside the input cloud assembly cdk\.out/],
    ['the top-level assembly of a nested stage assembly', 'cdk.out/assembly-Prod', 'cdk.out', /^--out cdk\.out is inside the input cloud assembly cdk\.out:/],
    ['beside a nested stage assembly, inside the top-level one', 'cdk.out/assembly-Prod', 'cdk.out/evidence', /^--out cdk\.out\/evidence is inside the input cloud assembly cdk\.out:/],
    ['the working directory (not empty)', 'cdk.out', '.', /^--out \. holds the input cloud assembly cdk\.out: choose an empty or new directory/],
    ['the parent of the assembly', 'work/cdk.out', 'work', /^--out work holds the input cloud assembly work\/cdk\.out/],
  ])('refused: %s', (_name, assembly, out, message) => {
    // GIVEN
    const dir = workDir();
    fs.mkdirSync(path.join(dir, 'work', 'cdk.out'), { recursive: true });
    const before = tree(dir);
    // WHEN / THEN
    expect(() => checkOutDir(out, { assemblyDir: assembly, cwd: dir })).toThrow(message);
    expect(tree(dir)).toEqual(before);
  });

  test('refused: the working directory, even without the assembly in it', () => {
    const dir = workDir();
    const assembly = path.join(dir, 'cdk.out');
    const elsewhere = tmpDir('cdk-competency-cwd-');
    fs.writeFileSync(path.join(elsewhere, 'notes.txt'), 'mine');
    expect(() => checkOutDir('.', { assemblyDir: assembly, cwd: elsewhere })).toThrow(/^--out \. is the working directory and is not empty/);
  });

  test('refused: a non-empty directory that holds no earlier pack; nothing in it is touched', () => {
    // GIVEN
    const dir = workDir();
    fs.mkdirSync(path.join(dir, 'docs'));
    fs.writeFileSync(path.join(dir, 'docs', 'checklist.html'), 'my own page');
    // WHEN / THEN
    expect(() => checkOutDir('docs', { assemblyDir: 'cdk.out', cwd: dir }))
      .toThrow(/^--out docs is not empty and holds no earlier evidence pack \(no evidence-pack\.json\): choose an empty or new directory/);
    expect(tree(path.join(dir, 'docs'))).toEqual({ 'checklist.html': 'my own page' });
  });

  test('refused: a marker that is not one of ours', () => {
    const dir = workDir();
    fs.mkdirSync(path.join(dir, 'docs'));
    fs.writeFileSync(path.join(dir, 'docs', PACK_MARKER), '{"files":{"../app.ts":{"sha256":"x"}}}');
    expect(() => checkOutDir('docs', { assemblyDir: 'cdk.out', cwd: dir })).toThrow(/^docs\/evidence-pack\.json is not the marker of an evidence pack/);
    fs.writeFileSync(path.join(dir, 'docs', PACK_MARKER), `{"marker":"cdk-competency evidence pack","files":{"../app.ts":{"sha256":"${'0'.repeat(64)}"}}}`);
    expect(() => checkOutDir('docs', { assemblyDir: 'cdk.out', cwd: dir })).toThrow(/lists '\.\.\/app\.ts', which is not a path inside the pack$/);
    expect(fs.readFileSync(path.join(dir, 'app.ts'), 'utf-8')).toBe('source');
  });

  test('allowed: a missing directory, an empty one, an empty working directory', () => {
    const dir = workDir();
    fs.mkdirSync(path.join(dir, 'empty'));
    expect(checkOutDir('evidence/saas', { assemblyDir: 'cdk.out', cwd: dir }).previous.size).toBe(0);
    expect(checkOutDir('empty', { assemblyDir: 'cdk.out', cwd: dir }).previous.size).toBe(0);
    const emptyCwd = tmpDir('cdk-competency-cwd-');
    expect(checkOutDir('.', { assemblyDir: path.join(dir, 'cdk.out'), cwd: emptyCwd }).dir).toBe(fs.realpathSync(emptyCwd));
  });
});

describe('--out: writing over an earlier pack', () => {
  test('replaces and removes only the files the earlier pack wrote; everything else stays', () => {
    // GIVEN an earlier pack with two diagrams, and a file of the user's beside it
    const dir = workDir();
    const out = path.join(dir, 'evidence');
    writePack(checkOutDir(out, { assemblyDir: 'cdk.out', cwd: dir }), new Map([...PACK, ['diagrams/Test.svg', '<svg/>']]), META);
    fs.writeFileSync(path.join(out, 'notes.md'), 'reviewer notes');
    fs.writeFileSync(path.join(out, 'diagrams', 'hand-drawn.svg'), 'mine');
    // WHEN the new pack has one diagram only
    const plan = checkOutDir(out, { assemblyDir: 'cdk.out', cwd: dir });
    writePack(plan, new Map([['checklist.html', '<html>new'], ['checklist.json', '{"new":1}'], ['diagrams/Prod.svg', '<svg>new</svg>']]), META);
    // THEN
    expect(plan.previous).toEqual(new Set(['checklist.html', 'checklist.json', 'diagrams/Prod.svg', 'diagrams/Test.svg']));
    const files = tree(out);
    expect(Object.keys(files).sort()).toEqual(['checklist.html', 'checklist.json', 'diagrams/', 'diagrams/Prod.svg', 'diagrams/hand-drawn.svg', PACK_MARKER, 'notes.md']);
    expect(files['notes.md']).toBe('reviewer notes');
    expect(files['diagrams/hand-drawn.svg']).toBe('mine');
    expect(Object.keys(readMarker(out, 'evidence').files)).toEqual(['checklist.html', 'checklist.json', 'diagrams/Prod.svg']);
  });

  test('removes a directory of the earlier pack once it is empty, never a non-empty one', () => {
    const dir = workDir();
    const out = path.join(dir, 'evidence');
    writePack(checkOutDir(out, { assemblyDir: 'cdk.out', cwd: dir }), PACK, META);
    writePack(checkOutDir(out, { assemblyDir: 'cdk.out', cwd: dir }), new Map([['checklist.html', 'x']]), META);
    expect(Object.keys(tree(out)).sort()).toEqual(['checklist.html', PACK_MARKER]);
  });

  test('refuses a new file where the earlier pack left a file it did not write', () => {
    // GIVEN
    const dir = workDir();
    const out = path.join(dir, 'evidence');
    writePack(checkOutDir(out, { assemblyDir: 'cdk.out', cwd: dir }), new Map([['checklist.html', '<html>']]), META);
    fs.mkdirSync(path.join(out, 'diagrams'));
    fs.writeFileSync(path.join(out, 'diagrams', 'Prod.svg'), 'drawn by hand');
    const before = tree(out);
    // WHEN / THEN
    expect(() => writePack(checkOutDir(out, { assemblyDir: 'cdk.out', cwd: dir }), PACK, META))
      .toThrow(/diagrams\/Prod\.svg already exists and was not written by the earlier pack; move it away or choose another directory$/);
    expect(tree(out)).toEqual(before);
  });
});

describe('--out: symbolic links', () => {
  test('--out given as a link to an empty directory writes into its target and keeps the link', () => {
    const dir = workDir();
    fs.mkdirSync(path.join(dir, 'share'));
    fs.symlinkSync(path.join(dir, 'share'), path.join(dir, 'evidence'));
    writePack(checkOutDir('evidence', { assemblyDir: 'cdk.out', cwd: dir }), PACK, META);
    expect(fs.lstatSync(path.join(dir, 'evidence')).isSymbolicLink()).toBe(true);
    expect(Object.keys(tree(path.join(dir, 'share'))).sort()).toEqual(['checklist.html', 'checklist.json', 'diagrams/', 'diagrams/Prod.svg', PACK_MARKER]);
  });

  test('--out given as a link into the assembly is refused', () => {
    const dir = workDir();
    fs.symlinkSync(path.join(dir, 'cdk.out', 'assembly-Prod'), path.join(dir, 'evidence'));
    expect(() => checkOutDir('evidence', { assemblyDir: 'cdk.out', cwd: dir })).toThrow(/^--out evidence is inside the input cloud assembly cdk\.out/);
  });

  test('a pack file replaced by a link is replaced itself: the file it points to is never written or deleted', () => {
    // GIVEN an earlier pack whose checklist.html and a diagram were replaced by links to files outside
    const dir = workDir();
    const out = path.join(dir, 'evidence');
    writePack(checkOutDir(out, { assemblyDir: 'cdk.out', cwd: dir }), new Map([...PACK, ['diagrams/Test.svg', '<svg/>']]), META);
    fs.writeFileSync(path.join(dir, 'precious.txt'), 'precious');
    for (const f of ['checklist.html', 'diagrams/Test.svg']) {
      fs.rmSync(path.join(out, f));
      fs.symlinkSync(path.join(dir, 'precious.txt'), path.join(out, f));
    }
    // WHEN a new pack without Test.svg is written
    writePack(checkOutDir(out, { assemblyDir: 'cdk.out', cwd: dir }), PACK, META);
    // THEN
    expect(fs.readFileSync(path.join(dir, 'precious.txt'), 'utf-8')).toBe('precious');
    expect(fs.lstatSync(path.join(out, 'checklist.html')).isFile()).toBe(true);
    expect(fs.existsSync(path.join(out, 'diagrams', 'Test.svg'))).toBe(false);
  });

  test('a sub-directory of the pack replaced by a link is refused, and nothing is written through it', () => {
    const dir = workDir();
    const out = path.join(dir, 'evidence');
    writePack(checkOutDir(out, { assemblyDir: 'cdk.out', cwd: dir }), PACK, META);
    fs.rmSync(path.join(out, 'diagrams'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'elsewhere'));
    fs.symlinkSync(path.join(dir, 'elsewhere'), path.join(out, 'diagrams'));
    expect(() => writePack(checkOutDir(out, { assemblyDir: 'cdk.out', cwd: dir }), PACK, META)).toThrow(/diagrams is a symbolic link; a pack never writes through one$/);
    expect(fs.readdirSync(path.join(dir, 'elsewhere'))).toEqual([]);
  });
});

describe('--out: the command line, as a user runs it', () => {
  const fixture = path.resolve('test/fixtures/report-assemblies/same-account');
  const report = (cwd: string, out: string, assembly = 'cdk.out') => spawnSync(process.execPath, [...SOURCE_CLI, 'report', '--assembly', assembly,
    '--checklist', 'networking', '--deployment-model', 'saas', '--no-diagrams', '--out', out], { cwd, encoding: 'utf-8', env: { ...process.env, CI: 'true' } });

  test('--out . and --out cdk.out exit 2 with one line and delete nothing', () => {
    // GIVEN a project directory with its cloud assembly
    const dir = tmpDir('cdk-competency-project-');
    fs.cpSync(fixture, path.join(dir, 'cdk.out'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), '{}');
    const before = tree(dir);
    // WHEN
    const dot = report(dir, '.');
    const inside = report(dir, 'cdk.out');
    // THEN
    expect([dot.status, dot.stderr]).toEqual([2, 'error: --out . holds the input cloud assembly cdk.out: choose an empty or new directory (e.g. --out evidence)\n']);
    expect([inside.status, inside.stderr]).toEqual([2, 'error: --out cdk.out is inside the input cloud assembly cdk.out: choose a directory outside it (e.g. --out evidence)\n']);
    expect(tree(dir)).toEqual(before);
  });
});
