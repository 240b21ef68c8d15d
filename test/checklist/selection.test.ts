import {
  AppContents, applicableItems, CATEGORY_REQUIREMENTS, ChecklistItem, ChecklistSelection, getItem, itemApplicability, listedItems, parseSelection,
  SUBCATEGORIES, SubcategoryId,
} from '../../lib/checklist';

const P = parseSelection;

function countByKind(items: readonly ChecklistItem[]): { [kind: string]: number } {
  const counts: { [kind: string]: number } = { technical: 0, category: 0, documentation: 0, business: 0 };
  for (const item of items) counts[item.kind] += 1;
  return counts;
}

describe('parseSelection', () => {
  test('accepts a valid selection', () => {
    expect(() => parseSelection({ checklist: 'networking', deploymentModel: 'saas', categories: ['load-balancers', 'network-management'] })).not.toThrow();
  });

  test('rejects a deployment model of the other checklist', () => {
    // GIVEN
    const sel: ChecklistSelection = { checklist: 'microsoft-workloads', deploymentModel: 'saas' };
    // WHEN / THEN
    expect(() => parseSelection(sel)).toThrow(
      /^deploymentModel 'saas' is not a deployment model of the 'microsoft-workloads' checklist \(expected one of: multi-tenant-saas, single-tenant-saas, customer-deployed-on-premises, customer-deployed-on-aws\)$/,
    );
  });

  test('rejects an unknown checklist', () => {
    const sel = { checklist: 'storage', deploymentModel: 'saas' } as unknown as ChecklistSelection;
    expect(() => parseSelection(sel)).toThrow(/^checklist 'storage' is not a known checklist \(expected one of: networking, microsoft-workloads\)$/);
  });

  test('rejects a category of the other checklist', () => {
    const sel: ChecklistSelection = { checklist: 'networking', deploymentModel: 'saas', categories: ['ms-migration'] };
    expect(() => parseSelection(sel)).toThrow(/^category 'ms-migration' is not a category of the 'networking' checklist \(expected one of: network-connectivity, .*network-management\)$/);
  });

  test('rejects duplicate categories', () => {
    const sel: ChecklistSelection = { checklist: 'networking', deploymentModel: 'saas', categories: ['load-balancers', 'load-balancers'] };
    expect(() => parseSelection(sel)).toThrow(/^category 'load-balancers' is listed more than once in the selection$/);
  });

  test('parses once: the claims completed and in the checklist\'s order, a parsed selection returned as is', () => {
    // WHEN
    const sel = parseSelection({ checklist: 'microsoft-workloads', deploymentModel: 'multi-tenant-saas', subcategories: ['ms-operational-optimization.management', 'ms-migration.migration'] });
    // THEN
    expect({ ...sel }).toEqual({
      checklist: 'microsoft-workloads', deploymentModel: 'multi-tenant-saas', strict: false,
      categories: ['ms-migration', 'ms-operational-optimization'], subcategories: ['ms-migration.migration', 'ms-operational-optimization.management'],
    });
    expect(parseSelection(sel)).toBe(sel);
    expect(Object.isFrozen(sel) && Object.isFrozen(sel.categories)).toBe(true);
  });

  test('rejects a strict flag that is not a boolean', () => {
    expect(() => parseSelection({ checklist: 'networking', deploymentModel: 'saas', strict: 'yes' as unknown as boolean })).toThrow(/^strict must be true or false, got 'yes'$/);
  });
});

describe('getItem', () => {
  test('finds items of every kind', () => {
    expect(getItem('1.14').title).toMatch(/account/);
    expect(getItem('load-balancers.4').kind).toBe('category');
    expect(getItem('doc.deployment-guide').kind).toBe('documentation');
    expect(getItem('business.case-studies').kind).toBe('business');
  });

  test('throws for an unknown id', () => {
    expect(() => getItem('9.9')).toThrow(/^unknown checklist item id '9.9'/);
  });
});

describe('itemApplicability', () => {
  test('the level follows the column: 1.10 is must for SaaS, should where the cell says "should be easily changed"', () => {
    expect(itemApplicability(getItem('1.10'), P({ checklist: 'networking', deploymentModel: 'saas' })).level).toBe('must');
    expect(itemApplicability(getItem('1.10'), P({ checklist: 'networking', deploymentModel: 'customer-deployed-on-aws' }))).toEqual(expect.objectContaining({
      applies: true, level: 'should', reason: expect.stringContaining('("Yes (credentials used to integration with AWS should be easily changed and not hard coded)")'),
    }));
    expect(itemApplicability(getItem('1.11'), P({ checklist: 'microsoft-workloads', deploymentModel: 'customer-deployed-on-premises' })).level).toBe('should');
  });

  test('the level\'s basis follows the column too: the cell\'s "should be encrypted" where it sets the level, the item\'s own elsewhere', () => {
    // GIVEN 1.11: "The baseline requirement is to ensure the encryption of any credentials at rest." (no modal verb)
    const saas = itemApplicability(getItem('1.11'), P({ checklist: 'networking', deploymentModel: 'saas' }));
    const deployed = itemApplicability(getItem('1.11'), P({ checklist: 'networking', deploymentModel: 'customer-deployed-on-aws' }));
    // THEN
    expect(saas).toEqual(expect.objectContaining({ level: 'must', modal: 'none', levelReason: getItem('1.11').levelReason }));
    expect(deployed).toEqual(expect.objectContaining({
      level: 'should',
      modal: 'should',
      levelReason: 'the networking checklist\'s \'customer-deployed-on-aws\' cell sets it: "Yes (credentials stored in APN Partner solution used to integrate with AWS should be encrypted)"',
    }));
    // and an item whose level is its modal verb gives no reason
    expect(itemApplicability(getItem('1.14'), P({ checklist: 'networking', deploymentModel: 'saas' }))).not.toHaveProperty('levelReason');
  });

  test('technical item by its matrix, with the condition', () => {
    // WHEN
    const result = itemApplicability(getItem('1.5'), P({ checklist: 'networking', deploymentModel: 'customer-deployed-on-aws' }));
    // THEN
    expect(result).toEqual({ listed: true, applies: true, level: 'must', modal: 'must', condition: expect.stringMatching(/integrate with AWS/), reason: expect.stringMatching(/Yes \("Yes \(for credentials used to integrate with AWS\)"\), limited to/) });
  });

  test('a "No (unless ...)" cell does not apply and keeps its condition', () => {
    const result = itemApplicability(getItem('1.17'), P({ checklist: 'microsoft-workloads', deploymentModel: 'customer-deployed-on-aws' }));
    expect(result).toEqual({
      listed: true,
      applies: false,
      level: 'must',
      modal: 'must',
      condition: expect.stringMatching(/S3/),
      appliesWhenAppHas: ['AWS::S3::Bucket', 'AWS::S3::BucketPolicy'],
      reason: expect.stringMatching(/No \("No \(unless partner solution running on AWS requires the S3 service\)"\): it applies when the app has AWS::S3::Bucket or AWS::S3::BucketPolicy, and no app was read$/),
    });
  });

  test('strict mode applies every technical item and says so', () => {
    const result = itemApplicability(getItem('1.14'), P({ checklist: 'networking', deploymentModel: 'customer-deployed-on-aws', strict: true }));
    expect(result.applies).toBe(true);
    expect(result.reason).toMatch(/strict mode/);
  });

  test('strict mode does not change documentation items', () => {
    const result = itemApplicability(getItem('doc.deployment-guide'), P({ checklist: 'networking', deploymentModel: 'saas', strict: true }));
    expect(result.applies).toBe(false);
  });

  test('category requirement applies only when its category is claimed on its checklist', () => {
    const item = getItem('load-balancers.4');
    expect(itemApplicability(item, P({ checklist: 'networking', deploymentModel: 'saas', categories: ['load-balancers'] })).applies).toBe(true);
    expect(itemApplicability(item, P({ checklist: 'networking', deploymentModel: 'saas', categories: ['network-management'] }))).toEqual({ listed: false, applies: false, level: 'must', modal: 'must', reason: expect.stringMatching(/not claimed/) });
    expect(itemApplicability(item, P({ checklist: 'networking', deploymentModel: 'saas' })).applies).toBe(false);
    expect(itemApplicability(item, P({ checklist: 'microsoft-workloads', deploymentModel: 'multi-tenant-saas', subcategories: ['ms-migration.migration'] })).applies).toBe(false);
  });

  test('business item applies when its checklists include the selected one', () => {
    const item = getItem('business.field-ready-toolkits');
    expect(itemApplicability(item, P({ checklist: 'networking', deploymentModel: 'saas' })).applies).toBe(true);
    expect(itemApplicability(item, P({ checklist: 'microsoft-workloads', deploymentModel: 'multi-tenant-saas' })).applies).toBe(false);
  });
});

describe('listedItems: what the evidence report lists, each with whether it applies and why', () => {
  test('every technical and documentation item, the claimed (sub)categories\' requirements, the checklist\'s business items', () => {
    // GIVEN
    const sel = P({ checklist: 'microsoft-workloads', deploymentModel: 'customer-deployed-on-aws', subcategories: ['ms-migration.pre-migration-assessment'] });
    // WHEN
    const listed = listedItems(sel);
    const byId = new Map(listed.map((l) => [l.item.id, l.applicability]));
    // THEN
    expect(countByKind(listed.map((l) => l.item))).toEqual({ technical: 40, category: 2, documentation: 4, business: 12 });
    expect(byId.get('1.14')).toEqual(expect.objectContaining({ listed: true, applies: false }));
    expect(byId.has('ms-migration.migration.1')).toBe(false);
    expect(byId.get('business.case-studies-per-subcategory')).toEqual(expect.objectContaining({ listed: true, applies: false, reason: expect.stringMatching(/1 is claimed$/) }));
    expect(applicableItems(sel)).toEqual(listed.filter((l) => l.applicability.applies).map((l) => l.item));
  });
});

describe('applicableItems', () => {
  test('networking / saas: every technical item, no category unless claimed', () => {
    const items = applicableItems(P({ checklist: 'networking', deploymentModel: 'saas' }));
    expect(countByKind(items)).toEqual({ technical: 40, category: 0, documentation: 3, business: 15 });
  });

  test('networking / customer-deployed-on-aws has far fewer technical items than saas', () => {
    // WHEN
    const items = applicableItems(P({ checklist: 'networking', deploymentModel: 'customer-deployed-on-aws', categories: ['load-balancers'] }));
    // THEN
    expect(countByKind(items)).toEqual({ technical: 12, category: 9, documentation: 4, business: 15 });
    expect(items.filter((i) => i.kind === 'technical').map((i) => i.id)).toEqual(
      ['1.5', '1.7', '1.9', '1.10', '1.11', '1.16', '1.23', '1.24', '2.1', '2.2', '2.8', '2.9'],
    );
  });

  test('strict mode: all 40 technical items whatever the model', () => {
    const items = applicableItems(P({ checklist: 'networking', deploymentModel: 'customer-deployed-on-aws', strict: true }));
    expect(countByKind(items).technical).toBe(40);
  });

  test('microsoft-workloads / customer-deployed-on-premises with two categories', () => {
    const items = applicableItems(P({
      checklist: 'microsoft-workloads',
      deploymentModel: 'customer-deployed-on-premises',
      subcategories: [
        'ms-migration.pre-migration-assessment', 'ms-migration.migration', 'ms-migration.migration-health', 'ms-migration.migration-monitoring',
        'ms-operational-optimization.security', 'ms-operational-optimization.availability', 'ms-operational-optimization.management',
      ],
    }));
    expect(countByKind(items)).toEqual({ technical: 9, category: 13 + 24, documentation: 3, business: 12 });
    expect(items.filter((i) => i.kind === 'technical').map((i) => i.id)).toEqual(['1.5', '1.7', '1.9', '1.10', '1.11', '1.19', '1.23', '1.24', '2.1']);
  });
});

describe('subcategories', () => {
  const MS = { checklist: 'microsoft-workloads', deploymentModel: 'multi-tenant-saas' } as const;

  test('a category with subcategories claimed without any is an error naming the choices', () => {
    expect(() => parseSelection({ ...MS, categories: ['ms-migration'] })).toThrow(
      /^category 'ms-migration' is claimed by subcategory: name one or more in subcategories \(choices: ms-migration\.pre-migration-assessment \(Pre-Migration Assessment\), ms-migration\.migration \(Application and Data Migration\), ms-migration\.migration-health \(Migration Health\), ms-migration\.migration-monitoring \(Monitoring and Reporting\)\)$/,
    );
  });

  test('unknown, foreign and repeated subcategories are errors', () => {
    expect(() => parseSelection({ ...MS, subcategories: ['ms-migration.lift-and-shift' as SubcategoryId] })).toThrow(/^subcategory 'ms-migration\.lift-and-shift' is not a subcategory of the 'microsoft-workloads' checklist \(expected one of: ms-migration\.pre-migration-assessment, /);
    expect(() => parseSelection({ checklist: 'networking', deploymentModel: 'saas', subcategories: ['ms-migration.migration'] })).toThrow(/^subcategory 'ms-migration\.migration' is not a subcategory of the 'networking' checklist \(its categories have none\)$/);
    expect(() => parseSelection({ ...MS, subcategories: ['ms-migration.migration', 'ms-migration.migration'] })).toThrow(/^subcategory 'ms-migration\.migration' is listed more than once in the selection$/);
  });

  test('a subcategory claims its category; listing both is fine', () => {
    expect(P({ ...MS, subcategories: ['ms-operational-optimization.management'] }).categories).toEqual(['ms-operational-optimization']);
    expect(P({ ...MS, categories: ['ms-operational-optimization'], subcategories: ['ms-operational-optimization.management'] }).categories).toEqual(['ms-operational-optimization']);
    expect(P({ ...MS, subcategories: ['ms-operational-optimization.management', 'ms-migration.migration'] }).subcategories).toEqual(['ms-migration.migration', 'ms-operational-optimization.management']);
  });

  test('an assessment-only partner gets the assessment requirements, not "must automatically migrate"', () => {
    // GIVEN
    const sel = P({ ...MS, subcategories: ['ms-migration.pre-migration-assessment'] });
    // WHEN
    const ids = applicableItems(sel).filter((i) => i.kind === 'category').map((i) => i.id);
    // THEN
    expect(ids).toEqual(['ms-migration.pre-migration-assessment.1', 'ms-migration.pre-migration-assessment.2']);
    expect(getItem('ms-migration.migration.1').seed['microsoft-workloads']?.text).toMatch(/must use either agent or agentless technology to automatically migrate/);
    expect(itemApplicability(getItem('ms-migration.migration.1'), sel)).toEqual({
      listed: false, applies: false, level: 'must', modal: 'must', reason: "the category 'ms-migration' is claimed, but not its subcategory 'ms-migration.migration' (Application and Data Migration)",
    });
    expect(itemApplicability(getItem('ms-migration.pre-migration-assessment.1'), sel).reason).toBe("the subcategory 'ms-migration.pre-migration-assessment' (Pre-Migration Assessment) is claimed");
  });

  test('"If more than one category is under review, at least one case study should demonstrate ... each subcategory" applies from two categories', () => {
    const item = getItem('business.case-studies-per-subcategory');
    expect(itemApplicability(item, P({ ...MS, subcategories: ['ms-migration.migration', 'ms-migration.migration-health'] }))).toEqual(expect.objectContaining({ applies: false, reason: expect.stringMatching(/2 or more categories under review; 1 is claimed/) }));
    expect(itemApplicability(item, P({ ...MS, subcategories: ['ms-migration.migration', 'ms-operational-optimization.management'] })).applies).toBe(true);
  });

  test('every subcategory names its box in the seed\'s Solution Category row and the row of its requirements', () => {
    for (const [category, subs] of Object.entries(SUBCATEGORIES)) {
      for (const sub of subs) {
        expect(getItem('business.solution-category').seed['microsoft-workloads']?.text).toContain(sub.choice);
        const reqs = CATEGORY_REQUIREMENTS.filter((r) => `${r.category}.${r.subcategory}` === sub.id);
        expect(reqs.length).toBeGreaterThan(0);
        for (const r of reqs) expect({ id: r.id, row: r.seed['microsoft-workloads']?.ref }).toEqual({ id: r.id, row: sub.rowTitle });
        expect(sub.id.startsWith(`${category}.`)).toBe(true);
      }
    }
    const subcategorized = new Set(CATEGORY_REQUIREMENTS.filter((r) => r.subcategory).map((r) => `${r.category}.${r.subcategory}`));
    expect([...subcategorized].sort()).toEqual(Object.values(SUBCATEGORIES).flat().map((s) => s.id).sort());
  });
});

describe('cells the app decides ("No (unless partner solution running on AWS requires the S3 service)")', () => {
  const sel = P({ checklist: 'networking', deploymentModel: 'customer-deployed-on-aws' });
  const app = (byType: Record<string, string[]>): AppContents => ({ resourcesOfType: (t) => byType[t] ?? [] });

  test('1.17 applies when the app creates a bucket, and says which', () => {
    // WHEN
    const result = itemApplicability(getItem('1.17'), sel, app({ 'AWS::S3::Bucket': ['Prod/Data/Bucket/Resource'] }));
    // THEN
    expect(result).toEqual(expect.objectContaining({
      applies: true,
      reason: expect.stringMatching(/marks 1\.17 No \("No \(unless APN Partner solution running on AWS requires the S3 service\)"\), and the condition holds: .*; the app has 1 such resource: Prod\/Data\/Bucket\/Resource \(AWS::S3::Bucket\)$/),
    }));
  });

  test('1.18 does not apply to an app without buckets, and says so', () => {
    const result = itemApplicability(getItem('1.18'), sel, app({}));
    expect(result.applies).toBe(false);
    expect(result.reason).toMatch(/the app has no AWS::S3::Bucket or AWS::S3::BucketPolicy, so the condition does not hold$/);
  });

  test('applicableItems decides them from the app', () => {
    const withBucket = applicableItems(sel, app({ 'AWS::S3::BucketPolicy': ['Prod/Data/Policy'] })).map((i) => i.id);
    const without = applicableItems(sel, app({})).map((i) => i.id);
    expect(withBucket.filter((id) => !without.includes(id))).toEqual(['1.17', '1.18', '1.19']);
  });
});
