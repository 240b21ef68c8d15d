/**
 * Which items apply to a partner: a checklist, a deployment model and the claimed categories.
 */
import { Applicability, CATEGORIES, CategoryId, ChecklistId, ChecklistItem, DEPLOYMENT_MODELS, DeploymentModel, DocumentationItem, Level, TechnicalItem } from './types';

/** What the partner applies for. */
export interface ChecklistSelection {
  /** The checklist (competency) applied for. */
  readonly checklist: ChecklistId;
  /** The deployment model, one of the checklist's own. */
  readonly deploymentModel: DeploymentModel;
  /**
   * The categories claimed; their requirements apply.
   * @default - none: no category requirement applies
   */
  readonly categories?: readonly CategoryId[];
  /**
   * Apply every technical item whatever the deployment model's matrix says.
   * @default false
   */
  readonly strict?: boolean;
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
}

const CHECKLIST_IDS = Object.keys(CATEGORIES) as ChecklistId[];

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
}

function byMatrix(item: TechnicalItem | DocumentationItem, sel: ChecklistSelection): ItemApplicability {
  const cells = item.appliesTo[sel.checklist] as { readonly [model: string]: Applicability };
  const cell = cells[sel.deploymentModel];
  const where = `the ${sel.checklist} checklist's '${sel.deploymentModel}' column`;
  const level = cell.level ?? item.level;
  const printed = cell.printed ? ` ("${cell.printed}")` : '';
  if (cell.applies) {
    return cell.condition
      ? { applies: true, condition: cell.condition, level, reason: `${where} marks ${item.id} Yes${printed}, limited to: ${cell.condition}` }
      : { applies: true, level, reason: `${where} marks ${item.id} Yes` };
  }
  return cell.condition
    ? { applies: false, condition: cell.condition, level, reason: `${where} marks ${item.id} No${printed}, unless: ${cell.condition}` }
    : { applies: false, level, reason: `${where} marks ${item.id} No` };
}

/** Whether an item applies to a selection (validated first), with the condition and the reason. */
export function itemApplicability(item: ChecklistItem, sel: ChecklistSelection): ItemApplicability {
  validateSelection(sel);
  switch (item.kind) {
    case 'technical':
      if (sel.strict) {
        return { applies: true, level: item.level, reason: `strict mode: every technical item applies whatever the deployment model, so ${item.id} applies to '${sel.deploymentModel}'` };
      }
      return byMatrix(item, sel);
    case 'documentation':
      return byMatrix(item, sel);
    case 'category': {
      const level = item.level;
      if (item.checklist !== sel.checklist) {
        return { applies: false, level, reason: `${item.id} belongs to the ${item.checklist} checklist, not ${sel.checklist}` };
      }
      const claimed = (sel.categories ?? []).includes(item.category);
      return claimed
        ? { applies: true, level, reason: `the category '${item.category}' is claimed` }
        : { applies: false, level, reason: `the category '${item.category}' is not claimed` };
    }
    case 'business':
      return item.checklists.includes(sel.checklist)
        ? { applies: true, level: item.level, reason: `the ${sel.checklist} checklist lists ${item.id}` }
        : { applies: false, level: item.level, reason: `the ${sel.checklist} checklist does not list ${item.id}` };
  }
}

/** The items of `items` that apply to the selection (validated first), in their order. */
export function selectApplicable(items: readonly ChecklistItem[], sel: ChecklistSelection): ChecklistItem[] {
  validateSelection(sel);
  return items.filter((item) => itemApplicability(item, sel).applies);
}
