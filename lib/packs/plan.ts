import { NagMessageLevel } from 'cdk-nag/lib/nag-rules'; // not the package root: see lib/packs/competency-checks.ts
import { CHECKLIST_ITEMS, ChecklistItem, ChecklistSelection, FindingKind, itemApplicability, Level, resourceClassesOf, ruleUsesOf, RuleUse, validateSelection } from '../checklist';
import { typesOfClass } from '../aws';
import { NOT_VERIFIED, notVerifiedRule, requiredReaders } from './coverage';
import { RULES_BY_NAME } from '../rules';
import { CompetencyRule } from '../rules/rule';

/** Prefix of every finding id: `Competency-<itemId>-<RuleName>`. */
export const RULE_ID_PREFIX = 'Competency';

/** How recommended findings (good practice beyond the checklist's text) are raised. */
export type RecommendedLevel = 'warning' | 'error';

/** One rule applied on behalf of one checklist item. */
export interface PlannedRule {
  /** `Competency-<itemId>-<RuleName>`, e.g. `Competency-1.14-TrailBucketInAnotherAccount`. */
  readonly ruleId: string;
  readonly item: ChecklistItem;
  readonly rule: CompetencyRule;
  /** How the item uses the rule: its kind and the seed sentence it rests on (or goes beyond). */
  readonly use: RuleUse;
  /** `required` (the checklist's words demand it) or `recommended` (good practice beyond them). */
  readonly kind: FindingKind;
  /**
   * Required findings: errors for "must" items, warnings for "should" items (the level for the selection's
   * deployment model). Recommended findings: warnings, or errors when the plan was made with `recommended: 'error'`.
   */
  readonly level: NagMessageLevel.ERROR | NagMessageLevel.WARN;
  /**
   * For an item whose cell depends on the app ("No (unless ... requires the S3 service)"): the rule runs only
   * when the app has a resource of one of these types.
   * @default - runs whatever the app holds
   */
  readonly appliesWhenAppHas?: readonly string[];
}

/** Whether a planned rule runs on this app: always, or when the app holds what makes its item apply. */
export function plannedRuleApplies(p: PlannedRule, app: { ofType(type: string): readonly unknown[] }): boolean {
  return !p.appliesWhenAppHas || p.appliesWhenAppHas.some((t) => app.ofType(t).length > 0);
}

/** The rules a selection applies, indexed by resource type so a resource only meets the rules that read it. */
export interface RulePlan {
  readonly selection: ChecklistSelection;
  readonly rules: readonly PlannedRule[];
  /**
   * The "not verified" checks: for every applicable item, each resource type of a class the item is about that no
   * required rule of the item reads (`Competency-<item>-NotVerified`). Indexed in `byType` with the rules.
   */
  readonly gaps: readonly PlannedRule[];
  readonly byType: ReadonlyMap<string, readonly PlannedRule[]>;
}

/** Options of {@link planRules}. */
export interface PlanOptions {
  /**
   * Plan only these rules (by name), for focused tests and gradual adoption; unknown names are an error.
   * @default - every rule of every applicable item
   */
  readonly rules?: readonly string[];
  /**
   * The level of recommended findings.
   * @default 'warning'
   */
  readonly recommended?: RecommendedLevel;
  /**
   * Whether to report resources whose type an applicable item is about but none of its required rules reads
   * ("Not verified: <type> is not read by <item>").
   * @default - true, unless `rules` focuses the plan on some rules
   */
  readonly coverage?: boolean;
}

/** The id of the finding a rule raises for an item. */
export function ruleIdFor(itemId: string, ruleName: string): string {
  return `${RULE_ID_PREFIX}-${itemId}-${ruleName}`;
}

/** The level of a finding of one rule use, given the item's level for the selection. */
function levelOf(itemLevel: Level, use: RuleUse, recommended: RecommendedLevel): PlannedRule['level'] {
  if (use.kind === 'recommended') return recommended === 'error' ? NagMessageLevel.ERROR : NagMessageLevel.WARN;
  return itemLevel === 'must' ? NagMessageLevel.ERROR : NagMessageLevel.WARN;
}

/**
 * Plans the rules of every checklist item that applies to the selection: generated from the
 * checklist data, so no rule list is kept by hand anywhere else.
 */
export function planRules(selection: ChecklistSelection, options: PlanOptions = {}): RulePlan {
  const only = options.rules;
  const recommended = options.recommended ?? 'warning';
  if (recommended !== 'warning' && recommended !== 'error') {
    throw new Error(`CompetencyChecks: 'recommended' must be 'warning' or 'error', got '${String(recommended)}'`);
  }
  if (only) {
    const unknown = only.filter((n) => !RULES_BY_NAME.has(n));
    if (unknown.length > 0) throw new Error(`CompetencyChecks: 'rules' names unknown rules: ${unknown.join(', ')}`);
  }
  validateSelection(selection);
  const rules: PlannedRule[] = [];
  for (const item of CHECKLIST_ITEMS) {
    const applicability = itemApplicability(item, selection);
    if (!applicability.applies && !applicability.appliesWhenAppHas) continue;
    for (const use of ruleUsesOf(item)) {
      if (only && !only.includes(use.rule)) continue;
      const rule = RULES_BY_NAME.get(use.rule);
      if (!rule) throw new Error(`CompetencyChecks: checklist item ${item.id} lists rule '${use.rule}', which does not exist in lib/rules`);
      rules.push({
        ruleId: ruleIdFor(item.id, use.rule),
        item,
        rule,
        use,
        kind: use.kind,
        level: levelOf(applicability.level, use, recommended),
        ...(applicability.applies ? {} : { appliesWhenAppHas: applicability.appliesWhenAppHas }),
      });
    }
  }
  const gaps: PlannedRule[] = [];
  if (options.coverage ?? !only) {
    for (const item of CHECKLIST_ITEMS) {
      const classes = resourceClassesOf(item);
      if (classes.length === 0) continue;
      const applicability = itemApplicability(item, selection);
      if (!applicability.applies && !applicability.appliesWhenAppHas) continue;
      const seen = new Set<string>();
      for (const use of classes) {
        const unread = typesOfClass(use.resourceClass).filter((t) => !seen.has(t) && requiredReaders(item, t).length === 0);
        if (unread.length === 0) continue;
        unread.forEach((t) => seen.add(t));
        const rule = notVerifiedRule(item);
        gaps.push({
          ruleId: ruleIdFor(item.id, NOT_VERIFIED),
          item,
          rule: { ...rule, resourceTypes: unread },
          use: { rule: NOT_VERIFIED, kind: 'required', seedSentence: use.seedSentence },
          kind: 'required',
          level: levelOf(applicability.level, { rule: NOT_VERIFIED, kind: 'required', seedSentence: use.seedSentence }, recommended),
          ...(applicability.applies ? {} : { appliesWhenAppHas: applicability.appliesWhenAppHas }),
        });
      }
    }
  }
  const byType = new Map<string, PlannedRule[]>();
  for (const p of [...rules, ...gaps]) {
    for (const type of p.rule.resourceTypes) {
      const list = byType.get(type);
      if (list) list.push(p); else byType.set(type, [p]);
    }
  }
  return { selection, rules, gaps, byType };
}
