/**
 * The `cdk-competency` command line:
 *
 *   cdk-competency report --assembly cdk.out --checklist networking --deployment-model saas [...]
 *   cdk-competency attestations init --checklist networking --deployment-model saas [...]
 *
 * Exit codes: 0 every applicable item Met; 1 some item Not met; 2 bad input (one line on stderr).
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  CATEGORIES, CategoryId, ChecklistId, DEPLOYMENT_MODELS, DeploymentModel, parseSelection, Selection, SUBCATEGORIES, SubcategoryId,
} from '../../checklist';
import { AccountNames, parseAccountNames } from '../architecture/accounts';
import { AssemblyError } from '../assembly/errors';
import { attestationsTemplate } from '../attestations/template';
import { AttestationsError, ReportInputError } from '../errors';
import type { GenerateEvidencePackOptions, LivePackOptions } from '../pack';
import { commandLineOf } from '../provenance';
import { TOOL_VERSION } from '../version';
import { parseArgs, UsageError } from './args';

/** Where the CLI writes and what it knows of its environment (injected by tests). */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stderr is an interactive terminal (progress is shown only then, and not under CI). */
  readonly stderrIsTTY: boolean;
  /**
   * Whether stdout is an interactive terminal: `attestations init` without `--out` writes a file then,
   * and prints the template to stdout otherwise (`... > competency-attestations.yaml`).
   * @default false
   */
  readonly stdoutIsTTY?: boolean;
  readonly env: { readonly [name: string]: string | undefined };
  /** @default - the current time */
  readonly now?: Date;
  /** Extra options for generateEvidencePack (tests: no diagrams, a fixed rule set). */
  readonly packOptions?: Partial<GenerateEvidencePackOptions>;
  /** Extra options of `--live` (tests: an AWS SDK client configuration). */
  readonly liveOptions?: LivePackOptions;
}

export const EXIT_MET = 0;
export const EXIT_NOT_MET = 1;
export const EXIT_BAD_INPUT = 2;

const CHECKLISTS = Object.keys(CATEGORIES) as ChecklistId[];

const HELP_INDENT = ' '.repeat(30);

/** The deployment models of each checklist, one checklist per help line. */
const MODELS_HELP = CHECKLISTS.map((c, n) => `${n === 0 ? '' : HELP_INDENT}${c}: ${DEPLOYMENT_MODELS[c].join(', ')}`).join('\n');

/** The categories claimed directly (those without subcategories), one checklist per help line. */
const CATEGORIES_HELP = CHECKLISTS.map((c) => ({ c, direct: CATEGORIES[c].filter((cat) => SUBCATEGORIES[cat].length === 0) }))
  .filter(({ direct }) => direct.length > 0)
  .map(({ c, direct }) => `${HELP_INDENT}${c}: ${direct.join(', ')}`).join('\n');

/** The subcategory ids, one category per help line. */
const SUBCATEGORY_HELP = CHECKLISTS.flatMap((c) => CATEGORIES[c])
  .filter((cat) => SUBCATEGORIES[cat].length > 0)
  .map((cat) => `${HELP_INDENT}${SUBCATEGORIES[cat].map((s) => s.id).join(', ')}`)
  .join('\n');

const MAIN_HELP = `cdk-competency ${TOOL_VERSION}: evidence packs for the AWS Competency Technology Partner Validation Checklists

Usage:
  cdk-competency report --assembly <dir> --checklist <id> --deployment-model <model> [options]
  cdk-competency attestations init --checklist <id> --deployment-model <model> [options]
  cdk-competency verify <pack> [--assembly <dir>]
  cdk-competency --version

Run 'cdk-competency <command> --help' for a command's options.
`;

/** The help of `report`; `files` lists the pack's files, one line each (from the registry of report formats). */
const reportHelp = (files: string): string => `Usage: cdk-competency report --assembly <dir> --checklist <id> --deployment-model <model> [options]

Writes the evidence pack into --out, with the marker evidence-pack.json (every file's SHA-256):
${files}

Options:
  --assembly <dir>            cloud assembly (cdk.out, or a stage's cdk.out/assembly-<Stage>)   required
  --checklist <id>            ${CHECKLISTS.join(' | ')}   required
  --deployment-model <model>  ${MODELS_HELP}   required
  --categories <a,b>          claimed categories (comma-separated)
${CATEGORIES_HELP}
  --subcategories <a,b>       claimed subcategories (comma-separated); categories that have them
                              are claimed by subcategory:
${SUBCATEGORY_HELP}
  --attestations <file>       competency-attestations.yaml (see 'attestations init')
  --out <dir>                 output directory (default: evidence): missing, empty, or an earlier
                              pack's, whose files alone are replaced; never inside the assembly
  --strict                    apply every technical item whatever the deployment model
  --no-diagrams               skip the architecture diagrams
  --allow-synth-errors        report on an assembly whose synth recorded errors (refused otherwise);
                              every file of the pack then says so at the top
  --live                      read the results of the deployed runtime controls from AWS (Config rule
                              compliance, trail status, backup/copy/restore-test jobs, Access Analyzer,
                              alarms) with the default credential chain; read-only calls, listed in the
                              README with the IAM policy; AWS_REGION is the region of env-agnostic stacks
  --account-names <id=name,...>
                              name accounts by role on the diagrams and in the report, e.g.
                              111111111111=Management,222222222222=Audit (default: the app's cdk.json)
  --stack-boundaries          draw each stack as a dashed box on the diagrams
  -h, --help                  this help

Exit codes: 0 every applicable item is Met, 1 some item is Not met, 2 bad input.
`;

const VERIFY_HELP = `Usage: cdk-competency verify <pack> [--assembly <dir>]

Checks an evidence pack against what it records: every file of the pack against the SHA-256 in its
evidence-pack.json, and every file of the cloud assembly it was generated from against the SHA-256
in its checklist.json. Prints what differs.

Options:
  --assembly <dir>            the cloud assembly (default: the one recorded in checklist.json,
                              relative to the working directory)
  -h, --help                  this help

Exit codes: 0 nothing differs, 1 something differs or is missing, 2 not an evidence pack.
`;

const INIT_HELP = `Usage: cdk-competency attestations init --checklist <id> --deployment-model <model> [options]

Prints a commented attestations template listing every item of the selection that needs a person,
with the evidence expected and the maximum age. It goes to stdout when stdout is not a terminal
(cdk-competency attestations init ... > competency-attestations.yaml) or with --out -, and to a
file otherwise.

Options:
  --checklist <id>            ${CHECKLISTS.join(' | ')}   required
  --deployment-model <model>  a deployment model of the checklist   required
  --categories <a,b>          claimed categories (comma-separated)
  --subcategories <a,b>       claimed subcategories (microsoft-workloads; see 'report --help')
  --strict                    every technical item applies
  --out <file>                where to write; - for stdout
                              (default: stdout when it is not a terminal, else competency-attestations.yaml)
  --force                     overwrite an existing file
  -h, --help                  this help
`;

const SELECTION_OPTIONS = {
  'checklist': { takesValue: true },
  'deployment-model': { takesValue: true },
  'categories': { takesValue: true },
  'subcategories': { takesValue: true },
  'strict': { takesValue: false },
};

/** Runs the CLI; resolves to the exit code. Never throws for bad input. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      io.stdout(MAIN_HELP);
      return command === undefined ? EXIT_BAD_INPUT : EXIT_MET;
    }
    if (command === '--version' || command === '-v') {
      io.stdout(`${TOOL_VERSION}\n`);
      return EXIT_MET;
    }
    if (command === 'report') return await report(rest, io);
    if (command === 'verify') return await verify(rest, io);
    if (command === 'attestations') {
      const [sub, ...subRest] = rest;
      if (sub === 'init') return init(subRest, io);
      if (sub === undefined || sub === '--help' || sub === '-h') {
        io.stdout(INIT_HELP);
        return sub === undefined ? EXIT_BAD_INPUT : EXIT_MET;
      }
      throw new UsageError(`unknown command 'attestations ${sub}' (expected 'attestations init')`);
    }
    throw new UsageError(`unknown command '${command}' (expected 'report', 'attestations init' or 'verify'; see 'cdk-competency --help')`);
  } catch (e) {
    if (e instanceof UsageError || e instanceof AssemblyError || e instanceof AttestationsError || e instanceof ReportInputError) {
      io.stderr(`error: ${e.message}\n`);
      return EXIT_BAD_INPUT;
    }
    // Checked by name: the live read's module (and the AWS SDK) is loaded only with --live.
    if ((e as Error | undefined)?.name === 'LiveSetupError') {
      io.stderr(`error: ${(e as Error).message}\n`);
      return EXIT_BAD_INPUT;
    }
    io.stderr(`error: unexpected failure: ${(e as Error)?.message?.split('\n')[0] ?? String(e)}\n`);
    if (io.env.CDK_COMPETENCY_DEBUG) io.stderr(`${(e as Error)?.stack ?? ''}\n`);
    return EXIT_BAD_INPUT;
  }
}

async function report(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, {
    ...SELECTION_OPTIONS,
    'assembly': { takesValue: true },
    'attestations': { takesValue: true },
    'out': { takesValue: true },
    'no-diagrams': { takesValue: false },
    'allow-synth-errors': { takesValue: false },
    'live': { takesValue: false },
    'account-names': { takesValue: true },
    'stack-boundaries': { takesValue: false },
  }, 'report');
  if (args.flags.has('help')) {
    // The registry of report formats names the files; loaded only for the help (it loads the renderers).
    const { formatsHelp } = await import('../render/formats');
    io.stdout(reportHelp(formatsHelp()));
    return EXIT_MET;
  }
  noPositionals(args.positionals, 'report');
  const assemblyDir = required(args.values, 'assembly', 'report');
  const selection = selectionOf(args.values, args.flags, 'report');
  const outDir = args.values.get('out') ?? 'evidence';
  let accountNames: AccountNames | undefined;
  if (args.values.has('account-names')) {
    try {
      accountNames = parseAccountNames(args.values.get('account-names')!);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  }
  const showProgress = io.stderrIsTTY && !io.env.CI;
  // Loaded only now (dynamic import): bad input and the other commands never load the report engine.
  const { generateEvidencePack } = await import('../pack');
  const pack = await generateEvidencePack({
    assemblyDir,
    selection,
    attestationsFile: args.values.get('attestations'),
    outDir,
    now: io.now,
    ...(args.flags.has('no-diagrams') ? { diagrams: false as const } : {}),
    allowSynthErrors: args.flags.has('allow-synth-errors'),
    ...(args.flags.has('live') ? { live: { region: io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION, ...io.liveOptions } } : {}),
    commandLine: commandLineOf(['cdk-competency', 'report', ...argv]),
    ...(accountNames ? { accountNames } : {}),
    ...(args.flags.has('stack-boundaries') ? { stackBoundaries: true } : {}),
    onProgress: showProgress ? (m) => io.stderr(`… ${m}\n`) : undefined,
    onWarning: (m) => io.stderr(`warning: ${m}\n`),
    ...io.packOptions,
  });
  const s = pack.report.summary;
  const synthErrors = pack.report.provenance?.synthErrors.length ?? 0;
  if (synthErrors > 0) io.stderr(`warning: reported on an assembly whose synth recorded ${synthErrors} error${synthErrors === 1 ? '' : 's'} (--allow-synth-errors); every file of the pack says so\n`);
  const live = pack.report.live;
  if (live) {
    for (const p of live.problems) io.stderr(`warning: ${p}\n`);
    const c = live.controls;
    io.stdout(`live (account ${live.account}): ${c.verified} controls verified, ${c.failing} failing, ${c.missing} not running, ${c.notVerified} not verified${live.problems.length ? `; ${live.problems.length} call${live.problems.length === 1 ? '' : 's'} refused or failed` : ''}\n`);
  }
  io.stdout(`${outDir}: ${s.met} Met (${s.metWithExceptions} with exception), ${s.notMet} Not met, ${s.notApplicable} not applicable; ${pack.files.length} files\n`);
  return s.allMet ? EXIT_MET : EXIT_NOT_MET;
}

async function verify(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { assembly: { takesValue: true } }, 'verify');
  if (args.flags.has('help')) {
    io.stdout(VERIFY_HELP);
    return EXIT_MET;
  }
  if (args.positionals.length !== 1) {
    throw new UsageError(args.positionals.length === 0 ? "missing the pack directory (see 'cdk-competency verify --help')" : `unexpected argument '${args.positionals[1]}' for 'verify'`);
  }
  const { verifyPack, formatVerification } = await import('../verify');
  const result = verifyPack(args.positionals[0], { assemblyDir: args.values.get('assembly') });
  io.stdout(formatVerification(result));
  return result.ok ? EXIT_MET : EXIT_NOT_MET;
}

function init(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, { ...SELECTION_OPTIONS, out: { takesValue: true }, force: { takesValue: false } }, 'attestations init');
  if (args.flags.has('help')) {
    io.stdout(INIT_HELP);
    return EXIT_MET;
  }
  noPositionals(args.positionals, 'attestations init');
  const selection = selectionOf(args.values, args.flags, 'attestations init');
  const text = attestationsTemplate(selection);
  const out = args.values.get('out') ?? (io.stdoutIsTTY ? 'competency-attestations.yaml' : '-');
  if (out === '-') {
    io.stdout(text);
    return EXIT_MET;
  }
  if (fs.existsSync(out) && !args.flags.has('force')) {
    throw new UsageError(`${out} already exists (use --force to overwrite it)`);
  }
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  const tmp = `${out}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, out);
  const n = (text.match(/^# "/gm) ?? []).length;
  io.stdout(`${out}: template with ${n} item${n === 1 ? '' : 's'} to attest\n`);
  return EXIT_MET;
}

/** The selection the options name, checked once (a one-line UsageError when it is not valid). */
function selectionOf(values: ReadonlyMap<string, string>, flags: ReadonlySet<string>, command: string): Selection {
  const list = (name: string) => (values.get(name) ?? '').split(',').map((c) => c.trim()).filter(Boolean);
  try {
    return parseSelection({
      checklist: required(values, 'checklist', command) as ChecklistId,
      deploymentModel: required(values, 'deployment-model', command) as DeploymentModel,
      categories: list('categories') as CategoryId[],
      subcategories: list('subcategories') as SubcategoryId[],
      strict: flags.has('strict'),
    });
  } catch (e) {
    throw e instanceof UsageError ? e : new UsageError((e as Error).message);
  }
}

function required(values: ReadonlyMap<string, string>, name: string, command: string): string {
  const v = values.get(name);
  if (v === undefined) throw new UsageError(`missing required option '--${name}' (see 'cdk-competency ${command} --help')`);
  return v;
}

function noPositionals(positionals: readonly string[], command: string): void {
  if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}' for '${command}' (options start with --)`);
}
