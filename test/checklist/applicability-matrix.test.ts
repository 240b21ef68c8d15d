import { Applicability, ApplicabilityMatrix, DOCUMENTATION_ITEMS, getItem, TECHNICAL_ITEMS } from '../../lib/checklist';

/**
 * The "Applies to" cells, read row by row from the two seeds (000: Microsoft Workloads, 001: Networking).
 * Y = Yes, N = No, * = the cell carries a condition ("Yes (for ...)" / "No (unless ...)").
 *   ms:  [multi-tenant SaaS, single-tenant SaaS, customer deployed on premises, customer deployed on AWS]
 *   net: [SaaS, customer-deployed on AWS]
 */
type Cell = 'Y' | 'N' | 'Y*' | 'N*';
interface Row { readonly ms: readonly [Cell, Cell, Cell, Cell]; readonly net: readonly [Cell, Cell] }

const TECHNICAL: { readonly [id: string]: Row } = {
  '1.1': { ms: ['Y', 'Y', 'N', 'N'], net: ['Y', 'N'] },
  '1.2': { ms: ['Y', 'Y', 'N', 'N'], net: ['Y', 'N'] },
  '1.3': { ms: ['Y', 'Y', 'N', 'N'], net: ['Y', 'N'] },
  '1.4': { ms: ['Y', 'Y', 'N', 'N'], net: ['Y', 'N'] },
  '1.5': { ms: ['Y', 'Y', 'Y*', 'Y*'], net: ['Y', 'Y*'] },
  '1.7': { ms: ['Y', 'Y', 'Y*', 'Y*'], net: ['Y', 'Y*'] },
  '1.8': { ms: ['Y', 'Y', 'N', 'N'], net: ['Y', 'N'] },
  '1.9': { ms: ['Y', 'Y', 'Y*', 'Y*'], net: ['Y', 'Y*'] },
  '1.10': { ms: ['Y', 'Y', 'Y*', 'Y*'], net: ['Y', 'Y*'] },
  '1.11': { ms: ['Y', 'Y', 'Y*', 'Y*'], net: ['Y', 'Y*'] },
  '1.12': { ms: ['Y', 'Y', 'N', 'N'], net: ['Y', 'N'] },
  '1.13': { ms: ['Y', 'Y', 'N', 'N'], net: ['Y', 'N'] },
  '1.14': { ms: ['Y', 'Y', 'N', 'N'], net: ['Y', 'N'] },
  '1.15': { ms: ['Y', 'Y', 'N', 'N'], net: ['Y', 'N'] },
  '1.16': { ms: ['Y', 'Y', 'N', 'Y'], net: ['Y', 'Y'] },
  '1.17': { ms: ['Y', 'Y', 'N', 'N*'], net: ['Y', 'N*'] },
  '1.18': { ms: ['Y', 'Y', 'N', 'N*'], net: ['Y', 'N*'] },
  '1.19': { ms: ['Y', 'Y', 'Y', 'N*'], net: ['Y', 'N*'] },
  '1.20': { ms: ['Y', 'Y', 'N', 'N'], net: ['Y', 'N'] },
  '1.21': { ms: ['Y', 'Y', 'N', 'N'], net: ['Y', 'N'] },
  '1.22': { ms: ['Y', 'Y', 'N', 'N'], net: ['Y', 'N'] },
  '1.23': { ms: ['Y', 'Y', 'Y', 'Y'], net: ['Y', 'Y'] },
  '1.24': { ms: ['Y', 'Y', 'Y', 'Y'], net: ['Y', 'Y'] },
  '1.25': { ms: ['Y', 'Y', 'N', 'N'], net: ['Y', 'N'] },
  '2.1': { ms: ['Y', 'Y', 'Y', 'Y'], net: ['Y', 'Y'] },
  '2.2': { ms: ['Y', 'Y', 'N', 'Y'], net: ['Y', 'Y'] },
  '2.3': { ms: ['Y', 'Y', 'N', 'N'], net: ['Y', 'N'] },
  '2.4': { ms: ['Y', 'Y', 'N', 'N'], net: ['Y', 'N'] },
  '2.5': { ms: ['Y', 'Y', 'N', 'N'], net: ['Y', 'N'] },
  '2.6': { ms: ['Y', 'Y', 'N', 'N'], net: ['Y', 'N'] },
  '2.7': { ms: ['Y', 'Y', 'N', 'N'], net: ['Y', 'N'] },
  '2.8': { ms: ['Y', 'Y', 'N', 'Y'], net: ['Y', 'Y'] },
  '2.9': { ms: ['Y', 'Y', 'N', 'Y'], net: ['Y', 'Y'] },
  '2.10': { ms: ['Y', 'Y', 'N', 'N'], net: ['Y', 'N'] },
  '2.11': { ms: ['Y', 'Y', 'N', 'N'], net: ['Y', 'N'] },
  '2.12': { ms: ['Y', 'Y', 'N', 'N'], net: ['Y', 'N'] },
  '2.13': { ms: ['Y', 'Y', 'N', 'N'], net: ['Y', 'N'] },
  '3.1': { ms: ['Y', 'Y', 'N', 'N'], net: ['Y', 'N'] },
  '3.2': { ms: ['Y', 'Y', 'N', 'N'], net: ['Y', 'N'] },
  '3.3': { ms: ['Y', 'Y', 'N', 'N'], net: ['Y', 'N'] },
};

/** "Yes – one for ..." cells count as plain Yes: they say how many diagrams, not when the item applies. */
const DOCUMENTATION: { readonly [id: string]: Row } = {
  'doc.architecture-diagram': { ms: ['Y', 'Y', 'Y', 'Y'], net: ['Y', 'Y'] },
  'doc.deployment-guide': { ms: ['N', 'N', 'N', 'Y'], net: ['N', 'Y'] },
  'doc.completed-validation-checklist': { ms: ['Y', 'Y', 'Y', 'Y'], net: ['Y', 'Y'] },
  // Not in the table: the category sections ask it of every applicant, whatever the model.
  'doc.solution-features': { ms: ['Y', 'Y', 'Y', 'Y'], net: ['Y', 'Y'] },
};

function cellOf(a: Applicability): Cell {
  const base = a.applies ? 'Y' : 'N';
  return (a.condition !== undefined ? `${base}*` : base) as Cell;
}

function rowOf(m: ApplicabilityMatrix): Row {
  const ms = m['microsoft-workloads'];
  const net = m.networking;
  return {
    ms: [cellOf(ms['multi-tenant-saas']), cellOf(ms['single-tenant-saas']), cellOf(ms['customer-deployed-on-premises']), cellOf(ms['customer-deployed-on-aws'])],
    net: [cellOf(net.saas), cellOf(net['customer-deployed-on-aws'])],
  };
}

describe('technical items: the applicability matrix matches the seeds cell by cell', () => {
  test('the expected table covers exactly the encoded technical items', () => {
    // GIVEN
    const encoded = TECHNICAL_ITEMS.map((i) => i.id);
    // WHEN
    const expected = Object.keys(TECHNICAL);
    // THEN
    expect(encoded).toEqual(expected);
  });

  test.each(Object.entries(TECHNICAL))('%s', (id, expected) => {
    // GIVEN
    const item = getItem(id);
    // WHEN
    if (item.kind !== 'technical') throw new Error(`${id} is not a technical item`);
    const actual = rowOf(item.appliesTo);
    // THEN
    expect(actual).toEqual(expected);
  });
});

describe('documentation items: the applicability matrix matches the seeds cell by cell', () => {
  test('the expected table covers exactly the encoded documentation items', () => {
    expect(DOCUMENTATION_ITEMS.map((i) => i.id)).toEqual(Object.keys(DOCUMENTATION));
  });

  test.each(Object.entries(DOCUMENTATION))('%s', (id, expected) => {
    // GIVEN
    const item = getItem(id);
    // WHEN
    if (item.kind !== 'documentation') throw new Error(`${id} is not a documentation item`);
    // THEN
    expect(rowOf(item.appliesTo)).toEqual(expected);
  });
});

describe('conditions', () => {
  test('every condition is non-empty prose', () => {
    // GIVEN
    const conditions = [...TECHNICAL_ITEMS, ...DOCUMENTATION_ITEMS].flatMap((item) => [
      ...Object.values(item.appliesTo['microsoft-workloads']),
      ...Object.values(item.appliesTo.networking),
    ]).map((cell: Applicability) => cell.condition).filter((c): c is string => c !== undefined);
    // WHEN / THEN
    expect(conditions.length).toBeGreaterThan(0);
    for (const c of conditions) expect(c.trim().length).toBeGreaterThan(10);
  });

  test('"No (unless ... S3)" cells of 1.17–1.19 carry the S3 condition', () => {
    // GIVEN
    const cells = ['1.17', '1.18', '1.19'].map((id) => getItem(id)).map((item) => (item.kind === 'technical' ? item.appliesTo.networking['customer-deployed-on-aws'] : undefined));
    // THEN
    for (const cell of cells) {
      expect(cell).toEqual({ applies: false, condition: expect.stringMatching(/S3/), printed: expect.stringMatching(/^No \(unless .*requires the S3 service\)$/), appliesWhenAppHas: ['AWS::S3::Bucket', 'AWS::S3::BucketPolicy'] });
    }
  });
});
