/**
 * The report formats are a registry (`lib/report/render/formats.ts`): the pack writes what the formats declare, the
 * CLI help lists them, the documentation items name their files, and the renderers read the pack's model alone.
 */
import { main } from '../../lib/report/cli/main';
import { generateEvidencePack, REPORT_FORMATS } from '../../lib/report';
import { importGraph } from '../structure/import-graph';
import { assemblyDir, FAKE_DIAGRAMS, NETWORKING_SAAS, NOW, PINNED_RULES, tmpDir } from './helpers';

describe('report formats: one registry', () => {
  test('the pack writes exactly the files its formats declare, and each documentation item lists its format\'s files', async () => {
    // WHEN
    const pack = await generateEvidencePack({ assemblyDir: assemblyDir('multi-account'), selection: NETWORKING_SAAS, outDir: `${tmpDir()}/evidence`, now: NOW, rules: PINNED_RULES, diagrams: FAKE_DIAGRAMS });
    // THEN
    const declared = REPORT_FORMATS.flatMap((f) => f.files(pack.report.diagrams));
    expect([...pack.files]).toEqual([...declared].sort());
    expect(pack.files).toContain('diagrams/Prod.svg');
    for (const f of REPORT_FORMATS) {
      if (!f.evidence) continue;
      const item = pack.report.items.find((i) => i.id === f.evidence!.item)!;
      expect({ format: f.name, files: f.evidence.files(pack.report.diagrams).every((file) => item.generatedEvidence.includes(file)) }).toEqual({ format: f.name, files: true });
    }
    expect(pack.report.items.find((i) => i.id === 'doc.architecture-diagram')!.generatedEvidence).toEqual(['diagrams/Prod.svg', 'diagrams/Prod.png']);
  });

  test('the CLI help lists every format\'s files', async () => {
    // WHEN
    let stdout = '';
    await main(['report', '--help'], { stdout: (t) => { stdout += t; }, stderr: () => undefined, stderrIsTTY: false, env: {} });
    // THEN
    const lines = REPORT_FORMATS.map((f) => stdout.split('\n').find((l) => l.startsWith(`  ${f.pattern} `)));
    expect(lines.every((l) => l !== undefined && l.length <= 100)).toBe(true);
  });

  test('renderers read the pack\'s model only: nothing of the assembly, the templates or the rules', () => {
    const graph = importGraph();
    const renderers = Object.keys(graph.imports).filter((m) => m.startsWith('lib/report/render/'));
    expect(renderers.length).toBeGreaterThan(5);
    const reached = renderers.flatMap((m) => graph.imports[m].filter((t) => !/^lib\/report\/(render\/|model\.ts|labels\.ts|architecture\/model\.ts)/.test(t)).map((t) => `${m} -> ${t}`));
    expect(reached).toEqual([]);
  });
});
