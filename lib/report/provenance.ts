/**
 * Where an evidence pack comes from, recorded in `checklist.json` so the auditor can tell which source, which
 * synthesized templates and which versions of the tools and data it was generated from, and check it later
 * (`cdk-competency verify`).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { LoadedAssembly } from './assembly';
import { Provenance, ProvenanceFile, SourceControl } from './model';
import { sha256, topAssemblyDir } from './out-dir';
import { TOOL_VERSION } from './version';

/** Inputs of {@link collectProvenance}. */
export interface ProvenanceOptions {
  readonly assembly: LoadedAssembly;
  /** The command that generated the pack, as the user typed it. */
  readonly commandLine: string;
  /** Whether the report was asked for despite synth errors (`--allow-synth-errors`). */
  readonly synthErrorsAllowed: boolean;
  /** @default - read with git from the directory holding the top-level assembly */
  readonly source?: SourceControl;
  /** @default - {@link versionsOf} */
  readonly versions?: { readonly [name: string]: string };
}

/** Collects the provenance of a pack generated from `assembly`. */
export function collectProvenance(opts: ProvenanceOptions): Provenance {
  const top = topAssemblyDir(opts.assembly.dir);
  return {
    commandLine: opts.commandLine,
    source: opts.source ?? sourceControlOf(path.dirname(top)),
    assemblyFiles: assemblyFilesOf(opts.assembly, top),
    versions: opts.versions ?? versionsOf(top),
    synthErrors: [...(opts.assembly.synthErrors ?? [])],
    synthErrorsAllowed: opts.synthErrorsAllowed,
  };
}

/**
 * The SHA-256 of every file of the assembly the report read (manifests, templates, stack metadata), with
 * paths relative to the top-level assembly directory: `cdk-competency verify` recomputes them.
 */
export function assemblyFilesOf(assembly: LoadedAssembly, top = topAssemblyDir(assembly.dir)): ProvenanceFile[] {
  const files = assembly.files ?? assembly.stacks.map((s) => s.templateFile);
  const stackOf = new Map(assembly.stacks.map((s) => [s.templateFile, s.displayName]));
  return [...new Set(files)].map((file) => {
    const content = fs.readFileSync(file);
    return {
      file: path.relative(top, file).split(path.sep).join('/'),
      ...(stackOf.has(file) ? { stack: stackOf.get(file)! } : {}),
      sha256: sha256(content),
      bytes: content.length,
    };
  });
}

/**
 * The git commit of the app's directory (the one holding the assembly), and whether its working tree
 * differed from that commit (changed or untracked files under it).
 */
export function sourceControlOf(appDir: string): SourceControl {
  const git = (...args: string[]) => execFileSync('git', ['-C', appDir, ...args], { encoding: 'utf-8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 10_000 });
  try {
    const commit = git('rev-parse', 'HEAD').trim();
    const changed = git('status', '--porcelain=v1', '--untracked-files=normal', '--', '.').split('\n').filter(Boolean);
    return { dir: appDir, commit, dirty: changed.length > 0, changedFiles: changed.length };
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string };
    const reason = err.code === 'ENOENT' ? 'git is not installed'
      : /not a git repository/i.test(err.stderr ?? '') ? 'not in a git repository'
        : /does not have any commits|unknown revision|ambiguous argument 'HEAD'/i.test(err.stderr ?? '') ? 'the git repository has no commit yet'
          : `git failed: ${(err.stderr || err.message || '').trim().split('\n')[0]}`;
    return { dir: appDir, unavailable: reason };
  }
}

/**
 * The versions the verdicts rest on: this library (its checklist data and rules ship with it), the CDK that
 * synthesized the assembly, Node.js, and every runtime dependency of this library as installed — among them
 * the AWS data packages (managed policies, IAM actions, icons) whose facts the rules and report use.
 */
export function versionsOf(topDir: string): { readonly [name: string]: string } {
  const versions: Record<string, string> = { 'cdk-competency': TOOL_VERSION, 'node': process.versions.node };
  const synthesizedBy = readJson(path.join(topDir, 'tree.json'))?.tree?.constructInfo?.version;
  if (typeof synthesizedBy === 'string') versions['aws-cdk-lib (synthesized the assembly)'] = synthesizedBy;
  const schema = readJson(path.join(topDir, 'manifest.json'))?.version;
  if (typeof schema === 'string') versions['cloud-assembly-schema'] = schema;
  for (const [name, version] of Object.entries(dependencyVersions())) versions[name] = version;
  return versions;
}

/** The installed version of each runtime dependency of this library (`dependencies` of its package.json). */
export function dependencyVersions(): { readonly [name: string]: string } {
  const own = findUp(__dirname, (dir) => readJson(path.join(dir, 'package.json'))?.name === 'cdk-competency');
  if (!own) return {};
  const deps = Object.keys(readJson(path.join(own, 'package.json'))?.dependencies ?? {}).sort();
  const out: Record<string, string> = {};
  for (const name of deps) {
    const dir = findUp(own, (d) => fs.existsSync(path.join(d, 'node_modules', name, 'package.json')));
    const version = dir ? readJson(path.join(dir, 'node_modules', name, 'package.json'))?.version : undefined;
    out[name] = typeof version === 'string' ? version : 'not installed';
  }
  return out;
}

/** A command line as a shell would take it back: arguments quoted where they need it. */
export function commandLineOf(argv: readonly string[]): string {
  return argv.map((a) => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

function findUp(from: string, test: (dir: string) => boolean): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (test(dir)) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function readJson(file: string): any {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf-8'));
  } catch {
    return undefined;
  }
}
