/**
 * The shape of a corpus entry: a partner-style CDK app and, beside it, what the checklist's seed text says the
 * pack and the evidence report must find in it, per named selection.
 */
import { App } from 'aws-cdk-lib';
import { ChecklistSelection } from '../../lib';

/** `required`: the seed's words demand it. `recommended`: good practice beyond the words (never decides a verdict). */
export type FindingKind = 'required' | 'recommended';

/** An item's verdict in the evidence report. `not-verified`: Not met only because a type is not read by the item's rules. */
export type Verdict = 'met' | 'not-met' | 'not-verified' | 'not-applicable';

/** A finding the pack and the report must raise: one rule of one item on each of these resources. */
export interface ExpectedFinding {
  readonly item: string;
  /** The rule's name (the finding id is `Competency-<item>-<rule>`). */
  readonly rule: string;
  /** Construct paths of the resources, e.g. `Web/Alb/Resource`. */
  readonly paths: readonly string[];
  readonly kind: FindingKind;
  /** One line: why, quoting the seed sentence it rests on (or goes beyond, for a recommended finding). */
  readonly why: string;
}

/**
 * A design the seed allows: the item's rules read the resource (at least one compliant result; `rule` names which
 * when given) and none raises a required finding on it.
 */
export interface ExpectedPass {
  readonly item: string;
  readonly path: string;
  readonly rule?: string;
  readonly why: string;
}

export interface ExpectedVerdict {
  readonly verdict: Verdict;
  readonly why: string;
}

/** What one selection (checklist, deployment model, categories or subcategories) must produce on the app. */
export interface CorpusSelection {
  /** A readable name, unique within the app: `networking/saas`, `ms/customer-deployed-on-aws`. */
  readonly name: string;
  readonly selection: ChecklistSelection;
  /**
   * Items a person attests (dated a month before the corpus's fixed "today").
   * @default - none
   */
  readonly attested?: readonly string[];
  /** Every finding, required and recommended: any other finding the report or the pack raises is unexpected. */
  readonly findings: readonly ExpectedFinding[];
  /** Designs the seed allows that must pass. */
  readonly passes: readonly ExpectedPass[];
  /**
   * Verdicts of the items whose verdict is not implied: an item with an expected required finding is Not met, an item
   * the seed's "Applies to" cell excludes is Not applicable, and the items only an account setting, a rehearsal or a
   * person can show are Not met without attestations (`baseline.ts`). Every other item of the report is listed here.
   */
  readonly verdicts: { readonly [item: string]: ExpectedVerdict };
}

/** One app of the corpus. */
export interface CorpusApp {
  /** The directory name under `test/corpus/`. */
  readonly name: string;
  /** One paragraph: what the app is and which patterns it follows. */
  readonly description: string;
  /** Builds the stacks into the app, as the partner's `bin/app.ts` would. */
  readonly build: (app: App) => void;
  /**
   * Context of the app (its cdk.json). `cdk init` writes the currently recommended feature flags.
   * @default - the feature flags `cdk init` writes, and the availability zones of the corpus's accounts (cdk.context.json)
   */
  readonly context?: { readonly [key: string]: unknown };
  readonly selections: readonly CorpusSelection[];
}

/** One difference between what is written beside the app and what the library found. */
export interface DiffLine {
  readonly kind: 'missing-finding' | 'unexpected-finding' | 'wrong-kind' | 'missing-pass' | 'wrong-verdict' | 'pack-report' | 'expectation';
  readonly item: string;
  readonly rule?: string;
  readonly path?: string;
  readonly text: string;
}
