/**
 * The report formats of an evidence pack, as a registry: each format declares the files it writes, what they are and
 * the documentation item they serve, and renders them from the pack's model alone (the report, the architecture, the
 * drawn diagrams). `generateEvidencePack`, the CLI help and SCHEMA.md are derived from this list: adding a format is
 * one entry here and its renderer.
 */
import { Architecture } from '../architecture/model';
import { DiagramRef, EvidenceReport } from '../model';
import { renderCsv } from './csv';
import { renderDeploymentGuide } from './deployment-guide';
import { renderHtml } from './html';
import { renderJson } from './json';
import { renderMarkdown } from './markdown';

/** One drawn diagram of the pack, with the files it is written to. */
export interface DrawnDiagram {
  readonly ref: DiagramRef;
  readonly svg: string;
  readonly png: Uint8Array;
  /** The Graphviz source. @default - none written */
  readonly dot?: string;
  /** The flow steps the picture numbers (e.g. `3a`), listed under it in the HTML report. @default - the flows of its stage */
  readonly steps?: readonly string[];
}

/** Everything a format renders from: nothing else (no assembly, no template). */
export interface PackModel {
  readonly report: EvidenceReport;
  /** Account names and the numbered flows, shared by the diagrams, the HTML report and the deployment guide. */
  readonly architecture?: Architecture;
  readonly diagrams: readonly DrawnDiagram[];
}

/** One format of the pack. */
export interface ReportFormat {
  /** Short name, e.g. `html`. */
  readonly name: string;
  /** The files it writes, as the CLI help and SCHEMA.md show them (`checklist.html`, `diagrams/<stage>.svg|png|dot`). */
  readonly pattern: string;
  /** What the files are, in a few words. */
  readonly description: string;
  /**
   * The documentation item its files are evidence for, and which of them (listed in the item's `generatedEvidence`).
   * @default - none
   */
  readonly evidence?: { readonly item: string; files(diagrams: readonly DiagramRef[]): readonly string[] };
  /** The files it writes for a pack with these diagrams, relative to the pack. */
  files(diagrams: readonly DiagramRef[]): readonly string[];
  /** Renders its files: path relative to the pack → contents. */
  render(model: PackModel): ReadonlyMap<string, string | Uint8Array>;
}

/** A format that writes one text file. */
function single(name: string, file: string, description: string, evidenceFor: string | undefined, render: (model: PackModel) => string): ReportFormat {
  return {
    name,
    pattern: file,
    description,
    ...(evidenceFor ? { evidence: { item: evidenceFor, files: () => [file] } } : {}),
    files: () => [file],
    render: (model) => new Map([[file, render(model)]]),
  };
}

const COMPLETED_CHECKLIST = 'doc.completed-validation-checklist';

/** Every format of the pack, in the order the CLI help lists them. */
export const REPORT_FORMATS: readonly ReportFormat[] = [
  single('html', 'checklist.html', 'the completed checklist: one page, the diagrams inline', COMPLETED_CHECKLIST,
    ({ report, architecture, diagrams }) => renderHtml({
      report,
      architecture,
      diagramSvgs: new Map(diagrams.map((d) => [d.ref.svgFile, d.svg])),
      diagramSteps: new Map(diagrams.map((d) => [d.ref.svgFile, d.steps])),
    })),
  single('markdown', 'checklist.md', 'the completed checklist as Markdown', COMPLETED_CHECKLIST, ({ report }) => renderMarkdown(report)),
  single('csv', 'checklist.csv', 'the completed checklist, one row per item', COMPLETED_CHECKLIST, ({ report }) => renderCsv(report)),
  single('json', 'checklist.json', 'the report model (schema: lib/report/SCHEMA.md)', COMPLETED_CHECKLIST, ({ report }) => renderJson(report)),
  single('deployment-guide', 'deployment-guide.md', 'how to deploy, verify and roll back the stacks',
    'doc.deployment-guide', ({ report, architecture }) => renderDeploymentGuide({ report, architecture })),
  {
    name: 'diagrams',
    pattern: 'diagrams/<stage>.svg|png|dot',
    description: 'architecture diagrams, one per stage (overview.* for several)',
    // The pictures show the architecture; the Graphviz source is for whoever redraws them.
    evidence: { item: 'doc.architecture-diagram', files: (diagrams) => diagrams.flatMap((d) => [d.svgFile, d.pngFile]) },
    files: (diagrams) => diagrams.flatMap((d) => [d.svgFile, d.pngFile, ...(d.dotFile ? [d.dotFile] : [])]),
    render: ({ diagrams }) => new Map<string, string | Uint8Array>(diagrams.flatMap((d) => [
      [d.ref.svgFile, d.svg],
      [d.ref.pngFile, d.png],
      ...(d.dot !== undefined && d.ref.dotFile ? [[d.ref.dotFile, d.dot] as const] : []),
    ] as const)),
  },
];

/** The pack's files that serve each documentation item, by item id. */
export function generatedEvidence(diagrams: readonly DiagramRef[]): { readonly [itemId: string]: readonly string[] } {
  const out: { [itemId: string]: string[] } = {};
  for (const f of REPORT_FORMATS) if (f.evidence) (out[f.evidence.item] ??= []).push(...f.evidence.files(diagrams));
  return out;
}

/** Renders every format: path relative to the pack → contents. */
export function renderPack(model: PackModel): Map<string, string | Uint8Array> {
  const files = new Map<string, string | Uint8Array>();
  for (const f of REPORT_FORMATS) for (const [file, contents] of f.render(model)) files.set(file, contents);
  return files;
}

/** The pack's files as one line each (`  checklist.html  the completed checklist ...`), for the CLI help. */
export function formatsHelp(indent = '  '): string {
  const width = Math.max(...REPORT_FORMATS.map((f) => f.pattern.length));
  return REPORT_FORMATS.map((f) => `${indent}${f.pattern.padEnd(width)}  ${f.description}`).join('\n');
}
