import { AssemblyResolver, CfnTemplate, ResolvableResource, ResolvableStack } from '../../../lib/aws';

/** A stack for the resolver tests: a template, where it deploys, and (for a nested stack) its parent. */
export interface TestStack {
  readonly path: string;
  readonly template: CfnTemplate;
  readonly account?: string;
  readonly region?: string;
  readonly stackName?: string;
  readonly nestedIn?: { readonly stack: string; readonly logicalId: string };
}

/** Builds resolvable stacks from templates (as the rules' app view does) and a resolver over them. */
export function resolverOf(...stacks: TestStack[]) {
  const views: ResolvableStack[] = stacks.map((s) => {
    const resources = new Map<string, ResolvableResource>();
    const stack: ResolvableStack = { ...s, resources };
    for (const [logicalId, r] of Object.entries(s.template.Resources ?? {})) {
      resources.set(logicalId, { logicalId, type: r.Type, properties: r.Properties ?? {}, path: `${s.path}/${logicalId}`, stack });
    }
    return stack;
  });
  const resolver = new AssemblyResolver(views);
  const resource = (stack: string, id: string) => {
    const r = resolver.stack(stack)?.resources.get(id);
    if (!r) throw new Error(`no resource ${stack}/${id}`);
    return r;
  };
  /** The values a property can take (one per Fn::If combination), or the unresolved message. */
  const values = (stack: string, id: string, path: string) => {
    const res = resolver.resolve(resource(stack, id), path);
    return res.ok ? res.values.map((v) => v.value) : res.unresolved.message;
  };
  return { resolver, resource, values };
}
