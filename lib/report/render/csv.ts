/** `checklist.csv`: one row per item, RFC 4180 (CRLF line ends, fields quoted when they need it). */
import { EvidenceReport, ItemEvidence } from '../model';
import { decidedByText, statusLabel, synthErrorNotice } from './common';

const COLUMNS: readonly [string, (i: ItemEvidence) => string][] = [
  ['id', (i) => i.id],
  ['group', (i) => i.group],
  ['title', (i) => i.title],
  ['level', (i) => i.level],
  ['status', (i) => statusLabel(i)],
  ['applies', (i) => (i.applicability.applies ? (i.applicability.condition ? `yes (${i.applicability.condition})` : 'yes') : 'no')],
  ['basis', (i) => i.basis],
  ['failed_findings', (i) => i.rules.failed.map((f) => `${f.ruleId} ${f.path}: ${f.reason ?? ''}`).join('\n')],
  ['acknowledged_findings', (i) => i.rules.acknowledged.map((f) => `${f.ruleId} ${f.path}: ${f.acknowledgement ?? ''}`).join('\n')],
  ['passed_checks', (i) => String(i.rules.passed.length)],
  ['open_recommendations', (i) => i.rules.recommended.failed.map((f) => `${f.ruleId} ${f.path}: ${f.reason ?? ''}`).join('\n')],
  ['runtime_controls_deployed', (i) => i.runtimeControls.filter((c) => c.deployedIn.length).map((c) => `${c.id} (${[...new Set(c.deployedIn.map((d) => d.stack))].join(', ')})`).join('\n')],
  ['required_controls_missing', (i) => i.runtimeControls.filter((c) => (c.required || c.mechanism) && !c.deployedIn.length).map((c) => c.id).join('\n')],
  ['attestation', (i) => i.attestation?.state ?? ''],
  ['attested_by', (i) => i.attestation?.provided?.attestedBy ?? ''],
  ['attestation_date', (i) => i.attestation?.provided?.date ?? ''],
  ['attestation_evidence', (i) => i.attestation?.provided?.evidence ?? ''],
  ['runtime_results', (i) => i.runtimeControls.filter((c) => c.deployedIn.length).map((c) => (c.live ? `${c.live.state} ${c.live.checkedAt}: ${c.live.summary}` : `${c.id}: deployed, not verified`)).join('\n')],
  ['decided_by', (i) => decidedByText(i)],
  ['seed_ref', (i) => i.seed.ref],
  ['seed_title', (i) => i.seed.title],
  ['seed_text', (i) => i.seed.text],
];

/** One CSV field, quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function renderCsv(report: EvidenceReport): string {
  // CSV has no comments: the synth-error warning is the first record, in the `basis` column, with id `!synth-errors`.
  const notice = synthErrorNotice(report);
  const noticeRow = notice ? [COLUMNS.map(([name]) => (name === 'id' ? '!synth-errors' : name === 'status' ? 'Warning' : name === 'basis' ? notice : ''))] : [];
  const rows = [COLUMNS.map(([name]) => name), ...noticeRow, ...report.items.map((item) => COLUMNS.map(([, get]) => get(item)))];
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
