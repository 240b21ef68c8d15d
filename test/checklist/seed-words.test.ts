/**
 * The checklist data against the two seed checklists, line by line: every seed line is carried by the
 * data, every data line is in a seed, and the seed's titles, words and "Applies to" cells are carried
 * verbatim. The seeds are read from the copies vendored in `lib/checklist/seeds/` (CI runs on a clean
 * clone); the copies are compared with `../shared/seeds/` when that directory exists.
 *
 * Normalization (both sides, `normalize` in seed-source.ts): HTML tags, Markdown emphasis and list markers,
 * the list glyphs ▪ ○ • and runs of whitespace of the flattened tables. Nothing else: spelling, punctuation,
 * spaces before punctuation and typographic quotes are compared as printed.
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  ApplicabilityMatrix, CATEGORY_REQUIREMENTS, CHECKLIST_ITEMS, ChecklistId, ChecklistItem, DEPLOYMENT_MODELS, getItem, RETIRED_ITEM_IDS, ruleNamesOf,
  SeedText, TECHNICAL_ITEMS,
} from '../../lib/checklist';
import { normalize, SEED_FILES, SeedLine, seedLinesOf, VENDORED_SEEDS_DIR } from './seed-source';

const CHECKLISTS: readonly ChecklistId[] = ['microsoft-workloads', 'networking'];
const LINES: readonly SeedLine[] = CHECKLISTS.flatMap(seedLinesOf);

/**
 * Words the PDF extraction repeated where they do not belong; no item needs to carry them.
 */
const EXTRACTION_ARTIFACTS: readonly { readonly checklist: ChecklistId; readonly ref: string; readonly text: string; readonly why: string }[] = [
  {
    checklist: 'microsoft-workloads',
    ref: 'Pre-Migration Assessment',
    text: 'each workload into customer designated AWS resource group',
    why: 'the end of the Migration row\'s last bullet ("Cutover of each workload into customer designated AWS resource group"), repeated under the row above it',
  },
];

/**
 * Prose of the introduction that states no requirement of its own: it describes the competency or a category
 * (whose requirements are its row of the category table), allows something ("may provide"), or asks again what a
 * prerequisite asks (`restatedBy`). Without `text`, the whole paragraph.
 */
const NOT_REQUIREMENTS: readonly { readonly checklist: ChecklistId; readonly ref: string; readonly text?: string; readonly why: string; readonly restatedBy?: string }[] = [
  {
    checklist: 'networking',
    ref: 'AWS Networking Competency and Categories',
    text: 'AWS Networking Competency Partners provide network solutions that assist enterprises adopt, develop, and deploy networks on in AWS. AWS Networking Competency Partners provide a set of specialized solutions for making connectivity easier and extending customer capabilities.',
    why: 'describes what the competency\'s partners provide',
  },
  {
    checklist: 'networking',
    ref: 'AWS Networking Competency and Categories',
    text: 'APN Partners must also identify the Segment Category that their solution fits into:',
    why: 'asked again by prerequisite 1.2 Solution Category ("APN Partner to identify the Segment Category for their solution")',
    restatedBy: 'business.solution-category',
  },
  { checklist: 'networking', ref: '1.)', why: 'describes the Network Connectivity category; its requirements are the category table\'s Network Connectivity row' },
  {
    checklist: 'networking',
    ref: '2.)',
    text: 'The APN Partner also includes greater integration and interaction with AWS services. Partners that have developed software-defined networking (SDN) functions to automate end user services.',
    why: 'describes the partners of the category; its requirements are the category table\'s Direct Connect for Integrated Partners row',
  },
  {
    checklist: 'networking',
    ref: '3.)',
    text: 'These APN Partners may provide network connectivity and infrastructure such as fiber or AWS Direct Connect interconnections.',
    why: 'what the partners "may provide": allowed, not asked',
  },
  { checklist: 'networking', ref: '4.)', why: 'describes the Load Balancers category; its requirements are the category table\'s Load Balancers row' },
  { checklist: 'networking', ref: '5.)', why: 'describes the Network Management category; its requirements are the category table\'s Network Management row' },
  {
    checklist: 'microsoft-workloads',
    ref: 'AWS Microsoft Workloads Competency Program',
    why: 'describes the program, its three categories and their subcategories (the data\'s SUBCATEGORIES), and that a partner may apply through one or more categories',
  },
  {
    checklist: 'microsoft-workloads',
    ref: 'AWS Microsoft Workloads Competency Categories',
    why: 'asked again by prerequisite 1.3 Solution Category ("APN Partner must identify the Segment category and subcategory (or subcategories) for their solution")',
    restatedBy: 'business.solution-category',
  },
  { checklist: 'microsoft-workloads', ref: '1.', why: 'describes the Migration category; its requirements are the rows of the Microsoft Workloads Migration table' },
  { checklist: 'microsoft-workloads', ref: '2.', why: 'describes the Operational Optimization category; its requirements are the rows of its table' },
  { checklist: 'microsoft-workloads', ref: '3.', why: 'describes the Data, Analytics and Machine Learning category; its requirements are the rows of its table' },
];

/**
 * Cells a page break split in the extracted text: Microsoft Workloads 1.11 prints both customer-deployed
 * cells as "Yes (credentials stored in partner solution used to integrate with AWS should be encrypted)"
 * across two pages; the extraction moved the closing parenthesis before the second page's words.
 */
const PAGE_BROKEN_CELLS: { readonly [flattened: string]: string } = {
  'Yes (credentials stored in partner solution used to integrate with AWS should be) encrypted)':
    'Yes (credentials stored in partner solution used to integrate with AWS should be encrypted)',
  'Yes (credentials stored in partner solution used to integrate with AWS) should be encrypted)':
    'Yes (credentials stored in partner solution used to integrate with AWS should be encrypted)',
};

function lineKey(checklist: ChecklistId, ref: string, title: string): string {
  return `${checklist} | ${ref} | ${title}`;
}

const LINE_BY_KEY = new Map(LINES.map((l) => [lineKey(l.checklist, l.ref, l.title), l]));

/** Every (item, checklist, seed text) the data holds. */
const CITATIONS: readonly { readonly item: ChecklistItem; readonly checklist: ChecklistId; readonly seed: SeedText }[] = CHECKLIST_ITEMS.flatMap((item) =>
  CHECKLISTS.filter((c) => item.seed[c] !== undefined).map((checklist) => ({ item, checklist, seed: item.seed[checklist]! })));

function passagesOf(text: string): string[] {
  return text.split(' … ').map(normalize);
}

/** Where each passage of `text` sits in `within`, in order; throws naming the first passage not found. */
function locate(text: string, within: string): { from: number; to: number }[] {
  const found: { from: number; to: number }[] = [];
  let at = 0;
  for (const p of passagesOf(text)) {
    const i = within.indexOf(p, at);
    if (i < 0) throw new Error(`not in the seed line (in order): "${p}"`);
    found.push({ from: i, to: i + p.length });
    at = i + p.length;
  }
  return found;
}

function lineOf(checklist: ChecklistId, seed: SeedText): SeedLine | undefined {
  return LINE_BY_KEY.get(lineKey(checklist, seed.ref, normalize(seed.title)));
}

describe('the vendored seeds', () => {
  const shared = path.join(__dirname, '..', '..', '..', 'shared', 'seeds');
  const present = fs.existsSync(shared);

  (present ? test : test.skip)(`equal ../shared/seeds/ byte for byte${present ? '' : ' (skipped: ../shared/seeds/ is absent on this machine)'}`, () => {
    for (const file of [...Object.values(SEED_FILES), 'README.md']) {
      // WHEN
      const vendored = fs.readFileSync(path.join(VENDORED_SEEDS_DIR, file));
      const original = fs.readFileSync(path.join(shared, file));
      // THEN
      expect({ file, equal: vendored.equals(original) }).toEqual({ file, equal: true });
    }
  });

  test('hold the lines the data is compared with: 40 technical rows and 3 documentation rows per seed', () => {
    for (const c of CHECKLISTS) {
      expect(LINES.filter((l) => l.checklist === c && l.section === 'technical').map((l) => l.ref)).toEqual(TECHNICAL_ITEMS.map((i) => i.id));
      expect(LINES.filter((l) => l.checklist === c && l.section === 'documentation')).toHaveLength(3);
    }
    // Networking prints two rows numbered 1.1; both are lines of their own.
    expect(LINES.filter((l) => l.checklist === 'networking' && l.section === 'business' && l.ref === '1.1').map((l) => l.title))
      .toEqual(['Program Guidelines', 'Technology APN Partner Tier']);
  });
});

describe('every data line is in a seed, in the seed\'s words', () => {
  test.each(CITATIONS.map((c) => [`${c.item.id} (${c.checklist} ${c.seed.ref})`, c] as const))('%s', (_name, { checklist, seed, item }) => {
    // WHEN
    const line = lineOf(checklist, seed);
    // THEN
    expect(line ? lineKey(line.checklist, line.ref, line.title) : `no ${checklist} seed line '${seed.ref} ${seed.title}'`).toBe(lineKey(checklist, seed.ref, normalize(seed.title)));
    expect(seed.title).toBe(line!.title);
    expect(() => locate(seed.text, line!.text)).not.toThrow();
    if (item.kind === 'technical' || item.kind === 'documentation') {
      expect(normalize(seed.text)).toBe(line!.text);
    }
  });

  test('technical and documentation items cite both seeds; business items the seeds that list them; category requirements their own', () => {
    for (const item of CHECKLIST_ITEMS) {
      const cited = CHECKLISTS.filter((c) => item.seed[c] !== undefined);
      const expected = item.kind === 'technical' || item.kind === 'documentation' ? CHECKLISTS
        : item.kind === 'business' ? CHECKLISTS.filter((c) => item.checklists.includes(c))
          : [item.checklist];
      expect({ id: item.id, cited }).toEqual({ id: item.id, cited: expected });
    }
  });
});

describe('every seed line is carried by the data, word for word', () => {
  test.each(LINES.map((l) => [`${l.checklist} ${l.section} ${l.ref} ${l.title}`, l] as const))('%s', (_name, line) => {
    // GIVEN
    const citing = CITATIONS.filter((c) => c.checklist === line.checklist && lineOf(c.checklist, c.seed) === line);
    const prose = NOT_REQUIREMENTS.filter((x) => x.checklist === line.checklist && x.ref === line.ref);
    expect(citing.length + prose.length).toBeGreaterThan(0);
    // WHEN: mark every character a citation covers, the known extraction artifacts and the prose that asks nothing
    const covered = new Array<boolean>(line.text.length).fill(false);
    const mark = (from: number, to: number) => { for (let i = from; i < to; i++) covered[i] = true; };
    for (const c of citing) for (const { from, to } of locate(c.seed.text, line.text)) mark(from, to);
    for (const a of [...EXTRACTION_ARTIFACTS.filter((x) => x.checklist === line.checklist && x.ref === line.ref), ...prose]) {
      const text = a.text ?? line.text;
      const i = line.text.indexOf(text);
      expect(i).toBeGreaterThanOrEqual(0);
      mark(i, i + text.length);
    }
    // THEN: no word of the seed line is left out
    const missing: string[] = [];
    for (const m of line.text.matchAll(/[A-Za-z0-9][^\s]*/g)) {
      if (!covered[m.index!]) missing.push(m[0]);
    }
    expect(missing.join(' ')).toBe('');
  });
});

describe('the introduction', () => {
  test('is read paragraph by paragraph: Networking\'s lead and 1.) to 5.), Microsoft Workloads\' program, categories\' lead and 1. to 3.', () => {
    expect(LINES.filter((l) => l.section === 'introduction').map((l) => `${l.checklist} ${l.ref} ${l.title}`)).toEqual([
      'microsoft-workloads AWS Microsoft Workloads Competency Program AWS Microsoft Workloads Competency Program',
      'microsoft-workloads AWS Microsoft Workloads Competency Categories AWS Microsoft Workloads Competency Categories',
      'microsoft-workloads 1. Microsoft Workloads Migration',
      'microsoft-workloads 2. Operational Optimization',
      'microsoft-workloads 3. Data, Analytics and Machine Learning',
      'networking AWS Networking Competency and Categories AWS Networking Competency and Categories',
      'networking 1.) Networking Connectivity',
      'networking 2.) AWS Direct Connect Integrated Partners',
      'networking 3.) AWS Direct Connect Infrastructure Partners',
      'networking 4.) Load Balancers',
      'networking 5.) Network Management',
    ]);
  });

  test.each(NOT_REQUIREMENTS.filter((x) => x.restatedBy).map((x) => [`${x.checklist} ${x.ref}`, x] as const))('%s is asked again by a prerequisite the data carries', (_name, x) => {
    expect(getItem(x.restatedBy!).seed[x.checklist]?.text).toMatch(/identify the Segment [Cc]ategory/);
  });

  test('"Deep working knowledge architecting networking solutions and applications leveraging AWS services is mandatory": a requirement, attested', () => {
    expect(seedWords('networking', 'AWS Networking Competency and Categories')).toContain('Deep working knowledge architecting networking solutions and applications leveraging AWS services is mandatory.');
    const item = getItem('business.networking-expertise');
    expect(item).toMatchObject({ level: 'must', modal: 'none', verification: { decidedBy: [['attestation']] } });
    expect(item.levelReason).toMatch(/"is mandatory"/);
  });
});

describe('"Applies to" cells as printed', () => {
  const rowItems = CHECKLIST_ITEMS.filter((i): i is ChecklistItem & { appliesTo: ApplicabilityMatrix } => (i.kind === 'technical' || i.kind === 'documentation') && i.id !== 'doc.solution-features');

  test.each(rowItems.flatMap((item) => CHECKLISTS.map((c) => [`${item.id} ${c}`, item, c] as const)))('%s', (_name, item, checklist) => {
    // GIVEN
    const line = lineOf(checklist, item.seed[checklist]!)!;
    const seedCells = line.cells.map((c) => PAGE_BROKEN_CELLS[c] ?? c);
    // WHEN
    const cells = DEPLOYMENT_MODELS[checklist].map((m) => {
      const cell = (item.appliesTo[checklist] as { readonly [model: string]: { applies: boolean; printed?: string } })[m];
      return cell.printed ?? (cell.applies ? 'Yes' : 'No');
    });
    // THEN
    expect(cells).toEqual(seedCells);
  });

  test('a cell carries a printed text exactly when the seed prints more than Yes or No', () => {
    for (const item of rowItems) {
      for (const c of CHECKLISTS) {
        for (const cell of Object.values(item.appliesTo[c]) as { applies: boolean; printed?: string; condition?: string }[]) {
          if (cell.printed !== undefined) expect(cell.printed).not.toMatch(/^(Yes|No)$/);
          if (cell.condition !== undefined) expect(cell.printed).toMatch(/^(Yes|No) \(/);
        }
      }
    }
  });
});

describe('levels rest on the seed\'s modal verb', () => {
  test.each(CHECKLIST_ITEMS.map((i) => [i.id, i] as const))('%s', (_id, item) => {
    const words = CHECKLISTS.map((c) => item.seed[c]?.text ?? '').join(' ');
    if (item.modal === 'none') {
      // No modal verb: the data says which level it chose and why.
      expect(item.levelReason?.length ?? 0).toBeGreaterThan(40);
    } else {
      // The modal verb is in the words the item carries.
      expect(words).toMatch(new RegExp(`\\b${item.modal}\\b`, 'i'));
      if (item.level !== item.modal) expect(item.levelReason?.length ?? 0).toBeGreaterThan(40);
    }
  });
});

/** A seed line's words, for the fixes below: each test quotes the sentence it rests on. */
function seedWords(checklist: ChecklistId, ref: string, title?: string): string {
  const line = LINES.find((l) => l.checklist === checklist && l.ref === ref && (title === undefined || l.title === title));
  if (!line) throw new Error(`no seed line ${checklist} ${ref}`);
  return `${line.text} ${line.cells.map((c) => PAGE_BROKEN_CELLS[c] ?? c).join(' ')}`;
}

function cellOf(id: string, checklist: ChecklistId, model: string) {
  const item = getItem(id);
  if (item.kind !== 'technical') throw new Error(`${id} is not technical`);
  return (item.appliesTo[checklist] as { readonly [m: string]: { applies: boolean; level?: string; appliesWhenAppHas?: readonly string[] } })[model];
}

describe('levels, ids and meanings fixed against the seed sentence', () => {
  test.each([
    ['1.9', 'least privilege access should be applied'],
    ['1.10', 'should be easily changed and not hard coded'],
    ['1.11', 'should be encrypted'],
  ])('%s: the customer-deployed cells say "%s": should there, must elsewhere', (id, sentence) => {
    for (const c of CHECKLISTS) {
      // GIVEN
      expect(seedWords(c, id)).toContain(sentence);
      // THEN
      expect(cellOf(id, c, 'customer-deployed-on-aws').level).toBe('should');
    }
    expect(cellOf(id, 'microsoft-workloads', 'customer-deployed-on-premises').level).toBe('should');
    expect(getItem(id).level).toBe('must');
  });

  test('direct-connect-integrated.4: "This portal must be able to: ... Provide user-facing visibility of network health" is must; only real-time metrics are should', () => {
    expect(seedWords('networking', 'Direct Connect for Integrated Partners')).toContain('This portal must be able to: Allow customers to provision hosted connections and/or hosted virtual interfaces Adjust network capacity allocated to a circuit, if the capability exists Provide user-facing visibility of network health. This should involve real-time metrics.');
    const item = getItem('direct-connect-integrated.4');
    expect(item.level).toBe('must');
    expect(item.requirement).toMatch(/real-time metrics are a should/);
  });

  test('2.12: "At least one DR test must be completed prior to approval of your AWS APN Advanced Tier application", with no 12-month limit; the limit is 2.13\'s', () => {
    expect(seedWords('networking', '2.12')).toContain('At least one DR test must be completed prior to approval of your AWS APN Advanced Tier application.');
    expect(seedWords('networking', '2.12')).not.toContain('12 months');
    expect(seedWords('networking', '2.13')).toContain('within the last 12 months');
    expect(getItem('2.12').verification.attestation?.maxAgeMonths).toBeUndefined();
    expect(getItem('2.12').requirement).toMatch(/before the Advanced Tier application is approved/);
    expect(getItem('2.13').verification.attestation?.maxAgeMonths).toBe(12);
  });

  test('network-connectivity.5 is retired: "Examples of automated failover mechanisms include" illustrates network-connectivity.4', () => {
    expect(seedWords('networking', 'Network Connectivity')).toContain('without manual intervention. Examples of automated failover mechanisms include: Leveraging Elastic Load Balancing');
    expect(() => getItem('network-connectivity.5')).toThrow(/^checklist item id 'network-connectivity.5' is retired: .*network-connectivity.4/);
    expect(RETIRED_ITEM_IDS.has('network-connectivity.5')).toBe(true);
    expect(getItem('network-connectivity.4').seed.networking?.text).toContain('Examples of automated failover mechanisms include');
    expect(ruleNamesOf(getItem('network-connectivity.4'))).toContain('ApplianceFailoverPath');
  });

  test('network-management.2 and .4 are the two alternative feature lists ("from one of the following feature lists ... OR")', () => {
    const words = seedWords('networking', 'Network Management');
    expect(words).toContain('must provide all of the AWS capabilities from one of the following feature lists.');
    expect(words).toContain('VPCs created with overlapping addresses OR The network management solution must have all of the following AWS capabilities: Ability to provide raw network packets');
    const a = getItem('network-management.2');
    const b = getItem('network-management.4');
    expect(a.kind === 'category' && a.alternativeTo).toEqual(['network-management.4']);
    expect(b.kind === 'category' && b.alternativeTo).toEqual(['network-management.2']);
    expect(a.seed.networking?.text).not.toContain('raw network packets');
    expect(b.seed.networking?.text).toContain('raw network packets');
  });

  test('public case studies: two of four, but one of two on the Microsoft Workloads reduced path ("a minimum of 2, one public and one private")', () => {
    expect(seedWords('microsoft-workloads', '2.1')).toContain('the requirement is reduced to a minimum of 2, one public and one private case studies');
    expect(seedWords('microsoft-workloads', '2.2')).toContain('Two (2) of the four (4) customer deployments');
    expect(getItem('business.public-case-studies').requirement).toMatch(/reduced path \(two case studies\), one of the two is public/);
  });

  test('1.5 is about passwords and access keys ("You must change your passwords and access keys regularly"), not other secrets', () => {
    expect(seedWords('networking', '1.5')).toContain('You must change your passwords and access keys regularly');
    expect(getItem('1.5').requirement).not.toMatch(/secret/i);
    expect(getItem('1.5').requirement).toMatch(/passwords and access keys/);
  });

  test('1.10 is about credentials ("avoid the use of hard-coded credentials"), 1.23 about encryption ("All cryptographic keys are encrypted at rest and in transit")', () => {
    expect(seedWords('networking', '1.10')).toContain('avoid the use of hard-coded credentials');
    expect(getItem('1.10').requirement).toMatch(/^Access keys and other credentials are never hard-coded/);
    expect(getItem('1.10').requirement).not.toMatch(/secrets/);
    expect(seedWords('networking', '1.23')).toContain('All cryptographic keys are encrypted at rest and in transit');
    expect(getItem('1.23').requirement).toMatch(/encrypted at rest and in transit/);
  });

  test('the requirements the data had missed are there', () => {
    // "Documentation describing how the APN Partner solution meets the requirements must be submitted"
    expect(seedWords('microsoft-workloads', 'Microsoft Workloads Technical Requirements by Category')).toMatch(/^Documentation describing how the APN Partner solution meets the requirements must be submitted/);
    expect(getItem('doc.solution-features').seed.networking?.text).toMatch(/^Documentation describing how the APN Partner solution meets the requirements must be submitted/);
    // "at least one case study should demonstrate the use of technology in each subcategory"
    expect(getItem('business.case-studies-per-subcategory').seed['microsoft-workloads']?.text).toBe(
      'If more than one category is under review, at least one case study should demonstrate the use of technology in each subcategory.');
    expect(getItem('business.case-studies-per-subcategory').level).toBe('should');
    // "Each of the 4 Case Studies must relate to ... one of the three Segment Categories"
    expect(getItem('business.case-studies-segment-category').seed.networking?.text).toMatch(/^Each of the 4 Case Studies must relate/);
    // The Direct Connect eligibility of the introduction
    expect(getItem('direct-connect-integrated.9').seed.networking?.text).toContain('hosted connection model in addition to supporting customers to access the dedicated connection model are eligible');
    expect(getItem('direct-connect-infrastructure.5').seed.networking?.text).toContain('APN Partners who support the dedicated connection model are eligible.');
  });

  test('business rows keep their own seed numbers: Microsoft Workloads 4.1 is Product Support, Networking 4.1 Field-Ready Toolkits', () => {
    expect(getItem('business.support-desk').seed).toEqual({
      'microsoft-workloads': expect.objectContaining({ ref: '4.1', title: 'Product Support/Help Desk' }),
      'networking': expect.objectContaining({ ref: '4.2', title: 'Product Support/Help Desk' }),
    });
    expect(getItem('business.field-ready-toolkits').seed).toEqual({ networking: expect.objectContaining({ ref: '4.1', title: 'Field-Ready Toolkits' }) });
    expect(getItem('business.program-guidelines').seed.networking).toEqual(expect.objectContaining({ ref: '1.1', title: 'Program Guidelines' }));
    expect(getItem('business.partner-tier').seed.networking).toEqual(expect.objectContaining({ ref: '1.1', title: 'Technology APN Partner Tier' }));
  });

  test.each([
    ['ms-operational-optimization.availability.3', 'Availability', 'Technology Solution should perform the following:', 'Ability to auto scale (scale in and scale out) as workload varies', ['AutoScalingGroupScalingPolicy']],
    ['ms-operational-optimization.management.1', 'Management', 'Technology Solution should perform the following:', 'Inventory listing and analysis (in Amazon EC2 instances, containers, serverless) of:', ['InventoryAssociation']],
    ['ms-operational-optimization.management.7', 'Management', 'Technology Solution should perform the following:', 'Continuous performance analysis and alerting.', ['CloudWatchAgentConfigured']],
    ['ms-operational-optimization.management.8', 'Management', 'Technology Solution should perform the following:', 'Patching', ['WindowsPatchBaseline', 'WindowsMaintenanceWindow']],
    ['network-management.2', 'Network Management', 'Either the network management solution must have all of the following AWS capabilities:', 'Provide alerts on Amazon Cloudwatch metrics', ['FlowLogsQueryable', 'NoOverlappingVpcCidrs', 'AlarmHasAction']],
  ] as const)('%s: "%s ... %s" asks what the technology does: a person decides, the customer template\'s rules only recommend', (id, row, lead, sentence, rules) => {
    // GIVEN
    const checklist: ChecklistId = id.startsWith('network') ? 'networking' : 'microsoft-workloads';
    expect(seedWords(checklist, row)).toContain(lead);
    expect(seedWords(checklist, row)).toContain(sentence);
    // THEN: a deployment the product manages otherwise (its own agent, its own alerting) fails nothing that decides
    const item = getItem(id);
    expect(item.verification.decidedBy).toEqual([['attestation']]);
    expect((item.verification.rules ?? []).map((u) => `${u.rule} ${u.kind}`)).toEqual(rules.map((r) => `${r} recommended`));
  });

  test('network-management.3: "it must have a public reference designs or automation to maintain high availability in multiple AZs": the template\'s multi-AZ resources are shown, a person decides', () => {
    expect(seedWords('networking', 'Network Management')).toContain('If the management portal runs in the user’s account, it must have a public reference designs or automation to maintain high availability in multiple AZs.');
    const item = getItem('network-management.3');
    expect(item.verification.decidedBy).toEqual([['attestation']]);
    expect((item.verification.rules ?? []).map((u) => `${u.rule} ${u.kind}`)).toEqual(['LoadBalancerMultiAz recommended', 'AutoScalingGroupMultiAz recommended', 'ComputeMultiAz recommended']);
    expect(item.verification.decisionNote).toMatch(/whether the portal runs in the user's account, and the public design or automation, are attested/);
  });

  test('every category requirement carries the words of its own row', () => {
    for (const req of CATEGORY_REQUIREMENTS) {
      expect(req.seed[req.checklist]?.text.length ?? 0).toBeGreaterThan(10);
    }
  });
});
