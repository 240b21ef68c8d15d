import * as fs from 'fs';
import { applicableItems, parseSelection } from '../../lib/checklist';
import { parseAttestations, readAttestationsFile } from '../../lib/report/attestations/parse';
import { attestationsTemplate } from '../../lib/report/attestations/template';
import { AttestationsError } from '../../lib/report/errors';
import { attestationsFile, NETWORKING_SAAS, NOW } from './helpers';

function problemsOf(f: () => unknown): readonly string[] {
  try {
    f();
  } catch (e) {
    if (e instanceof AttestationsError) return e.problems;
    throw e;
  }
  throw new Error('expected an AttestationsError');
}

describe('attestations file: parsing', () => {
  test('reads every field, keeps ids as written and records the line', () => {
    // GIVEN / WHEN
    const set = readAttestationsFile(attestationsFile('met.yaml'), NOW);
    // THEN
    expect([...set.entries.keys()]).toEqual(['1.8', '1.25', '2.12']);
    expect(set.entries.get('1.25')).toEqual({
      itemId: '1.25',
      attestedBy: 'Jane Doe, Head of Security',
      date: '2025-03-14',
      evidence: 'https://wiki.example.com/security/ir-game-day-2025',
      notes: 'Compromised-credentials scenario; follow-ups tracked in SEC-412, SEC-413.',
      line: 7,
    });
    expect(set.entries.get('2.12')?.notes).toBeUndefined();
  });

  test('an unquoted 2.10 key stays 2.10 (YAML would read the number 2.1)', () => {
    // GIVEN
    const text = '2.10:\n  attestedBy: Raj\n  date: 2025-01-02\n  evidence: plan.pdf\n';
    // WHEN
    const set = parseAttestations(text, { file: 'a.yaml', now: NOW });
    // THEN
    expect([...set.entries.keys()]).toEqual(['2.10']);
  });

  test('a wrong date names the file, the line and the field', () => {
    // GIVEN
    const file = attestationsFile('bad-date.yaml');
    // WHEN / THEN
    expect(() => readAttestationsFile(file, NOW)).toThrow(/^test\/fixtures\/attestations\/bad-date\.yaml:8: '1\.25\.date' must be a date YYYY-MM-DD, got 'last spring'$/);
  });

  test('gives one problem per wrong field, each with its line', () => {
    // GIVEN
    const file = attestationsFile('malformed.yaml');
    // WHEN
    const problems = problemsOf(() => readAttestationsFile(file, NOW));
    // THEN
    expect(problems).toEqual([
      `${file}:10: '1.25.date' must be a date YYYY-MM-DD, got 'last spring'`,
      `${file}:11: '9.99' is not a checklist item id (ids look like '1.25', 'load-balancers.4', 'doc.architecture-diagram', 'business.case-studies')`,
      `${file}:16: '2.12.attestedBy' must be a string (the name and role of the person attesting), got number 42`,
      `${file}:17: '2.12.date' is in the future (2031-01-01 is after today, 2025-06-01)`,
      `${file}:18: '2.12.evidence' must be a string (a link or a file path the auditor can open), got a list`,
      `${file}:19: '2.12.signedOff' is not a known field (expected attestedBy, date, evidence, notes)`,
      `${file}:20: '1.8' is attested twice (first on line 2)`,
    ]);
  });

  test('a missing required field is named', () => {
    // GIVEN
    const text = '"1.25":\n  attestedBy: Jane\n  date: 2025-01-02\n';
    // WHEN / THEN
    expect(() => parseAttestations(text, { file: 'a.yaml', now: NOW })).toThrow(/^a\.yaml:1: '1\.25\.evidence' is missing$/);
  });

  test('invalid YAML is reported with its line', () => {
    // GIVEN
    const file = attestationsFile('not-yaml.yaml');
    // WHEN / THEN
    expect(() => readAttestationsFile(file, NOW)).toThrow(/^test\/fixtures\/attestations\/not-yaml\.yaml:2: not valid YAML: Nested mappings/);
  });

  test('a document that is not a mapping is rejected', () => {
    expect(() => parseAttestations('- 1.25\n', { file: 'a.yaml', now: NOW })).toThrow(/^a\.yaml:1: expected a mapping of checklist item ids to attestations/);
  });

  test('a missing file says how to create one', () => {
    expect(() => readAttestationsFile('nope.yaml', NOW)).toThrow(/^attestations file not found: nope\.yaml \(create one with 'cdk-competency attestations init'\)$/);
  });

  test.each([['comments only', '# nothing yet\n'], ['an empty file', ''], ['an empty mapping', '{}\n']])('%s is an error, not "nothing attested"', (_name, text) => {
    expect(() => parseAttestations(text, { file: 'a.yaml', now: NOW }))
      .toThrow(/^a\.yaml: no attestation in the file \(it is empty or every entry is commented out\): fill in the items you attest, or leave out --attestations$/);
  });
});

describe('attestations file: template', () => {
  test('lists every applicable item that needs a person, with evidence and max age; unfilled, it attests nothing', () => {
    // GIVEN / WHEN
    const text = attestationsTemplate(NETWORKING_SAAS);
    // THEN
    const expected = applicableItems(parseSelection(NETWORKING_SAAS)).filter((i) => i.verification.attestation).map((i) => i.id);
    const listed = [...text.matchAll(/^# "([^"]+)":$/gm)].map((m) => m[1]);
    expect(listed).toEqual(expected);
    expect(text).toMatch(/^# 1\.25 Incident response defined and rehearsed$/m);
    expect(text).toMatch(/Required; maximum age 12 months\./);
    expect(text).toMatch(/^#   Expected evidence: The incident response plan/m);
    expect(() => parseAttestations(text, { file: 't.yaml', now: NOW })).toThrow(/^t\.yaml: no attestation in the file/);
  });

  test('names each item\'s line in the selected checklist: Networking 4.2 is the support desk, Microsoft Workloads 4.1', () => {
    expect(attestationsTemplate(NETWORKING_SAAS)).toMatch(/^# business\.support-desk Product support desk\n#   Checklist: 4\.2 Product Support\/Help Desk\n/m);
    expect(attestationsTemplate(NETWORKING_SAAS)).toMatch(/^# business\.field-ready-toolkits Field-ready seller toolkits\n#   Checklist: 4\.1 Field-Ready Toolkits\n/m);
    const ms = attestationsTemplate({ checklist: 'microsoft-workloads', deploymentModel: 'customer-deployed-on-aws', subcategories: ['ms-migration.migration'] });
    expect(ms).toMatch(/^# business\.support-desk Product support desk\n#   Checklist: 4\.1 Product Support\/Help Desk\n/m);
    // the cell "Yes (credentials used to integration with AWS should be easily changed and not hard coded)" sets should
    expect(ms).toMatch(/^# 1\.10 No hard-coded credentials \(should\)\n#   Checklist: 1\.10 Hard-coded credentials \(e\.g\. access keys\) are not used\n/m);
  });

  test('an uncommented, filled-in entry of the template parses', () => {
    // GIVEN
    const text = attestationsTemplate(NETWORKING_SAAS)
      .replace('# "1.25":\n#   attestedBy: \n#   date: \n#   evidence: \n#   notes: ',
        '"1.25":\n  attestedBy: Jane\n  date: 2025-05-01\n  evidence: ir.pdf\n  notes: ');
    // WHEN
    const set = parseAttestations(text, { file: 't.yaml', now: NOW });
    // THEN
    expect(set.entries.get('1.25')).toMatchObject({ attestedBy: 'Jane', date: '2025-05-01', evidence: 'ir.pdf' });
    expect(fs.existsSync(attestationsFile('met.yaml'))).toBe(true);
  });
});
