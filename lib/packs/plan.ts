import { NagMessageLevel } from 'cdk-nag';
import { CHECKLIST_ITEMS, ChecklistItem, ChecklistSelection, itemApplicability, ruleNamesOf, validateSelection } from '../checklist';
import { RULES_BY_NAME } from '../rules';
import { CompetencyRule } from '../rules/rule';

/** Prefix of every finding id: `Competency-<itemId>-<RuleName>`. */
export const RULE_ID_PREFIX = 'Competency';

/** One rule applied on behalf of one checklist item. */
export interface PlannedRule {
  /** `Competency-<itemId>-<RuleName>`, e.g. `Competency-1.14-TrailBucketInAnotherAccount`. */
  readonly ruleId: string;
  readonly item: ChecklistItem;
  readonly rule: CompetencyRule;
  /** "must" items are errors, "should" items warnings (the level for the selection's deployment model). */
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
  readonly byType: ReadonlyMap<string, readonly PlannedRule[]>;
}

/** The id of the finding a rule raises for an item. */
export function ruleIdFor(itemId: string, ruleName: string): string {
  return `${RULE_ID_PREFIX}-${itemId}-${ruleName}`;
}

/**
 * Plans the rules of every checklist item that applies to the selection: generated from the
 * checklist data, so no rule list is kept by hand anywhere else.
 *
 * @param only restrict to these rule names (for focused tests); unknown names are an error.
 */
export function planRules(selection: ChecklistSelection, only?: readonly string[]): RulePlan {
  if (only) {
    const unknown = only.filter((n) => !RULES_BY_NAME.has(n));
    if (unknown.length > 0) throw new Error(`CompetencyChecks: 'rules' names unknown rules: ${unknown.join(', ')}`);
  }
  validateSelection(selection);
  const rules: PlannedRule[] = [];
  for (const item of CHECKLIST_ITEMS) {
    const applicability = itemApplicability(item, selection);
    if (!applicability.applies && !applicability.appliesWhenAppHas) continue;
    const level = applicability.level;
    for (const name of ruleNamesOf(item)) {
      if (only && !only.includes(name)) continue;
      const rule = RULES_BY_NAME.get(name);
      if (!rule) throw new Error(`CompetencyChecks: checklist item ${item.id} lists rule '${name}', which does not exist in lib/rules`);
      rules.push({
        ruleId: ruleIdFor(item.id, name),
        item,
        rule,
        level: level === 'must' ? NagMessageLevel.ERROR : NagMessageLevel.WARN,
        ...(applicability.applies ? {} : { appliesWhenAppHas: applicability.appliesWhenAppHas }),
      });
    }
  }
  const byType = new Map<string, PlannedRule[]>();
  for (const p of rules) {
    for (const type of p.rule.resourceTypes) {
      const list = byType.get(type);
      if (list) list.push(p); else byType.set(type, [p]);
    }
  }
  return { selection, rules, byType };
}
