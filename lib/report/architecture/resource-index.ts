import { AssemblyResolver, CfnResourceJson, isObject, PseudoParameters, ResolvableResource, ResolvableStack, ResourceValue, Text } from '../../aws';
import { AssemblyStack } from '../assembly';

/** One resource of the assembly with its stack. */
export interface IndexedResource {
  /** `<artifactId>/<logicalId>`: unique across the assembly. */
  readonly key: string;
  readonly stack: AssemblyStack;
  readonly logicalId: string;
  readonly type: string;
  readonly props: { readonly [key: string]: any };
  readonly resource: CfnResourceJson;
}

/** A resource as the resolver sees it, with the key of its {@link IndexedResource}. */
interface Resolvable extends ResolvableResource {
  readonly key: string;
}

/**
 * All resources of an assembly by key and type, and what their values refer to: references are followed by the
 * library's one resolver (`AssemblyResolver` of lib/aws: `Ref`, `Fn::GetAtt`, `Fn::ImportValue` of another
 * stack's export, nested-stack parameters and outputs, `Fn::If` branches...).
 */
export class ResourceIndex {
  private readonly byKey = new Map<string, IndexedResource>();
  private readonly byType = new Map<string, IndexedResource[]>();
  private readonly resolver: AssemblyResolver<Resolvable>;
  /** Per stack, a resource that stands for "a value of this stack" when the resolver needs one to read a value from. */
  private readonly contexts = new Map<string, Resolvable>();

  constructor(readonly stacks: readonly AssemblyStack[], nestedStacks: readonly AssemblyStack[] = []) {
    const views: ResolvableStack[] = [];
    const pathOf = new Map([...stacks, ...nestedStacks].map((s) => [s.artifactId, s.displayName]));
    for (const stack of [...stacks, ...nestedStacks]) {
      const resources = new Map<string, Resolvable>();
      const view: ResolvableStack = {
        path: stack.displayName,
        account: stack.account,
        region: stack.region,
        template: stack.template,
        resources,
        ...(stack.nestedIn ? { nestedIn: { stack: pathOf.get(stack.nestedIn.artifactId) ?? stack.nestedIn.artifactId, logicalId: stack.nestedIn.logicalId } } : {}),
      };
      views.push(view);
      this.contexts.set(stack.artifactId, { key: `${stack.artifactId}/`, logicalId: '(value)', type: 'Diagram::Value', properties: {}, path: stack.displayName, stack: view });
      for (const [logicalId, resource] of Object.entries(stack.template.Resources ?? {})) {
        if (!isObject(resource) || typeof resource.Type !== 'string') continue;
        const key = `${stack.artifactId}/${logicalId}`;
        const props = isObject(resource.Properties) ? resource.Properties : {};
        resources.set(logicalId, { key, logicalId, type: resource.Type, properties: props, path: stack.constructPaths[logicalId] ?? `${stack.displayName}/${logicalId}`, stack: view });
        // resources of nested stacks are followed through, not drawn (they deploy with their parent)
        if (!stacks.includes(stack)) continue;
        const indexed: IndexedResource = { key, stack, logicalId, type: resource.Type, props, resource: resource as CfnResourceJson };
        this.byKey.set(key, indexed);
        this.byType.set(resource.Type, [...(this.byType.get(resource.Type) ?? []), indexed]);
      }
    }
    this.resolver = new AssemblyResolver<Resolvable>(views);
  }

  /** Every resource, in stack then template order. */
  all(): IndexedResource[] {
    return [...this.byKey.values()];
  }

  get(key: string): IndexedResource | undefined {
    return this.byKey.get(key);
  }

  /** Every resource of one type, in stack then template order. */
  ofType(type: string): readonly IndexedResource[] {
    return this.byType.get(type) ?? [];
  }

  /** The resource a value of `stack` designates (`Ref`, `Fn::GetAtt`, an import of its export...), when it is one. */
  deref(value: unknown, stack: AssemblyStack): IndexedResource | undefined {
    if (!isObject(value)) return undefined;
    for (const v of this.resolve(value, stack)) {
      if (v instanceof ResourceValue) {
        const r = this.byKey.get((v.resource as Resolvable).key);
        if (r) return r;
      }
    }
    return undefined;
  }

  /** Every resource referenced anywhere inside `value` (deep, ARNs built with `Fn::Join` included), in order. */
  refsIn(value: unknown, stack: AssemblyStack): IndexedResource[] {
    const out: IndexedResource[] = [];
    const collect = (v: unknown): void => {
      if (v instanceof ResourceValue) {
        const r = this.byKey.get((v.resource as Resolvable).key);
        if (r && !out.includes(r)) out.push(r);
      } else if (v instanceof Text) v.parts.forEach(collect);
      else if (Array.isArray(v)) v.forEach(collect);
      else if (isObject(v)) Object.values(v).forEach(collect);
    };
    for (const v of this.resolve(value, stack)) collect(v);
    return out;
  }

  /** Every value `value` can take (one per `Fn::If` branch), or none when the resolver cannot follow it. */
  private resolve(value: unknown, stack: AssemblyStack): unknown[] {
    const context = this.contexts.get(stack.artifactId);
    if (!context) return [];
    const result = this.resolver.resolveValue(context, value, 'value');
    return result.ok ? result.values.map((a) => a.value) : [];
  }
}

/** Pseudo parameters of a stack, from its environment. */
export function pseudoOf(stack: AssemblyStack): PseudoParameters {
  return { account: stack.account, region: stack.region };
}
