/**
 * Differences between the corpus's expectations and what the library finds today that are known, each group with
 * the work that closes it (`owner`: a stream still working in that area, or `corpus` when the corpus itself must fix
 * the rule). The corpus test fails on any difference not listed here. A listed case that no longer differs fails the
 * test when its owner is `corpus` or has finished (remove the case: the library now says what the seed says); cases of
 * an owner still at work may close at any time. This list is empty when the rules say what the seed says.
 */
import type { DiffLine } from './types';

/** Who closes a gap: a stream still at work on that area, or the corpus itself. */
export type GapOwner = 'stores' | 'paths' | 'fit' | 'find' | 'halves' | 'corpus';

/** Owners whose work has landed and ended: their cases must still differ. */
export const FINISHED_OWNERS: readonly GapOwner[] = ['corpus', 'paths', 'fit', 'stores'];

/** One difference: an app, a selection, a kind of difference, an item, and the rule and resource when it has them. */
export interface KnownCase {
  readonly app: string;
  readonly selection: string;
  readonly kind: DiffLine['kind'];
  readonly item: string;
  /** @default - any rule */
  readonly rule?: string;
  /** @default - any resource */
  readonly path?: string;
}

export interface KnownGap {
  readonly owner: GapOwner;
  /** Why the library differs from the seed today, and what closes it. */
  readonly reason: string;
  readonly cases: readonly KnownCase[];
}

/** One known case, as the list writes them (exported so that the list may be empty). */
export function c(app: string, selection: string, kind: DiffLine['kind'], item: string, rule?: string, path?: string): KnownCase {
  return { app, selection, kind, item, ...(rule !== undefined ? { rule } : {}), ...(path !== undefined ? { path } : {}) };
}

export const KNOWN_GAPS: readonly KnownGap[] = [];
