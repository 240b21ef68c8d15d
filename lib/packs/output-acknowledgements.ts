import { CfnOutput, IAspect, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { METADATA } from '../conventions';
import { acknowledgementsInTree } from './tree-view';

/**
 * Writes the acknowledgements that apply to each `CfnOutput` into the template metadata
 * (`METADATA.OUTPUT_METADATA`), in cdk-nag's `rules_to_suppress` format. CloudFormation outputs carry no
 * `Metadata`, and cdk-nag's own aspect writes resources only: without this, the evidence report, which reads
 * the cloud assembly alone, could not see that a finding on an output was acknowledged.
 *
 * Only the ids in `ruleIds` are written (the pack's rules that read outputs), so templates do not change
 * for outputs no rule looks at.
 */
export class WriteOutputAcknowledgementsAspect implements IAspect {
  constructor(private readonly ruleIds: ReadonlySet<string>) {}

  public visit(node: IConstruct): void {
    if (!(node instanceof CfnOutput) || this.ruleIds.size === 0) return;
    const acks = [...acknowledgementsInTree(node)].filter(([id]) => this.ruleIds.has(id));
    if (acks.length === 0) return;
    const stack = Stack.of(node);
    const logicalId = stack.resolve(node.logicalId) as string;
    const all = { ...(stack.templateOptions.metadata ?? {}) };
    const byOutput = { ...(all[METADATA.OUTPUT_METADATA] ?? {}) };
    const existing: Array<{ id: string; reason: string }> = byOutput[logicalId]?.cdk_nag?.rules_to_suppress ?? [];
    const merged = [...existing];
    for (const [id, reason] of acks) if (!merged.some((e) => e.id === id)) merged.push({ id, reason });
    byOutput[logicalId] = { cdk_nag: { rules_to_suppress: merged } };
    all[METADATA.OUTPUT_METADATA] = byOutput;
    stack.templateOptions.metadata = all;
  }
}
