/**
 * Writes the commented `competency-attestations.yaml` template for a selection: every item that needs
 * a person (its verification has an attestation), what evidence is expected and the maximum age.
 */
import { applicableItems, ChecklistItem, ChecklistSelection, itemApplicability, parseSelection, Selection } from '../../checklist';
import { CHECKLIST_TITLES, claimsText, groupTitle, MODEL_TITLES } from '../labels';
import { TOOL_VERSION } from '../version';
import { attestationRequired } from '../collect/status';

/** The item's table group: pillar, category, `documentation` or `business`. */
export function groupOf(item: ChecklistItem): string {
  switch (item.kind) {
    case 'technical': return item.pillar;
    case 'category': return item.category;
    default: return item.kind;
  }
}

/** The text of a commented attestations template for the selection (checked here unless parsed before). */
export function attestationsTemplate(selection: ChecklistSelection | Selection): string {
  const sel = parseSelection(selection);
  const items = applicableItems(sel).filter((i) => i.verification.attestation);
  const categories = claimsText(sel);
  const out: string[] = [
    '# competency-attestations.yaml',
    `# ${CHECKLIST_TITLES[sel.checklist]}: ${MODEL_TITLES[sel.deploymentModel]} (${sel.deploymentModel}); categories: ${categories}.`,
    `# Written by cdk-competency ${TOOL_VERSION} ('cdk-competency attestations init'); read by 'cdk-competency report --attestations'.`,
    '#',
    '# What a person attests for the checklist items no template can show. One entry per item id:',
    '#',
    '#   "1.25":                                   the checklist item id, quoted (YAML reads 2.10 as the number 2.1)',
    '#     attestedBy: Jane Doe, Head of Security   who attests: name and role                    required',
    '#     date: 2025-03-14                         when the event happened, YYYY-MM-DD           required, not in the future',
    '#     evidence: https://wiki.example.com/...   a link, or a file path the auditor can open   required',
    '#     notes: Scenario and follow-ups.          anything the auditor should know              optional',
    '#',
    '# Uncomment an entry and fill it in. An attestation older than the item\'s maximum age is stale and',
    '# the item is Not met. "Required" items cannot be Met without one; for "alternative" items it is one',
    '# way to show the item when the template or the account does not; "supporting" ones never decide.',
    `# ${items.length} item${items.length === 1 ? '' : 's'} below.`,
  ];
  let group = '';
  for (const item of items) {
    const g = groupOf(item);
    if (g !== group) {
      group = g;
      out.push('', `# ==== ${groupTitle(g)} ${'='.repeat(Math.max(3, 90 - groupTitle(g).length))}`);
    }
    const a = item.verification.attestation!;
    const required = attestationRequired(item);
    const seed = item.seed[sel.checklist]!;
    out.push(
      '',
      `# ${item.id} ${item.title}${itemApplicability(item, sel).level === 'should' ? ' (should)' : ''}`,
      ...wrap(`Checklist: ${seed.ref === seed.title ? seed.title : `${seed.ref} ${seed.title}`}`, '#   '),
      ...wrap(`Expected evidence: ${a.evidence}`, '#   '),
      `#   ${required ? 'Required' : alternativeText(item)}; ${a.maxAgeMonths ? `maximum age ${a.maxAgeMonths} months` : 'no maximum age'}.`,
      `# "${item.id}":`,
      '#   attestedBy: ',
      '#   date: ',
      '#   evidence: ',
      '#   notes: ',
    );
  }
  return `${out.join('\n')}\n`;
}

/** How an attestation that is not required counts: one way of deciding the item, or supporting evidence. */
function alternativeText(item: ChecklistItem): string {
  const others = item.verification.decidedBy.filter((p) => !p.includes('attestation')).map((p) => p.join(' + '));
  return item.verification.decidedBy.some((p) => p.includes('attestation'))
    ? `Alternative (the item is also decided by ${others.join(' or ')})`
    : `Supporting (the item is decided by ${others.join(' or ')})`;
}

function wrap(text: string, prefix: string, width = 100): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && prefix.length + line.length + 1 + word.length > width) {
      lines.push(prefix + line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(prefix + line);
  return lines;
}
