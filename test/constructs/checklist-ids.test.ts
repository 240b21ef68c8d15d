/**
 * Every checklist item id and runtime-control id a construct names exists in the checklist data (`lib/checklist`):
 * the metadata the constructs write on resources, the `RUNTIME_CONTROL_CATALOG` and `TRAIL_ALARMS` entries, the rule
 * ids of their acknowledgements, and the items their code, TSDoc and READMEs cite.
 */
import * as fs from 'fs';
import * as path from 'path';
import { COMPLIANCE_CHANGE_NOTIFICATION, DRIFT_DETECTION_RULE, RUNTIME_CONTROL_CATALOG, VAULT_DELETION_RULE } from '../../constructs/runtime-controls';
import { TRAIL_ALARMS } from '../../constructs/organization-trail';
import { CHECKLIST_ITEMS, ChecklistItem, ruleNamesOf } from '../../lib/checklist';

const CONSTRUCTS = path.join(__dirname, '..', '..', 'constructs');
const ITEMS: ReadonlyMap<string, ChecklistItem> = new Map(CHECKLIST_ITEMS.map((i) => [i.id, i]));
/** Runtime-control id → the items whose data lists it. */
const CONTROLS = new Map<string, Set<string>>();
for (const item of CHECKLIST_ITEMS) {
  for (const c of item.verification.runtimeControls ?? []) CONTROLS.set(c.id, (CONTROLS.get(c.id) ?? new Set<string>()).add(item.id));
}

/** Every `.ts` and `.md` file under `constructs/`, relative to it. */
function constructFiles(dir = CONSTRUCTS): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return constructFiles(full);
    return /\.(ts|md)$/.test(e.name) ? [path.relative(CONSTRUCTS, full)] : [];
  });
}

/** A cited id, where it is cited. */
interface Citation { readonly id: string; readonly where: string }

const ID = String.raw`[1-3]\.\d{1,2}`;
/** `items 2.6, 2.7, 2.10-2.13 and 1.22`: the ids of a list after "item(s)" or "checklist". */
const ITEM_LIST = new RegExp(String.raw`\b(?:[Ii]tems?|checklist(?: items?)?) (${ID}(?:(?:, | and |-|–| / )${ID})*)`, 'g');

/** The ids of a cited list; a range `2.10-2.13` gives every id between its ends in the checklist. */
function idsOfList(list: string): string[] {
  const out: string[] = [];
  for (const part of list.split(/, | and | \/ /)) {
    const [from, to] = part.split(/[-–]/);
    if (to === undefined) { out.push(from); continue; }
    const ids = [...ITEMS.keys()];
    const a = ids.indexOf(from);
    const b = ids.indexOf(to);
    out.push(from, to, ...(a >= 0 && b > a ? ids.slice(a + 1, b) : []));
  }
  return out;
}

/** The item ids a construct file cites in its text: prose lists, Competency rule ids, its README's items section. */
function citedIds(file: string, text: string): { items: Citation[]; rules: { id: string; item: string; rule: string; where: string }[]; controls: Citation[] } {
  const items: Citation[] = [];
  const rules: { id: string; item: string; rule: string; where: string }[] = [];
  const controls: Citation[] = [];
  text.split('\n').forEach((line, n) => {
    const where = `constructs/${file}:${n + 1}`;
    for (const m of line.matchAll(ITEM_LIST)) for (const id of idsOfList(m[1])) items.push({ id, where });
    for (const m of line.matchAll(/Competency-([\w.-]+?)-([A-Z]\w+)/g)) rules.push({ id: m[0], item: m[1], rule: m[2], where });
    for (const m of line.matchAll(/addMetadata\(METADATA\.CHECKLIST_ITEMS, \[([^\]]*)\]\)/g)) for (const q of m[1].matchAll(/'([^']+)'/g)) items.push({ id: q[1], where });
    for (const m of line.matchAll(/addMetadata\(METADATA\.RUNTIME_CONTROL, '([^']+)'\)/g)) controls.push({ id: m[1], where });
  });
  const section = /^## Checklist items it satisfies\n([\s\S]*?)(?=^## )/m.exec(text);
  if (file.endsWith('README.md') && section) {
    for (const m of section[1].matchAll(new RegExp(String.raw`(?<![\d.])(${ID})(?![\d.]*\d)`, 'g'))) items.push({ id: m[1], where: `constructs/${file} (Checklist items it satisfies)` });
  }
  return { items, rules, controls };
}

const CITED = constructFiles().map((f) => citedIds(f, fs.readFileSync(path.join(CONSTRUCTS, f), 'utf-8')));
const unknown = (ids: readonly Citation[]) => ids.filter((c) => !ITEMS.has(c.id)).map((c) => `${c.where}: '${c.id}'`);

describe('the checklist item and runtime-control ids named in the constructs exist in the checklist data', () => {
  test('the metadata and catalogs: every item id of RUNTIME_CONTROL_CATALOG and TRAIL_ALARMS', () => {
    const ids = [
      ...RUNTIME_CONTROL_CATALOG.flatMap((c) => c.checklistItems.map((id) => ({ id, where: `RUNTIME_CONTROL_CATALOG ${c.identifier}` }))),
      ...TRAIL_ALARMS.flatMap((a) => a.checklistItems.map((id) => ({ id, where: `TRAIL_ALARMS ${a.id}` }))),
    ];
    expect(ids.length).toBeGreaterThan(40);
    expect(unknown(ids)).toEqual([]);
  });

  test('every runtime-control id the constructs write (catalog rules, trail alarms, literal metadata) is a control of the checklist data', () => {
    const written = [
      ...RUNTIME_CONTROL_CATALOG.map((c) => ({ id: c.identifier, where: 'RUNTIME_CONTROL_CATALOG' })),
      ...TRAIL_ALARMS.map((a) => ({ id: a.runtimeControl, where: `TRAIL_ALARMS ${a.id}` })),
      { id: COMPLIANCE_CHANGE_NOTIFICATION, where: 'COMPLIANCE_CHANGE_NOTIFICATION' },
      { id: DRIFT_DETECTION_RULE, where: 'DRIFT_DETECTION_RULE' },
      { id: VAULT_DELETION_RULE, where: 'VAULT_DELETION_RULE' },
      ...CITED.flatMap((c) => c.controls),
    ];
    expect(written.filter((c) => c.where.startsWith('constructs/')).length).toBeGreaterThanOrEqual(4);
    expect(written.filter((c) => !CONTROLS.has(c.id)).map((c) => `${c.where}: '${c.id}'`)).toEqual([]);
  });

  /**
   * Where a construct says a control serves an item the checklist data does not list it for. Each is a question for
   * the checklist data (which decides verdicts), not something this test settles; an entry no longer needed fails.
   */
  const KNOWN_PAIRINGS_OUTSIDE_THE_DATA = [
    'RUNTIME_CONTROL_CATALOG CLOUD_TRAIL_ENCRYPTION_ENABLED -> 1.22',
    'TRAIL_ALARMS UNAUTHORIZED_API_CALLS_ALARM -> 1.9',
  ];

  test('each control serves the items the checklist data lists it for (the catalogs agree with lib/checklist)', () => {
    const pairs = [
      ...RUNTIME_CONTROL_CATALOG.flatMap((c) => c.checklistItems.map((id) => ({ control: c.identifier, id, where: 'RUNTIME_CONTROL_CATALOG' }))),
      ...TRAIL_ALARMS.flatMap((a) => a.checklistItems.map((id) => ({ control: a.runtimeControl, id, where: 'TRAIL_ALARMS' }))),
    ];
    const outside = pairs.filter((p) => !CONTROLS.get(p.control)?.has(p.id)).map((p) => `${p.where} ${p.control} -> ${p.id}`);
    expect(outside).toEqual(KNOWN_PAIRINGS_OUTSIDE_THE_DATA);
  });

  test('every item id cited in the constructs\' code, TSDoc and READMEs exists', () => {
    const items = CITED.flatMap((c) => c.items);
    expect(items.length).toBeGreaterThan(60);
    expect(unknown(items)).toEqual([]);
  });

  test('every Competency rule id the constructs acknowledge or cite names an existing item and one of its rules', () => {
    const rules = CITED.flatMap((c) => c.rules);
    expect(rules.length).toBeGreaterThanOrEqual(3);
    const wrong = rules.filter((r) => !ITEMS.has(r.item) || !ruleNamesOf(ITEMS.get(r.item)!).includes(r.rule));
    expect(wrong.map((r) => `${r.where}: '${r.id}'`)).toEqual([]);
  });

  test('the RuntimeControls README lists exactly the items of its catalog', () => {
    const readme = fs.readFileSync(path.join(CONSTRUCTS, 'runtime-controls', 'README.md'), 'utf-8');
    const listed = citedIds('runtime-controls/README.md', readme).items.filter((c) => c.where.endsWith('(Checklist items it satisfies)')).map((c) => c.id);
    expect(listed).toEqual([...new Set(RUNTIME_CONTROL_CATALOG.flatMap((c) => c.checklistItems))].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
  });

  test('Noncompliance: a citation of an id the checklist does not have is found (1.6 does not exist)', () => {
    const { items, rules } = citedIds('x/README.md', 'Encrypts it (items 1.5, 1.6 and 2.10-2.12).\n`Competency-1.16-NoSuchRule`\n\n## Checklist items it satisfies\n\n| 2.14 | no |\n\n## Example\n');
    expect(unknown(items)).toEqual(["constructs/x/README.md:1: '1.6'", "constructs/x/README.md (Checklist items it satisfies): '2.14'"]);
    expect(items.map((c) => c.id)).toEqual(['1.5', '1.6', '2.10', '2.12', '2.11', '2.14']);
    expect(rules.filter((r) => !ruleNamesOf(ITEMS.get(r.item)!).includes(r.rule)).map((r) => r.id)).toEqual(['Competency-1.16-NoSuchRule']);
  });
});
