/**
 * Gives category requirements their stable IDs: `<category>.<n>` or `<category>.<subcategory>.<n>`,
 * numbered from 1 in the order the seed prints them. Appending keeps existing IDs stable; a requirement
 * that turned out not to be one keeps its number as a {@link retired} entry, so the number is never reused.
 */
import { CategoryId, CategoryRequirement, ChecklistId, Level, Modal, SeedText, Verification } from '../types';

/** A seed line: its number or row title, and its title. */
export type SeedLineRef = Pick<SeedText, 'ref' | 'title'>;

/** A category requirement before it is numbered. */
export interface RequirementDraft {
  readonly title: string;
  readonly requirement: string;
  /** The seed's words this requirement rests on, verbatim (passages of one line joined by ` … `: see {@link passages}). */
  readonly words: string;
  /**
   * The seed line the words come from.
   * @default - the group's line
   */
  readonly line?: SeedLineRef;
  readonly level: Level;
  readonly modal: Modal;
  /** @default - the level is the modal verb */
  readonly levelReason?: string;
  readonly verification: Verification;
  /** @default - none */
  readonly alternativeTo?: readonly string[];
}

/** A number that no longer stands for a requirement, and why. */
export interface RetiredDraft {
  readonly retired: string;
}

/** Where a group of requirements sits. */
export interface RequirementGroup {
  readonly checklist: ChecklistId;
  readonly category: CategoryId;
  /** @default - none */
  readonly subcategory?: string;
  /** The seed line (table row) the group's requirements come from. */
  readonly line: SeedLineRef;
}

/** Passages of one seed line that are not adjacent, joined the way {@link SeedText.text} documents. */
export function passages(...parts: readonly string[]): string {
  return parts.join(' … ');
}

/** Marks a number as retired. */
export function retired(reason: string): RetiredDraft {
  return { retired: reason };
}

/** Retired category requirement ids, with the reason (filled by {@link numbered}). */
export const RETIRED_CATEGORY_IDS = new Map<string, string>();

/** Numbers the drafts of one (sub)category in seed order. */
export function numbered(group: RequirementGroup, drafts: readonly (RequirementDraft | RetiredDraft)[]): CategoryRequirement[] {
  const prefix = group.subcategory ? `${group.category}.${group.subcategory}` : group.category;
  const out: CategoryRequirement[] = [];
  drafts.forEach((draft, index) => {
    const id = `${prefix}.${index + 1}`;
    if ('retired' in draft) {
      RETIRED_CATEGORY_IDS.set(id, draft.retired);
      return;
    }
    const { words, line, ...rest } = draft;
    const at = line ?? group.line;
    out.push({
      kind: 'category',
      id,
      checklist: group.checklist,
      category: group.category,
      ...(group.subcategory ? { subcategory: group.subcategory } : {}),
      ...rest,
      seed: { [group.checklist]: { ref: at.ref, title: at.title, text: words } },
    });
  });
  return out;
}
