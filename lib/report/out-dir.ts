/**
 * Where an evidence pack may be written, and how it is written without ever deleting a file it did not
 * write.
 *
 * A pack directory holds a marker, `evidence-pack.json`, listing every file the pack wrote with its
 * SHA-256 (the same list `cdk-competency verify` checks). `--out` may be:
 * - a missing directory (created), or an empty one;
 * - the directory of an earlier pack (it holds the marker): the files the marker lists are replaced or
 *   removed, every other file is left alone, and a new file never overwrites one the marker does not list.
 *
 * It may never be the input assembly or a directory inside it, nor (unless empty) the working directory,
 * an ancestor of it, or an ancestor of the assembly. A symbolic link given as `--out` is followed and the
 * same rules apply to its target; inside the pack no symbolic link is ever followed (a link where a pack
 * file was is replaced, not written through; a linked sub-directory is refused).
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { ReportInputError } from './errors';

/** File name of the marker (and manifest) of an evidence pack. */
export const PACK_MARKER = 'evidence-pack.json';

/** What the marker says; `cdk-competency verify` reads it back. */
export interface PackManifest {
  /** Always `cdk-competency evidence pack`: tells the marker from any other JSON file. */
  readonly marker: typeof MARKER_TEXT;
  readonly tool: { readonly name: 'cdk-competency'; readonly version: string };
  /** ISO 8601 instant the pack was generated. */
  readonly generatedAt: string;
  /** Every file of the pack but the marker itself, relative to the pack, sorted, with its SHA-256 and size. */
  readonly files: { readonly [relativePath: string]: { readonly sha256: string; readonly bytes: number } };
}

export const MARKER_TEXT = 'cdk-competency evidence pack' as const;

/** Where a pack will be written, as checked by {@link checkOutDir}. */
export interface OutDirPlan {
  /** `--out` as given. */
  readonly shown: string;
  /** The real directory written into (symbolic links of `--out` resolved). */
  readonly dir: string;
  /** Files listed by the marker of the earlier pack in `dir` (empty when there is none). */
  readonly previous: ReadonlySet<string>;
}

/** SHA-256 of bytes, as lowercase hex. */
export function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * Checks that a pack may be written to `outDir`.
 * @throws ReportInputError (one line) when it may not.
 */
export function checkOutDir(outDir: string, opts: { readonly assemblyDir: string; readonly cwd?: string }): OutDirPlan {
  const cwd = realOf(opts.cwd ?? process.cwd());
  const dir = realOf(path.resolve(opts.cwd ?? process.cwd(), outDir));
  const assemblies = assemblyDirsOf(realOf(path.resolve(opts.cwd ?? process.cwd(), opts.assemblyDir)));
  const shownDir = `--out ${outDir}`;

  for (const a of assemblies) {
    if (isInside(dir, a)) {
      throw new ReportInputError(`${shownDir} is inside the input cloud assembly ${shownOf(a, cwd)}: choose a directory outside it (e.g. --out evidence)`);
    }
  }
  const st = lstatOrUndefined(dir);
  if (st && !st.isDirectory()) throw new ReportInputError(`${shownDir} is not a directory`);
  const entries = st ? fs.readdirSync(dir) : [];
  if (entries.length === 0) return { shown: outDir, dir, previous: new Set() };

  const holdsAssembly = assemblies.find((a) => isInside(a, dir));
  if (holdsAssembly) {
    throw new ReportInputError(`${shownDir} holds the input cloud assembly ${shownOf(holdsAssembly, cwd)}: choose an empty or new directory (e.g. --out evidence)`);
  }
  if (isInside(cwd, dir)) {
    throw new ReportInputError(`${shownDir} is the working directory${dir === cwd ? '' : ' or one of its parents'} and is not empty: choose an empty or new directory (e.g. --out evidence)`);
  }
  if (!entries.includes(PACK_MARKER)) {
    throw new ReportInputError(`${shownDir} is not empty and holds no earlier evidence pack (no ${PACK_MARKER}): choose an empty or new directory, nothing is written over files this tool did not write`);
  }
  return { shown: outDir, dir, previous: new Set(Object.keys(readMarker(dir, outDir).files)) };
}

/** Reads and validates the marker of the pack in `dir`. @throws ReportInputError */
export function readMarker(dir: string, shown: string): PackManifest {
  const file = path.join(dir, PACK_MARKER);
  const where = `${shown}/${PACK_MARKER}`;
  const st = lstatOrUndefined(file);
  if (!st) throw new ReportInputError(`${shown} is not an evidence pack (no ${PACK_MARKER})`);
  if (!st.isFile()) throw new ReportInputError(`${where} is not a regular file`);
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf-8'));
  } catch (e) {
    throw new ReportInputError(`${where} is not valid JSON (${(e as Error).message.split('\n')[0]}): it is not the marker of an evidence pack`);
  }
  const m = data as Partial<PackManifest> | null;
  if (!m || typeof m !== 'object' || m.marker !== MARKER_TEXT || !m.files || typeof m.files !== 'object' || Array.isArray(m.files)) {
    throw new ReportInputError(`${where} is not the marker of an evidence pack (expected "marker": "${MARKER_TEXT}" and "files")`);
  }
  for (const [rel, f] of Object.entries(m.files)) {
    if (!isSafeRelative(rel)) throw new ReportInputError(`${where} lists '${rel}', which is not a path inside the pack`);
    if (!f || typeof f.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(f.sha256)) throw new ReportInputError(`${where}: '${rel}' has no valid sha256`);
  }
  return m as PackManifest;
}

/**
 * Writes the pack's files and its marker into the checked directory. New files are written under
 * temporary names first and renamed into place; files of the earlier pack that are not written again
 * are removed afterwards (only those), then the marker is written last.
 * @throws ReportInputError when a new file would replace a file the earlier pack did not write, or a
 *   directory on the way is a symbolic link.
 */
export function writePack(
  plan: OutDirPlan, files: ReadonlyMap<string, string | Uint8Array>, meta: Omit<PackManifest, 'marker' | 'files'>,
): PackManifest {
  const { dir } = plan;
  const names = [...files.keys()].sort();
  for (const rel of names) {
    if (!isSafeRelative(rel) || rel === PACK_MARKER) throw new Error(`writePack: '${rel}' is not a pack file name`);
    checkParents(dir, rel, plan.shown);
    const st = lstatOrUndefined(path.join(dir, rel));
    if (st && (st.isDirectory() || !plan.previous.has(rel))) {
      throw new ReportInputError(`--out ${plan.shown}: ${rel} already exists and was not written by the earlier pack; move it away or choose another directory`);
    }
  }

  fs.mkdirSync(dir, { recursive: true });
  const tmpName = (rel: string) => path.join(dir, path.dirname(rel), `.${path.basename(rel)}.tmp-${process.pid}`);
  const written: string[] = [];
  try {
    for (const rel of names) {
      fs.mkdirSync(path.join(dir, path.dirname(rel)), { recursive: true });
      const tmp = tmpName(rel);
      fs.writeFileSync(tmp, files.get(rel)!, { flag: 'wx' });
      written.push(tmp);
    }
  } catch (e) {
    for (const tmp of written) fs.rmSync(tmp, { force: true });
    throw e;
  }
  // rename() replaces a symbolic link itself, never the file it points to.
  for (const rel of names) fs.renameSync(tmpName(rel), path.join(dir, rel));

  for (const rel of plan.previous) {
    if (files.has(rel)) continue;
    const file = path.join(dir, rel);
    const st = lstatOrUndefined(file);
    if (st && !st.isDirectory() && !hasLinkedParent(dir, rel)) fs.unlinkSync(file);
    removeEmptyParents(dir, rel);
  }

  const manifest: PackManifest = {
    marker: MARKER_TEXT,
    tool: meta.tool,
    generatedAt: meta.generatedAt,
    files: Object.fromEntries(names.map((rel) => {
      const c = files.get(rel)!;
      return [rel, { sha256: sha256(c), bytes: typeof c === 'string' ? Buffer.byteLength(c) : c.byteLength }];
    })),
  };
  const tmp = tmpName(PACK_MARKER);
  fs.writeFileSync(tmp, `${JSON.stringify(manifest, null, 2)}\n`);
  fs.renameSync(tmp, path.join(dir, PACK_MARKER));
  return manifest;
}

/** A relative path that stays inside its directory: no `..`, not absolute, forward slashes. */
function isSafeRelative(rel: string): boolean {
  if (rel === '' || rel.includes('\\') || rel.includes('\0') || path.posix.isAbsolute(rel)) return false;
  return rel.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..');
}

/** Refuses a directory on the way to `rel` that is a symbolic link or a file. */
function checkParents(dir: string, rel: string, shown: string): void {
  const segs = rel.split('/').slice(0, -1);
  for (let n = 1; n <= segs.length; n++) {
    const sub = segs.slice(0, n).join('/');
    const st = lstatOrUndefined(path.join(dir, sub));
    if (st?.isSymbolicLink()) throw new ReportInputError(`--out ${shown}: ${sub} is a symbolic link; a pack never writes through one`);
    if (st && !st.isDirectory()) throw new ReportInputError(`--out ${shown}: ${sub} is not a directory`);
  }
}

function hasLinkedParent(dir: string, rel: string): boolean {
  const segs = rel.split('/').slice(0, -1);
  return segs.some((_, n) => lstatOrUndefined(path.join(dir, segs.slice(0, n + 1).join('/')))?.isSymbolicLink() ?? false);
}

/** Removes the now empty directories between `rel` and the pack root (never the root, never a non-empty one). */
function removeEmptyParents(dir: string, rel: string): void {
  for (let sub = path.posix.dirname(rel); sub !== '.'; sub = path.posix.dirname(sub)) {
    const p = path.join(dir, sub);
    const st = lstatOrUndefined(p);
    if (!st?.isDirectory() || fs.readdirSync(p).length > 0) return;
    fs.rmdirSync(p);
  }
}

/** The assembly and, for a stage's nested assembly, the top-level assembly that lists it. */
function assemblyDirsOf(assembly: string): string[] {
  const top = topAssemblyDir(assembly);
  return top === assembly ? [assembly] : [assembly, top];
}

/** The top-level assembly of a directory: the parent of a stage's nested assembly (`cdk.out/assembly-Prod` → `cdk.out`). */
export function topAssemblyDir(dir: string): string {
  const parent = path.dirname(dir);
  return /^assembly-/.test(path.basename(dir)) && fs.existsSync(path.join(parent, 'manifest.json')) ? parent : dir;
}

/** The real path of `p`: symbolic links resolved for the part that exists, the rest appended. */
function realOf(p: string): string {
  const abs = path.resolve(p);
  const rest: string[] = [];
  for (let cur = abs; ; cur = path.dirname(cur)) {
    try {
      return path.join(fs.realpathSync(cur), ...rest.reverse());
    } catch {
      if (path.dirname(cur) === cur) return abs;
      rest.push(path.basename(cur));
    }
  }
}

/** Whether `p` is `dir` or inside it. */
function isInside(p: string, dir: string): boolean {
  const rel = path.relative(dir, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function shownOf(p: string, cwd: string): string {
  const rel = path.relative(cwd, p);
  return rel === '' ? '.' : !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

function lstatOrUndefined(p: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(p);
  } catch {
    return undefined;
  }
}
