import * as fs from 'fs';
import * as path from 'path';
import { importGraph, REPO_ROOT } from './import-graph';
import { cdkLibViolations, cdkNagViolations, floorViolations, partsTable, requireCalls } from './floors';

describe('the floors: what each part may import (ARCHITECTURE.md)', () => {
  const graph = importGraph();

  test('Noncompliance: the report reaching into the rules, a rule importing the packs, the checklist importing AWS facts, a construct importing an example', () => {
    // GIVEN
    const imports = {
      'lib/report/collect/index.ts': ['lib/rules/index.ts', 'lib/packs/plan.ts', 'lib/packs/evaluate.ts'],
      'lib/rules/security/X.ts': ['lib/packs/plan.ts'],
      'lib/checklist/types.ts': ['lib/aws/arn.ts'],
      'constructs/x/x.ts': ['examples/multi-az-vpc/stack.ts'],
      'lib/stray.ts': [],
    };
    // WHEN / THEN
    expect(floorViolations({ imports })).toEqual([
      'lib/report/collect/index.ts -> lib/rules/index.ts: report may not import rules',
      'lib/report/collect/index.ts -> lib/packs/plan.ts: report may not import the packs beyond their door (lib/packs/evaluate.ts, lib/packs/evaluate-tree.ts)',
      'lib/rules/security/X.ts -> lib/packs/plan.ts: rules may not import packs',
      'lib/checklist/types.ts -> lib/aws/arn.ts: checklist may not import aws',
      'constructs/x/x.ts -> examples/multi-az-vpc/stack.ts: constructs may not import examples',
      'lib/stray.ts: in no part of ARCHITECTURE.md',
    ]);
  });

  test('Noncompliance: cdk-nag outside the adapter, or reached from the report, a lazy require()', () => {
    // GIVEN
    const imports = { 'lib/report/index.ts': ['lib/report/a.ts'], 'lib/report/a.ts': ['lib/packs/evaluate.ts'], 'lib/packs/evaluate.ts': ['lib/packs/nag.ts'], 'lib/packs/nag.ts': [] };
    const packages = { 'lib/report/index.ts': [], 'lib/report/a.ts': [], 'lib/packs/evaluate.ts': ['cdk-nag/lib/nag-rules'], 'lib/packs/nag.ts': ['cdk-nag/lib/nag-rules'] };
    // WHEN / THEN
    expect(cdkNagViolations({ imports, packages })).toEqual([
      'lib/packs/evaluate.ts imports cdk-nag outside the adapter (lib/packs/nag.ts, lib/packs/competency-checks.ts, lib/packs/deployment-readiness-checks.ts)',
      'lib/report/index.ts loads cdk-nag through lib/packs/evaluate.ts',
      'lib/report/index.ts loads cdk-nag through lib/packs/nag.ts',
      'lib/packs/evaluate.ts loads cdk-nag through lib/packs/evaluate.ts',
      'lib/packs/evaluate.ts loads cdk-nag through lib/packs/nag.ts',
    ]);
    expect(requireCalls(new Map([['lib/x.ts', "const a = require('a');\nconst p = require.resolve('b');\n// require('c') in a comment\nx.require('d');"]]))).toEqual(["lib/x.ts:1: const a = require('a');"]);
  });

  test('Noncompliance: the report loading aws-cdk-lib through the names the constructs write', () => {
    // GIVEN: the conventions module also holding the helpers that write them into the tree
    const imports = { 'lib/report/index.ts': ['lib/conventions.ts'], 'lib/conventions.ts': [] };
    const packages = { 'lib/report/index.ts': [], 'lib/conventions.ts': ['aws-cdk-lib', 'constructs'] };
    // WHEN / THEN
    expect(cdkLibViolations({ imports, packages })).toEqual(['lib/report/index.ts loads aws-cdk-lib through lib/conventions.ts']);
  });

  test('Compliance: the rules, the evaluation door and the report load without aws-cdk-lib', () => {
    expect(graph.packages['lib/declarations.ts']).toContain('aws-cdk-lib');
    expect(cdkLibViolations(graph)).toEqual([]);
  });

  test('Compliance: every module of the repository is in a part and imports only what its floor allows', () => {
    expect(Object.keys(graph.imports).length).toBeGreaterThan(400);
    expect(floorViolations(graph)).toEqual([]);
  });

  test('Compliance: rules, the report, the test helpers and the evaluation door load without cdk-nag; only the adapter imports it', () => {
    expect(graph.packages['lib/packs/nag.ts']).toContain('cdk-nag/lib/nag-rules');
    expect(cdkNagViolations(graph)).toEqual([]);
  });

  test('Compliance: no require() in the library (optional peers load through typed import())', () => {
    const files = new Map(Object.keys(graph.imports).filter((m) => m.startsWith('lib/') || m.startsWith('constructs/'))
      .map((m) => [m, fs.readFileSync(path.join(REPO_ROOT, m), 'utf-8')] as const));
    expect(files.size).toBeGreaterThan(200);
    expect(requireCalls(files)).toEqual([]);
  });

  test('ARCHITECTURE.md shows the parts as this test enforces them', () => {
    const doc = fs.readFileSync(path.join(REPO_ROOT, 'ARCHITECTURE.md'), 'utf-8');
    expect(doc).toContain(partsTable());
  });
});
