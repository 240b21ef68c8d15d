/** Short constructors for the expectations written beside each corpus app. */
import { ExpectedFinding, ExpectedPass, ExpectedVerdict } from './types';

const list = (paths: string | readonly string[]): readonly string[] => (typeof paths === 'string' ? [paths] : paths);

/** A finding the seed's words demand. */
export function required(item: string, rule: string, paths: string | readonly string[], why: string): ExpectedFinding {
  return { item, rule, paths: list(paths), kind: 'required', why };
}

/** A finding of good practice beyond the seed's words (`why` quotes the sentence it goes beyond). */
export function recommended(item: string, rule: string, paths: string | readonly string[], why: string): ExpectedFinding {
  return { item, rule, paths: list(paths), kind: 'recommended', why };
}

/** A design the seed allows: the item's rules (or `rule`) read `path` and raise no required finding on it. */
export function passes(item: string, path: string, why: string, rule?: string): ExpectedPass {
  return { item, path, why, ...(rule ? { rule } : {}) };
}

export const met = (why: string): ExpectedVerdict => ({ verdict: 'met', why });
export const notMet = (why: string): ExpectedVerdict => ({ verdict: 'not-met', why });
export const notVerified = (why: string): ExpectedVerdict => ({ verdict: 'not-verified', why });
export const notApplicable = (why: string): ExpectedVerdict => ({ verdict: 'not-applicable', why });
