/**
 * Builders for the rule uses of the checklist data, so each item reads like the seed: the rule, the
 * kind of finding, and the seed's sentence.
 */
import { RecommendedRuleUse, RequiredRuleUse, ResourceClassName, ResourceClassUse } from './types';

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
export function recommends(rule: string, beyond: string, why: string): RecommendedRuleUse {
  return { rule, kind: 'recommended', beyond, why };
}

/** The item is about every resource type of a class; `seedSentence` is quoted verbatim from the seed. */
export function touches(resourceClass: ResourceClassName, seedSentence: string): ResourceClassUse {
  return { resourceClass, seedSentence };
}
