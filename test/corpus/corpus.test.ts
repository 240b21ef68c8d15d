/**
 * The corpus: partner-style CDK apps, each with what the checklist's seed text says the pack and the evidence
 * report must find in it written beside it (`test/corpus/<app>/expected.ts`). Each app is synthesized once; per
 * selection, the findings of the report and of the pack, the designs that must pass and every item's verdict are
 * diffed against the expectation. Differences still being worked on are listed, with their reason, in
 * `known-gaps.ts`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CORPUS } from './apps';
import { BASELINE } from './baseline';
import { AppResult, covers, diffSelection, DiffLine, runApp, unquotedSeed } from './harness';
import { FINISHED_OWNERS, KNOWN_GAPS, KnownCase } from './known-gaps';

const CASES: readonly { readonly gap: (typeof KNOWN_GAPS)[number]; readonly known: KnownCase }[] = KNOWN_GAPS.flatMap((gap) => gap.cases.map((known) => ({ gap, known })));
const usedCases = new Set<KnownCase>();

describe.each(CORPUS.map((app) => [app.name, app] as const))('corpus app %s', (_name, app) => {
  let result: AppResult;
  beforeAll(() => {
    result = runApp(app);
  });

  test.each(app.selections.map((s) => [s.name, s] as const))('%s: findings, passing designs and verdicts are what the seed says', (_sel, sel) => {
    const lines = diffSelection(sel, result.selections.get(sel.name)!);
    const open: DiffLine[] = [];
    for (const line of lines) {
      const found = CASES.find((x) => covers(x.known, app.name, sel.name, line));
      if (found) usedCases.add(found.known); else open.push(line);
    }
    if (process.env.CORPUS_OPEN_LINES) {
      fs.appendFileSync(process.env.CORPUS_OPEN_LINES, open.map((l) => `${JSON.stringify({ app: app.name, selection: sel.name, kind: l.kind, item: l.item, rule: l.rule, path: l.path })}\n`).join(''));
    }
    if (open.length > 0) {
      throw new Error(`${open.length} difference${open.length === 1 ? '' : 's'} in ${app.name} (${sel.name}):\n\n${open.map((l) => `  ${l.text}`).join('\n')}\n`);
    }
  });
});

describe('the expectations', () => {
  test('every rationale quotes the seed', () => {
    const bad: string[] = [];
    for (const app of CORPUS) {
      for (const sel of app.selections) {
        const whys = [
          ...sel.findings.map((f) => [`${f.item} ${f.rule}`, f.why] as const),
          ...sel.passes.map((p) => [`pass ${p.item} ${p.path}`, p.why] as const),
          ...Object.entries(sel.verdicts).map(([item, v]) => [`verdict ${item}`, v.why] as const),
        ];
        for (const [what, why] of whys) {
          const off = unquotedSeed(why);
          if (off.length > 0) bad.push(`${app.name} (${sel.name}) ${what}: ${off.join(' | ')}`);
        }
      }
    }
    for (const [item, v] of Object.entries(BASELINE)) {
      const off = unquotedSeed(v.why);
      if (off.length > 0) bad.push(`baseline ${item}: ${off.join(' | ')}`);
    }
    expect(bad).toEqual([]);
  });

  test('the README\'s coverage table names every app of the corpus, and only those', () => {
    const readme = fs.readFileSync(path.join(__dirname, 'README.md'), 'utf-8');
    const table = readme.slice(readme.indexOf('## What the corpus covers'), readme.indexOf('## What is written beside each app'));
    const named = new Set([...table.matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]));
    expect([...named].sort()).toEqual(CORPUS.map((a) => a.name).sort());
  });

  test('every known gap is still open where its owner has finished', () => {
    const apps = new Map(CORPUS.map((a) => [a.name, new Set(a.selections.map((s) => s.name))]));
    const unknown = CASES.filter(({ known }) => !apps.get(known.app)?.has(known.selection)).map(({ known }) => `${known.app} (${known.selection})`);
    expect(unknown).toEqual([]);
    const closed = CASES
      .filter(({ gap, known }) => FINISHED_OWNERS.includes(gap.owner) && !usedCases.has(known))
      .map(({ known }) => `${known.app} (${known.selection}) ${known.kind} ${known.item} ${known.rule ?? ''} ${known.path ?? ''}`);
    // A closed case: the library now says what the seed says; remove it from known-gaps.ts.
    expect(closed).toEqual([]);
  });
});
