import { asList, isIntrinsic } from '../../aws';

/** A normalized IAM policy statement. */
export interface Statement {
  readonly effect: 'Allow' | 'Deny';
  readonly actions: readonly unknown[];
  readonly notActions: readonly unknown[];
  readonly resources: readonly unknown[];
  readonly notResources: readonly unknown[];
  /** Every value of `Principal`, whatever its kind (`'*'`, ARNs, service names...). */
  readonly principals: readonly unknown[];
  /** `Principal` by kind (`AWS`, `Service`, `Federated`, `CanonicalUser`; `*` for `Principal: '*'`). */
  readonly principalsByKind: ReadonlyMap<string, readonly unknown[]>;
  /** Every value of `NotPrincipal` (a statement with one applies to everyone but them). */
  readonly notPrincipals: readonly unknown[];
  readonly condition?: { readonly [op: string]: any };
  /** Index in the document's statement list. */
  readonly index: number;
}

/** The statements of a policy document (JSON, raw or resolved). */
export function statementsOf(doc: unknown): readonly Statement[] {
  if (!doc || typeof doc !== 'object' || isIntrinsic(doc)) return [];
  const raw = asList((doc as any).Statement);
  return raw.map((s: any, index) => ({
    effect: s?.Effect === 'Deny' ? 'Deny' : 'Allow',
    actions: asList(s?.Action),
    notActions: asList(s?.NotAction),
    resources: asList(s?.Resource),
    notResources: asList(s?.NotResource),
    principals: principalValues(s?.Principal),
    principalsByKind: principalKinds(s?.Principal),
    notPrincipals: principalValues(s?.NotPrincipal),
    condition: s?.Condition && typeof s.Condition === 'object' && Object.keys(s.Condition).length > 0 ? s.Condition : undefined,
    index,
  }));
}

/** Flattens a `Principal` element into its values (`'*'`, ARNs, service names...). */
export function principalValues(p: unknown): readonly unknown[] {
  if (p === undefined) return [];
  if (p === '*') return ['*'];
  if (isPrincipalMap(p)) return Object.values(p as object).flatMap((v) => asList(v));
  return [p];
}

function principalKinds(p: unknown): ReadonlyMap<string, readonly unknown[]> {
  if (p === undefined) return new Map();
  if (isPrincipalMap(p)) return new Map(Object.entries(p as object).map(([k, v]) => [k, asList(v)]));
  return new Map([['*', [p]]]);
}

/** A `{ AWS: ..., Service: ... }` map (not an intrinsic, not a resolved deploy-time value). */
function isPrincipalMap(p: unknown): boolean {
  return !!p && typeof p === 'object' && !Array.isArray(p) && !isIntrinsic(p) && Object.getPrototypeOf(p) === Object.prototype;
}

/** Whether a statement's principal is everyone (`*` or `{ AWS: '*' }`). */
export function isPublicPrincipal(s: Statement): boolean {
  return s.principals.some((p) => p === '*');
}
