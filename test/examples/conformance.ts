import * as fs from 'fs';
import * as path from 'path';
import { App, Stack, Stage } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ReferenceConfig, referenceConfigFrom, ReferenceDeployment } from '../../examples';
import { IntegBuilder, verifyIntegSnapshot } from '../../examples/integ-snapshots';
import { competencyFindings, competencySnapshotSerializer } from '../../lib/testing';

/** The app, configuration and stage of a reference deployment, built once per test file from cdk.json's context. */
export function buildReference(deployment: ReferenceDeployment): { app: App; config: ReferenceConfig; stage: Stage; stacks: Stack[] } {
  const context = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'cdk.json'), 'utf-8')).context;
  const app = new App({ context });
  const config = referenceConfigFrom(app);
  const stage = deployment.build(app, config);
  return { app, config, stage, stacks: stage.node.children.filter(Stack.isStack) };
}

/**
 * The tests every reference deployment owes: it passes each pack it claims (every model and strict) with zero
 * unacknowledged findings (errors and warnings), AwsSolutionsChecks has none either, its integ snapshot matches a fresh synth, and one stable
 * snapshot per stack.
 */
export function describeConformance(deployment: ReferenceDeployment, stage: Stage, stacks: readonly Stack[], buildInteg: IntegBuilder): void {
  test('passes every pack it claims (each deployment model and strict) with zero unacknowledged findings, warnings included', () => {
    const { checklist, deploymentModels, categories } = deployment.claims;
    const selections = [
      ...deploymentModels.map((deploymentModel) => ({ checklist, deploymentModel, categories })),
      { checklist, deploymentModel: deploymentModels[0], categories, strict: true },
    ];
    for (const selection of selections) {
      const findings = competencyFindings(stage, selection);
      expect([...findings.errors, ...findings.warnings].map((e) => `${e.ruleId} ${e.path}: ${e.reason}`)).toEqual([]);
      expect(findings.passed).toBeGreaterThan(0);
    }
  });

  test('AwsSolutionsChecks: no unacknowledged violation, warnings included', () => {
    const report = new AwsSolutionsChecks().validateScope(stage);
    expect(report.violations.map((v) => `${v.ruleName} (${v.severity})`)).toEqual([]);
  });

  test(`integ snapshot matches a fresh synth of integ.${deployment.name}.ts`, () => {
    const dir = path.join(__dirname, '..', '..', 'examples', deployment.name, `integ.${deployment.name}.ts.snapshot`);
    expect(verifyIntegSnapshot(buildInteg, dir)).toEqual([]);
  });

  test('snapshot', () => {
    expect.addSnapshotSerializer(competencySnapshotSerializer);
    for (const stack of stacks) expect(stack).toMatchSnapshot(stack.node.id);
  });
}
