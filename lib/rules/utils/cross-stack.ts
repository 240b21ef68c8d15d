import { AppView, ResourceView, StackView } from '../rule';
import { isIntrinsic, literalString, referencedLogicalId } from '../../aws';

/** Following references across stacks (the CDK's `Fn::ImportValue` of a stack export) and comparing accounts. */

/** Where the resources of a stack count as "the same account": its concrete account, or the stack itself when agnostic. */
export function accountKeyOf(stack: StackView): string {
  return stack.account ? `account:${stack.account}` : `stack:${stack.path}`;
}

/** Stack exports of the whole app by export name (indexed once per pass), to follow `Fn::ImportValue`. */
export function exportsByName(app: AppView): ReadonlyMap<string, { readonly stack: StackView; readonly value: unknown }> {
  return app.memo('exports-by-name', () => {
    const index = new Map<string, { stack: StackView; value: unknown }>();
    for (const stack of app.stacks) {
      for (const output of Object.values(stack.template.Outputs ?? {})) {
        const name = literalString((output?.Export as any)?.Name);
        if (name !== undefined) index.set(name, { stack, value: output.Value });
      }
    }
    return index;
  });
}

/**
 * The resource a value designates: a `Ref`/`Fn::GetAtt` to the same stack, or an `Fn::ImportValue` of an
 * export (the CDK's cross-stack references) whose value is such a reference in the exporting stack.
 */
export function resolveResource(from: ResourceView, value: unknown, app: AppView): ResourceView | undefined {
  const id = referencedLogicalId(value);
  if (id !== undefined) return from.stack.resources.get(id);
  if (isIntrinsic(value) && 'Fn::ImportValue' in value) {
    const name = literalString(value['Fn::ImportValue']);
    const exported = name === undefined ? undefined : exportsByName(app).get(name);
    const target = exported ? referencedLogicalId(exported.value) : undefined;
    return target === undefined ? undefined : exported!.stack.resources.get(target);
  }
  return undefined;
}

/** App-wide key of a resource: `<stack path>|<logical id>`. */
export function keyOf(r: ResourceView): string {
  return `${r.stack.path}|${r.logicalId}`;
}
