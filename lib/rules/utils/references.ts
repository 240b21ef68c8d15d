import { AppView, ResourceView, StackView } from '../rule';
import { asList, intrinsicName, isObject, literalString, NESTED_STACK_TYPE, ResourceValue, Text } from '../../aws';

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

/** One place in the app that designates a resource: the referring resource (or output) and the property path. */
export interface InboundReference {
  readonly from: ResourceView;
  /** Property path in the referring resource (for an output, `Value`). */
  readonly path: string;
}

/** Every reference to one resource across the app. */
export interface Inbound {
  readonly references: readonly InboundReference[];
  /**
   * Whether an output exports the resource (its `Ref` or an attribute) under a name no stack of the app imports: stacks
   * outside the app may use it.
   */
  readonly exportedOutside: boolean;
}

const NO_INBOUND: Inbound = { references: [], exportedOutside: false };

/** Where a value sits in a resource's properties, from the value up: `undefined` is `Properties` itself. */
type At = { readonly up: At; readonly key: string | number } | undefined;

/** The property path of a place (`Tags/0/Value`; '' for `Properties`). */
function pathOf(at: At): string {
  const keys: (string | number)[] = [];
  for (let a = at; a; a = a.up) keys.push(a.key);
  return keys.reverse().join('/');
}

/**
 * Every place of the app that designates `target`: a `Ref`, a `Fn::GetAtt` or a `${...}` of `Fn::Sub` in its stack, and,
 * through the resolver, imports of its exports, nested-stack parameters and nested-stack outputs, in every `Fn::If`
 * branch. Indexed once per pass: rules use it to show that a resource is used only in the ways they accept.
 */
export function inboundReferences(target: ResourceView, app: AppView): Inbound {
  return inboundIndex(app).get(resourceKey(target)) ?? NO_INBOUND;
}

function inboundIndex(app: AppView): ReadonlyMap<string, Inbound> {
  return app.memo('inbound-references', () => {
    const refs = new Map<string, InboundReference[]>();
    const exports = new Map<string, Set<string>>();
    const imported = new Set<string>();
    const add = (target: ResourceView, from: ResourceView, path: string) => {
      const k = resourceKey(target);
      const list = refs.get(k);
      const ref = { from, path };
      if (!list) refs.set(k, [ref]);
      else if (!list.some((r) => r.from === from && r.path === path)) list.push(ref);
    };
    const throughResolver = (from: ResourceView, node: unknown, path: string) => {
      const res = app.resolveValue(from, node, path);
      if (!res.ok) return;
      for (const { value } of res.values) {
        for (const v of asList(value)) {
          if (v instanceof ResourceValue) add(v.resource as ResourceView, from, path);
          else if (v instanceof Text) for (const p of v.parts) if (p instanceof ResourceValue) add(p.resource as ResourceView, from, path);
        }
      }
    };
    for (const stack of app.stacks) {
      const parameters = stack.template.Parameters ?? {};
      const local = (from: ResourceView, id: string, node: unknown, at: At) => {
        const target = stack.resources.get(id);
        if (!target) {
          if (stack.nestedIn && Object.prototype.hasOwnProperty.call(parameters, id)) throughResolver(from, node, pathOf(at));
          return;
        }
        if (target.type === NESTED_STACK_TYPE) throughResolver(from, node, pathOf(at));
        else add(target, from, pathOf(at));
      };
      // Every value of every resource is visited: the path to it is built only for the few that are references.
      const visit = (from: ResourceView, node: unknown, at: At): void => {
        if (Array.isArray(node)) {
          for (let i = 0; i < node.length; i++) visit(from, node[i], { up: at, key: i });
          return;
        }
        if (!isObject(node)) return;
        const fn = intrinsicName(node);
        if (fn !== undefined) {
          const arg = node[fn];
          if (fn === 'Ref') {
            if (typeof arg === 'string') local(from, arg, node, at);
            return;
          }
          if (fn === 'Fn::GetAtt') {
            const id = Array.isArray(arg) ? arg[0] : typeof arg === 'string' ? arg.split('.')[0] : undefined;
            if (typeof id === 'string') local(from, id, node, at);
            return;
          }
          if (fn === 'Fn::Sub') {
            const [text, vars] = Array.isArray(arg) ? [arg[0], arg[1]] : [arg, undefined];
            const own = isObject(vars) ? Object.keys(vars) : [];
            if (typeof text === 'string') {
              for (const m of text.matchAll(/\$\{([^!}][^}]*)\}/g)) {
                const id = m[1].split('.')[0];
                if (!own.includes(id)) local(from, id, { Ref: id }, at);
              }
            }
            if (isObject(vars)) for (const k in vars) visit(from, vars[k], { up: at, key: k });
            return;
          }
          if (fn === 'Fn::ImportValue') {
            const name = literalString(arg);
            if (name !== undefined) imported.add(name);
            throughResolver(from, node, pathOf(at));
            return;
          }
        }
        for (const k in node) visit(from, node[k], { up: at, key: k });
      };
      for (const r of stack.resources.values()) visit(r, r.properties, undefined);
      for (const o of stack.outputs.values()) {
        visit(o, o.properties.Value, { up: undefined, key: 'Value' });
        const name = literalString(o.properties.Export?.Name);
        if (o.properties.Export === undefined) continue;
        const targets = new Set<string>();
        const res = app.resolveValue(o, o.properties.Value, 'Value');
        if (res.ok) for (const { value } of res.values) if (value instanceof ResourceValue) targets.add(resourceKey(value.resource as ResourceView));
        for (const t of targets) {
          const set = exports.get(t) ?? new Set<string>();
          set.add(name ?? '<unknown>');
          exports.set(t, set);
        }
      }
    }
    const index = new Map<string, Inbound>();
    for (const k of new Set([...refs.keys(), ...exports.keys()])) {
      const names = [...(exports.get(k) ?? [])];
      index.set(k, { references: refs.get(k) ?? [], exportedOutside: names.some((n) => !imported.has(n)) });
    }
    return index;
  });
}
