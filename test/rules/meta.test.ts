import { CHECKLIST_ITEMS, ruleNamesOf } from '../../lib/checklist';
import { ALL_RULES, RULE_GROUPS, RULES_BY_NAME, STACK_OUTPUT_TYPE } from '../../lib/rules';
import { loadFixtures } from './group-suite';

describe('every rule is proven both ways and belongs to the checklist', () => {
  const all = Object.entries(RULE_GROUPS).flatMap(([group, rules]) => rules.map((rule) => ({ group, rule })));

  test.each(all.map(({ group, rule }) => [group, rule.name]))('%s/%s has a failing and a passing fixture', (group, name) => {
    // GIVEN
    const fixtures = loadFixtures(group, name);
    // THEN
    expect(fixtures).not.toBeUndefined();
    expect(fixtures!.noncompliant.length).toBeGreaterThan(0);
    expect(fixtures!.compliant.length).toBeGreaterThan(0);
  });

  test('rule names are unique and match their file and export', () => {
    const names = ALL_RULES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const r of ALL_RULES) expect(r.name).toMatch(/^[A-Z][A-Za-z0-9]+$/);
  });

  test('every rule a checklist item lists exists', () => {
    const missing = CHECKLIST_ITEMS.flatMap((i) => ruleNamesOf(i).filter((n) => !RULES_BY_NAME.has(n)).map((n) => `${i.id}: ${n}`));
    expect(missing).toEqual([]);
  });

  test('every rule is listed by at least one checklist item', () => {
    const used = new Set(CHECKLIST_ITEMS.flatMap((i) => ruleNamesOf(i)));
    expect(ALL_RULES.map((r) => r.name).filter((n) => !used.has(n))).toEqual([]);
  });

  test('every rule documents what it demands, how to fix it and what it reads', () => {
    for (const r of ALL_RULES) {
      expect(r.description.length).toBeGreaterThan(15);
      expect(r.fix.length).toBeGreaterThan(15);
      expect(r.resourceTypes.length).toBeGreaterThan(0);
      // A CloudFormation resource type, or the pseudo-type under which rules read stack outputs.
      for (const t of r.resourceTypes) if (t !== STACK_OUTPUT_TYPE) expect(t).toMatch(/^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$/);
    }
  });
});
