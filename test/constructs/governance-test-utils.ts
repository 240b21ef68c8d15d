import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { StackSetStack } from 'cdk-stacksets';
import { CompetencyChecks } from '../../lib/packs';

/** A template JSON with 64-hex asset hashes replaced, so a snapshot survives CDK upgrades. */
export function withoutAssetHashes(json: unknown): unknown {
  return JSON.parse(JSON.stringify(json).replace(/[a-f0-9]{64}/g, '<asset-hash>'));
}

/** Template of a stack with 64-hex asset hashes replaced. */
export function stableTemplate(stack: Stack): unknown {
  return withoutAssetHashes(Template.fromStack(stack).toJSON());
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
