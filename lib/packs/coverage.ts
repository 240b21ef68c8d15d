/**
 * Which items read which resource types, derived from the checklist data (the classes of resource types each item is
 * about, and its rule uses) and the rules (the types each reads), over the AWS facts' resource-type classes. Nothing
 * here is kept by hand: a rule that starts reading a type changes the table, RULES.md and the findings together.
 *
 * A type of a class an item is about that no required rule of the item reads is never a silent pass: the pack raises
 * `Competency-<item>-NotVerified` on every resource of that type ("Not verified: <type> is not read by <item>"), at the
 * item's level, and the evidence report cannot show the item Met while it stands.
 */
import { CHECKLIST_ITEMS, ChecklistItem, ResourceClassName, resourceClassesOf, ResourceClassUse, ruleUsesUnder } from '../checklist';
import { RESOURCE_TYPE_CLASSES, resourceClassesOf as classesOfType, typesOfClass } from '../aws';
import { RULES_BY_NAME } from '../rules';
import { CompetencyRule, defineRule, nonCompliant } from '../rules/rule';

/** The rule name of "not verified" findings: `Competency-<item>-NotVerified`. */
export const NOT_VERIFIED = 'NotVerified';

/** The classes in the order the table shows them. */
export const RESOURCE_CLASSES: readonly ResourceClassName[] = ['data', 'traffic', 'protocol', 'capacity'];

/**
 * The names of the required rules of an item that read a type, among the uses that check the item in a cell with
 * `condition` (`ruleUsesUnder`: what the pack plans there). A use written for another cell's condition never counts:
 * it does not run, so it cannot verify the type.
 * @param condition the condition of the selection's cell
 * @default - an unconditional cell
 */
export function requiredReaders(item: ChecklistItem, type: string, condition?: string): string[] {
  return ruleUsesUnder(item, condition)
    .filter((u) => u.kind === 'required' && (RULES_BY_NAME.get(u.rule)?.resourceTypes.includes(type) ?? false))
    .map((u) => u.rule);
}

/** The names of the recommended rules of an item that read a type (they never verify it), in a cell with `condition`. */
export function recommendedReaders(item: ChecklistItem, type: string, condition?: string): string[] {
  return ruleUsesUnder(item, condition)
    .filter((u) => u.kind === 'recommended' && (RULES_BY_NAME.get(u.rule)?.resourceTypes.includes(type) ?? false))
    .map((u) => u.rule);
}

/** One part of a class use (`ResourceClassUse.parts`), and the item's required rules that read a type for it. */
export interface PartCoverage {
  /** The part's name ("in transit"); undefined for a use without parts, whose one part is the whole sentence. */
  readonly name?: string;
  /** The required rules, planned for the cell, that read the type for this part; empty: the part is not verified. */
  readonly readBy: readonly string[];
}

/**
 * How a type is read for each part of a class use of an item, in a cell with `condition`: a use without parts has one,
 * read by every required reader of the type.
 */
export function partsCoverage(item: ChecklistItem, use: ResourceClassUse, type: string, condition?: string): PartCoverage[] {
  const readers = requiredReaders(item, type, condition);
  if (!use.parts) return [{ readBy: readers }];
  return use.parts.map((p) => ({ name: p.name, readBy: readers.filter((r) => p.rules.includes(r)) }));
}

/**
 * The parts of a class use that no required rule of the item reads for a type (in a cell with `condition`): empty when
 * the item verifies the type; `[undefined]` when the use has no parts and nothing reads the type.
 */
export function unreadParts(item: ChecklistItem, use: ResourceClassUse, type: string, condition?: string): (string | undefined)[] {
  return partsCoverage(item, use, type, condition).filter((p) => p.readBy.length === 0).map((p) => p.name);
}

/** Every item about a class, with the seed sentence that makes it so. */
export function itemsAbout(resourceClass: ResourceClassName): { readonly item: ChecklistItem; readonly use: ResourceClassUse }[] {
  return CHECKLIST_ITEMS.flatMap((item) => resourceClassesOf(item).filter((u) => u.resourceClass === resourceClass).map((use) => ({ item, use })));
}

/** One cell of the coverage table: an item a type's class makes it about, and the required rules of the item reading it. */
export interface CoverageCell {
  readonly itemId: string;
  readonly resourceClass: ResourceClassName;
  /** The item's required rules that read the type (for any part). */
  readonly readBy: readonly string[];
  /**
   * For an item whose sentence has parts ("in transit and at rest"), how each is read.
   * @default - the use has no parts: `readBy` decides
   */
  readonly parts?: readonly PartCoverage[];
  /** Whether the item verifies the type: every part (or, without parts, the sentence) has a required reader. */
  readonly verified: boolean;
  /** Its recommended rules that read the type (shown, never counted). */
  readonly recommendedBy: readonly string[];
}

/** One row of the coverage table: a type of one of the classes, and every item its classes make it about. */
export interface CoverageRow {
  readonly type: string;
  readonly classes: readonly ResourceClassName[];
  readonly cells: readonly CoverageCell[];
}

/** The coverage of one type (empty cells for a type of no class, or one the class table does not know). */
export function coverageOf(type: string): CoverageRow {
  const classes = (classesOfType(type) ?? []) as readonly ResourceClassName[];
  const cells: CoverageCell[] = [];
  for (const resourceClass of classes) {
    for (const { item, use } of itemsAbout(resourceClass)) {
      const parts = partsCoverage(item, use, type);
      cells.push({
        itemId: item.id,
        resourceClass,
        readBy: requiredReaders(item, type),
        ...(use.parts ? { parts } : {}),
        verified: parts.every((p) => p.readBy.length > 0),
        recommendedBy: recommendedReaders(item, type),
      });
    }
  }
  return { type, classes, cells };
}

/** The coverage table: every CloudFormation type of the classes, sorted, with every item each of its classes concerns. */
export function coverageTable(): CoverageRow[] {
  const types = new Set(RESOURCE_CLASSES.flatMap((c) => typesOfClass(c)));
  return [...types].sort().map(coverageOf);
}

/** How many types of the class table there are in all (for the table's headline). */
export function classifiedTypeCount(): number {
  return Object.keys(RESOURCE_TYPE_CLASSES).length;
}

const NOT_VERIFIED_RULES = new Map<string, CompetencyRule>();

/**
 * The rule behind `Competency-<item>-NotVerified`: raised on a resource whose type the item is about and none of its
 * required rules reads, or (`parts`) whose type is read for some parts of the item's sentence and not for these
 * ("Not verified: AWS::SQS::Queue is not read by 1.22 (in transit)"). Not part of the rule registry: it is generated
 * from the data, for the pack and the report.
 */
export function notVerifiedRule(item: ChecklistItem, parts: readonly string[] = []): CompetencyRule {
  const which = parts.length > 0 ? ` (${parts.join(', ')})` : '';
  const key = `${item.id}${which}`;
  let rule = NOT_VERIFIED_RULES.get(key);
  if (!rule) {
    rule = defineRule({
      name: NOT_VERIFIED,
      description: `Every resource type item ${item.id} is about is read by one of its rules${parts.length > 0 ? ', for every part of its sentence' : ''}`,
      fix: `Show item ${item.id}${which} for this resource another way (an attestation, a runtime control) and acknowledge the finding with it, or use a resource type the item's rules read (see the coverage table in RULES.md)`,
      resourceTypes: [],
      scope: 'resource',
      check: (r) => nonCompliant(`Not verified: ${r.type} is not read by ${item.id}${which}`),
    });
    NOT_VERIFIED_RULES.set(key, rule);
  }
  return rule;
}
