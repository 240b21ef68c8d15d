import { CfnResourceJson, isObject, PseudoParameters, referencedLogicalId } from '../../aws';
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

/**
 * All resources of an assembly, with reference resolution across stacks: `Ref`/`Fn::GetAtt` within
 * a template and `Fn::ImportValue` of another stack's export.
 */
export class ResourceIndex {
  private readonly byKey = new Map<string, IndexedResource>();
  private readonly byType = new Map<string, IndexedResource[]>();
  private readonly exports = new Map<string, { stack: AssemblyStack; value: unknown }>();

  constructor(readonly stacks: readonly AssemblyStack[]) {
    for (const stack of stacks) {
      for (const [logicalId, resource] of Object.entries(stack.template.Resources ?? {})) {
        if (!isObject(resource) || typeof resource.Type !== 'string') continue;
        const key = `${stack.artifactId}/${logicalId}`;
        const indexed = { key, stack, logicalId, type: resource.Type, props: isObject(resource.Properties) ? resource.Properties : {}, resource };
        this.byKey.set(key, indexed);
        this.byType.set(resource.Type, [...(this.byType.get(resource.Type) ?? []), indexed]);
      }
      for (const output of Object.values(stack.template.Outputs ?? {})) {
        const name = isObject(output) && isObject(output.Export) ? output.Export.Name : undefined;
        if (typeof name === 'string') this.exports.set(name, { stack, value: (output as any).Value });
      }
    }
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

  /** The resource a value refers to, from `stack`: `Ref`, `Fn::GetAtt` or `Fn::ImportValue` of an export. */
  deref(value: unknown, stack: AssemblyStack): IndexedResource | undefined {
    const id = referencedLogicalId(value);
    if (id) return this.byKey.get(`${stack.artifactId}/${id}`);
    if (isObject(value) && typeof value['Fn::ImportValue'] === 'string') {
      const exp = this.exports.get(value['Fn::ImportValue']);
      if (exp) return this.deref(exp.value, exp.stack);
    }
    return undefined;
  }

  /** Every resource referenced anywhere inside `value` (deep). */
  refsIn(value: unknown, stack: AssemblyStack, out: IndexedResource[] = []): IndexedResource[] {
    const direct = this.deref(value, stack);
    if (direct) {
      out.push(direct);
      return out;
    }
    if (Array.isArray(value)) value.forEach((v) => this.refsIn(v, stack, out));
    else if (isObject(value)) Object.values(value).forEach((v) => this.refsIn(v, stack, out));
    return out;
  }
}

/** Pseudo parameters of a stack, from its environment. */
export function pseudoOf(stack: AssemblyStack): PseudoParameters {
  return { account: stack.account, region: stack.region };
}
