/**
 * `generateEvidencePack`: assembly + selection + attestations → the evidence pack directory
 * (`checklist.{md,html,csv,json}`, `diagrams/<stage>.{svg,png,dot}` and `diagrams/overview.*` for an app of several
 * stages, `deployment-guide.md`, and the marker `evidence-pack.json`). The architecture (account names, numbered
 * flows) is derived once and shared by the diagrams, the HTML report and the deployment guide, so that they number
 * the flows alike. Everything is rendered before anything is written; see `out-dir.ts` for where a pack may be
 * written and why it never deletes a file it did not write.
 */
import * as path from 'path';
import { ChecklistSelection, parseSelection, Selection } from '../checklist';
import { accountNamesFromCdkJson, accountNamesProblems, AccountNames, Architecture, cdkJsonOf, describeArchitecture } from './architecture';
import { LoadedAssembly, loadAssembly } from './assembly';
import type { AttestationSet } from './attestations/parse';
import { ReportInputError } from './errors';
import { DiagramRef, EvidenceReport, SourceControl } from './model';
import { diagramStem } from './render/common';
import { DrawnDiagram, generatedEvidence, renderPack } from './render/formats';
import { checkOutDir, PackManifest, topAssemblyDir, writePack } from './out-dir';
import { collectProvenance, commandLineOf } from './provenance';
import { TOOL_VERSION } from './version';

export { ReportInputError } from './errors';

/** One rendered diagram, as `renderDiagrams` returns it. */
export interface PackDiagram {
  readonly stage: string;
  /**
   * A stage's diagram, or the overview of the whole app (`diagrams/overview.*`).
   * @default 'stage'
   */
  readonly kind?: 'stage' | 'overview';
  readonly svg: string;
  /** The PNG, or its promise when it is still being drawn off the main thread (see `RenderedDiagram.png`). */
  readonly png: Uint8Array | Promise<Uint8Array>;
  /** The Graphviz source, written next to the pictures. @default - none written */
  readonly dot?: string;
  /** The flow steps the picture numbers (e.g. `3a`), listed under it in the HTML report. @default - the flows of its stage */
  readonly steps?: readonly string[];
}

/** What a diagram renderer gets besides the assembly: the pack's architecture and drawing options. */
export interface DiagramContext {
  /** Account names and numbered flows, shared with the HTML report and the deployment guide. */
  readonly architecture: Architecture;
  /** Draw each stack as a dashed box. */
  readonly stackBoundaries: boolean;
}

/** Renders the architecture diagrams of an assembly. */
export type DiagramRenderer = (assembly: LoadedAssembly, context: DiagramContext) => Promise<readonly PackDiagram[]>;

/** Options of {@link generateEvidencePack}. */
export interface GenerateEvidencePackOptions {
  /** The cloud assembly directory (`cdk.out`, or a stage's nested `cdk.out/assembly-<Stage>`). */
  readonly assemblyDir: string;
  /** The selection, checked once here (a `ReportInputError` when it is invalid) unless it was parsed before. */
  readonly selection: ChecklistSelection | Selection;
  /** @default - no attestations */
  readonly attestationsFile?: string;
  /**
   * The pack directory: missing, empty, or holding an earlier pack (whose files alone are replaced).
   * Never the input assembly or inside it.
   */
  readonly outDir: string;
  /** @default - the current time */
  readonly now?: Date;
  /**
   * How to draw the architecture diagrams; `false` for none.
   * @default - `renderDiagrams` of `lib/report/diagram`
   */
  readonly diagrams?: DiagramRenderer | false;
  /**
   * Names of AWS accounts by 12-digit id (their role: `Management`, `Audit / log archive`...), shown on the
   * diagrams, in the report and the deployment guide. They complete (and win over) the names the app's `cdk.json`
   * gives: `cdk-competency:accountNames`, and `<role>Account` entries of a context object (the reference app's
   * `cdk-competency:reference`).
   * @default - the names in the app's cdk.json, if any
   */
  readonly accountNames?: AccountNames;
  /**
   * Draw each stack as a dashed box on the diagrams.
   * @default false
   */
  readonly stackBoundaries?: boolean;
  /**
   * Run only these synth rules (by name).
   * @default - every implemented rule
   */
  readonly rules?: readonly string[];
  /** @default - this library's version */
  readonly toolVersion?: string;
  /** Progress messages ("reading the assembly", ...). @default - silent */
  readonly onProgress?: (message: string) => void;
  /** Non-fatal problems (a diagram that could not be drawn). @default - silent */
  readonly onWarning?: (message: string) => void;
  /**
   * The command that generated the pack, recorded in its provenance.
   * @default - this process's command line
   */
  readonly commandLine?: string;
  /**
   * Report on an assembly whose synth recorded errors (the report then says so at the top of every file).
   * @default false - such an assembly is refused (ReportInputError)
   */
  readonly allowSynthErrors?: boolean;
  /**
   * The source commit recorded in the provenance (e.g. from CI variables when the checkout has no `.git`).
   * @default - read with git from the directory holding the assembly
   */
  readonly source?: SourceControl;
  /**
   * The versions recorded in the provenance.
   * @default - this library, the CDK that synthesized the assembly, Node.js and every runtime dependency, as installed
   */
  readonly versions?: { readonly [name: string]: string };
  /**
   * Read the results of the deployed runtime controls from AWS with the default credential chain
   * (read-only calls, see `lib/report/live`); `true` for the defaults.
   * @default - not read: deployed controls read "deployed, not verified"
   */
  readonly live?: boolean | LivePackOptions;
}

/** Options of a live read (`report --live`). */
export interface LivePackOptions {
  /**
   * The region of environment-agnostic stacks.
   * @default - `AWS_REGION`, else `AWS_DEFAULT_REGION`; none: such stacks are not read
   */
  readonly region?: string;
  /**
   * Extra configuration for every AWS SDK client (credentials, endpoint, request handler, retry strategy).
   * @default - the default credential chain, adaptive retries
   */
  readonly clientConfig?: { readonly [key: string]: unknown };
}

/** What {@link generateEvidencePack} produced. */
export interface EvidencePack {
  readonly report: EvidenceReport;
  readonly outDir: string;
  /** Files written, relative to `outDir`, sorted (the marker `evidence-pack.json` left out). */
  readonly files: readonly string[];
  /** The marker written into the pack: every file with its SHA-256. */
  readonly manifest: PackManifest;
}

const defaultDiagrams: DiagramRenderer = async (assembly, context) => {
  // Loaded only when diagrams are drawn (dynamic import): Graphviz (WebAssembly), resvg and the icons.
  const { renderDiagrams } = await import('./diagram');
  const diagrams = await renderDiagrams(assembly, { architecture: context.architecture, stackBoundaries: context.stackBoundaries });
  return diagrams.map((d) => ({ ...d, steps: d.model.legend.flatMap((f) => f.steps.map((s) => s.id)) }));
};

/**
 * Generates the evidence pack.
 * @throws AssemblyError, AttestationsError or ReportInputError for bad input (one-line messages); nothing
 *   is written then.
 */
export async function generateEvidencePack(opts: GenerateEvidencePackOptions): Promise<EvidencePack> {
  const progress = opts.onProgress ?? (() => undefined);
  const now = opts.now ?? new Date();
  let selection: Selection;
  try {
    selection = parseSelection(opts.selection);
  } catch (e) {
    throw new ReportInputError((e as Error).message);
  }
  if (opts.accountNames !== undefined) {
    const problems = accountNamesProblems(opts.accountNames, 'accountNames');
    if (problems.length) throw new ReportInputError(problems.join('; '));
  }
  progress(`reading the cloud assembly ${opts.assemblyDir}`);
  const assembly = loadAssembly(opts.assemblyDir);
  const synthErrors = assembly.synthErrors ?? [];
  if (synthErrors.length > 0 && !opts.allowSynthErrors) {
    const first = synthErrors[0];
    throw new ReportInputError(`the cloud assembly ${opts.assemblyDir} comes from a synth with ${synthErrors.length} error${synthErrors.length === 1 ? '' : 's'} `
      + `(${first.path ? `${first.path}: ` : ''}${first.message.split('\n')[0]}${synthErrors.length > 1 ? '; ...' : ''}): fix them and synthesize again, or pass --allow-synth-errors to report on it anyway`);
  }
  let attestations: AttestationSet | undefined;
  if (opts.attestationsFile) {
    progress(`reading attestations ${opts.attestationsFile}`);
    // The YAML parser is loaded only when there is a file to read (dynamic import).
    const { readAttestationsFile } = await import('./attestations/parse');
    attestations = readAttestationsFile(shown(opts.attestationsFile), now);
  }
  // Checked before the long work, and again just before writing.
  checkOutDir(opts.outDir, { assemblyDir: opts.assemblyDir });

  const cdkJson = cdkJsonOf(opts.assemblyDir);
  const architecture = describeArchitecture(assembly, { accountNames: { ...(cdkJson ? accountNamesFromCdkJson(cdkJson) : {}), ...opts.accountNames } });

  let diagrams: readonly PackDiagram[] = [];
  if (opts.diagrams !== false) {
    progress('drawing the architecture diagrams');
    try {
      diagrams = await (opts.diagrams ?? defaultDiagrams)(assembly, { architecture, stackBoundaries: opts.stackBoundaries ?? false });
    } catch (e) {
      opts.onWarning?.(`architecture diagrams could not be drawn: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  const diagramRefs: DiagramRef[] = diagrams.map((d) => {
    const stem = d.kind === 'overview' ? 'overview' : diagramStem(d.stage);
    return {
      stage: d.stage,
      kind: d.kind ?? 'stage',
      title: d.kind === 'overview' ? 'Overview: accounts, stacks and the flows between them' : d.stage ? `Stage ${d.stage}` : 'Application',
      svgFile: `diagrams/${stem}.svg`,
      pngFile: `diagrams/${stem}.png`,
      ...(d.dot ? { dotFile: `diagrams/${stem}.dot` } : {}),
    };
  });

  progress('running the synth rules and collecting evidence');
  // Loaded only now (dynamic import): the rules and the packs, which bad input never needs.
  const { collectEvidence, evaluateAssembly, liveTargets } = await import('./collect');
  const evaluated = evaluateAssembly(assembly, selection, { rules: opts.rules });
  let live: Parameters<typeof collectEvidence>[0]['live'];
  if (opts.live) {
    const liveOpts: LivePackOptions = opts.live === true ? {} : opts.live;
    progress('reading the runtime controls\' results from AWS');
    // Loaded only here (dynamic import): the AWS SDK is needed by --live alone.
    const { readLive } = await import('./live');
    live = await readLive({
      assembly,
      targets: liveTargets(evaluated),
      now,
      region: liveOpts.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION,
      clientConfig: liveOpts.clientConfig,
    });
  }
  const report = collectEvidence({
    live,
    assembly,
    evaluated,
    selection,
    attestations,
    now,
    assemblyDir: shown(opts.assemblyDir),
    appDir: appDirOf(assembly.dir),
    toolVersion: opts.toolVersion,
    diagrams: diagramRefs,
    rules: opts.rules,
    provenance: collectProvenance({
      assembly,
      commandLine: opts.commandLine ?? commandLineOf(process.argv.slice(1).map((a) => shown(a))),
      synthErrorsAllowed: synthErrors.length > 0 && (opts.allowSynthErrors ?? false),
      source: opts.source,
      versions: opts.versions,
    }),
    generatedEvidence: generatedEvidence(diagramRefs),
  });

  progress('rendering');
  // The PNGs are still being drawn in the thread pool (they were while the rules ran): the formats render meanwhile,
  // each PNG standing in as a placeholder that the diagrams format passes through, and the pictures replace them.
  const placeholders = diagrams.map(() => new Uint8Array(0));
  const drawn: DrawnDiagram[] = diagrams.map((d, n) => ({ ref: diagramRefs[n], svg: d.svg, png: placeholders[n], dot: d.dot, steps: d.steps }));
  const files = renderPack({ report, architecture, diagrams: drawn });
  const pngs = await Promise.all(diagrams.map((d) => d.png));
  diagramRefs.forEach((ref, n) => {
    if (files.get(ref.pngFile) !== placeholders[n]) throw new Error(`internal: the pack's ${ref.pngFile} is not the picture drawn for it`);
    files.set(ref.pngFile, pngs[n]);
  });

  progress(`writing ${opts.outDir}`);
  const manifest = writePack(checkOutDir(opts.outDir, { assemblyDir: opts.assemblyDir }), files, {
    tool: { name: 'cdk-competency', version: opts.toolVersion ?? TOOL_VERSION },
    generatedAt: report.generatedAt,
  });
  return { report, outDir: opts.outDir, files: [...files.keys()].sort(), manifest };
}

/** A path as shown in reports: relative to the working directory when it is inside it. */
function shown(p: string): string {
  const rel = path.relative(process.cwd(), path.resolve(p));
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

/** The directory to give `cdk deploy --app`: the top-level `cdk.out` when pointed at a nested stage assembly. */
function appDirOf(dir: string): string {
  return shown(topAssemblyDir(dir));
}
