import { RULES_BY_NAME } from '../rules';
import { RuleEvaluation } from '../packs/evaluate';
import { CompetencyFindings } from './findings';

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) => `  ${cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ')}`.trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

function findingRows(list: readonly RuleEvaluation[]): string[][] {
  return [...list]
    .sort((a, b) => a.itemId.localeCompare(b.itemId, undefined, { numeric: true }) || a.path.localeCompare(b.path))
    .map((e) => [e.itemId, e.rule, e.path, e.reason ?? '', RULES_BY_NAME.get(e.rule)?.fix ?? '']);
}

/** The readable report a failing compliance assertion prints: item, rule, construct path, problem, fix. */
export function formatFindings(f: CompetencyFindings, opts: { readonly includeWarnings?: boolean } = {}): string {
  const sel = f.selection;
  const title = `${sel.checklist} / ${sel.strict ? 'strict (every item)' : sel.deploymentModel}${sel.categories?.length || sel.subcategories?.length ? ` / ${[...(sel.categories ?? []), ...(sel.subcategories ?? [])].join(', ')}` : ''}`;
  const failing = opts.includeWarnings ? [...f.errors, ...f.warnings] : f.errors;
  const out: string[] = [`${failing.length} competency checklist finding${failing.length === 1 ? '' : 's'} (${title}):`, ''];
  const header = ['Item', 'Rule', 'Resource', 'Problem', 'Fix'];
  if (failing.length > 0) out.push(...table(header, findingRows(failing)), '');
  if (!opts.includeWarnings && f.warnings.length > 0) out.push(`Warnings ("should" items, not counted):`, ...table(header, findingRows(f.warnings)), '');
  if (f.acknowledged.length > 0) {
    out.push('Acknowledged (not counted):');
    out.push(...table(['Item', 'Rule', 'Resource', 'Reason'], [...f.acknowledged]
      .sort((a, b) => a.itemId.localeCompare(b.itemId, undefined, { numeric: true }) || a.path.localeCompare(b.path))
      .map((e) => [e.itemId, e.rule, e.path, e.acknowledgement!.reason])), '');
  }
  return out.join('\n').trimEnd();
}
