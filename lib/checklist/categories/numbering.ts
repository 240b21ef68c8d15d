/**
 * Gives category requirements their stable IDs: `<category>.<n>` or `<category>.<subcategory>.<n>`,
 * numbered from 1 in the order the seed prints them. Appending keeps existing IDs stable.
 */
import { CategoryId, CategoryRequirement, ChecklistId } from '../types';

/** A category requirement before it is numbered. */
export type RequirementDraft = Pick<CategoryRequirement, 'title' | 'requirement' | 'level' | 'verification'>;

/** Where a group of requirements sits. */
export interface RequirementGroup {
  readonly checklist: ChecklistId;
  readonly category: CategoryId;
  /** @default - none */
  readonly subcategory?: string;
}

/** Numbers the drafts of one (sub)category in seed order. */
export function numbered(group: RequirementGroup, drafts: readonly RequirementDraft[]): CategoryRequirement[] {
  const prefix = group.subcategory ? `${group.category}.${group.subcategory}` : group.category;
  return drafts.map((draft, index) => ({
    kind: 'category',
    id: `${prefix}.${index + 1}`,
    checklist: group.checklist,
    category: group.category,
    ...(group.subcategory ? { subcategory: group.subcategory } : {}),
    ...draft,
  }));
}
