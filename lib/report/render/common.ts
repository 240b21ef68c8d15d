/** Helpers shared by the renderers. */
import { AcknowledgementEntry, EvidenceReport, ItemEvidence, STATUS_LABELS, StackSummary } from '../model';
import { claimsText, MODEL_TITLES } from '../labels';

/** The status label, with the exception marker for met-with-exception items. */
export function statusLabel(item: ItemEvidence): string {
  return item.withExceptions ? 'Met (with exception)' : STATUS_LABELS[item.status];
}

/** `Networking Competency, SaaS (saas), categories: Network Connectivity`. */
export function selectionLine(report: EvidenceReport): string {
  const s = report.selection;
  return `${s.checklistTitle}; deployment model ${MODEL_TITLES[s.deploymentModel]} (${s.deploymentModel}); categories: ${claimsText(s, 'id')}${s.strict ? '; strict mode' : ''}`;
}

/**
 * The warning every file of the pack opens with when the assembly's synth recorded errors
 * (`--allow-synth-errors`); undefined otherwise.
 */
export function synthErrorNotice(report: EvidenceReport): string | undefined {
  const errors = report.provenance?.synthErrors ?? [];
  if (errors.length === 0) return undefined;
  const shownErrors = errors.slice(0, 3).map((e) => `${e.path ? `${e.path}: ` : ''}${e.message.split('\n')[0]}`).join('; ');
  return `Generated from a cloud assembly whose synth recorded ${plural(errors.length, 'error')} (--allow-synth-errors): `
    + `the templates may be incomplete, do not deploy them, and do not take these verdicts as final. ${shownErrors}${errors.length > 3 ? `; and ${errors.length - 3} more` : ''}.`;
}

/** The source line: `git 0123abc (changed files: 2)` / `not in a git repository`. */
export function sourceLine(report: EvidenceReport): string {
  const src = report.provenance?.source;
  if (!src) return 'not recorded';
  if (!src.commit) return `unknown: ${src.unavailable ?? 'no commit'}`;
  return `git commit ${src.commit}${src.dirty ? ` with uncommitted changes (${plural(src.changedFiles ?? 0, 'file')} changed or untracked)` : ', clean'}`;
}

/**
 * The anchor of an item's evidence section, the same in every format: `1.16` → `item-1-16`,
 * `network-connectivity.1` → `item-network-connectivity-1`.
 */
export function itemAnchor(id: string): string {
  return `item-${id.replace(/[^A-Za-z0-9-]+/g, '-')}`;
}

/** `2025-06-01 12:00 UTC` from an ISO 8601 instant. */
export function instant(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** The live-read line: `read live 2025-06-01 12:00 UTC from account 1111...: 9 verified, ...` / `not read (no --live)`. */
export function liveLine(report: EvidenceReport): string {
  const l = report.live;
  if (!l) return 'not read (report --live reads them): deployed controls are not verified';
  const c = l.controls;
  return `read live ${instant(l.checkedAt)} from account ${l.account}: ${c.verified} verified, ${c.failing} failing, ${c.missing} not running, ${c.notVerified} not verified`
    + `${l.problems.length ? `; ${plural(l.problems.length, 'call')} refused or failed` : ''}`;
}

/** Labels of a control's live state. */
export const LIVE_STATE_LABELS = { 'verified': 'Verified live', 'failing': 'Failing', 'missing': 'Not running', 'not-verified': 'Not verified' } as const;

/** The generation instant as `2025-06-01 12:00 UTC`. */
export function generatedLine(report: EvidenceReport): string {
  return `${report.generatedAt.slice(0, 10)} ${report.generatedAt.slice(11, 16)} UTC`;
}

/** Stacks in an order that deploys dependencies first (stable: manifest order among equals). */
export function deploymentOrder(stacks: readonly StackSummary[]): StackSummary[] {
  const byName = new Map(stacks.map((s) => [s.name, s]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const out: StackSummary[] = [];
  const visit = (s: StackSummary) => {
    if (done.has(s.name) || visiting.has(s.name)) return;
    visiting.add(s.name);
    for (const d of s.dependsOn) {
      const dep = byName.get(d);
      if (dep) visit(dep);
    }
    visiting.delete(s.name);
    done.add(s.name);
    out.push(s);
  };
  stacks.forEach(visit);
  return out;
}

/** The file-name stem of a stage's diagram: `Prod` → `Prod`, `Outer/Inner` → `Outer-Inner`, `''` → `app`. */
export function diagramStem(stage: string): string {
  return stage === '' ? 'app' : stage.replace(/[^A-Za-z0-9._-]+/g, '-');
}

/** `90 min` / `4 h` / `1.5 d`. */
export function minutes(m: number): string {
  if (m < 120) return `${m} min`;
  if (m < 48 * 60) return `${+(m / 60).toFixed(1)} h`;
  return `${+(m / 1440).toFixed(1)} d`;
}

/** Count with a noun: `1 item`, `3 items`. */
export function plural(n: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : pluralNoun}`;
}

/** The app's acknowledgements grouped by rule id (whole), Competency rules first in item order, then by id. */
export function acknowledgementGroups(report: EvidenceReport): { readonly ruleId: string; readonly tool: string; readonly itemId?: string; readonly entries: readonly AcknowledgementEntry[] }[] {
  const groups = new Map<string, AcknowledgementEntry[]>();
  for (const a of report.acknowledgements) groups.set(a.ruleId, [...(groups.get(a.ruleId) ?? []), a]);
  return [...groups.entries()]
    .map(([ruleId, entries]) => ({ ruleId, tool: entries[0].tool, ...(entries[0].itemId ? { itemId: entries[0].itemId } : {}), entries }))
    .sort((a, b) => (a.tool === 'Competency' ? 0 : 1) - (b.tool === 'Competency' ? 0 : 1)
      || (a.itemId ?? '').localeCompare(b.itemId ?? '', undefined, { numeric: true }) || a.ruleId.localeCompare(b.ruleId));
}

/** What an acknowledgement does in this report: the findings it suppresses, none, or not evaluated here (another tool's rule). */
export function suppressionLabel(a: AcknowledgementEntry): string {
  if (!a.suppressed) return `not evaluated by this report (${a.tool} rule)`;
  return a.suppressed.length === 0 ? 'none' : plural(a.suppressed.length, 'finding');
}

/** One line on aws-cdk-lib's own acknowledgements, or undefined when there are none. */
export function toolAcknowledgementsLine(report: EvidenceReport): string | undefined {
  const t = report.toolAcknowledgements;
  if (t.count === 0) return undefined;
  return `${plural(t.count, 'acknowledgement')} made by aws-cdk-lib itself, not the app's exceptions and not counted: ${t.rules.map((r) => `${r.ruleId} ×${r.count} ("${r.reason}")`).join('; ')}.`;
}

/** `template + attestation`. */
function pathText(path: readonly string[]): string {
  return path.join(' + ');
}

/**
 * Which kind of evidence decided the item: `template` (Met), or what can decide it
 * (`template, or attestation`) when it is Not met; `—` when it does not apply.
 */
export function decidedByText(item: ItemEvidence): string {
  if (item.status === 'not-applicable') return '—';
  if (item.decision.decidedBy) return pathText(item.decision.decidedBy);
  return `needs ${item.decision.paths.map(pathText).join(', or ')}`;
}

/** The seed's own line for the item: `1.14 AWS CloudTrail logs are stored ...` (its number, then its title). */
export function seedLine(item: ItemEvidence): string {
  return item.seed.ref === item.seed.title ? item.seed.title : `${item.seed.ref} ${item.seed.title}`;
}

/** Why the item has its level: `must (the checklist says "must")`, or the reason when the checklist has no modal verb. */
export function levelText(item: ItemEvidence): string {
  const basis = item.modal === 'none' ? 'the checklist has no modal verb' : `the checklist says "${item.modal}"`;
  return `${item.level} (${basis}${item.levelReason ? `; ${item.levelReason}` : ''})`;
}

/** One line per kind of evidence: what it showed, and whether it decides or supports. */
export function evidenceLines(item: ItemEvidence): string[] {
  const d = item.decision;
  const onPath = new Set(d.paths.flat());
  return (['template', 'runtime', 'attestation'] as const)
    .filter((k) => onPath.has(k) || d.supporting.includes(k))
    .map((k) => `${k} (${onPath.has(k) ? 'decides' : 'supporting'}): ${d[k].state}, ${d[k].summary}`);
}

