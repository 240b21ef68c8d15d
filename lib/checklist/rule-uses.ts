/**
 * Builders for the rule uses of the checklist data, so each item reads like the seed: the rule, the
 * kind of finding, and the seed's sentence.
 */
import { RecommendedRuleUse, RequiredRuleUse, ResourceClassName, ResourceClassPart, ResourceClassUse } from './types';

/** Where a rule use runs: `onlyWhere`, the condition of the "Applies to" cells whose limited scope it checks. */
export interface RuleUseOptions {
  /** @default - every column, except those whose condition has uses of its own */
  readonly onlyWhere?: string;
}

/** A rule the seed's own words demand; `seedSentence` is quoted verbatim from the seed. */
export function requires(rule: string, seedSentence: string, options: RuleUseOptions = {}): RequiredRuleUse {
  return { rule, kind: 'required', seedSentence, ...(options.onlyWhere !== undefined ? { onlyWhere: options.onlyWhere } : {}) };
}

/** Good practice beyond the seed: `beyond` is the seed's sentence (verbatim) it asks more than, `why` says why. */
export function recommends(rule: string, beyond: string, why: string, options: RuleUseOptions = {}): RecommendedRuleUse {
  return { rule, kind: 'recommended', beyond, why, ...(options.onlyWhere !== undefined ? { onlyWhere: options.onlyWhere } : {}) };
}

/** Options of {@link touches}. */
export interface TouchesOptions {
  /**
   * The parts of the sentence that each need their own reader, by name (in the seed's words), each with the item's
   * rules that show it: `{ 'at rest': [...], 'in transit': [...] }`.
   * @default - one part: any required rule of the item that reads a type verifies it
   */
  readonly parts?: { readonly [name: string]: readonly string[] };
}

/** The item is about every resource type of a class; `seedSentence` is quoted verbatim from the seed. */
export function touches(resourceClass: ResourceClassName, seedSentence: string, options: TouchesOptions = {}): ResourceClassUse {
  const parts: ResourceClassPart[] | undefined = options.parts && Object.entries(options.parts).map(([name, rules]) => ({ name, rules }));
  return { resourceClass, seedSentence, ...(parts ? { parts } : {}) };
}
