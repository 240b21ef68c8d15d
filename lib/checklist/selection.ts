/**
 * Which items apply to a partner: a checklist, a deployment model, the claimed categories and subcategories,
 * and, for cells that depend on what the solution uses, the app's resources. The one place a selection is
 * validated and read.
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
 * What the app holds, for "Applies to" cells that depend on it ("No (unless partner solution running on AWS
 * requires the S3 service)").
 */
export interface AppContents {
  /** Where the app has resources of this CloudFormation type (e.g. construct paths); empty when none. */
  resourcesOfType(type: string): readonly string[];
}

/** Whether one item applies to a selection, and why. */
export interface ItemApplicability {
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

/** `ms-migration.pre-migration-assessment` (Pre-Migration Assessment), ... */
function choicesOf(category: CategoryId): string {
  return SUBCATEGORIES[category].map((s) => `${s.id} (${s.choice})`).join(', ');
}

/** Throws an `Error` with a one-line message if the selection is not a valid combination. */
export function validateSelection(sel: ChecklistSelection): void {
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
  const seenSub = new Set<string>();
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
}

/** The categories a selection claims (directly, or through a subcategory), in the checklist's order. */
export function claimedCategories(sel: ChecklistSelection): CategoryId[] {
  const named = new Set<string>([...(sel.categories ?? []), ...(sel.subcategories ?? []).map((s) => s.slice(0, s.indexOf('.')))]);
  return CATEGORIES[sel.checklist].filter((c) => named.has(c));
}

/** The subcategories a selection claims, in the seed's order. */
export function claimedSubcategories(sel: ChecklistSelection): SubcategoryId[] {
  const named = new Set<string>(sel.subcategories ?? []);
  return CATEGORIES[sel.checklist].flatMap((c) => SUBCATEGORIES[c].map((s) => s.id)).filter((s) => named.has(s));
}

/** The level, modal verb and reason of an item for a selection: the cell's where its words set the level, else the item's. */
function levelOf(item: ChecklistItem, cell?: { readonly level: Level; readonly modal: Modal; readonly levelReason: string }): Pick<ItemApplicability, 'level' | 'modal' | 'levelReason'> {
  if (cell) return cell;
  return { level: item.level, modal: item.modal, ...(item.levelReason ? { levelReason: item.levelReason } : {}) };
}

function byMatrix(item: TechnicalItem | DocumentationItem, sel: ChecklistSelection, app: AppContents | undefined): ItemApplicability {
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
 * Whether an item applies to a selection (validated first), with the condition and the reason. Cells that
 * depend on what the solution uses are decided from `app` when given.
 */
export function itemApplicability(item: ChecklistItem, sel: ChecklistSelection, app?: AppContents): ItemApplicability {
  validateSelection(sel);
  switch (item.kind) {
    case 'technical':
      if (sel.strict) {
        return { applies: true, ...levelOf(item), reason: `strict mode: every technical item applies whatever the deployment model, so ${item.id} applies to '${sel.deploymentModel}'` };
      }
      return byMatrix(item, sel, app);
    case 'documentation':
      return byMatrix(item, sel, app);
    case 'category': {
      const level = levelOf(item);
      if (item.checklist !== sel.checklist) {
        return { applies: false, ...level, reason: `${item.id} belongs to the ${item.checklist} checklist, not ${sel.checklist}` };
      }
      if (!claimedCategories(sel).includes(item.category)) {
        return { applies: false, ...level, reason: `the category '${item.category}' is not claimed` };
      }
      if (!item.subcategory) return { applies: true, ...level, reason: `the category '${item.category}' is claimed` };
      const sub = `${item.category}.${item.subcategory}` as SubcategoryId;
      const title = SUBCATEGORIES[item.category].find((s) => s.id === sub)?.choice ?? sub;
      return claimedSubcategories(sel).includes(sub)
        ? { applies: true, ...level, reason: `the subcategory '${sub}' (${title}) is claimed` }
        : { applies: false, ...level, reason: `the category '${item.category}' is claimed, but not its subcategory '${sub}' (${title})` };
    }
    case 'business': {
      const level = levelOf(item);
      if (!item.checklists.includes(sel.checklist)) {
        return { applies: false, ...level, reason: `the ${sel.checklist} checklist does not list ${item.id}` };
      }
      const claimed = claimedCategories(sel).length;
      if (item.minimumCategories !== undefined && claimed < item.minimumCategories) {
        return { applies: false, ...level, reason: `the ${sel.checklist} checklist lists ${item.id} for ${item.minimumCategories} or more categories under review; ${claimed} ${claimed === 1 ? 'is' : 'are'} claimed` };
      }
      return item.minimumCategories !== undefined
        ? { applies: true, ...level, reason: `the ${sel.checklist} checklist lists ${item.id} when more than one category is under review; ${claimed} are claimed` }
        : { applies: true, ...level, reason: `the ${sel.checklist} checklist lists ${item.id}` };
    }
  }
}

/**
 * The items of `items` that apply to the selection (validated first), in their order. Items whose cell
 * depends on the app apply only when `app` shows the condition holds.
 */
export function selectApplicable(items: readonly ChecklistItem[], sel: ChecklistSelection, app?: AppContents): ChecklistItem[] {
  validateSelection(sel);
  return items.filter((item) => itemApplicability(item, sel, app).applies);
}
