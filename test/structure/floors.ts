/**
 * The parts of the library and what each may import (ARCHITECTURE.md, "The parts"): the floors, ground first.
 * Nothing imports upward; the report and the test helpers reach the rules only through the packs' evaluation door.
 */
import { ImportGraph, reachableFrom } from './import-graph';

/** One part: where its modules are and the parts it may import. */
export interface Part {
  readonly name: string;
  /** 1 (ground) to 5 (applications); tests stand apart. */
  readonly floor: number;
  /** Folders (ending in `/`) or files. */
  readonly paths: readonly string[];
  /** The parts it may import (besides itself); `packs door` means the door modules of the packs only. */
  readonly mayImport: readonly string[];
  /** What it is, for ARCHITECTURE.md. */
  readonly what: string;
}

/** The modules of the packs that are the door into evaluation: templates in (`evaluate.ts`), a construct tree in (`evaluate-tree.ts`). */
export const DOOR = ['lib/packs/evaluate.ts', 'lib/packs/evaluate-tree.ts'];

/** The only modules of `lib` that may load cdk-nag: the adapter and the two cdk-nag packs built on it. */
export const CDK_NAG_ADAPTER = ['lib/packs/nag.ts', 'lib/packs/competency-checks.ts', 'lib/packs/deployment-readiness-checks.ts'];

/** Entry points that must load without cdk-nag (everything they reach, dynamic `import()`s included). */
export const NO_CDK_NAG_FROM = ['lib/rules/index.ts', 'lib/report/index.ts', 'lib/report/cli/main.ts', 'lib/testing/index.ts', ...DOOR];

const FLOOR_1 = ['checklist', 'aws', 'conventions'];
const APPLICATIONS = ['examples', 'bin', 'scripts', 'bench'];
const LIBRARY = ['checklist', 'aws', 'conventions', 'declarations', 'rules', 'constructs', 'packs', 'report', 'testing', 'docs', 'entry'];

export const PARTS: readonly Part[] = [
  { name: 'checklist', floor: 1, paths: ['lib/checklist/'], mayImport: [], what: 'the checklist as typed data; the selection parsed once; which items a selection lists and why' },
  { name: 'aws', floor: 1, paths: ['lib/aws/'], mayImport: [], what: 'AWS facts: template types, the app view, the intrinsics resolver, ARNs, CIDRs, schedules, resource classes' },
  { name: 'conventions', floor: 1, paths: ['lib/conventions.ts'], mayImport: [], what: 'tag and metadata names the constructs write and the rules and report read' },
  { name: 'declarations', floor: 2, paths: ['lib/declarations.ts'], mayImport: ['conventions'], what: 'what an app declares for the checks (appliances, recovery objectives, a single VPN, prerequisites), written into the tree' },
  { name: 'rules', floor: 2, paths: ['lib/rules/'], mayImport: FLOOR_1, what: 'one rule per file: a resource and the app view in, a verdict out' },
  { name: 'constructs', floor: 2, paths: ['constructs/'], mayImport: [...FLOOR_1, 'declarations'], what: 'L3 constructs compliant by default, one folder each' },
  { name: 'packs', floor: 3, paths: ['lib/packs/'], mayImport: [...FLOOR_1, 'rules'], what: 'the rule plan from the checklist data, the evaluation door, the cdk-nag packs' },
  { name: 'report', floor: 4, paths: ['lib/report/'], mayImport: [...FLOOR_1, 'packs door'], what: 'the evidence pack: collect, decide, render; the CLI' },
  { name: 'testing', floor: 4, paths: ['lib/testing/'], mayImport: [...FLOOR_1, 'packs door'], what: 'jest matcher, assertion, findings table, snapshot serializer' },
  { name: 'docs', floor: 4, paths: ['lib/docs/'], mayImport: [...FLOOR_1, 'rules', 'packs'], what: 'RULES.md, generated from the checklist, the rules and the plan' },
  { name: 'entry', floor: 4, paths: ['lib/index.ts'], mayImport: [...FLOOR_1, 'declarations', 'rules', 'packs'], what: 'the package root: what a synth loads (never the report)' },
  { name: 'examples', floor: 5, paths: ['examples/'], mayImport: [...LIBRARY, ...APPLICATIONS], what: 'reference deployments' },
  { name: 'bin', floor: 5, paths: ['bin/'], mayImport: [...LIBRARY, ...APPLICATIONS], what: 'the CDK app of the reference deployments, the CLI entry' },
  { name: 'scripts', floor: 5, paths: ['scripts/'], mayImport: [...LIBRARY, ...APPLICATIONS], what: 'generators, build, consumer test' },
  { name: 'bench', floor: 5, paths: ['bench/'], mayImport: [...LIBRARY, ...APPLICATIONS], what: 'benchmarks' },
  { name: 'test', floor: 6, paths: ['test/'], mayImport: [...LIBRARY, ...APPLICATIONS], what: 'tests, mirroring the source tree' },
];

/** The part a module belongs to (the most specific path wins). */
export function partOf(module: string): Part | undefined {
  let best: { part: Part; length: number } | undefined;
  for (const part of PARTS) {
    for (const p of part.paths) {
      const hit = p.endsWith('/') ? module.startsWith(p) : module === p;
      if (hit && (!best || p.length > best.length)) best = { part, length: p.length };
    }
  }
  return best?.part;
}

/** Whether `from` may import `to` under the parts' rules. */
function allowed(from: Part, to: Part, target: string): boolean {
  if (from === to) return true;
  if (from.mayImport.includes(to.name)) return true;
  return to.name === 'packs' && from.mayImport.includes('packs door') && DOOR.includes(target);
}

/** Every import that breaks the floors, one line each (`lib/report/x.ts -> lib/rules/index.ts: report may not import rules`). */
export function floorViolations(graph: Pick<ImportGraph, 'imports'>): string[] {
  const out: string[] = [];
  for (const [module, targets] of Object.entries(graph.imports)) {
    const from = partOf(module);
    if (!from) {
      out.push(`${module}: in no part of ARCHITECTURE.md`);
      continue;
    }
    for (const target of targets) {
      const to = partOf(target);
      if (!to) out.push(`${module} -> ${target}: ${target} is in no part`);
      else if (!allowed(from, to, target)) {
        out.push(`${module} -> ${target}: ${from.name} may not import ${to.name === 'packs' && from.mayImport.includes('packs door') ? `the packs beyond their door (${DOOR.join(', ')})` : to.name}`);
      }
    }
  }
  return out;
}

/** Modules that load cdk-nag where they must not: outside the adapter, or reached from an entry that must load without it. */
export function cdkNagViolations(graph: Pick<ImportGraph, 'imports' | 'packages'>): string[] {
  const loadsNag = (m: string) => (graph.packages[m] ?? []).some((p) => p === 'cdk-nag' || p.startsWith('cdk-nag/'));
  const out: string[] = [];
  for (const m of Object.keys(graph.packages)) {
    if (m.startsWith('lib/') && loadsNag(m) && !CDK_NAG_ADAPTER.includes(m)) out.push(`${m} imports cdk-nag outside the adapter (${CDK_NAG_ADAPTER.join(', ')})`);
  }
  for (const entry of NO_CDK_NAG_FROM) {
    for (const m of reachableFrom(graph as ImportGraph, [entry])) {
      if (loadsNag(m)) out.push(`${entry} loads cdk-nag through ${m}`);
    }
  }
  return out;
}

/**
 * Entry points that must load without aws-cdk-lib (and `constructs`): the rules and the evaluation door read templates,
 * the report reads a cloud assembly; loading the CDK's index costs a short-lived report process ≈ 10 ms for nothing.
 */
export const NO_CDK_LIB_FROM = ['lib/rules/index.ts', 'lib/packs/evaluate.ts', 'lib/report/index.ts', 'lib/report/cli/main.ts'];

/** Modules that load aws-cdk-lib or `constructs` from an entry that must load without them. */
export function cdkLibViolations(graph: Pick<ImportGraph, 'imports' | 'packages'>): string[] {
  const loadsCdk = (m: string) => (graph.packages[m] ?? []).some((p) => p === 'aws-cdk-lib' || p.startsWith('aws-cdk-lib/') || p === 'constructs');
  const out: string[] = [];
  for (const entry of NO_CDK_LIB_FROM) {
    for (const m of reachableFrom(graph as ImportGraph, [entry])) {
      if (loadsCdk(m)) out.push(`${entry} loads aws-cdk-lib through ${m}`);
    }
  }
  return out;
}

/** `require(...)` calls in library modules (a `require.resolve` is not one): imports are static, or typed `import()`. */
export function requireCalls(files: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const [file, text] of files) {
    text.split('\n').forEach((line, n) => {
      if (/(^|[^.\w$])require\s*\(/.test(line.replace(/\/\/.*$/, ''))) out.push(`${file}:${n + 1}: ${line.trim()}`);
    });
  }
  return out;
}

/** The parts as the Markdown table ARCHITECTURE.md shows. */
export function partsTable(): string {
  const rows = PARTS.map((p) => `| ${p.floor === 6 ? 'tests' : p.floor} | \`${p.name}\` | ${p.paths.map((x) => `\`${x}\``).join(', ')} | ${p.what} | ${mayImportText(p)} |`);
  return ['| floor | part | where | what | may import |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

function mayImportText(p: Part): string {
  if (p.mayImport.length === 0) return 'nothing of ours';
  if (p.floor >= 5) return p.floor === 6 ? 'anything' : 'anything but tests';
  return p.mayImport.map((n) => (n === 'packs door' ? `the packs' door only (${DOOR.map((d) => `\`${d}\``).join(', ')})` : `\`${n}\``)).join(', ');
}
