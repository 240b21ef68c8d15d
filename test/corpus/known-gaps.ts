/**
 * Differences between the corpus's expectations and what the library finds today that are known, each with the
 * work in progress that will close it. The corpus test fails on any difference not listed here and on any entry
 * here that no longer differs. This list is empty when the rules say what the seed says.
 */
import type { DiffLine } from './harness';

export interface KnownGap {
  readonly app: string;
  readonly selection: string;
  readonly kind: DiffLine['kind'];
  readonly item: string;
  /** @default - any rule */
  readonly rule?: string;
  /** @default - any resource */
  readonly path?: string;
  /** Why the library differs from the seed today, and what closes it. */
  readonly reason: string;
}

export const KNOWN_GAPS: readonly KnownGap[] = [];
