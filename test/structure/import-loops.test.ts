import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { importGraph } from './import-graph';

describe('no import loops among our own modules', () => {
  test('Noncompliance: a loop through a type-only import (a construct and its validation through *Props) is found', () => {
    // GIVEN: the shape the construct folders had, a construct and its validation importing each other
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loops-'));
    try {
      fs.mkdirSync(path.join(dir, 'src'));
      fs.writeFileSync(path.join(dir, 'src', 'thing.ts'), "import { validate } from './validation';\nexport interface ThingProps { readonly name: string }\nexport class Thing { constructor(p: ThingProps) { validate(p); } }\n");
      fs.writeFileSync(path.join(dir, 'src', 'validation.ts'), "import type { ThingProps } from './thing';\nexport function validate(p: ThingProps): void { if (!p.name) throw new Error('name'); }\n");
      fs.writeFileSync(path.join(dir, 'src', 'index.ts'), "export * from './thing';\n");
      // WHEN
      const graph = importGraph(dir, ['src']);
      // THEN
      expect(graph.loops).toEqual([['src/thing.ts', 'src/validation.ts']]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('Compliance: the whole repository (bin, lib, constructs, examples, scripts, bench, test) has none, and every import resolves', () => {
    // WHEN
    const graph = importGraph();
    // THEN
    expect(Object.keys(graph.imports).length).toBeGreaterThan(400);
    expect(graph.imports['lib/index.ts']).toEqual(expect.arrayContaining(['lib/checklist/index.ts', 'lib/packs/index.ts']));
    expect(graph.unresolved).toEqual([]);
    expect(graph.loops.map((loop) => loop.join(' -> '))).toEqual([]);
  });
});
