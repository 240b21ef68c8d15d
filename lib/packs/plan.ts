import { typesOfClass } from '../aws';
import {
  AppContents, ChecklistItem, FindingKind, ItemApplicability, Level, listedItems, resourceClassesOf, RuleUse, ruleUsesUnder, Selection,
} from '../checklist';
import { RULES_BY_NAME } from '../rules';
import { CompetencyRule } from '../rules/rule';
import { NOT_VERIFIED, notVerifiedRule, unreadParts } from './coverage';

/** Prefix of every finding id: `Competency-<itemId>-<RuleName>`. */
export const RULE_ID_PREFIX = 'Competency';

/** How recommended findings (good practice beyond the checklist's text) are raised. */
export type RecommendedLevel = 'warning' | 'error';

/**
 * The level of a finding: an `error` fails a synth and a compliance assertion, a `warning` is shown. The cdk-nag
 * packs map it to cdk-nag's levels; nothing else needs to know them.
 */
export type FindingLevel = 'error' | 'warning';

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
  readonly level: FindingLevel;
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

/** Why a rule an item names is not in the plan. */
export type UnavailableReason =
  /** The checklist data names a rule this version of the library does not have. */
  | 'not-in-library'
  /** The plan was focused on other rules (`rules`). */
  | 'not-selected';

/** A rule an item of the plan names that will not run: the item's evidence cannot come from it. */
export interface UnavailableRule {
  readonly itemId: string;
  readonly rule: string;
  readonly reason: UnavailableReason;
}

/** The rules a selection applies, indexed by resource type so a resource only meets the rules that read it. */
export interface RulePlan {
  readonly selection: Selection;
  /** Every item the selection lists, with its applicability, decided once (with the app's contents when given). */
  readonly items: readonly { readonly item: ChecklistItem; readonly applicability: ItemApplicability }[];
  readonly rules: readonly PlannedRule[];
  /** Rules the planned items name that will not run, each with why: never an error, never a silent pass. */
  readonly unavailable: readonly UnavailableRule[];
  /** Names in `rules` (the option) that no rule of the library has: the plan ran nothing for them. */
  readonly unknownRules: readonly string[];
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
   * Plan only these rules (by name), for focused tests and gradual adoption. The items' other rules are
   * `unavailable` (`not-selected`); names no rule of the library has are listed in `unknownRules`.
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
  /**
   * What the app holds, for items whose "Applies to" cell depends on it: with it, such an item is planned only when
   * the app shows its condition holds; without it (a pack, planned before the app exists), its rules are planned to
   * run when the app holds one of the cell's types (`appliesWhenAppHas`).
   * @default - not known when planning
   */
  readonly app?: AppContents;
}

/** The id of the finding a rule raises for an item. */
export function ruleIdFor(itemId: string, ruleName: string): string {
  return `${RULE_ID_PREFIX}-${itemId}-${ruleName}`;
}

/** The level of a finding of one rule use, given the item's level for the selection. */
function levelOf(itemLevel: Level, use: RuleUse, recommended: RecommendedLevel): FindingLevel {
  if (use.kind === 'recommended') return recommended;
  return itemLevel === 'must' ? 'error' : 'warning';
}

/**
 * Plans the rules of every checklist item that applies to the selection: generated from the checklist data, so no
 * rule list is kept by hand anywhere else. Never throws for a rule name: what cannot run is `unavailable`.
 */
export function planRules(selection: Selection, options: PlanOptions = {}): RulePlan {
  const only = options.rules;
  const recommended = options.recommended ?? 'warning';
  if (recommended !== 'warning' && recommended !== 'error') {
    throw new Error(`'recommended' must be 'warning' or 'error', got '${String(recommended)}'`);
  }
  const items = listedItems(selection, options.app);
  // Planned: items that apply, and (planning without the app) items whose cell the app's contents will decide.
  const planned = items.filter(({ applicability: a }) => a.applies || (a.appliesWhenAppHas !== undefined && !options.app));
  const conditionOf = (a: ItemApplicability) => (a.applies ? {} : { appliesWhenAppHas: a.appliesWhenAppHas });
  const rules: PlannedRule[] = [];
  const unavailable: UnavailableRule[] = [];
  for (const { item, applicability } of planned) {
    // A cell that limits the item ("credentials used to integration with AWS") is checked by the uses written for it.
    for (const use of ruleUsesUnder(item, applicability.condition)) {
      const rule = RULES_BY_NAME.get(use.rule);
      if (!rule || (only && !only.includes(use.rule))) {
        unavailable.push({ itemId: item.id, rule: use.rule, reason: rule ? 'not-selected' : 'not-in-library' });
        continue;
      }
      rules.push({
        ruleId: ruleIdFor(item.id, use.rule),
        item,
        rule,
        use,
        kind: use.kind,
        level: levelOf(applicability.level, use, recommended),
        ...conditionOf(applicability),
      });
    }
  }
  const gaps: PlannedRule[] = [];
  if (options.coverage ?? !only) {
    for (const { item, applicability } of planned) {
      const seen = new Set<string>();
      for (const use of resourceClassesOf(item)) {
        // The types no rule reads, by the parts of the sentence left unread ('' when nothing of the type is read).
        const unread = new Map<string, string[]>();
        for (const t of typesOfClass(use.resourceClass)) {
          if (seen.has(t)) continue;
          const missing = unreadParts(item, use, t, applicability.condition);
          if (missing.length === 0) continue;
          seen.add(t);
          const all = missing.length === (use.parts?.length ?? 1);
          const key = all ? '' : missing.join('\u0000');
          const list = unread.get(key);
          if (list) list.push(t); else unread.set(key, [t]);
        }
        const ruleUse: RuleUse = { rule: NOT_VERIFIED, kind: 'required', seedSentence: use.seedSentence };
        for (const [key, types] of unread) {
          gaps.push({
            ruleId: ruleIdFor(item.id, NOT_VERIFIED),
            item,
            rule: { ...notVerifiedRule(item, key === '' ? [] : key.split('\u0000')), resourceTypes: types },
            use: ruleUse,
            kind: 'required',
            level: levelOf(applicability.level, ruleUse, recommended),
            ...conditionOf(applicability),
          });
        }
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
  const unknownRules = (only ?? []).filter((n) => !RULES_BY_NAME.has(n));
  return { selection, items, rules, unavailable, unknownRules, gaps, byType };
}
