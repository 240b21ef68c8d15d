/**
 * Golden tests of every renderer: a fixed clock, a pinned rule set and a fake diagram, so the files are
 * stable. Refresh after an intended change with `UPDATE_GOLDEN=1 npx jest test/report/golden`.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { generateEvidencePack, REPORT_FORMATS } from '../../lib/report';
import { expectGolden } from '../golden';
import { assemblyDir, attestationsFile, FAKE_DIAGRAMS, NETWORKING_SAAS, NOW, PINNED_RULES, tmpDir } from './helpers';

const GOLDEN = path.join(__dirname, 'golden');
/** Every file of every format of the registry but the diagrams' pictures (faked here). */
const FILES = REPORT_FORMATS.filter((f) => f.name !== 'diagrams').flatMap((f) => f.files([]));

let out: string;
beforeAll(async () => {
  out = path.join(tmpDir(), 'evidence');
  await generateEvidencePack({
    assemblyDir: assemblyDir('multi-account'),
    selection: NETWORKING_SAAS,
    attestationsFile: attestationsFile('met.yaml'),
    outDir: out,
    now: NOW,
    rules: PINNED_RULES,
    diagrams: FAKE_DIAGRAMS,
    toolVersion: '0.0.0-golden',
    commandLine: 'cdk-competency report --assembly test/fixtures/report-assemblies/multi-account --out evidence',
    source: { dir: 'test/fixtures/report-assemblies', commit: '0123456789abcdef0123456789abcdef01234567', dirty: true, changedFiles: 2 },
    versions: { 'cdk-competency': '0.0.0-golden', 'aws-cdk-lib (synthesized the assembly)': '2.276.0', 'node': '20.0.0' },
  });
});

describe('evidence pack renderers: golden files', () => {
  test.each(FILES)('%s matches its golden file', (file) => {
    // GIVEN
    const actual = fs.readFileSync(path.join(out, file), 'utf-8');
    // THEN
    expectGolden(path.join(GOLDEN, file), actual);
  });

  test('the pack holds exactly the documented files', () => {
    const files: string[] = [];
    const walk = (d: string, rel = '') => fs.readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(path.join(d, e.name), `${rel}${e.name}/`) : files.push(rel + e.name)));
    walk(out);
    expect(files.sort()).toEqual([...FILES, 'diagrams/Prod.png', 'diagrams/Prod.svg', 'evidence-pack.json'].sort());
  });

  test('the marker evidence-pack.json lists every other file with its SHA-256 and size', () => {
    const marker = JSON.parse(fs.readFileSync(path.join(out, 'evidence-pack.json'), 'utf-8'));
    expect(marker).toMatchObject({ marker: 'cdk-competency evidence pack', tool: { name: 'cdk-competency', version: '0.0.0-golden' }, generatedAt: NOW.toISOString() });
    expect(Object.keys(marker.files)).toEqual([...FILES, 'diagrams/Prod.png', 'diagrams/Prod.svg'].sort());
    for (const [file, { sha256, bytes }] of Object.entries<{ sha256: string; bytes: number }>(marker.files)) {
      const content = fs.readFileSync(path.join(out, file));
      expect([file, sha256, bytes]).toEqual([file, createHash('sha256').update(content).digest('hex'), content.length]);
    }
  });
});

describe('evidence pack renderers: properties', () => {
  test('every item quotes the selected checklist\'s own line: its number, title and words', () => {
    const report = JSON.parse(fs.readFileSync(path.join(out, 'checklist.json'), 'utf-8'));
    const md = fs.readFileSync(path.join(out, 'checklist.md'), 'utf-8');
    for (const i of report.items) {
      const line = i.seed.ref === i.seed.title ? i.seed.title : `${i.seed.ref} ${i.seed.title}`;
      expect({ id: i.id, quoted: md.includes(`> **Checklist, ${line}**: ${i.seed.text}\n`) }).toEqual({ id: i.id, quoted: true });
    }
    expect(report.items).toHaveLength(67);
  });

  test('the HTML page is self-contained: no external scripts, styles, images or fonts', () => {
    const html = fs.readFileSync(path.join(out, 'checklist.html'), 'utf-8');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|<img[^>]+src="(?!data:)|@import|url\((?!#)/);
    expect(html).toMatch(/<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(html).toContain('fill="url(#d0-g)"');
    expect(html).not.toContain('<?xml');
  });

  test('every item row links to its evidence section', () => {
    const html = fs.readFileSync(path.join(out, 'checklist.html'), 'utf-8');
    const links = [...html.matchAll(/<td class="id"><a href="#([^"]+)">/g)].map((m) => m[1]);
    expect(links.length).toBe(67);
    for (const id of links) expect(html).toMatch(new RegExp(`<article class="item [a-z-]+" id="${id.replace(/\./g, '\\.')}"`));
  });

  test('the CSV is RFC 4180: CRLF rows, quoted fields with doubled quotes, one row per item', () => {
    const csv = fs.readFileSync(path.join(out, 'checklist.csv'), 'utf-8');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')[0]).toBe('id,group,title,level,status,applies,basis,failed_findings,acknowledged_findings,passed_checks,open_recommendations,runtime_controls_deployed,required_controls_missing,attestation,attested_by,attestation_date,attestation_evidence,runtime_results,decided_by,seed_ref,seed_title,seed_text');
    expect(csv).toContain('"Jane Doe, Head of Security"');
    const rows = parseCsv(csv);
    expect(rows.length).toBe(1 + 67);
    expect(rows.every((r) => r.length === rows[0].length)).toBe(true);
  });

  test('the JSON carries its schema version', () => {
    const json = JSON.parse(fs.readFileSync(path.join(out, 'checklist.json'), 'utf-8'));
    expect(json.schemaVersion).toBe(3);
    expect(json.generatedAt).toBe('2025-06-01T12:00:00.000Z');
  });

  test('the deployment guide deploys dependencies first, per account profile', () => {
    const guide = fs.readFileSync(path.join(out, 'deployment-guide.md'), 'utf-8');
    const audit = guide.indexOf("npx cdk deploy --app test/fixtures/report-assemblies/multi-account Prod/Audit --exclusively --require-approval broadening --profile <profile-for-222222222222>");
    const mgmt = guide.indexOf("npx cdk deploy --app test/fixtures/report-assemblies/multi-account Prod/Management --exclusively --require-approval broadening --profile <profile-for-111111111111>");
    expect(audit).toBeGreaterThan(0);
    expect(mgmt).toBeGreaterThan(audit);
  });
});

/** A strict RFC 4180 reader, to prove the writer's quoting. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      field += c; i++; continue;
    }
    if (c === '"') { quoted = true; i++; continue; }
    if (c === ',') { row.push(field); field = ''; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i += 2; continue; }
    if (c === '\n' || c === '\r') throw new Error(`bare line break at ${i}`);
    field += c; i++;
  }
  return rows;
}
