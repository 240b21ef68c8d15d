import {
  BUSINESS_ITEMS, CATEGORIES, CATEGORY_REQUIREMENTS, CHECKLIST_ITEMS, ChecklistItem, DOCUMENTATION_ITEMS,
  getItem, RETIRED_ITEM_IDS, ruleNamesOf, TECHNICAL_ITEMS,
} from '../../lib/checklist';

const EXPECTED_TECHNICAL_IDS = [
  '1.1', '1.2', '1.3', '1.4', '1.5', '1.7', '1.8', '1.9', '1.10', '1.11', '1.12', '1.13', '1.14', '1.15', '1.16',
  '1.17', '1.18', '1.19', '1.20', '1.21', '1.22', '1.23', '1.24', '1.25',
  '2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7', '2.8', '2.9', '2.10', '2.11', '2.12', '2.13',
  '3.1', '3.2', '3.3',
];

function hasPath(item: ChecklistItem): boolean {
  const v = item.verification;
  return (v.rules?.length ?? 0) > 0 || (v.runtimeControls?.length ?? 0) > 0 || v.attestation !== undefined;
}

describe('technical items', () => {
  test('exactly the 40 printed ids, in order, unique, without 1.6', () => {
    // GIVEN
    const ids = TECHNICAL_ITEMS.map((i) => i.id);
    // THEN
    expect(ids).toEqual(EXPECTED_TECHNICAL_IDS);
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
    expect(ids).not.toContain('1.6');
  });

  test('pillar follows the id prefix', () => {
    const pillarOf = { 1: 'security', 2: 'reliability', 3: 'operational-excellence' } as const;
    for (const item of TECHNICAL_ITEMS) {
      expect(item.pillar).toBe(pillarOf[Number(item.id.split('.')[0]) as 1 | 2 | 3]);
    }
  });

  test('the items the seeds word with "should" are should, the rest must', () => {
    // GIVEN
    const should = TECHNICAL_ITEMS.filter((i) => i.level === 'should').map((i) => i.id);
    // THEN
    expect(should).toEqual(['1.12', '1.16', '2.3']);
  });

  test('getItem on 1.6 throws: the seeds have no such item', () => {
    expect(() => getItem('1.6')).toThrow(/unknown checklist item id '1.6'/);
  });
});

describe('all items', () => {
  test('ids are unique across every kind', () => {
    const ids = CHECKLIST_ITEMS.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('CHECKLIST_ITEMS is the union of the four kinds', () => {
    expect(CHECKLIST_ITEMS).toHaveLength(TECHNICAL_ITEMS.length + CATEGORY_REQUIREMENTS.length + DOCUMENTATION_ITEMS.length + BUSINESS_ITEMS.length);
    expect(new Set(CHECKLIST_ITEMS.map((i) => i.kind))).toEqual(new Set(['technical', 'category', 'documentation', 'business']));
  });

  test.each(CHECKLIST_ITEMS.map((i) => [i.id, i] as const))('%s has at least one verification path', (_id, item) => {
    expect(hasPath(item)).toBe(true);
  });

  test('titles and requirements are filled in and short', () => {
    for (const item of CHECKLIST_ITEMS) {
      expect(item.title.length).toBeGreaterThan(3);
      expect(item.title.length).toBeLessThanOrEqual(70);
      expect(item.requirement.length).toBeGreaterThan(15);
      expect(item.requirement.length).toBeLessThanOrEqual(650);
    }
  });

  test('runtime controls have well-formed ids and one-sentence descriptions', () => {
    for (const item of CHECKLIST_ITEMS) {
      for (const control of item.verification.runtimeControls ?? []) {
        expect(control.id).toMatch(/^[A-Z][A-Z0-9_]*$/);
        expect(control.description).toMatch(/^[A-Z].*\.$/);
      }
    }
  });

  test('a control is listed at most once per item', () => {
    for (const item of CHECKLIST_ITEMS) {
      const ids = (item.verification.runtimeControls ?? []).map((c) => c.id);
      expect({ item: item.id, unique: new Set(ids).size }).toEqual({ item: item.id, unique: ids.length });
    }
  });

  test('rule names are PascalCase and not repeated within an item', () => {
    for (const item of CHECKLIST_ITEMS) {
      const rules = ruleNamesOf(item);
      for (const r of rules) expect(r).toMatch(/^[A-Z][A-Za-z0-9]+$/);
      expect(new Set(rules).size).toBe(rules.length);
    }
  });
});

describe('category requirements', () => {
  test('ids are <category>[.<subcategory>].<n>, numbered from 1 per group; a retired number is never reused', () => {
    // GIVEN
    const groups = new Map<string, number[]>();
    for (const req of CATEGORY_REQUIREMENTS) {
      // WHEN
      const prefix = req.subcategory ? `${req.category}.${req.subcategory}` : req.category;
      expect(req.id).toMatch(new RegExp(`^${prefix.replace(/\./g, '\\.')}\\.\\d+$`));
      groups.set(prefix, [...(groups.get(prefix) ?? []), Number(req.id.slice(prefix.length + 1))]);
    }
    for (const id of RETIRED_ITEM_IDS.keys()) {
      const prefix = id.slice(0, id.lastIndexOf('.'));
      groups.set(prefix, [...(groups.get(prefix) ?? []), Number(id.slice(prefix.length + 1))].sort((a, b) => a - b));
    }
    // THEN: live and retired numbers together run from 1 without gaps
    for (const numbers of groups.values()) {
      expect(numbers).toEqual(numbers.map((_n, i) => i + 1));
    }
    expect([...RETIRED_ITEM_IDS.keys()].filter((id) => CHECKLIST_ITEMS.some((i) => i.id === id))).toEqual([]);
  });

  test('each requirement belongs to a category of its own checklist, and every category has requirements', () => {
    for (const req of CATEGORY_REQUIREMENTS) {
      expect(CATEGORIES[req.checklist]).toContain(req.category);
    }
    for (const [checklist, categories] of Object.entries(CATEGORIES)) {
      for (const category of categories) {
        expect(CATEGORY_REQUIREMENTS.filter((r) => r.checklist === checklist && r.category === category).length).toBeGreaterThan(0);
      }
    }
  });

  test('Microsoft Workloads requirements all have a subcategory; Networking ones none', () => {
    for (const req of CATEGORY_REQUIREMENTS) {
      expect(req.subcategory !== undefined).toBe(req.checklist === 'microsoft-workloads');
    }
  });

  test('the subcategories are the seed\'s', () => {
    // GIVEN
    const subs = [...new Set(CATEGORY_REQUIREMENTS.filter((r) => r.subcategory).map((r) => `${r.category}.${r.subcategory}`))];
    // THEN
    expect(subs).toEqual([
      'ms-migration.pre-migration-assessment', 'ms-migration.migration', 'ms-migration.migration-health', 'ms-migration.migration-monitoring',
      'ms-operational-optimization.security', 'ms-operational-optimization.availability', 'ms-operational-optimization.management',
      'ms-data-analytics-ml.data-integration-and-preparation', 'ms-data-analytics-ml.platform-solutions', 'ms-data-analytics-ml.saas-and-api-solutions',
      'ms-data-analytics-ml.business-intelligence-and-visualization', 'ms-data-analytics-ml.data-governance-and-security',
    ]);
  });

  test('counts per category', () => {
    const count = (category: string) => CATEGORY_REQUIREMENTS.filter((r) => r.category === category).length;
    expect({
      'network-connectivity': count('network-connectivity'),
      'direct-connect-integrated': count('direct-connect-integrated'),
      'direct-connect-infrastructure': count('direct-connect-infrastructure'),
      'load-balancers': count('load-balancers'),
      'network-management': count('network-management'),
      'ms-migration': count('ms-migration'),
      'ms-operational-optimization': count('ms-operational-optimization'),
      'ms-data-analytics-ml': count('ms-data-analytics-ml'),
    }).toEqual({
      'network-connectivity': 8,
      'direct-connect-integrated': 9,
      'direct-connect-infrastructure': 5,
      'load-balancers': 9,
      'network-management': 4,
      'ms-migration': 13,
      'ms-operational-optimization': 24,
      'ms-data-analytics-ml': 17,
    });
  });

  test('the documented example ids exist', () => {
    for (const id of ['network-connectivity.1', 'load-balancers.4', 'network-management.2', 'direct-connect-integrated.3', 'direct-connect-infrastructure.2', 'ms-operational-optimization.management.2']) {
      expect(getItem(id).kind).toBe('category');
    }
  });
});

describe('documentation and business items', () => {
  test('documentation items', () => {
    expect(DOCUMENTATION_ITEMS.map((i) => i.id)).toEqual(['doc.architecture-diagram', 'doc.deployment-guide', 'doc.completed-validation-checklist', 'doc.solution-features']);
    for (const item of DOCUMENTATION_ITEMS) expect(item.verification.attestation).toBeDefined();
  });

  test('business items name the seeds that list them, and are attested', () => {
    // GIVEN
    const byChecklist = Object.fromEntries(BUSINESS_ITEMS.map((i) => [i.id, [...i.checklists].sort()]));
    // THEN
    expect(byChecklist).toEqual({
      'business.networking-expertise': ['networking'],
      'business.program-guidelines': ['microsoft-workloads', 'networking'],
      'business.partner-tier': ['microsoft-workloads', 'networking'],
      'business.solution-category': ['microsoft-workloads', 'networking'],
      'business.deployment-models': ['microsoft-workloads', 'networking'],
      'business.customer-adoption': ['networking'],
      'business.case-studies': ['microsoft-workloads', 'networking'],
      'business.case-studies-per-subcategory': ['microsoft-workloads'],
      'business.case-studies-segment-category': ['networking'],
      'business.public-case-studies': ['microsoft-workloads', 'networking'],
      'business.landing-page': ['microsoft-workloads', 'networking'],
      'business.thought-leadership': ['microsoft-workloads', 'networking'],
      'business.field-ready-toolkits': ['networking'],
      'business.support-desk': ['microsoft-workloads', 'networking'],
      'business.marketplace': ['microsoft-workloads', 'networking'],
      'business.self-assessment': ['microsoft-workloads', 'networking'],
    });
    for (const item of BUSINESS_ITEMS) {
      expect(item.verification.attestation?.evidence.length).toBeGreaterThan(10);
      expect(item.verification.rules).toBeUndefined();
    }
  });
});
