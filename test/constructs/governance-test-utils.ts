import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { StackSetStack } from 'cdk-stacksets';
import { CompetencyChecks } from '../../lib/packs';
import { normalizeTemplate, stackSnapshot } from '../../lib/testing';

/** A template JSON normalized for snapshots (asset hashes, CDK version metadata): the library's own serializer. */
export function withoutAssetHashes(json: unknown): unknown {
  return normalizeTemplate(json as { [key: string]: unknown });
}

/** Template of a stack normalized for snapshots. */
export function stableTemplate(stack: Stack): unknown {
  return stackSnapshot(stack);
}

/** The template a `StackSetStack` synthesizes (written as an asset of its parent, not as a stack artifact). */
export function stackSetTemplate(stack: StackSetStack): Template {
  const assembly = App.of(stack)!.synth();
  return Template.fromJSON(JSON.parse(fs.readFileSync(path.join(assembly.directory, stack.templateFile), 'utf-8')));
}

/** AwsSolutions violations as `ruleId at path` strings (empty when nag-clean). */
export function awsSolutionsViolations(stack: Stack): string[] {
  const report = new AwsSolutionsChecks().validateScope(stack);
  return report.violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} at ${r.constructPath ?? r.resourceLogicalId}`));
}

/** Findings of our own `CompetencyChecks` pack in strict mode (every technical item, whatever the deployment model). */
export function competencyFindings(stack: Stack, checklist: 'networking' | 'microsoft-workloads' = 'networking'): string[] {
  const pack =
    checklist === 'networking'
      ? new CompetencyChecks({ checklist, deploymentModel: 'saas', strict: true })
      : new CompetencyChecks({ checklist, deploymentModel: 'customer-deployed-on-aws', strict: true });
  const report = pack.validateScope(stack);
  return report.violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} at ${r.constructPath ?? r.resourceLogicalId}`));
}

/**
 * The tests every governance construct owes on its default stack: clean under CompetencyChecks (both checklists,
 * strict) and AwsSolutionsChecks, and one stable snapshot.
 */
export function describeNagCleanWithSnapshot(stackOf: () => Stack): void {
  test.each(['networking', 'microsoft-workloads'] as const)('is clean under CompetencyChecks (%s, strict)', (checklist) => {
    expect(competencyFindings(stackOf(), checklist)).toEqual([]);
  });

  test('is nag-clean under AwsSolutionsChecks', () => {
    expect(awsSolutionsViolations(stackOf())).toEqual([]);
  });

  test('snapshot', () => {
    expect(stableTemplate(stackOf())).toMatchSnapshot();
  });
}
