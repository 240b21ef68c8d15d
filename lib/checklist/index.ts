/**
 * The checklist as data: every item of both seeds, and the functions that pick the ones that apply.
 */
import { BUSINESS_ITEMS } from './business';
import { MICROSOFT_WORKLOADS_CATEGORY_REQUIREMENTS } from './categories/microsoft-workloads';
import { NETWORKING_CATEGORY_REQUIREMENTS } from './categories/networking';
import { RETIRED_CATEGORY_IDS } from './categories/numbering';
import { DOCUMENTATION_ITEMS } from './documentation';
import { OPERATIONAL_EXCELLENCE_ITEMS } from './items/operational-excellence';
import { RELIABILITY_ITEMS } from './items/reliability';
import { SECURITY_ITEMS } from './items/security';
import { AppContents, ItemApplicability, itemApplicability, Selection } from './selection';
import { CategoryRequirement, ChecklistItem, ResourceClassUse, RuleUse, TechnicalItem } from './types';

export * from './types';
export type { AppContents, ChecklistSelection, ItemApplicability, Selection } from './selection';
export { everyKeyOf, itemApplicability, parseSelection, rejectUnknownKeys, SELECTION_KEYS } from './selection';
export { recommends, requires, RuleUseOptions, touches, TouchesOptions } from './rule-uses';
export { BUSINESS_ITEMS } from './business';
export { DOCUMENTATION_ITEMS } from './documentation';

/** The 40 technical items: Security 1.1–1.25 (no 1.6), Reliability 2.1–2.13, Operational Excellence 3.1–3.3. */
export const TECHNICAL_ITEMS: readonly TechnicalItem[] = [...SECURITY_ITEMS, ...RELIABILITY_ITEMS, ...OPERATIONAL_EXCELLENCE_ITEMS];

/** Category requirements of both checklists. */
export const CATEGORY_REQUIREMENTS: readonly CategoryRequirement[] = [
  ...NETWORKING_CATEGORY_REQUIREMENTS,
  ...MICROSOFT_WORKLOADS_CATEGORY_REQUIREMENTS,
];

/** Every item: technical, category, documentation, business. */
export const CHECKLIST_ITEMS: readonly ChecklistItem[] = [
  ...TECHNICAL_ITEMS,
  ...CATEGORY_REQUIREMENTS,
  ...DOCUMENTATION_ITEMS,
  ...BUSINESS_ITEMS,
];

const BY_ID: ReadonlyMap<string, ChecklistItem> = new Map(CHECKLIST_ITEMS.map((item) => [item.id, item]));

/** Ids that once named an item and no longer do, with the reason (never reused). */
export const RETIRED_ITEM_IDS: ReadonlyMap<string, string> = RETIRED_CATEGORY_IDS;

/** The item with this id; throws for an unknown or retired id. */
export function getItem(id: string): ChecklistItem {
  const item = BY_ID.get(id);
  if (!item) {
    const retired = RETIRED_ITEM_IDS.get(id);
    if (retired) throw new Error(`checklist item id '${id}' is retired: ${retired}`);
    throw new Error(`unknown checklist item id '${id}' (ids look like '1.14', 'load-balancers.4', 'doc.architecture-diagram', 'business.case-studies')`);
  }
  return item;
}

/** The synth-time rule uses of an item, with their kind and seed sentence (empty when none). */
export function ruleUsesOf(item: ChecklistItem): readonly RuleUse[] {
  return item.verification.rules ?? [];
}

/**
 * The rule uses that check an item in a column whose cell has `condition` (undefined: an unconditional cell, or strict
 * mode): where uses are written for that condition (`onlyWhere`), those alone, since the cell limits what the item asks
 * ("credentials used to integration with AWS"); otherwise the uses written for no condition.
 */
export function ruleUsesUnder(item: ChecklistItem, condition: string | undefined): readonly RuleUse[] {
  const uses = ruleUsesOf(item);
  const own = condition === undefined ? [] : uses.filter((u) => u.onlyWhere === condition);
  return own.length > 0 ? own : uses.filter((u) => u.onlyWhere === undefined);
}

/** The classes of resource types an item is about, with the seed sentence of each (empty when none). */
export function resourceClassesOf(item: ChecklistItem): readonly ResourceClassUse[] {
  return item.verification.resourceClasses ?? [];
}

/** Names of the synth-time rules that verify an item, required and recommended (empty when none). */
export function ruleNamesOf(item: ChecklistItem): readonly string[] {
  return ruleUsesOf(item).map((u) => u.rule);
}

/** An item listed for a selection, with whether it applies and why. */
export interface ListedItem {
  readonly item: ChecklistItem;
  readonly applicability: ItemApplicability;
}

/**
 * Every item the selection lists (`itemApplicability(...).listed`), in `CHECKLIST_ITEMS` order, with its
 * applicability decided once. Items whose cell depends on the app ("No (unless ... requires the S3 service)") apply
 * only when `app` shows it.
 */
export function listedItems(sel: Selection, app?: AppContents): ListedItem[] {
  return CHECKLIST_ITEMS.map((item) => ({ item, applicability: itemApplicability(item, sel, app) })).filter((l) => l.applicability.listed);
}

/**
 * Every item that applies to the selection, in `CHECKLIST_ITEMS` order. Items whose cell depends on the app
 * ("No (unless ... requires the S3 service)") apply only when `app` shows it.
 */
export function applicableItems(sel: Selection, app?: AppContents): ChecklistItem[] {
  return listedItems(sel, app).filter((l) => l.applicability.applies).map((l) => l.item);
}
