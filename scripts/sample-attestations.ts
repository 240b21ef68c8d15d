// Writes examples/<deployment>/competency-attestations.sample.yaml for every reference deployment: one clearly
// marked SAMPLE entry for each item of its claims that a person attests, so the "with sample attestations" pack
// of `npm start` shows what a complete pack looks like. Run `npm run attestations:samples` after the checklist
// data changes which items need a person (a test says when).
import * as fs from 'fs';
import * as path from 'path';
import { claimedSelection, REFERENCE_DEPLOYMENTS, ReferenceDeployment } from '../examples';
import { applicableItems, ChecklistItem, parseSelection } from '../lib/checklist';
import { groupOf } from '../lib/report/attestations/template';
import { groupTitle } from '../lib/report/labels';

/** When the sample events happened and the sample statements were signed. */
export const SAMPLE_EVENT_DATE = '2026-10-20';
export const SAMPLE_STATEMENT_DATE = '2026-11-16';

const ROLES: { readonly [group: string]: string } = {
  'security': 'Head of Security',
  'reliability': 'Head of Site Reliability Engineering',
  'operational-excellence': 'Head of Cloud Operations',
  'documentation': 'Lead Solutions Architect',
  'business': 'AWS Alliance Lead',
};

/** The items of a deployment's claims that a person attests, in checklist order. */
export function attestedItems(d: ReferenceDeployment): ChecklistItem[] {
  const seen = new Map<string, ChecklistItem>();
  for (const deploymentModel of d.claims.deploymentModels) {
    for (const item of applicableItems(parseSelection(claimedSelection(d.claims, deploymentModel)))) if (item.verification.attestation && !seen.has(item.id)) seen.set(item.id, item);
  }
  return [...seen.values()];
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}

function quoted(s: string): string {
  return JSON.stringify(s);
}

export function sampleAttestations(d: ReferenceDeployment): string {
  const items = attestedItems(d);
  const out = [
    `# competency-attestations.sample.yaml: SAMPLE attestations for the ${d.name} reference deployment (${d.title}).`,
    '#',
    '# SAMPLE: NOT REAL. Every entry below is invented to show what a complete evidence pack looks like; no person',
    '# attested anything. `npm start` reads this file for the "with sample attestations" pack only, beside the honest',
    '# pack. Write your own competency-attestations.yaml (`cdk-competency attestations init`), never copy these.',
    `# Written by scripts/sample-attestations.ts: events dated ${SAMPLE_EVENT_DATE}, statements ${SAMPLE_STATEMENT_DATE}; like real`,
    '# attestations they become stale once older than an item\'s maximum age.',
  ];
  for (const item of items) {
    const a = item.verification.attestation!;
    const role = ROLES[groupOf(item)] ?? `Product Owner, ${groupTitle(groupOf(item))}`;
    out.push(
      '',
      `# ${item.id} ${item.title}`,
      `${quoted(item.id)}:`,
      `  attestedBy: ${quoted(`SAMPLE - ${role} (a role, not a real person)`)}`,
      `  date: ${a.maxAgeMonths ? SAMPLE_EVENT_DATE : SAMPLE_STATEMENT_DATE}`,
      `  evidence: ${quoted(`https://wiki.example.com/SAMPLE/${d.name}/${item.id}-${slug(item.title)}`)}`,
      `  notes: ${quoted(`SAMPLE entry. Stands for: ${a.evidence}`)}`,
    );
  }
  return `${out.join('\n')}\n`;
}

export function sampleFile(d: ReferenceDeployment): string {
  return path.join(__dirname, '..', 'examples', d.name, 'competency-attestations.sample.yaml');
}

if (require.main === module) {
  for (const d of REFERENCE_DEPLOYMENTS) {
    fs.writeFileSync(sampleFile(d), sampleAttestations(d));
    console.log(`${path.relative(process.cwd(), sampleFile(d))}: ${attestedItems(d).length} sample entries`);
  }
}
