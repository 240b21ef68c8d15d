import { Stack, Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * Renders a (possibly tokenized) string the way cdk-nag names it in granular findings such as
 * `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:logs:...:<LogGroupF5B46931>:log-stream:*]`.
 */
export function nagFlatten(scope: IConstruct, value: unknown): string {
  const visit = (node: unknown): string => {
    if (node === undefined) return '';
    if (typeof node === 'string') return node.replace(/\$\{/g, '<').replace(/}/g, '>');
    const n = node as { readonly [key: string]: unknown };
    const join = n['Fn::Join'] as [string, unknown[]] | undefined;
    if (join) return join[1].map(visit).join(join[0]);
    if (n['Fn::Sub']) return visit(n['Fn::Sub']);
    const getAtt = n['Fn::GetAtt'] as [unknown, unknown] | undefined;
    if (getAtt) return `<${visit(getAtt[0])}.${visit(getAtt[1])}>`;
    if (n['Fn::ImportValue']) return visit(n['Fn::ImportValue']);
    if (n.Ref) return `<${visit(n.Ref)}>`;
    return JSON.stringify(node);
  };
  return visit(Stack.of(scope).resolve(value));
}

/**
 * Acknowledges cdk-nag's `AwsSolutions-IAM5` granular findings for the given wildcard resources and actions on
 * `scope` (and everything below it), with one reason.
 */
export function acknowledgeWildcards(scope: IConstruct, options: { readonly resources?: string[]; readonly actions?: string[]; readonly reason: string }): void {
  const ids = [
    ...(options.resources ?? []).map((r) => `AwsSolutions-IAM5[Resource::${nagFlatten(scope, r)}]`),
    ...(options.actions ?? []).map((a) => `AwsSolutions-IAM5[Action::${a}]`),
  ];
  Validations.of(scope).acknowledge(...ids.map((id) => ({ id, reason: options.reason })));
}
