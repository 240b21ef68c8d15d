import { AppView, ResourceView, StackView } from '../rule';
import { asList, literalString, referencedLogicalId } from '../../aws';

/** The resource of the same stack that `v` references (`Ref` / `Fn::GetAtt`), or undefined. */
export function referencedResource(from: ResourceView, v: unknown): ResourceView | undefined {
  const id = referencedLogicalId(v);
  return id === undefined ? undefined : from.stack.resources.get(id);
}

/** A resource's key across the app: `<stack path>|<logical id>`. */
export function resourceKey(r: ResourceView): string {
  return `${r.stack.path}|${r.logicalId}`;
}

/** Which resources point at which (e.g. rotation schedules at secrets), indexed once per pass. */
export interface Referrers {
  /** Referring resources by the {@link resourceKey} of the resource they point at. */
  readonly byTarget: ReadonlyMap<string, readonly ResourceView[]>;
  /** Referring values that could not be tied to a resource of their stack, by stack path. */
  readonly unresolved: ReadonlyMap<string, readonly { readonly from: ResourceView; readonly value: unknown }[]>;
}

/** How to build a {@link Referrers} index. */
export interface ReferrersSpec {
  /** Memo key, unique in the library, e.g. `rotation-schedules-by-secret`. */
  readonly key: string;
  /** The type of the referring resources. */
  readonly fromType: string;
  /** The values of a referring resource that designate its target(s). */
  values(from: ResourceView): unknown;
  /** The type the references must point at. */
  readonly targetType: string;
  /** Resolves a literal (a name, an id) to a target of the same stack; undefined means "outside the app". */
  byLiteral?(from: ResourceView, literal: string): ResourceView | undefined;
}

/**
 * Indexes, once per pass, the resources of `fromType` by the resource of `targetType` they reference
 * (`Ref`/`Fn::GetAtt` in the same stack, or a literal resolved by `byLiteral`). Intrinsics that resolve
 * to nothing of the stack (imports, parameters) are kept as unresolved, so that a rule never passes
 * or fails on them silently.
 */
export function referrers(app: AppView, spec: ReferrersSpec): Referrers {
  return app.memo(`referrers:${spec.key}`, () => {
    const byTarget = new Map<string, ResourceView[]>();
    const unresolved = new Map<string, { from: ResourceView; value: unknown }[]>();
    for (const from of app.ofType(spec.fromType)) {
      for (const value of asList(spec.values(from))) {
        if (value === undefined || value === null) continue;
        const literal = literalString(value);
        const target = literal !== undefined ? spec.byLiteral?.(from, literal) : referencedResource(from, value);
        if (target && target.type === spec.targetType) {
          const key = resourceKey(target);
          const list = byTarget.get(key);
          if (list) list.push(from); else byTarget.set(key, [from]);
        } else if (literal === undefined) {
          const list = unresolved.get(from.stack.path);
          if (list) list.push({ from, value }); else unresolved.set(from.stack.path, [{ from, value }]);
        }
      }
    }
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
