// `npm run build` (and `prepack`): compiles the library into dist/ as the package ships it.
//   1. removes the dist/ an earlier build wrote, so no file of a deleted source lingers in the tarball;
//   2. compiles lib/, constructs/ and the CLI with tsconfig.build.json;
//   3. copies the files the compiled code reads at run time (Lambda code deployed as it is);
//   4. checks that every entry point package.json names (main, types, exports, typesVersions, bin) exists.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');
const DIST = path.join(ROOT, 'dist');

/** What a build writes at the top of dist/ (one folder per compiled source root). */
const BUILD_OUTPUTS = ['lib', 'constructs', 'bin'];

/** Folders of non-TypeScript files that the compiled code reads next to itself (`__dirname`). */
export const RUNTIME_ASSET_DIRS = ['constructs/network-appliance-group/failover-handler'];

/**
 * Compiles the sources under `root` (its tsconfig.build.json) into `outDir` and copies the runtime asset folders:
 * the package's dist/, or a benchmark's compiled snapshot.
 */
export function compile(root: string, outDir: string): void {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json'), '--outDir', outDir], { cwd: root, stdio: 'inherit' });
  for (const dir of RUNTIME_ASSET_DIRS) {
    fs.cpSync(path.join(root, dir), path.join(outDir, dir), { recursive: true });
  }
  bundleCli(outDir);
}

/**
 * The CLI as one file: its ≈150 compiled modules (rules, checklist, report) cost a short-lived process more to
 * resolve and load than to run (≈35 ms of CPU of a one-stack report), so dist/bin/cli.js is replaced by an esbuild
 * bundle of itself. Dependencies stay external (installed packages, loaded by Node), and modules the CLI imports
 * dynamically (the report engine, the diagrams, the YAML parser) are still evaluated only when a command needs them.
 */
function bundleCli(outDir: string): void {
  const entry = path.join(outDir, 'bin', 'cli.js');
  // esbuild is a development dependency: only the build runs it, never a consumer.
  const esbuild = require('esbuild') as typeof import('esbuild');
  esbuild.buildSync({
    entryPoints: [entry], outfile: entry, allowOverwrite: true, bundle: true, platform: 'node', format: 'cjs',
    target: 'node20', packages: 'external', logLevel: 'warning', legalComments: 'none',
  });
  fs.rmSync(`${entry}.map`, { force: true });
}

function main(): void {
  // dist/ is this script's own output (never a source): start from an empty one.
  const foreign = fs.existsSync(DIST) ? fs.readdirSync(DIST).filter((e) => !BUILD_OUTPUTS.includes(e)) : [];
  if (foreign.length > 0) {
    throw new Error(`build: ${DIST} holds ${foreign.join(', ')}, which no build writes: move them away first`);
  }
  fs.rmSync(DIST, { recursive: true, force: true });
  compile(ROOT, DIST);
  const missing = entryPoints().filter((p) => !fs.existsSync(path.join(ROOT, p)));
  if (missing.length > 0) throw new Error(`build: package.json names files the build did not write: ${missing.join(', ')}`);
  process.stdout.write(`build: dist/ written (${RUNTIME_ASSET_DIRS.length} asset folder(s) copied)\n`);
}

/** Every file package.json points at. */
function entryPoints(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf-8'));
  const out = new Set<string>([pkg.main, pkg.types]);
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(pkg.exports);
  walk(pkg.typesVersions);
  walk(pkg.bin);
  return [...out].filter((p): p is string => typeof p === 'string' && !p.includes('*')).map((p) => p.replace(/^\.\//, ''));
}

if (require.main === module) main();
