/**
 * `cdk-competency verify <pack>`: recomputes the hashes an evidence pack records and says what differs —
 * the pack's own files against its marker `evidence-pack.json`, and the files of the cloud assembly it was
 * generated from against `checklist.json`'s provenance.
 *
 * The hashes show that the pack and the templates are the ones that were reported on; they do not show who
 * wrote them (anyone who can edit the pack can edit the marker too): sign or store `evidence-pack.json`
 * where the auditor trusts it when that matters.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ReportInputError } from './errors';
import { EvidenceReport } from './model';
import { PACK_MARKER, readMarker, sha256, topAssemblyDir } from './out-dir';

/** One checked file. */
export interface VerifiedFile {
  readonly file: string;
  readonly state: 'same' | 'changed' | 'missing';
}

/** What {@link verifyPack} found. */
export interface PackVerification {
  readonly pack: string;
  readonly packFiles: readonly VerifiedFile[];
  /** Files in the pack directory that the marker does not list (a reviewer's notes, ...): not covered. */
  readonly unlisted: readonly string[];
  /** The assembly checked, or why it was not. */
  readonly assembly: { readonly dir: string; readonly files: readonly VerifiedFile[] } | { readonly notChecked: string };
  /** Synth errors the pack records. */
  readonly synthErrors: number;
  /** Nothing differs among the files checked. */
  readonly ok: boolean;
}

/**
 * Verifies a pack.
 * @param assemblyDir the assembly to check the recorded hashes against (default: the one recorded, relative to the working directory)
 * @throws ReportInputError when `pack` is not an evidence pack.
 */
export function verifyPack(pack: string, opts: { readonly assemblyDir?: string } = {}): PackVerification {
  if (!fs.existsSync(pack)) throw new ReportInputError(`evidence pack not found: ${pack}`);
  const marker = readMarker(pack, pack);
  const packFiles: VerifiedFile[] = Object.entries(marker.files).map(([file, { sha256: expected }]) => ({ file, state: stateOf(path.join(pack, file), expected) }));
  const listed = new Set([...Object.keys(marker.files), PACK_MARKER]);
  const unlisted = walk(pack).filter((f) => !listed.has(f) && !/(^|\/)\.[^/]+\.tmp-\d+$/.test(f));

  let report: EvidenceReport | undefined;
  try {
    report = JSON.parse(fs.readFileSync(path.join(pack, 'checklist.json'), 'utf-8'));
  } catch {
    report = undefined;
  }
  let assembly: PackVerification['assembly'];
  const recorded = report?.provenance?.assemblyFiles;
  if (!report || !recorded) {
    assembly = { notChecked: report ? 'checklist.json records no assembly files (a pack of an earlier version)' : 'checklist.json cannot be read' };
  } else {
    const dir = opts.assemblyDir ?? topAssemblyDir(report.assembly.dir);
    if (!fs.existsSync(path.join(dir, 'manifest.json'))) {
      assembly = { notChecked: `no cloud assembly at ${dir} (give --assembly <dir>)` };
    } else {
      assembly = { dir, files: recorded.map((f) => ({ file: f.file, state: stateOf(path.join(dir, ...f.file.split('/')), f.sha256) })) };
    }
  }
  const differs = [...packFiles, ...('files' in assembly ? assembly.files : [])].some((f) => f.state !== 'same');
  return { pack, packFiles, unlisted, assembly, synthErrors: report?.provenance?.synthErrors.length ?? 0, ok: !differs };
}

/** The verification as the CLI prints it. */
export function formatVerification(v: PackVerification): string {
  const out: string[] = [];
  const section = (what: string, files: readonly VerifiedFile[], against: string) => {
    const same = files.filter((f) => f.state === 'same').length;
    out.push(`${what}: ${same} of ${files.length} files match ${against}`);
    for (const f of files) if (f.state !== 'same') out.push(`  ${f.state}: ${f.file}`);
  };
  section(v.pack, v.packFiles, PACK_MARKER);
  for (const f of v.unlisted) out.push(`  not part of the pack (not checked): ${f}`);
  if ('files' in v.assembly) section(v.assembly.dir, v.assembly.files, 'checklist.json');
  else out.push(`assembly: not checked: ${v.assembly.notChecked}`);
  if (v.synthErrors > 0) out.push(`note: the pack was generated from a synth with ${v.synthErrors} error${v.synthErrors === 1 ? '' : 's'} (--allow-synth-errors)`);
  out.push(v.ok ? 'verified: nothing differs' : 'NOT verified: files differ from what the pack records');
  return `${out.join('\n')}\n`;
}

function stateOf(file: string, expected: string): VerifiedFile['state'] {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(file);
  } catch {
    return 'missing';
  }
  if (!st.isFile()) return 'changed';
  return sha256(fs.readFileSync(file)) === expected ? 'same' : 'changed';
}

/** Every file under `dir`, relative, `/`-separated (symbolic links listed, never followed). */
function walk(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...walk(dir, r));
    else out.push(r);
  }
  return out.sort();
}
