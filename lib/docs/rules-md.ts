import {
  Applicability, CHECKLIST_ITEMS, CHECKLIST_NAMES, ChecklistId, ChecklistItem, DEPLOYMENT_MODELS, RETIRED_ITEM_IDS, ruleUsesOf, RuleUse, SUBCATEGORIES,
} from '../checklist';
import { READINESS_ID_PREFIX } from '../packs/deployment-readiness-checks';
import { classifiedTypeCount, coverageTable, itemsAbout, NOT_VERIFIED, RESOURCE_CLASSES } from '../packs/coverage';
import { ruleIdFor } from '../packs/plan';
import { ALL_RULES, awsDataPackages, READINESS_CHECKS, RULES_BY_NAME, STACK_OUTPUT_TYPE } from '../rules';

/** Short column headers of the deployment models. */
const MODEL_LABELS: Record<string, string> = {
  'multi-tenant-saas': 'MT SaaS',
  'single-tenant-saas': 'ST SaaS',
  'customer-deployed-on-premises': 'On-prem',
  'customer-deployed-on-aws': 'On AWS',
  'saas': 'SaaS',
};

const PILLARS: Record<string, string> = {
  'security': 'Security',
  'reliability': 'Reliability',
  'operational-excellence': 'Operational Excellence',
};

/** The seed's title, per checklist when the two seeds word it differently. */
function seedTitle(item: ChecklistItem): string {
  const titles = [...new Set(Object.values(item.seed).map((s) => s!.title))];
  return titles.join(' / ');
}

/** Why the item has its level: the seed's modal verb, or the reason we give. */
function levelLine(item: ChecklistItem): string {
  const basis = item.modal === 'none' ? 'the seed has no modal verb' : `the seed says "${item.modal}"`;
  return `Level: **${item.level}** (${basis}).${item.levelReason ? ` ${item.levelReason}` : ''}`;
}

/** The seed's words for every item of a section, each seed quoted as printed. */
function seedWords(items: readonly ChecklistItem[]): string[] {
  const out: string[] = [];
  for (const item of items) {
    out.push(`#### ${item.id} ${esc(item.title)}`, '', levelLine(item), '');
    if (item.verification.decisionNote) out.push(`Decided by ${item.verification.decidedBy.map((p) => p.join(' + ')).join(', or ')}: ${esc(item.verification.decisionNote)}`, '');
    const entries = Object.entries(item.seed) as [ChecklistId, NonNullable<ChecklistItem['seed'][ChecklistId]>][];
    const same = entries.length === 2 && entries[0][1].ref === entries[1][1].ref && entries[0][1].title === entries[1][1].title && entries[0][1].text === entries[1][1].text;
    for (const [checklist, s] of same ? [entries[0]] : entries) {
      const who = same ? 'Both seeds' : CHECKLIST_NAMES[checklist];
      out.push(`> **${who}, ${esc(s.ref)}${s.title !== s.ref ? ` ${esc(s.title)}` : ''}**: ${esc(s.text)}`, '');
    }
  }
  return out;
}

function cell(a: Applicability | undefined): string {
  if (!a) return '';
  return `${a.applies ? 'Yes' : 'No'}${a.condition ? '*' : ''}`;
}

function esc(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function verificationCell(item: ChecklistItem): string {
  const v = item.verification;
  const parts: string[] = [];
  const uses = ruleUsesOf(item);
  if (uses.length > 0) parts.push(uses.map((u) => `[${u.rule}](#${u.rule.toLowerCase()})${u.kind === 'recommended' ? ' (recommended)' : ''}${u.onlyWhere !== undefined ? ` (only in the columns limited to: ${esc(u.onlyWhere)})` : ''}`).join(', '));
  if (v.runtimeControls?.length) parts.push(v.runtimeControls.map((c) => `\`${c.id}\`${c.required ? ' (result decides)' : ''}${c.mechanism ? ' (mechanism)' : ''}`).join(', '));
  if (v.attestation) parts.push(`attestation${v.attestation.maxAgeMonths ? ` (≤ ${v.attestation.maxAgeMonths} months)` : ''}`);
  parts.push(`**decided by** ${v.decidedBy.map((p) => p.join(' + ')).join(', or ')}`);
  return parts.join('<br>');
}

function matrixTable(items: readonly ChecklistItem[]): string[] {
  const ms = DEPLOYMENT_MODELS['microsoft-workloads'];
  const net = DEPLOYMENT_MODELS.networking;
  const lines = [
    `| Item | Seed title | Our title | Level | ${ms.map((m) => `MS: ${MODEL_LABELS[m]}`).join(' | ')} | ${net.map((m) => `Net: ${MODEL_LABELS[m]}`).join(' | ')} | Verified by |`,
    `| --- | --- | --- | --- | ${ms.map(() => ':-:').join(' | ')} | ${net.map(() => ':-:').join(' | ')} | --- |`,
  ];
  const conditions: string[] = [];
  for (const item of items) {
    if (item.kind !== 'technical' && item.kind !== 'documentation') continue;
    const m = item.appliesTo;
    const cells = [...ms.map((x) => cell((m['microsoft-workloads'] as any)[x])), ...net.map((x) => cell((m.networking as any)[x]))];
    lines.push(`| ${item.id} | ${esc(seedTitle(item))} | ${esc(item.title)} | ${item.level} | ${cells.join(' | ')} | ${verificationCell(item)} |`);
    for (const [checklist, row] of Object.entries(m)) {
      for (const [model, a] of Object.entries(row as Record<string, Applicability>)) {
        if (!a.condition) continue;
        const how = a.appliesWhenAppHas ? `; applies when the app has ${a.appliesWhenAppHas.map((t) => `\`${t}\``).join(', ')}` : '';
        conditions.push(`- ${item.id}, ${checklist} / ${model}: "${esc(a.printed ?? '')}" — ${a.applies ? 'applies' : 'does not apply'}: ${a.condition}${a.level ? `; level **${a.level}** in this column` : ''}${how}`);
      }
    }
  }
  if (conditions.length > 0) lines.push('', '\\* Conditional cells:', '', ...conditions);
  return lines;
}

/** One use of a rule: its kind, level and the seed sentence it rests on or goes beyond. */
function useLine(item: ChecklistItem, use: RuleUse): string {
  const limited = [...new Set(ruleUsesOf(item).map((u) => u.onlyWhere).filter((c): c is string => c !== undefined))];
  const where = use.onlyWhere !== undefined ? `; only in the columns whose cell limits the item to: ${esc(use.onlyWhere)}`
    : limited.length > 0 ? `; not in the columns whose cell limits the item to: ${limited.map(esc).join('; ')}` : '';
  if (use.kind === 'required') {
    return `required (${levelWhere(item, use) === 'must' ? 'error' : 'warning'}), rests on: "${esc(use.seedSentence)}"${where}`;
  }
  return `recommended (warning), goes beyond "${esc(use.beyond)}": ${esc(use.why)}${where}`;
}

/** The level a use's findings have: the item's, or for a use written for some cells, the level those cells set. */
function levelWhere(item: ChecklistItem, use: RuleUse): string {
  if (use.onlyWhere === undefined || item.kind !== 'technical') return item.level;
  const cells = Object.values(item.appliesTo).flatMap((row) => Object.values(row as Record<string, Applicability>)).filter((c) => c.condition === use.onlyWhere);
  return cells.every((c) => (c.level ?? item.level) === 'should') ? 'should' : item.level;
}

const CLASS_NAMES: Record<string, string> = {
  data: 'store customer data',
  traffic: 'carry traffic across a VPC boundary',
  protocol: 'carry traffic across a VPC boundary over a protocol the template or the service chooses',
  capacity: 'provide capacity',
};

/** The resource-type coverage table: for every type of the classes, the items about it and the rules of each that read it. */
function coverageSection(): string[] {
  const columns = RESOURCE_CLASSES.flatMap((c) => itemsAbout(c).map(({ item, use }) => ({ id: item.id, resourceClass: c, sentence: use.seedSentence, parts: use.parts })));
  const rows = coverageTable();
  const cells = rows.flatMap((r) => r.cells);
  const verified = cells.filter((c) => c.verified).length;
  const out = [
    '## Resource-type coverage',
    '',
    'For every CloudFormation type that stores customer data, carries traffic across a VPC boundary (and of those, the types where the protocol is chosen) or provides capacity (the classes of',
    `\`lib/aws/resource-classes.ts\`, which classifies all ${classifiedTypeCount()} types of aws-cdk-lib's resource specification): the items whose seed`,
    'sentence is about its class, and the required rules of each item that read it. Derived from the checklist data and the rules, never kept by hand. A type an item does not read is',
    `**not verified**: each resource of that type raises \`Competency-<item>-${NOT_VERIFIED}\` ("Not verified: <type> is not read by <item>") at the`,
    'item\'s level, and the evidence report cannot show the item Met until it is acknowledged with how it is verified. Where a sentence asks several',
    'things of each type ("in transit and at rest"), each part needs its own reader: a type read for one part only is not verified for the other',
    '("Not verified: <type> is not read by <item> (<part>)"), and its cell names the rules of each part.',
    '',
    'The items and the sentences that make them about a class:',
    '',
    ...columns.map((c) => `- ${c.id}, ${c.resourceClass} (types that ${CLASS_NAMES[c.resourceClass]}): "${esc(c.sentence)}"${c.parts ? `; parts: ${c.parts.map((p) => `${p.name} (${p.rules.join(', ')})`).join(', ')}` : ''}`),
    '',
    `${rows.length} types, ${cells.length} cells: ${verified} read, ${cells.length - verified} not verified.`,
    '',
    `| Type | Classes | ${columns.map((c) => c.id).join(' | ')} |`,
    `| --- | --- | ${columns.map(() => '---').join(' | ')} |`,
  ];
  for (const row of rows) {
    const line = columns.map((col) => {
      const cell = row.cells.find((c) => c.itemId === col.id && c.resourceClass === col.resourceClass);
      if (!cell) return '';
      const links = (rules: readonly string[]) => rules.map((r) => `[${r}](#${r.toLowerCase()})`).join(', ');
      if (cell.readBy.length === 0) return 'not verified';
      // A sentence with parts ("in transit and at rest"): each part with its readers, or "not verified".
      if (cell.parts) return cell.parts.map((p) => `${p.name}: ${p.readBy.length > 0 ? links(p.readBy) : '**not verified**'}`).join('; ');
      return links(cell.readBy);
    });
    out.push(`| \`${row.type}\` | ${row.classes.join(', ')} | ${line.join(' | ')} |`);
  }
  out.push('');
  return out;
}

/** Renders RULES.md from the checklist data and the rule registry. */
export function renderRulesMarkdown(): string {
  const out: string[] = [
    '# Rules and verification paths',
    '',
    '<!-- Generated from lib/checklist and lib/rules by `npm run rules:md`. Do not edit by hand: a test fails when this file is stale. -->',
    '',
    'Every checklist item, where it applies, and how it is verified: synth-time rules (cdk-nag findings `Competency-<item>-<Rule>`),',
    'runtime controls the evidence report looks for in the cloud assembly, and attestations a person signs.',
    '',
    'Each use of a rule by an item is of one of two kinds, and the [rule reference](#rule-reference) quotes the checklist for each:',
    '',
    '- **required**: the checklist\'s own words demand it (the sentence is quoted). An error for a "must" item, a warning for a',
    '  "should" item; it decides the item\'s verdict.',
    '- **recommended**: good practice beyond the text (the sentence it goes beyond is quoted, with why). A warning, or an error',
    '  with `recommended: \'error\'` on the pack or the test matcher; it never decides a verdict.',
    '',
    '"Decided by" names what can make an item Met: `template` (its required rules find resources in scope and pass, its',
    'mechanisms are deployed), `runtime` (the results of the controls marked "result decides", read from the account),',
    '`attestation` (a current attestation); `+` joins evidence needed together, "or" separates alternatives. Anything else',
    'listed supports the verdict but never decides it.',
    '',
    `${CHECKLIST_ITEMS.length} items, ${ALL_RULES.length} rules.`,
    '',
  ];
  for (const [pillar, title] of Object.entries(PILLARS)) {
    const items = CHECKLIST_ITEMS.filter((i) => i.kind === 'technical' && i.pillar === pillar);
    out.push(`## ${title}`, '', ...matrixTable(items), '', `### ${title}: the seeds' words`, '', ...seedWords(items));
  }
  out.push('## Category requirements', '', 'A category applies when it is claimed; the Microsoft Workloads categories are claimed by subcategory (`subcategories`, `--subcategories`), and each subcategory brings its own requirements.', '');
  const categories = CHECKLIST_ITEMS.filter((i) => i.kind === 'category');
  const byCategory = new Map<string, ChecklistItem[]>();
  for (const c of categories) {
    if (c.kind !== 'category') continue;
    const sub = c.subcategory ? SUBCATEGORIES[c.category].find((x) => x.id === `${c.category}.${c.subcategory}`) : undefined;
    const key = `${c.checklist} / ${c.category}${sub ? ` / subcategory \`${sub.id}\` (${sub.choice})` : ''}`;
    byCategory.set(key, [...(byCategory.get(key) ?? []), c]);
  }
  for (const [key, items] of byCategory) {
    out.push(`### ${key}`, '', '| Requirement | Seed line | Our title | Level | Verified by |', '| --- | --- | --- | --- | --- |');
    for (const i of items) out.push(`| ${i.id} | ${esc(seedTitle(i))} | ${esc(i.title)} | ${i.level} | ${verificationCell(i)} |`);
    out.push('', ...seedWords(items));
  }
  const retired = [...RETIRED_ITEM_IDS];
  if (retired.length > 0) {
    out.push('### Retired requirement ids', '', 'Never reused; an attestation given for one is reported as unused.', '');
    for (const [id, reason] of retired) out.push(`- ${id}: ${esc(reason)}`);
    out.push('');
  }
  const docs = CHECKLIST_ITEMS.filter((i) => i.kind === 'documentation');
  out.push('## Required documentation', '', ...matrixTable(docs), '', '### Required documentation: the seeds\' words', '', ...seedWords(docs));
  out.push('## Business prerequisites (attested)', '', '| Item | Seed rows | Our title | Level | Evidence |', '| --- | --- | --- | --- | --- |');
  const business = CHECKLIST_ITEMS.filter((i) => i.kind === 'business');
  for (const i of business) {
    const rows = (Object.entries(i.seed) as [ChecklistId, NonNullable<ChecklistItem['seed'][ChecklistId]>][])
      .map(([c, s]) => `${CHECKLIST_NAMES[c]} ${s.ref === s.title ? '' : `${s.ref} `}${esc(s.title)}`).join('<br>');
    out.push(`| ${i.id} | ${rows} | ${esc(i.title)} | ${i.level} | ${esc(i.verification.attestation?.evidence ?? '')} |`);
  }
  out.push('', '### Business prerequisites: the seeds\' words', '', ...seedWords(business));
  out.push('', ...coverageSection());
  out.push('', '## Rule reference', '');
  for (const rule of [...ALL_RULES].sort((a, b) => a.name.localeCompare(b.name))) {
    const uses = CHECKLIST_ITEMS.flatMap((i) => ruleUsesOf(i).filter((u) => u.rule === rule.name).map((u) => ({ item: i, use: u })));
    out.push(
      `### ${rule.name}`,
      '',
      `${rule.description}.`,
      '',
      `- Reads: ${rule.resourceTypes.map((t) => (t === STACK_OUTPUT_TYPE ? 'stack outputs' : `\`${t}\``)).join(', ')} — looks across ${rule.scope === 'resource' ? 'the resource alone' : rule.scope === 'stack' ? 'its stack' : 'the whole app'}`,
      `- Fix: ${rule.fix}`,
      '- Used by:',
      ...uses.map(({ item, use }) => `  - \`${ruleIdFor(item.id, rule.name)}\` — ${useLine(item, use)}`),
      '',
    );
  }
  out.push(
    '## Deployment readiness checks',
    '',
    '`DeploymentReadinessChecks`, a second pack registered next to `CompetencyChecks`: not checklist items, but facts AWS publishes that',
    'decide whether a template deploys and works, read from AWS\'s own data',
    `(${awsDataPackages().map((p) => `\`${p.name}\` ${p.version}`).join(', ')}, pinned in package.json). Every finding is an error, id \`${READINESS_ID_PREFIX}-<Check>\`.`,
    '',
  );
  for (const check of [...READINESS_CHECKS].sort((a, b) => a.name.localeCompare(b.name))) {
    out.push(
      `### ${check.name}`,
      '',
      `${check.description}.`,
      '',
      `- Finding id: \`${READINESS_ID_PREFIX}-${check.name}\` (error)`,
      `- Reads: ${check.resourceTypes.map((t) => `\`${t}\``).join(', ')} — looks across ${check.scope === 'resource' ? 'the resource alone' : check.scope === 'stack' ? 'its stack' : 'the whole app'}`,
      `- Fix: ${check.fix}`,
      '',
    );
  }
  if (RULES_BY_NAME.size !== ALL_RULES.length) throw new Error('duplicate rule names in lib/rules');
  return out.join('\n');
}
