import { RuleEvaluation } from '../packs/evaluate';
import { CompetencyFindings } from './findings';

/** The terminal width the findings fit: what CI logs show without horizontal scrolling. */
export const TABLE_WIDTH = 120;

/** How far a test runner indents a failure message (jest: 4 spaces), which the table leaves room for. */
export const RUNNER_INDENT = 4;

const INDENT = '  ';
const GAP = '  ';
/** The narrowest a wrapped column gets (a column never gets narrower than its header or its content). */
const MIN_COLUMN = 10;
/** A column keeps its longest unbreakable piece (a word, a path segment) whole up to this width. */
const MAX_PIECE = 30;

/** The longest piece of text that wraps cannot split: words, and path-like words split after `/ - . :`. */
function longestPiece(text: string): number {
  return Math.max(0, ...text.split(/\s+/).flatMap((w) => w.split(/(?<=[/.:-])/)).map((p) => p.length));
}

/** Splits text into lines of at most `width` characters: at spaces, else after `/`, `-`, `.` or `:`, else anywhere. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (candidate.length <= width) { line = candidate; continue; }
    if (line !== '') lines.push(line);
    let rest = word;
    while (rest.length > width) {
      const head = rest.slice(0, width);
      const cut = Math.max(head.lastIndexOf('/'), head.lastIndexOf('-'), head.lastIndexOf('.'), head.lastIndexOf(':'));
      const at = cut > width / 3 ? cut + 1 : width;
      lines.push(rest.slice(0, at));
      rest = rest.slice(at);
    }
    line = rest;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * Column widths that fit `maxWidth` (indent and gaps included): the natural widths, with the widest column
 * narrowed one character at a time until the table fits: first down to the longest word or path segment of the
 * column (so paths break at `/`), then, if needed, to the header or 10 characters. Columns in `keep`
 * (identifiers such as item ids and rule names, which must stay whole to be searched for) are never narrowed.
 */
function columnWidths(header: readonly string[], rows: readonly (readonly string[])[], maxWidth: number, keep: readonly number[]): number[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const floor = widths.map((w, i) => (keep.includes(i) ? w : Math.min(w, Math.max(header[i].length, MIN_COLUMN))));
  // First keep every word and path segment whole (up to MAX_PIECE); if that cannot fit, let them split.
  const whole = widths.map((w, i) => Math.max(floor[i], Math.min(w, MAX_PIECE, Math.max(0, ...rows.map((r) => longestPiece(r[i]))))));
  const budget = maxWidth - INDENT.length - GAP.length * (header.length - 1);
  const shrink = (mins: readonly number[]) => {
    let total = widths.reduce((a, b) => a + b, 0);
    while (total > budget) {
      let widest = -1;
      for (let i = 0; i < widths.length; i++) if (widths[i] > mins[i] && (widest < 0 || widths[i] > widths[widest])) widest = i;
      if (widest < 0) return;
      widths[widest]--;
      total--;
    }
  };
  shrink(whole);
  shrink(floor);
  return widths;
}

/** Options of {@link formatTable}. */
export interface TableOptions {
  /** The widest a line may be. @default 120 */
  readonly maxWidth?: number;
  /** Columns (by index) never narrowed nor wrapped. @default - none */
  readonly keep?: readonly number[];
}

/**
 * A plain-text table of at most `maxWidth` columns: cells wrap inside their column, and a blank line
 * separates rows once any of them wraps.
 */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[], options: TableOptions = {}): string[] {
  const widths = columnWidths(header, rows, options.maxWidth ?? TABLE_WIDTH, options.keep ?? []);
  const render = (cells: readonly string[]): string[] => {
    const wrapped = cells.map((c, i) => wrapText(c, widths[i]));
    const height = Math.max(...wrapped.map((w) => w.length));
    const out: string[] = [];
    for (let l = 0; l < height; l++) {
      out.push(`${INDENT}${wrapped.map((w, i) => (i === wrapped.length - 1 ? w[l] ?? '' : (w[l] ?? '').padEnd(widths[i]))).join(GAP)}`.trimEnd());
    }
    return out;
  };
  const body = rows.map(render);
  const spaced = body.some((r) => r.length > 1);
  return [...render(header), `${INDENT}${widths.map((w) => '-'.repeat(w)).join(GAP)}`, ...body.flatMap((r, i) => (spaced && i > 0 ? ['', ...r] : r))];
}

function byItemAndPath(list: readonly RuleEvaluation[]): RuleEvaluation[] {
  return [...list].sort((a, b) => a.itemId.localeCompare(b.itemId, undefined, { numeric: true }) || a.path.localeCompare(b.path) || a.rule.localeCompare(b.rule));
}

/** Table rows of findings; `markKind` flags recommended findings in the Rule column (when they share a table with required ones). */
function findingRows(list: readonly RuleEvaluation[], markKind: boolean): string[][] {
  return byItemAndPath(list).map((e) => [
    e.itemId, `${e.rule}${markKind && e.kind === 'recommended' ? ' (recommended)' : ''}`, e.path, e.reason ?? '', e.fix,
  ]);
}

/** Options of {@link formatFindings}. */
export interface FormatOptions {
  /** List warnings among the failing findings (as `failOnWarnings` counts them). @default false */
  readonly includeWarnings?: boolean;
  /** The width to wrap the tables to. @default 116: 120 columns once the test runner indents the message */
  readonly width?: number;
}

/**
 * The readable report a failing compliance assertion prints: item, rule, construct path, problem, fix, in
 * tables that fit 120 columns as jest prints them (indented by 4). Findings that do not fail the check are listed after the failing ones:
 * warnings of "should" items, recommendations (good practice beyond the checklist) and acknowledged findings.
 */
export function formatFindings(f: CompetencyFindings, opts: FormatOptions = {}): string {
  const sel = f.selection;
  const width = opts.width ?? TABLE_WIDTH - RUNNER_INDENT;
  const claims = [...sel.categories.filter((c) => !sel.subcategories.some((s) => s.startsWith(`${c}.`))), ...sel.subcategories];
  const title = `${sel.checklist} / ${sel.strict ? 'strict (every item)' : sel.deploymentModel}${claims.length ? ` / ${claims.join(', ')}` : ''}`;
  const failing = opts.includeWarnings ? [...f.errors, ...f.warnings] : f.errors;
  const out: string[] = [`${failing.length} competency checklist finding${failing.length === 1 ? '' : 's'} (${title}):`, ''];
  const header = ['Item', 'Rule', 'Resource', 'Problem', 'Fix'];
  const table = (head: readonly string[], rows: string[][]) => formatTable(head, rows, { maxWidth: width, keep: [0, 1] });
  if (failing.length > 0) out.push(...table(header, findingRows(failing, true)), '');
  if (!opts.includeWarnings) {
    const should = f.warnings.filter((e) => e.kind === 'required');
    const recommended = f.warnings.filter((e) => e.kind === 'recommended');
    if (should.length > 0) out.push('Warnings ("should" items; fail with failOnWarnings: true):', ...table(header, findingRows(should, false)), '');
    if (recommended.length > 0) {
      out.push('Recommended, beyond the checklist (fail with recommended: \'error\' or failOnWarnings: true):', ...table(header, findingRows(recommended, false)), '');
    }
  }
  if (f.acknowledged.length > 0) {
    out.push('Acknowledged (not counted):');
    out.push(...table(['Item', 'Rule', 'Resource', 'Reason'], byItemAndPath(f.acknowledged).map((e) => [e.itemId, e.rule, e.path, e.acknowledgement!.reason])), '');
  }
  return out.join('\n').trimEnd();
}
