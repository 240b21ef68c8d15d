import { Stage } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ChecklistSelection } from '../checklist';
import { CompetencyChecks } from '../packs/competency-checks';
import { RuleEvaluation } from '../packs/evaluate';
import { RecommendedLevel } from '../packs/plan';

/** What to check a construct tree against: the selection, and how recommended findings count. */
export interface CompetencyCheckOptions extends ChecklistSelection {
  /**
   * How recommended findings (good practice beyond the checklist's text: customer managed keys, IMDSv2,
   * Parquet flow logs, ...) are raised: as warnings, or as errors that fail the check.
   * @default 'warning'
   */
  readonly recommended?: RecommendedLevel;
}

/** What a compliance check of a construct tree found. */
export interface CompetencyFindings {
  readonly selection: ChecklistSelection;
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
 * Runs `CompetencyChecks` over a stack, stage or app the way a synth would: the app is synthesized first
 * (so aspects such as tags apply), then the pack validates `scope`, looking across the whole app.
 */
export function competencyFindings(scope: IConstruct, options: CompetencyCheckOptions): CompetencyFindings {
  const root = scope.node.root;
  if (Stage.isStage(root)) {
    try {
      root.synth({ force: true });
    } catch {
      // A validation plugin registered on the app may reject it: the pack below reports the same findings.
    }
  }
  const { recommended, ...selection } = options;
  const pack = new CompetencyChecks({ ...selection, recommended });
  pack.validateScope(scope);
  const failed = pack.evaluations.filter((e) => e.status === 'non-compliant');
  return {
    selection,
    errors: failed.filter((e) => !e.acknowledgement && e.level === 'error'),
    warnings: failed.filter((e) => !e.acknowledgement && e.level === 'warning'),
    acknowledged: failed.filter((e) => e.acknowledgement),
    passed: pack.evaluations.length - failed.length,
  };
}
