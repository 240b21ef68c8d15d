import { Stage } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ChecklistSelection, everyKeyOf, parseSelection, rejectUnknownKeys, Selection, SELECTION_KEYS } from '../checklist';
import { RecommendedLevel, RuleEvaluation } from '../packs/evaluate';
import { evaluateTree } from '../packs/evaluate-tree';

/** What to check a construct tree against: the selection, and how recommended findings count. */
export interface CompetencyCheckOptions extends ChecklistSelection {
  /**
   * How recommended findings (good practice beyond the checklist's text: customer managed keys, IMDSv2,
   * Parquet flow logs, ...) are raised: as warnings, or as errors that fail the check.
   * @default 'warning'
   */
  readonly recommended?: RecommendedLevel;
}

/** The keys of {@link CompetencyCheckOptions}. */
export const CHECK_OPTION_KEYS = everyKeyOf<CompetencyCheckOptions>()([...SELECTION_KEYS, 'recommended']);

/** What a compliance check of a construct tree found. */
export interface CompetencyFindings {
  readonly selection: Selection;
  /** Unacknowledged findings at error level: required findings of "must" items (and recommended ones with `recommended: 'error'`). */
  readonly errors: readonly RuleEvaluation[];
  /** Unacknowledged findings at warning level: required findings of "should" items, and recommended ones by default. */
  readonly warnings: readonly RuleEvaluation[];
  /** Findings suppressed by an acknowledgement, with its reason: listed, never counted. */
  readonly acknowledged: readonly RuleEvaluation[];
  /** How many rule evaluations passed. */
  readonly passed: number;
}

/**
 * Evaluates a stack, stage or app the way a synth with `CompetencyChecks` would: the app is synthesized first (so
 * aspects such as tags apply), then every rule of the selection runs on the resources under `scope`, looking across
 * the whole app. Throws (one line) for an invalid selection, or an option it does not read.
 */
export function competencyFindings(scope: IConstruct, options: CompetencyCheckOptions): CompetencyFindings {
  rejectUnknownKeys(options, CHECK_OPTION_KEYS, 'competencyFindings');
  const root = scope.node.root;
  if (Stage.isStage(root)) {
    try {
      root.synth({ force: true });
    } catch {
      // A validation plugin registered on the app may reject it: the pack below reports the same findings.
    }
  }
  const { recommended, ...given } = options;
  const selection = parseSelection(given);
  const { evaluations } = evaluateTree(scope, selection, { recommended });
  const failed = evaluations.filter((e) => e.status === 'non-compliant');
  return {
    selection,
    errors: failed.filter((e) => !e.acknowledgement && e.level === 'error'),
    warnings: failed.filter((e) => !e.acknowledgement && e.level === 'warning'),
    acknowledged: failed.filter((e) => e.acknowledgement),
    passed: evaluations.filter((e) => e.status === 'compliant').length,
  };
}
