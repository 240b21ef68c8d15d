/**
 * Which items apply to a partner: a checklist, a deployment model, the claimed categories and subcategories,
 * and, for cells that depend on what the solution uses, the app's resources. The one place a selection is
 * checked (`parseSelection`, once, at the entry points) and the one place that says whether an item is listed and
 * applies (`itemApplicability`).
 */
import {
  Applicability, CATEGORIES, CategoryId, ChecklistId, ChecklistItem, DEPLOYMENT_MODELS, DeploymentModel, DocumentationItem, Level, Modal,
  SUBCATEGORIES, SubcategoryId, TechnicalItem,
} from './types';

/** What the partner applies for. */
export interface ChecklistSelection {
  /** The checklist (competency) applied for. */
  readonly checklist: ChecklistId;
  /** The deployment model, one of the checklist's own. */
  readonly deploymentModel: DeploymentModel;
  /**
   * The categories claimed; their requirements apply. A category that offers subcategories (the Microsoft
   * Workloads ones) is claimed through `subcategories` instead.
   * @default - none: no category requirement applies
   */
  readonly categories?: readonly CategoryId[];
  /**
   * The subcategories claimed, as `<category>.<subcategory>` (e.g. `ms-migration.pre-migration-assessment`):
   * their requirements apply, and their category counts as claimed.
   * @default - none
   */
  readonly subcategories?: readonly SubcategoryId[];
  /**
   * Apply every technical item whatever the deployment model's matrix says.
   * @default false
   */
  readonly strict?: boolean;
}

/**
 * The keys of an options type, listed once for {@link rejectUnknownKeys}: a list that misses a key of `T` does not
 * compile (the error names the missing keys), so a prop added to the type cannot be refused at run time.
 */
export function everyKeyOf<T>(): <const K extends readonly (keyof T)[]>(keys: K & ([Exclude<keyof T, K[number]>] extends [never] ? unknown : { readonly missing: Exclude<keyof T, K[number]> })) => K {
  return (keys) => keys;
}

/** The fields of a {@link ChecklistSelection}, for checks of an options object that extends it. */
export const SELECTION_KEYS = everyKeyOf<ChecklistSelection>()(['checklist', 'deploymentModel', 'categories', 'subcategories', 'strict']);

/**
 * Refuses an options object holding a key its taker does not read (a typo, an option of another API, reached through an
 * untyped call): ignoring it would check something other than what the caller asked for. A key set to `undefined` says
 * nothing and passes.
 * @param taker who reads the options, for the message (`toBeCompetencyCompliant`)
 * @throws Error with a one-line message naming the key, its value and the keys the taker reads
 */
export function rejectUnknownKeys(options: object, known: readonly string[], taker: string): void {
  for (const [key, value] of Object.entries(options)) {
    if (known.includes(key) || value === undefined) continue;
    const shown = JSON.stringify(value) ?? String(value);
    throw new Error(`${taker}: '${key}' is not one of its options (given ${shown.length > 60 ? `${shown.slice(0, 57)}...` : shown}; expected one of: ${known.join(', ')})`);
  }
}

/**
 * What the app holds, for "Applies to" cells that depend on it ("No (unless partner solution running on AWS
 * requires the S3 service)").
 */
export interface AppContents {
  /** Where the app has resources of this CloudFormation type (e.g. construct paths); empty when none. */
  resourcesOfType(type: string): readonly string[];
}

/** Whether one item applies to a selection, and why. */
export interface ItemApplicability {
  /**
   * Whether the selection lists the item at all: every technical and documentation item (shown Not applicable when
   * its cell says No), the requirements of the claimed categories and subcategories, and the checklist's business items.
   */
  readonly listed: boolean;
  readonly applies: boolean;
  /** The cell's condition, when the seed prints one. */
  readonly condition?: string;
  /** One sentence saying why. */
  readonly reason: string;
  /**
   * The level for this selection: the cell's own level where its words set one ("should be encrypted"),
   * else the item's.
   */
  readonly level: Level;
  /** The modal verb the level rests on for this selection: the cell's where its words set the level, else the item's. */
  readonly modal: Modal;
  /**
   * Why the level is what it is, when it is not simply the item's modal verb: the cell that sets it, or the item's
   * own reason.
   * @default - the level is the modal verb
   */
  readonly levelReason?: string;
  /**
   * Set when the answer depends on the app: the resource types whose presence makes the item apply. Without
   * the app's contents the item does not apply; with them, `applies` says what the app holds.
   */
  readonly appliesWhenAppHas?: readonly string[];
}

const CHECKLIST_IDS = Object.keys(CATEGORIES) as ChecklistId[];

/** What {@link parseSelection} returns and nothing else can build: the type that proves a selection was checked. */
declare const CHECKED: unique symbol;

/**
 * A selection checked once by {@link parseSelection}: a known checklist, one of its deployment models, and the claimed
 * categories and subcategories, complete and in the checklist's order. Everything downstream of the entry points (the
 * applicability of each item, the rule plan, the evidence report) takes this type and never validates again.
 */
export interface Selection {
  readonly checklist: ChecklistId;
  readonly deploymentModel: DeploymentModel;
  /** Every category claimed, directly or through one of its subcategories, in the checklist's order. */
  readonly categories: readonly CategoryId[];
  /** Every subcategory claimed, in the seed's order. */
  readonly subcategories: readonly SubcategoryId[];
  /** Every technical item applies whatever the deployment model's matrix says. */
  readonly strict: boolean;
  readonly [CHECKED]: true;
}

const parsed = new WeakSet<object>();

/** `ms-migration.pre-migration-assessment` (Pre-Migration Assessment), ... */
function choicesOf(category: CategoryId): string {
  return SUBCATEGORIES[category].map((s) => `${s.id} (${s.choice})`).join(', ');
}

/**
 * Checks a selection once and returns it as a {@link Selection}; a selection it returned before comes back as is.
 * @throws Error with a one-line message naming the field, the value and what is expected
 */
export function parseSelection(sel: ChecklistSelection | Selection): Selection {
  if (parsed.has(sel)) return sel as Selection;
  if (!CHECKLIST_IDS.includes(sel.checklist)) {
    throw new Error(`checklist '${sel.checklist}' is not a known checklist (expected one of: ${CHECKLIST_IDS.join(', ')})`);
  }
  const models = DEPLOYMENT_MODELS[sel.checklist];
  if (!models.includes(sel.deploymentModel)) {
    throw new Error(`deploymentModel '${sel.deploymentModel}' is not a deployment model of the '${sel.checklist}' checklist (expected one of: ${models.join(', ')})`);
  }
  const categories = CATEGORIES[sel.checklist];
  const seen = new Set<CategoryId>();
  for (const category of sel.categories ?? []) {
    if (!categories.includes(category)) {
      throw new Error(`category '${category}' is not a category of the '${sel.checklist}' checklist (expected one of: ${categories.join(', ')})`);
    }
    if (seen.has(category)) {
      throw new Error(`category '${category}' is listed more than once in the selection`);
    }
    seen.add(category);
  }
  const subcategories = categories.flatMap((c) => SUBCATEGORIES[c].map((s) => s.id));
  const seenSub = new Set<SubcategoryId>();
  for (const sub of sel.subcategories ?? []) {
    if (!subcategories.includes(sub)) {
      throw new Error(subcategories.length === 0
        ? `subcategory '${sub}' is not a subcategory of the '${sel.checklist}' checklist (its categories have none)`
        : `subcategory '${sub}' is not a subcategory of the '${sel.checklist}' checklist (expected one of: ${subcategories.join(', ')})`);
    }
    if (seenSub.has(sub)) {
      throw new Error(`subcategory '${sub}' is listed more than once in the selection`);
    }
    seenSub.add(sub);
  }
  for (const category of seen) {
    if (SUBCATEGORIES[category].length > 0 && !SUBCATEGORIES[category].some((s) => seenSub.has(s.id))) {
      throw new Error(`category '${category}' is claimed by subcategory: name one or more in subcategories (choices: ${choicesOf(category)})`);
    }
  }
  for (const sub of seenSub) seen.add(sub.slice(0, sub.indexOf('.')) as CategoryId);
  const strict = sel.strict ?? false;
  if (typeof strict !== 'boolean') throw new Error(`strict must be true or false, got '${String(strict)}'`);
  const selection = {
    checklist: sel.checklist,
    deploymentModel: sel.deploymentModel,
    categories: Object.freeze(categories.filter((c) => seen.has(c))),
    subcategories: Object.freeze(subcategories.filter((s) => seenSub.has(s))),
    strict,
  } as unknown as Selection;
  parsed.add(Object.freeze(selection));
  return selection;
}

/** The level, modal verb and reason of an item for a selection: the cell's where its words set the level, else the item's. */
function levelOf(item: ChecklistItem, cell?: { readonly level: Level; readonly modal: Modal; readonly levelReason: string }): Pick<ItemApplicability, 'level' | 'modal' | 'levelReason'> {
  if (cell) return cell;
  return { level: item.level, modal: item.modal, ...(item.levelReason ? { levelReason: item.levelReason } : {}) };
}

function byMatrix(item: TechnicalItem | DocumentationItem, sel: Selection, app: AppContents | undefined): Omit<ItemApplicability, 'listed'> {
  const cells = item.appliesTo[sel.checklist] as { readonly [model: string]: Applicability };
  const cell = cells[sel.deploymentModel];
  const where = `the ${sel.checklist} checklist's '${sel.deploymentModel}' column`;
  const level = levelOf(item, cell.level && cell.level !== item.level
    ? { level: cell.level, modal: cell.level, levelReason: `the ${sel.checklist} checklist's '${sel.deploymentModel}' cell sets it: "${cell.printed ?? ''}"` }
    : undefined);
  const printed = cell.printed ? ` ("${cell.printed}")` : '';
  if (cell.applies) {
    return cell.condition
      ? { applies: true, condition: cell.condition, ...level, reason: `${where} marks ${item.id} Yes${printed}, limited to: ${cell.condition}` }
      : { applies: true, ...level, reason: `${where} marks ${item.id} Yes` };
  }
  if (!cell.condition) return { applies: false, ...level, reason: `${where} marks ${item.id} No` };
  const base = { condition: cell.condition, ...level, ...(cell.appliesWhenAppHas ? { appliesWhenAppHas: cell.appliesWhenAppHas } : {}) };
  const unless = `${where} marks ${item.id} No${printed}`;
  if (!cell.appliesWhenAppHas) return { applies: false, ...base, reason: `${unless}, unless: ${cell.condition}` };
  if (!app) {
    return { applies: false, ...base, reason: `${unless}: it applies when the app has ${cell.appliesWhenAppHas.join(' or ')}, and no app was read` };
  }
  const found = cell.appliesWhenAppHas.flatMap((t) => app.resourcesOfType(t).map((where_) => ({ type: t, where: where_ })));
  if (found.length === 0) {
    return { applies: false, ...base, reason: `${unless}, and the app has no ${cell.appliesWhenAppHas.join(' or ')}, so the condition does not hold` };
  }
  const shown = found.slice(0, 3).map((f) => `${f.where} (${f.type})`).join(', ');
  return {
    applies: true,
    ...base,
    reason: `${unless}, and the condition holds: ${cell.condition}; the app has ${found.length} such resource${found.length === 1 ? '' : 's'}: ${shown}${found.length > 3 ? ', ...' : ''}`,
  };
}

/**
 * Whether an item is listed for a selection and whether it applies, each with the reason: the one place that says so.
 * Cells that depend on what the solution uses are decided from `app` when given.
 */
export function itemApplicability(item: ChecklistItem, sel: Selection, app?: AppContents): ItemApplicability {
  switch (item.kind) {
    case 'technical':
      if (sel.strict) {
        return { listed: true, applies: true, ...levelOf(item), reason: `strict mode: every technical item applies whatever the deployment model, so ${item.id} applies to '${sel.deploymentModel}'` };
      }
      return { listed: true, ...byMatrix(item, sel, app) };
    case 'documentation':
      return { listed: true, ...byMatrix(item, sel, app) };
    case 'category': {
      // A category requirement is listed only where it applies: for a claimed category (and subcategory) of the checklist.
      const level = levelOf(item);
      if (item.checklist !== sel.checklist) {
        return { listed: false, applies: false, ...level, reason: `${item.id} belongs to the ${item.checklist} checklist, not ${sel.checklist}` };
      }
      if (!sel.categories.includes(item.category)) {
        return { listed: false, applies: false, ...level, reason: `the category '${item.category}' is not claimed` };
      }
      if (!item.subcategory) return { listed: true, applies: true, ...level, reason: `the category '${item.category}' is claimed` };
      const sub = `${item.category}.${item.subcategory}` as SubcategoryId;
      const title = SUBCATEGORIES[item.category].find((s) => s.id === sub)?.choice ?? sub;
      return sel.subcategories.includes(sub)
        ? { listed: true, applies: true, ...level, reason: `the subcategory '${sub}' (${title}) is claimed` }
        : { listed: false, applies: false, ...level, reason: `the category '${item.category}' is claimed, but not its subcategory '${sub}' (${title})` };
    }
    case 'business': {
      // Listed for every checklist that lists it; it may still not apply (too few categories under review).
      const level = levelOf(item);
      if (!item.checklists.includes(sel.checklist)) {
        return { listed: false, applies: false, ...level, reason: `the ${sel.checklist} checklist does not list ${item.id}` };
      }
      const claimed = sel.categories.length;
      if (item.minimumCategories !== undefined && claimed < item.minimumCategories) {
        return { listed: true, applies: false, ...level, reason: `the ${sel.checklist} checklist lists ${item.id} for ${item.minimumCategories} or more categories under review; ${claimed} ${claimed === 1 ? 'is' : 'are'} claimed` };
      }
      return item.minimumCategories !== undefined
        ? { listed: true, applies: true, ...level, reason: `the ${sel.checklist} checklist lists ${item.id} when more than one category is under review; ${claimed} are claimed` }
        : { listed: true, applies: true, ...level, reason: `the ${sel.checklist} checklist lists ${item.id}` };
    }
  }
}
