/**
 * Reads the two seed checklists (vendored in `lib/checklist/seeds/`) into the lines the checklist data
 * must match: technical rows and documentation rows (with their "Applies to" cells), and the text of the
 * business-prerequisite and category-requirement sections.
 *
 * The seeds are text extracted from PDFs: tables are flattened into tab-separated cells with HTML
 * markup, and a row broken by a page continues on later lines, column by column. The only
 * normalization is {@link normalize}: HTML tags, Markdown emphasis, list glyphs and whitespace.
 * Words, punctuation, spelling and typographic quotes are compared as printed.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ChecklistId } from '../../lib/checklist';

export const VENDORED_SEEDS_DIR = path.join(__dirname, '..', '..', 'lib', 'checklist', 'seeds');

/** The seed file of each checklist. */
export const SEED_FILES: { readonly [C in ChecklistId]: string } = {
  'microsoft-workloads': '000_9bc26133c687633c.txt',
  'networking': '001_345e0e5177a5bc7b.txt',
};

/**
 * The only normalization applied before comparing words: HTML tags (`<p>`, `<i>`, `<ul …>`, checkboxes)
 * and Markdown emphasis and list markers (`**`, `- `) are markup; `▪ ○ •` are list glyphs of flattened lists; runs of
 * whitespace (tabs between cells, line breaks) become one space.
 */
export function normalize(s: string): string {
  return s
    .replace(/<[^>]*>/g, ' ')
    .replace(/^\s*- /gm, ' ')
    .replace(/\*\*/g, ' ')
    .replace(/[▪○•]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** One row of a flattened table: its cells, with page-broken continuations merged column by column. */
export interface SeedRow {
  /** The printed number (`1.14`), or the row title for documentation rows. */
  readonly ref: string;
  readonly title: string;
  readonly text: string;
  /** The "Applies to" cells, in the seed's column order. */
  readonly cells: readonly string[];
}

function seedLines(checklist: ChecklistId): string[] {
  return fs.readFileSync(path.join(VENDORED_SEEDS_DIR, SEED_FILES[checklist]), 'utf-8').split('\n');
}

function indexOfLine(lines: readonly string[], pred: (l: string) => boolean, from = 0, what = 'line'): number {
  for (let i = from; i < lines.length; i++) if (pred(lines[i])) return i;
  throw new Error(`seed: ${what} not found`);
}

const ROW_START = /^(\d\.\d{1,2}) (.*)$/;

/**
 * Parses a table whose rows start with a printed number (`1.14 Title\ttext\tYes\t...`). `x.0` rows are
 * pillar headings; their description line is dropped. A line that starts no row continues the current
 * one: each non-empty cell is appended to the same column.
 */
function parseNumberedTable(lines: readonly string[], header?: (l: string) => boolean): SeedRow[] {
  const rows: { ref: string; cols: string[] }[] = [];
  let current: { ref: string; cols: string[] } | undefined;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const m = ROW_START.exec(line);
    if (m && m[1].endsWith('.0')) {
      current = undefined; // a pillar or section heading ("2.0 Reliability"), and its description below
      continue;
    }
    if (m) {
      current = { ref: m[1], cols: [] };
      rows.push(current);
      line.slice(m[1].length + 1).split('\t').forEach((c, i) => { current!.cols[i] = c; });
      continue;
    }
    if (header?.(line) || !current) continue;
    line.split('\t').forEach((c, i) => {
      if (c.trim() !== '') current!.cols[i] = `${current!.cols[i] ?? ''} ${c}`;
    });
  }
  return rows.map((r) => ({
    ref: r.ref,
    title: normalize(r.cols[0] ?? ''),
    text: normalize(r.cols[1] ?? ''),
    cells: r.cols.slice(2).map(normalize).filter((c) => c !== ''),
  }));
}

/** The 40 technical rows of a seed, in printed order. */
export function technicalRows(checklist: ChecklistId): SeedRow[] {
  const lines = seedLines(checklist);
  const start = indexOfLine(lines, (l) => /^1\.0 Security/.test(l), 0, '1.0 Security');
  const end = checklist === 'networking' ? indexOfLine(lines, (l) => l.startsWith('AWS Resources'), start, 'AWS Resources') : lines.length;
  return parseNumberedTable(lines.slice(start, end));
}

/** The "Required Documentation" rows: Architecture Diagram, Deployment Guide, Completed Validation Checklist. */
export function documentationRows(checklist: ChecklistId): SeedRow[] {
  const lines = seedLines(checklist);
  const start = indexOfLine(lines, (l) => l.startsWith('Required Documentation'), 0, 'Required Documentation');
  const end = indexOfLine(lines, (l) => /^1\.0 Security/.test(l), start, '1.0 Security');
  const titles = ['Architecture Diagram', 'Deployment Guide', 'Completed Validation Checklist'];
  const rows: SeedRow[] = [];
  for (const line of lines.slice(start, end)) {
    const cols = line.split('\t');
    const title = normalize(cols[0]);
    if (!titles.includes(title)) continue;
    rows.push({ ref: title, title, text: normalize(cols[1]), cells: cols.slice(2).map(normalize).filter((c) => c !== '') });
  }
  return rows;
}

/** Any line of a seed the checklist data must carry: a table row, or a requirement stated in prose. */
export interface SeedLine extends SeedRow {
  readonly checklist: ChecklistId;
  readonly section: 'technical' | 'documentation' | 'business' | 'category' | 'introduction';
}

/** Table chrome: headings and page-break rules that belong to no line. */
const CHROME = (l: string) =>
  /^[-\t ]+$/.test(l) ||
  /^Required Solution Features\tMet Y\/N/.test(l) ||
  /^Networking Category Specific Technical Requirements\t\tMet Y\/N/.test(l);

/** The business prerequisites (sections 1.0–5.0 of the prerequisites table); Networking prints "1.1" twice. */
export function businessRows(checklist: ChecklistId): SeedRow[] {
  const lines = seedLines(checklist);
  const start = indexOfLine(lines, (l) => /^1\.0 APN Program/.test(l), 0, 'prerequisites table');
  const end = indexOfLine(lines, (l) => /Competency (Program|Technology Partner) Validation Checklist$/.test(l), start, 'end of prerequisites');
  return parseNumberedTable(lines.slice(start, end)).map((r) => ({ ...r, cells: [] }));
}

/**
 * Rows of a table whose rows start with a title cell (`Migration\t<p>...`): the row holds every line up to
 * the next title. Headings and chrome lines are dropped.
 */
function parseTitledRows(lines: readonly string[], titleOf: (line: string) => string | undefined, drop: (l: string) => boolean): SeedRow[] {
  const rows: { title: string; parts: string[] }[] = [];
  for (const line of lines) {
    if (line.trim() === '' || drop(line)) continue;
    const title = titleOf(line);
    if (title !== undefined) {
      rows.push({ title, parts: [line.split('\t').slice(1).join('\t')] });
    } else if (rows.length > 0) {
      rows[rows.length - 1].parts.push(line);
    }
  }
  return rows.map((r) => ({ ref: r.title, title: r.title, text: normalize(r.parts.join('\n')), cells: [] }));
}

/** The category-specific requirements ("Required Solution Features"): one row per subcategory (Microsoft) or category (Networking). */
export function categoryRows(checklist: ChecklistId): SeedRow[] {
  const lines = seedLines(checklist);
  if (checklist === 'microsoft-workloads') {
    const heading = 'Microsoft Workloads Technical Requirements by Category';
    const start = indexOfLine(lines, (l) => l === heading, 0, heading);
    const end = indexOfLine(lines, (l) => l === 'AWS Technical Requirements', start, 'AWS Technical Requirements');
    const section = lines.slice(start + 1, end);
    // The sentence under the heading, then the subcategory rows. Headings ("Operational Optimization") have no cell.
    const sentence = section.find((l) => l.startsWith('Documentation describing'))!;
    const isHeading = (l: string) => !l.includes('\t') && !l.includes('<');
    const titleOf = (l: string) => /^([^\t<]+)\t<p>/.exec(l)?.[1].trim();
    return [
      { ref: heading, title: heading, text: normalize(sentence), cells: [] },
      ...parseTitledRows(section.filter((l) => l !== sentence), titleOf, (l) => CHROME(l) || isHeading(l)),
    ];
  }
  const heading = 'Networking Category Specific Technical Requirements';
  const start = indexOfLine(lines, (l) => l.startsWith(`${heading}\t\tMet`), 0, heading);
  const end = indexOfLine(lines, (l) => /^\t\tApplies to:/.test(l), start, 'Applies to');
  const section = lines.slice(start + 1, end);
  const first = section.findIndex((l) => l.includes('Documentation describing'));
  const names = ['Network Connectivity', 'Direct Connect for Integrated Partners', 'Direct Connect Infrastructure Partners', 'Load Balancers', 'Network Management'];
  const titleOf = (l: string) => {
    const t = normalize(l.split('\t')[0]);
    return names.includes(t) ? t : undefined;
  };
  return [
    { ref: heading, title: heading, text: normalize(section[first]).replace(/^Required Solution Features /, ''), cells: [] },
    ...parseTitledRows(section.slice(first + 1), titleOf, CHROME),
  ];
}

/**
 * The introduction's description of the competency and its categories, in prose: one line per paragraph
 * (Networking: the lead, then `1.)` to `5.)`; Microsoft Workloads: the program, the categories' lead, then `1.` to
 * `3.`). Some sentences are requirements (the Direct Connect eligibility, "is mandatory"); the rest describe.
 */
export function introductionRows(checklist: ChecklistId): SeedRow[] {
  const lines = seedLines(checklist);
  const row = (ref: string, title: string, text: string): SeedRow => ({ ref, title, text: text.trim(), cells: [] });
  /** Splits `text` at its numbered paragraphs (`1.) Title: ` or `1. Title: `). */
  const numbered = (text: string, marker: RegExp): SeedRow[] => {
    const marks = [...text.matchAll(marker)];
    return marks.map((m, i) => row(`${m[1]}${m[2]}`, m[3], text.slice(m.index! + m[0].length, marks[i + 1]?.index ?? text.length)));
  };
  const section = (heading: string, until: RegExp): string => {
    const start = indexOfLine(lines, (l) => l === heading, 0, heading);
    const end = indexOfLine(lines, (l) => until.test(l), start + 1, `the end of '${heading}'`);
    return normalize(lines.slice(start + 1, end).join('\n'));
  };
  if (checklist === 'networking') {
    const heading = 'AWS Networking Competency and Categories';
    const text = section(heading, /Competency Program Prerequisites$/);
    const first = text.indexOf('1.) ');
    return [row(heading, heading, text.slice(0, first)), ...numbered(text.slice(first), /(\d)(\.\)) ([^:]+): /g)];
  }
  const program = 'AWS Microsoft Workloads Competency Program';
  const categories = 'AWS Microsoft Workloads Competency Categories';
  const text = section(categories, /Competency Program Prerequisites$/);
  const first = text.indexOf('1. ');
  return [
    row(program, program, section(program, new RegExp(`^${categories}$`))),
    row(categories, categories, text.slice(0, first)),
    ...numbered(text.slice(first), /(\d)(\.) ([^:]+): /g),
  ];
}

/** Every line of one seed the checklist data must carry. */
export function seedLinesOf(checklist: ChecklistId): SeedLine[] {
  const tag = (section: SeedLine['section'], rows: readonly SeedRow[]) => rows.map((r) => ({ ...r, checklist, section }));
  return [
    ...tag('business', businessRows(checklist)),
    ...tag('introduction', introductionRows(checklist)),
    ...tag('category', categoryRows(checklist)),
    ...tag('documentation', documentationRows(checklist)),
    ...tag('technical', technicalRows(checklist)),
  ];
}
