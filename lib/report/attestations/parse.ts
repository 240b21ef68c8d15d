/**
 * Reads and validates `competency-attestations.yaml`: what a person signs for the checklist items no
 * template can show. The schema is documented in `lib/report/README.md` and in the header of the file
 * `cdk-competency attestations init` writes.
 *
 * ```yaml
 * "1.25":
 *   attestedBy: Jane Doe, Head of Security
 *   date: 2025-03-14
 *   evidence: https://wiki.example.com/security/ir-game-day-2025
 *   notes: Ransomware scenario; follow-ups tracked in SEC-412.
 * ```
 */
import * as fs from 'fs';
import { isMap, isScalar, isSeq, LineCounter, Node, parseDocument, Scalar } from 'yaml';
import { CHECKLIST_ITEMS } from '../../checklist';
import { AttestationsError } from '../errors';
import { dayOf, isIsoDate } from './dates';

/** One attestation as read from the file. */
export interface Attestation {
  readonly itemId: string;
  /** Who attests: name and role. */
  readonly attestedBy: string;
  /** When the attested event happened (or the statement was made), `YYYY-MM-DD`. */
  readonly date: string;
  /** A link or a file path the auditor can open. */
  readonly evidence: string;
  readonly notes?: string;
  /** 1-based line of the entry in the file. */
  readonly line: number;
}

/** The attestations of one file, by item id. */
export interface AttestationSet {
  /** The file, as given. */
  readonly file: string;
  readonly entries: ReadonlyMap<string, Attestation>;
}

export { AttestationsError } from '../errors';

/** The fields of an entry, in the order the template writes them. */
export const ATTESTATION_FIELDS = ['attestedBy', 'date', 'evidence', 'notes'] as const;
const REQUIRED_FIELDS = ['attestedBy', 'date', 'evidence'] as const;
const KNOWN_IDS: ReadonlySet<string> = new Set(CHECKLIST_ITEMS.map((i) => i.id));

/** Options of {@link parseAttestations}. */
export interface ParseAttestationsOptions {
  /** The file name shown in messages. */
  readonly file: string;
  /** Today, to reject dates in the future. */
  readonly now: Date;
}

/**
 * Parses and validates the text of an attestations file.
 * @throws AttestationsError listing every problem, each naming its line; or when the file attests nothing.
 */
export function parseAttestations(text: string, opts: ParseAttestationsOptions): AttestationSet {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false });
  const at = (node: { range?: readonly number[] | null } | null | undefined, fallback = 1): string =>
    `${opts.file}:${node?.range ? lines.linePos(node.range[0]).line : fallback}`;
  const problems: string[] = [];

  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const line = e.linePos?.[0]?.line ?? lines.linePos(e.pos[0]).line;
    throw new AttestationsError([`${opts.file}:${line}: not valid YAML: ${e.message.split('\n')[0]}`]);
  }
  const root = doc.contents;
  const entries = new Map<string, Attestation>();
  if (root === null || (isScalar(root) && (root.value === null || root.value === '')) || (isMap(root) && root.items.length === 0)) {
    // An empty file is a mistake (the template with nothing filled in, or a shell redirection gone wrong),
    // never a silent "nothing attested".
    throw new AttestationsError([`${opts.file}: no attestation in the file (it is empty or every entry is commented out): fill in the items you attest, or leave out --attestations`]);
  }
  if (!isMap(root)) {
    throw new AttestationsError([`${at(root)}: expected a mapping of checklist item ids to attestations (e.g. "1.25": { attestedBy, date, evidence, notes }), got ${describe(root)}`]);
  }

  const today = dayOf(opts.now);
  const firstLine = new Map<string, number>();
  for (const pair of root.items) {
    const keyNode = pair.key as Node | null;
    const id = isScalar(keyNode) ? keyText(keyNode) : '';
    const where = at(keyNode);
    if (!isScalar(keyNode) || id === '') {
      problems.push(`${where}: expected a checklist item id as key, got ${describe(keyNode)}`);
      continue;
    }
    const line = lines.linePos(keyNode.range![0]).line;
    if (!KNOWN_IDS.has(id)) {
      problems.push(`${where}: '${id}' is not a checklist item id (ids look like '1.25', 'load-balancers.4', 'doc.architecture-diagram', 'business.case-studies')`);
      continue;
    }
    if (firstLine.has(id)) {
      problems.push(`${where}: '${id}' is attested twice (first on line ${firstLine.get(id)})`);
      continue;
    }
    firstLine.set(id, line);

    const value = pair.value as Node | null;
    if (!isMap(value)) {
      problems.push(`${at(value, line)}: '${id}' must be a mapping with attestedBy, date, evidence and notes, got ${describe(value)}`);
      continue;
    }
    const fields: Record<string, string> = {};
    const seen = new Set<string>();
    let ok = true;
    for (const f of value.items) {
      const fKey = f.key as Node | null;
      const name = isScalar(fKey) ? keyText(fKey) : '';
      const fWhere = at(fKey, line);
      if (!(ATTESTATION_FIELDS as readonly string[]).includes(name)) {
        problems.push(`${fWhere}: '${id}.${name || describe(fKey)}' is not a known field (expected ${ATTESTATION_FIELDS.join(', ')})`);
        ok = false;
        continue;
      }
      if (seen.has(name)) {
        problems.push(`${fWhere}: '${id}.${name}' is given twice`);
        ok = false;
        continue;
      }
      seen.add(name);
      const v = f.value as Node | null;
      const vWhere = at(v, lines.linePos(fKey!.range![0]).line);
      const problem = checkField(id, name, v, today);
      if (problem) {
        problems.push(`${vWhere}: ${problem}`);
        ok = false;
      } else {
        fields[name] = String((v as Scalar).value).trim();
      }
    }
    for (const name of REQUIRED_FIELDS) {
      if (!seen.has(name)) {
        problems.push(`${where}: '${id}.${name}' is missing`);
        ok = false;
      }
    }
    if (ok) {
      entries.set(id, {
        itemId: id,
        attestedBy: fields.attestedBy,
        date: fields.date,
        evidence: fields.evidence,
        notes: fields.notes || undefined,
        line,
      });
    }
  }
  if (problems.length > 0) throw new AttestationsError(problems);
  return { file: opts.file, entries };
}

/** Reads and validates an attestations file. @throws AttestationsError */
export function readAttestationsFile(file: string, now: Date): AttestationSet {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf-8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AttestationsError([`attestations file not found: ${file} (create one with 'cdk-competency attestations init')`]);
    throw new AttestationsError([`attestations file ${file} cannot be read: ${(e as Error).message}`]);
  }
  return parseAttestations(text, { file, now });
}

function checkField(id: string, name: string, v: Node | null, today: string): string | undefined {
  const path = `'${id}.${name}'`;
  if (name === 'date') {
    const raw = isScalar(v) ? (v.source ?? v.value) : undefined;
    if (!isScalar(v) || typeof v.value !== 'string' || !isIsoDate(v.value)) {
      return `${path} must be a date YYYY-MM-DD, got ${isScalar(v) && raw !== null && raw !== undefined ? `'${raw}'` : describe(v)}`;
    }
    if (v.value > today) return `${path} is in the future (${v.value} is after today, ${today})`;
    return undefined;
  }
  const what = name === 'attestedBy' ? 'the name and role of the person attesting'
    : name === 'evidence' ? 'a link or a file path the auditor can open' : 'text';
  if (!isScalar(v) || typeof v.value !== 'string') {
    if (name === 'notes' && (v === null || (isScalar(v) && v.value === null))) return undefined;
    return `${path} must be a string (${what}), got ${describe(v)}`;
  }
  if (name !== 'notes' && v.value.trim() === '') return `${path} must not be empty (${what})`;
  return undefined;
}

/** The key as written: `2.10` stays `2.10` (YAML would read the number 2.1). */
function keyText(key: Scalar): string {
  return String(key.source ?? key.value ?? '').trim();
}

function describe(node: unknown): string {
  if (node === null || node === undefined) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null) return 'nothing';
    if (typeof v === 'string') return `'${v}'`;
    return `${typeof v} ${node.source ?? String(v)}`;
  }
  return 'an unexpected value';
}
