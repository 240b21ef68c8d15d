import { AppView, ResourceView, StackView } from '../rule';
import { asList, literalString, ResourceValue } from '../../aws';

/**
 * Following references from the rules, through the app's resolver (`app.resolve`): `Ref`/`Fn::GetAtt` chains, `Fn::If`
 * branches, imports of other stacks' exports and nested-stack parameters all lead to the resource they designate.
 */

/** A resource's key across the app: `<stack path>|<logical id>`. */
export function resourceKey(r: ResourceView): string {
  return `${r.stack.path}|${r.logicalId}`;
}

/** Where the resources of a stack count as "the same account": its concrete account, or the stack itself when agnostic. */
export function accountKeyOf(stack: StackView): string {
  return stack.account ? `account:${stack.account}` : `stack:${stack.path}`;
}

/** What one value designates. */
export type Designation =
  /** A resource of the app (a `Ref`, or an attribute when `attribute` is set). */
  | { readonly kind: 'resource'; readonly resource: ResourceView; readonly attribute?: string }
  /** A literal (a name, an id, an ARN): the rule may look it up by name. */
  | { readonly kind: 'literal'; readonly value: string }
  /** A value known only at deploy time, or one the resolver could not follow (an {@link Unresolved}): give it to `unverifiable`. */
  | { readonly kind: 'unknown'; readonly value: unknown };

/**
 * Everything a value read from `from` designates: one entry per `Fn::If` branch and per list element. `path` names
 * where the value was read, for messages.
 */
export function designations(from: ResourceView, value: unknown, path: string, app: AppView): Designation[] {
  const res = app.resolveValue(from, value, path);
  if (!res.ok) return [{ kind: 'unknown', value: res.unresolved }];
  const out: Designation[] = [];
  for (const alt of res.values) {
    for (const item of asList(alt.value)) {
      if (item === undefined || item === null) continue;
      if (item instanceof ResourceValue) out.push({ kind: 'resource', resource: item.resource as ResourceView, attribute: item.attribute });
      else if (typeof item === 'string' || typeof item === 'number') out.push({ kind: 'literal', value: String(item) });
      else out.push({ kind: 'unknown', value: item });
    }
  }
  return out;
}

/**
 * The resource a value designates (a `Ref`/`Fn::GetAtt` in its stack, through chains, imports and nested stacks), when
 * every `Fn::If` branch designates the same one; otherwise undefined.
 */
export function resolveResource(from: ResourceView, value: unknown, app: AppView): ResourceView | undefined {
  if (value === undefined || value === null || typeof value !== 'object') return undefined;
  const ds = designations(from, value, '', app);
  const first = ds[0];
  if (!first || first.kind !== 'resource' || !ds.every((d) => d.kind === 'resource' && d.resource === first.resource)) return undefined;
  return first.resource;
}

/** Which resources point at which (e.g. rotation schedules at secrets), indexed once per pass. */
export interface Referrers {
  /** Referring resources by the {@link resourceKey} of the resource they point at. */
  readonly byTarget: ReadonlyMap<string, readonly ResourceView[]>;
  /**
   * Referring values that could not be tied to a resource (known only at deploy time, or not followable), by the
   * path of the referring resource's stack; `value` is what `unverifiable` takes.
   */
  readonly unresolved: ReadonlyMap<string, readonly { readonly from: ResourceView; readonly value: unknown }[]>;
}

/** How to build a {@link Referrers} index. */
export interface ReferrersSpec {
  /** Memo key, unique in the library, e.g. `rotation-schedules-by-secret`. */
  readonly key: string;
  /** The type of the referring resources. */
  readonly fromType: string;
  /** The property path of a referring resource that designates its target(s), e.g. `SecretId` or `Roles`. */
  readonly path: string;
  /** The type the references must point at. */
  readonly targetType: string;
  /** Resolves a literal (a name, an id) to a target; undefined means "outside the app". */
  byLiteral?(from: ResourceView, literal: string): ResourceView | undefined;
}

/**
 * Indexes, once per pass, the resources of `fromType` by the resource of `targetType` they designate (resolved by
 * the app's resolver, or a literal resolved by `byLiteral`). A value known only at deploy time, one that could not be
 * followed, or a resource of another type is kept as unresolved, so that a rule never passes or fails on it silently.
 */
export function referrers(app: AppView, spec: ReferrersSpec): Referrers {
  return app.memo(`referrers:${spec.key}`, () => {
    const byTarget = new Map<string, ResourceView[]>();
    const unresolved = new Map<string, { from: ResourceView; value: unknown }[]>();
    const push = <K, V>(m: Map<K, V[]>, k: K, v: V) => {
      const list = m.get(k);
      if (list) list.push(v); else m.set(k, [v]);
    };
    for (const from of app.ofType(spec.fromType)) {
      const res = app.resolve(from, spec.path);
      if (!res.ok) {
        push(unresolved, from.stack.path, { from, value: res.unresolved });
        continue;
      }
      for (const alt of res.values) {
        for (const item of asList(alt.value)) {
          if (item === undefined || item === null) continue;
          const literal = literalString(item);
          const target = item instanceof ResourceValue ? item.resource as ResourceView : literal !== undefined ? spec.byLiteral?.(from, literal) : undefined;
          if (target && target.type === spec.targetType) push(byTarget, resourceKey(target), from);
          else if (literal === undefined) push(unresolved, from.stack.path, { from, value: item });
        }
      }
    }
    for (const [k, list] of byTarget) byTarget.set(k, [...new Set(list)]);
    return { byTarget, unresolved };
  });
}

/** The resources referencing `target`. */
export function referrersOf(target: ResourceView, index: Referrers): readonly ResourceView[] {
  return index.byTarget.get(resourceKey(target)) ?? [];
}

/** The first unresolved reference of a stack, if any. */
export function unresolvedIn(stack: StackView, index: Referrers): { readonly from: ResourceView; readonly value: unknown } | undefined {
  return index.unresolved.get(stack.path)?.[0];
}

/** The resource of `type` in the same stack whose literal `property` equals `value`, indexed once per pass. */
export function byLiteralProperty(app: AppView, type: string, property: string, from: ResourceView, value: string): ResourceView | undefined {
  const index = app.memo(`by-literal:${type}:${property}`, () => {
    const m = new Map<string, ResourceView>();
    for (const r of app.ofType(type)) {
      const v = literalString(r.properties[property]);
      if (v !== undefined) m.set(`${r.stack.path}|${v}`, r);
    }
    return m;
  });
  return index.get(`${from.stack.path}|${value}`);
}
