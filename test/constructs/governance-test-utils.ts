import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';

/** Template JSON with 64-hex asset hashes replaced, so a snapshot survives CDK upgrades. */
export function stableTemplate(stack: Stack): unknown {
  const json = JSON.stringify(Template.fromStack(stack).toJSON());
  return JSON.parse(json.replace(/[a-f0-9]{64}/g, '<asset-hash>'));
}

/** AwsSolutions violations as `ruleId at path` strings (empty when nag-clean). */
export function awsSolutionsViolations(stack: Stack): string[] {
  const report = new AwsSolutionsChecks().validateScope(stack);
  return report.violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} at ${r.constructPath ?? r.resourceLogicalId}`));
}
