/**
 * Runs a corpus app the way a partner does, once: synthesizes it (explicit environments, the availability zones of
 * its cdk.context.json, no lookups), then, per selection, collects the evidence report from the cloud assembly
 * (`loadAssembly` + `collectEvidence`) and runs `CompetencyChecks.validateScope` over the app; and diffs what they
 * found against what is written beside the app.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { CURRENTLY_RECOMMENDED_FLAGS } from 'aws-cdk-lib/cx-api';
import { CompetencyChecks } from '../../lib';
import { collectEvidence, EvidenceReport, ItemEvidence, loadAssembly, readAttestationsFile } from '../../lib/report';
import { normalize, SEED_FILES, VENDORED_SEEDS_DIR } from '../checklist/seed-source';
import { BASELINE, msOperationalOptimization } from './baseline';
import { KnownCase } from './known-gaps';
import { excludedBySeed } from './seed-matrix';
import { CorpusApp, CorpusSelection, DiffLine, ExpectedVerdict, FindingKind, Verdict } from './types';

export type { DiffLine } from './types';

/** "Today" for every corpus report (attestations are dated a month before). */
export const NOW = new Date('2025-06-01T12:00:00Z');
const ATTESTED_ON = '2025-05-01';

/** The corpus's accounts and regions. */
export const WORKLOAD = { account: '111111111111', region: 'eu-west-1' } as const;
export const WORKLOAD_US = { account: '111111111111', region: 'us-east-1' } as const;
export const BACKUP_ACCOUNT = '222222222222';
export const AUDIT_ACCOUNT = '333333333333';

/** What `cdk init` writes into cdk.json, and the availability zones cdk.context.json holds for the corpus's accounts. */
export function corpusContext(): { [key: string]: unknown } {
  const azs: { [key: string]: string[] } = {};
  for (const account of [WORKLOAD.account, BACKUP_ACCOUNT, AUDIT_ACCOUNT]) {
    for (const region of ['eu-west-1', 'us-east-1']) {
      azs[`availability-zones:account=${account}:region=${region}`] = ['a', 'b', 'c'].map((z) => `${region}${z}`);
    }
  }
  return { ...CURRENTLY_RECOMMENDED_FLAGS, ...azs };
}

/** One finding as the report or the pack gives it. */
export interface ActualFinding {
  readonly item: string;
  readonly rule: string;
  readonly path: string;
  readonly kind: FindingKind;
  readonly reason?: string;
  readonly acknowledged: boolean;
}

/** What one selection produced. */
export interface SelectionResult {
  readonly report: EvidenceReport;
  readonly fromReport: readonly ActualFinding[];
  readonly fromPack: readonly ActualFinding[];
  /** `item|rule|path` of every compliant result of a required rule use, from the report. */
  readonly passed: ReadonlySet<string>;
  readonly appHasBuckets: boolean;
}

export interface AppResult {
  readonly selections: ReadonlyMap<string, SelectionResult>;
  readonly synthMs: number;
  readonly checkMs: number;
}

/** Runs `fn` without the annotations report aws-cdk-lib prints on synth (the apps keep their warnings, as partners' do). */
function quietly<T>(fn: () => T): T {
  const saved = { log: console.log, warn: console.warn, error: console.error };
  console.log = console.warn = console.error = () => undefined;
  try {
    return fn();
  } finally {
    Object.assign(console, saved);
  }
}

const key = (item: string, rule: string, p: string) => `${item}|${rule}|${p}`;

/** Synthesizes the app once and evaluates every selection of it. */
export function runApp(corpus: CorpusApp): AppResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `corpus-${corpus.name}-`));
  try {
    const t0 = Date.now();
    const outdir = path.join(dir, 'cdk.out');
    const app = new App({ outdir, context: { ...corpusContext(), ...corpus.context } });
    quietly(() => {
      corpus.build(app);
      app.synth();
    });
    const t1 = Date.now();
    const assembly = loadAssembly(outdir);
    const appHasBuckets = [...assembly.stacks, ...(assembly.nestedStacks ?? [])]
      .some((s) => Object.values(s.template.Resources ?? {}).some((r: any) => r?.Type === 'AWS::S3::Bucket' || r?.Type === 'AWS::S3::BucketPolicy'));
    const selections = new Map<string, SelectionResult>();
    for (const sel of corpus.selections) {
      let attestations;
      if (sel.attested?.length) {
        const file = path.join(dir, `${sel.name.replace(/[^a-z0-9]+/gi, '-')}.yaml`);
        fs.writeFileSync(file, sel.attested.map((id) => `"${id}":\n  attestedBy: Jane Doe, Head of Operations\n  date: ${ATTESTED_ON}\n  evidence: https://partner.example.com/evidence/${id}\n`).join(''));
        attestations = readAttestationsFile(file, NOW);
      }
      const report = collectEvidence({ assembly, selection: sel.selection, attestations, now: NOW });
      const fromReport: ActualFinding[] = [];
      const passed = new Set<string>();
      for (const i of report.items) {
        for (const [list, acknowledged] of [[i.rules.failed, false], [i.rules.acknowledged, true], [i.rules.recommended.failed, false], [i.rules.recommended.acknowledged, true]] as const) {
          for (const f of list) fromReport.push({ item: i.id, rule: f.rule, path: f.path, kind: f.kind, reason: f.reason, acknowledged });
        }
        for (const f of i.rules.passed) passed.add(key(i.id, f.rule, f.path));
      }
      const pack = new CompetencyChecks({ ...sel.selection });
      pack.validateScope(app);
      const fromPack: ActualFinding[] = pack.evaluations.filter((e) => e.status === 'non-compliant').map((e) => ({
        item: e.itemId, rule: e.rule, path: e.path, kind: e.kind, reason: e.reason, acknowledged: !!e.acknowledgement,
      }));
      selections.set(sel.name, { report, fromReport, fromPack, passed, appHasBuckets });
    }
    const result = { selections, synthMs: t1 - t0, checkMs: Date.now() - t1 };
    if (process.env.CORPUS_TIMING) process.stderr.write(`corpus ${corpus.name}: synth ${result.synthMs} ms, checks ${result.checkMs} ms\n`);
    return result;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The actual verdict: `not-verified` when the only thing keeping an item from Met is a type its rules do not read. */
export function actualVerdict(i: ItemEvidence): Verdict {
  const status = i.status as string;
  if (status === 'not-met' && i.rules.failed.length > 0 && i.rules.failed.every((f) => f.rule === 'NotVerified') && i.problems.length === 1) return 'not-verified';
  return status as Verdict;
}

const LABEL: { readonly [V in Verdict]: string } = { 'met': 'Met', 'not-met': 'Not met', 'not-verified': 'Not verified', 'not-applicable': 'Not applicable' };

/** The verdict written for an item, or implied by the seed's matrix, an expected required finding or the baseline. */
export function expectedVerdict(i: ItemEvidence, sel: CorpusSelection, appHasBuckets: boolean): ExpectedVerdict | undefined {
  const explicit = sel.verdicts[i.id];
  if (explicit) return explicit;
  if (i.kind === 'technical') {
    const excluded = excludedBySeed(i.id, sel.selection, appHasBuckets);
    if (excluded) return { verdict: 'not-applicable', why: excluded };
  }
  const findings = sel.findings.filter((f) => f.item === i.id && f.kind === 'required');
  if (findings.length > 0) {
    const onlyUnread = findings.every((f) => f.rule === 'NotVerified');
    return { verdict: onlyUnread ? 'not-verified' : 'not-met', why: `expected required finding ${findings[0].rule}: ${findings[0].why}` };
  }
  if (sel.attested?.includes(i.id)) return undefined;
  return BASELINE[i.id] ?? msOperationalOptimization(i.id);
}

function describeFinding(f: { item: string; rule: string; path: string }): string {
  return `${f.item.padEnd(6)} ${f.rule} on ${f.path}`;
}

/** Every difference for one selection (known gaps not yet removed). */
export function diffSelection(sel: CorpusSelection, result: SelectionResult): DiffLine[] {
  const out: DiffLine[] = [];
  const expected = new Map<string, { kind: FindingKind; why: string }>();
  for (const f of sel.findings) {
    for (const p of f.paths) {
      const k = key(f.item, f.rule, p);
      if (expected.has(k)) out.push({ kind: 'expectation', item: f.item, rule: f.rule, path: p, text: `expectation written twice: ${describeFinding({ ...f, path: p })}` });
      expected.set(k, { kind: f.kind, why: f.why });
    }
  }
  const actual = new Map(result.fromReport.map((f) => [key(f.item, f.rule, f.path), f]));
  for (const [k, e] of expected) {
    const [item, rule, p] = k.split('|');
    const a = actual.get(k);
    if (!a) out.push({ kind: 'missing-finding', item, rule, path: p, text: `missing finding     ${describeFinding({ item, rule, path: p })} (${e.kind})\n        expected because: ${e.why}` });
    else if (a.kind !== e.kind) out.push({ kind: 'wrong-kind', item, rule, path: p, text: `wrong kind          ${describeFinding(a)}: ${a.kind}, expected ${e.kind}\n        expected because: ${e.why}` });
  }
  for (const [k, a] of actual) {
    if (expected.has(k)) continue;
    out.push({ kind: 'unexpected-finding', item: a.item, rule: a.rule, path: a.path, text: `unexpected finding  ${describeFinding(a)} (${a.kind}${a.acknowledged ? ', acknowledged' : ''}): ${a.reason ?? ''}` });
  }
  // The pack (validateScope over the construct tree) and the report (the cloud assembly) must agree.
  const fromPack = new Set(result.fromPack.map((f) => key(f.item, f.rule, f.path)));
  for (const f of result.fromPack) {
    if (!actual.has(key(f.item, f.rule, f.path))) out.push({ kind: 'pack-report', item: f.item, rule: f.rule, path: f.path, text: `only the pack finds  ${describeFinding(f)}: ${f.reason ?? ''}` });
  }
  for (const f of result.fromReport) {
    if (!fromPack.has(key(f.item, f.rule, f.path))) out.push({ kind: 'pack-report', item: f.item, rule: f.rule, path: f.path, text: `only the report finds ${describeFinding(f)}: ${f.reason ?? ''}` });
  }
  for (const p of sel.passes) {
    const i = result.report.items.find((x) => x.id === p.item);
    // A named rule may be a recommended use; without a name, the item's required rules decide.
    const passedList = !i ? [] : p.rule ? [...i.rules.passed, ...i.rules.recommended.passed] : i.rules.passed;
    const failedList = !i ? [] : p.rule ? [...i.rules.failed, ...i.rules.recommended.failed] : i.rules.failed;
    const read = passedList.some((f) => f.path === p.path && (!p.rule || f.rule === p.rule));
    const failed = failedList.some((f) => f.path === p.path && (!p.rule || f.rule === p.rule));
    if (!read || failed) {
      out.push({
        kind: 'missing-pass', item: p.item, rule: p.rule, path: p.path,
        text: `design not passed   ${p.item.padEnd(6)} ${p.rule ?? '(any rule)'} on ${p.path}: ${!i ? 'the item is not in the report' : failed ? 'a required finding is raised on it' : 'no rule of the item read it'}\n        expected because: ${p.why}`,
      });
    }
  }
  const inReport = new Set(result.report.items.map((i) => i.id));
  for (const id of Object.keys(sel.verdicts)) {
    if (!inReport.has(id)) out.push({ kind: 'expectation', item: id, text: `verdict written for ${id}, which is not in the report` });
  }
  for (const i of result.report.items) {
    if (i.kind !== 'technical' && i.kind !== 'category') continue;
    const want = expectedVerdict(i, sel, result.appHasBuckets);
    const got = actualVerdict(i);
    if (!want) {
      out.push({ kind: 'expectation', item: i.id, text: `no expected verdict for ${i.id} (the report says ${LABEL[got]}: ${i.basis})` });
      continue;
    }
    if (want.verdict !== got) {
      out.push({ kind: 'wrong-verdict', item: i.id, text: `wrong verdict       ${i.id.padEnd(6)} ${LABEL[got]}, expected ${LABEL[want.verdict]}\n        report: ${i.basis}\n        expected because: ${want.why}` });
    }
  }
  return out;
}

/** Whether a known case covers a difference of this app and selection. */
export function covers(gap: KnownCase, app: string, selection: string, line: DiffLine): boolean {
  return gap.app === app && gap.selection === selection && gap.kind === line.kind && gap.item === line.item
    && (gap.rule === undefined || gap.rule === line.rule) && (gap.path === undefined || gap.path === line.path);
}

let seedText: string | undefined;

/** Normalized text of both seeds, for checking that rationales quote them. */
function seeds(): string {
  seedText ??= Object.values(SEED_FILES).map((f) => quoteForm(normalize(fs.readFileSync(path.join(VENDORED_SEEDS_DIR, f), 'utf8')))).join('\n');
  return seedText;
}

function quoteForm(s: string): string {
  return s.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').toLowerCase();
}

/** The quoted fragments of a rationale that are not words of either seed (none when every quote is the seed's). */
export function unquotedSeed(why: string): string[] {
  const quotes = [...why.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
  if (quotes.length === 0) return ['(no quotation of the seed)'];
  const text = seeds();
  const bad: string[] = [];
  for (const q of quotes) {
    for (const fragment of q.split(/\.\.\.|…/)) {
      const f = quoteForm(fragment).trim();
      if (f.length > 0 && !text.includes(f)) bad.push(fragment.trim());
    }
  }
  return bad;
}
