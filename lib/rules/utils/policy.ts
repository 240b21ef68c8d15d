import { asList, isIntrinsic } from '../../aws';

/** A normalized IAM policy statement. */
export interface Statement {
  readonly effect: 'Allow' | 'Deny';
  readonly actions: readonly unknown[];
  readonly notActions: readonly unknown[];
  readonly resources: readonly unknown[];
  readonly principals: readonly unknown[];
  readonly condition?: { readonly [op: string]: any };
  /** Index in the document's statement list. */
  readonly index: number;
}

/** The statements of a policy document (resolved JSON). */
export function statementsOf(doc: unknown): readonly Statement[] {
  if (!doc || typeof doc !== 'object' || isIntrinsic(doc)) return [];
  const raw = asList((doc as any).Statement);
  return raw.map((s: any, index) => ({
    effect: s?.Effect === 'Deny' ? 'Deny' : 'Allow',
    actions: asList(s?.Action),
    notActions: asList(s?.NotAction),
    resources: asList(s?.Resource),
    principals: principalValues(s?.Principal),
    condition: s?.Condition && Object.keys(s.Condition).length > 0 ? s.Condition : undefined,
    index,
  }));
}

/** Flattens a `Principal` element into its values (`'*'`, ARNs, service names...). */
export function principalValues(p: unknown): readonly unknown[] {
  if (p === undefined) return [];
  if (p === '*') return ['*'];
  if (p && typeof p === 'object' && !isIntrinsic(p)) {
    return Object.values(p as object).flatMap((v) => asList(v));
  }
  return [p];
}

/** Whether a statement's principal is everyone (`*` or `{ AWS: '*' }`). */
export function isPublicPrincipal(s: Statement): boolean {
  return s.principals.some((p) => p === '*');
}
