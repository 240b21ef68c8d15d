/**
 * The corpus: partner-style CDK apps, each with what the checklist's seed text says the pack and the evidence
 * report must find in it written beside it (`test/corpus/<app>/expected.ts`). Each app is synthesized once; per
 * selection, the findings of the report and of the pack, the designs that must pass and every item's verdict are
 * diffed against the expectation. Differences still being worked on are listed, with their reason, in
 * `known-gaps.ts`.
 */
import { CORPUS } from './apps';
import { BASELINE } from './baseline';
import { AppResult, covers, diffSelection, DiffLine, runApp, unquotedSeed } from './harness';
import { KNOWN_GAPS } from './known-gaps';

const usedGaps = new Set<number>();

describe.each(CORPUS.map((app) => [app.name, app] as const))('corpus app %s', (_name, app) => {
  let result: AppResult;
  beforeAll(() => {
    result = runApp(app);
  });

  test.each(app.selections.map((s) => [s.name, s] as const))('%s: findings, passing designs and verdicts are what the seed says', (_sel, sel) => {
    const lines = diffSelection(sel, result.selections.get(sel.name)!);
    const open: DiffLine[] = [];
    for (const line of lines) {
      const gap = KNOWN_GAPS.findIndex((g) => covers(g, app.name, sel.name, line));
      if (gap >= 0) usedGaps.add(gap); else open.push(line);
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

  test('every known gap names an app and selection of the corpus and still differs', () => {
    const stale = KNOWN_GAPS.map((g, i) => ({ g, i })).filter(({ i }) => !usedGaps.has(i)).map(({ g }) => `${g.app} (${g.selection}) ${g.kind} ${g.item} ${g.rule ?? ''} ${g.path ?? ''}: ${g.reason}`);
    expect(stale).toEqual([]);
  });
});
