/**
 * The set-up every reference-deployment test shares: the app as `bin/app.ts` builds it from `cdk.json`'s context,
 * and the tests every reference deployment owes.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, Stack, Stage } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ReferenceConfig, referenceConfigFrom, ReferenceDeployment } from '../../examples';
import { buildReferenceApp, SynthesizedReference } from '../../examples/app';
import { IntegBuilder, verifyIntegSnapshot } from '../../examples/integ-snapshots';
import { ChecklistSelection } from '../../lib/checklist';
import { competencyFindings, competencySnapshotSerializer } from '../../lib/testing';

/** The context `bin/app.ts` runs with (`cdk.json`): the reference configuration, placeholder accounts, explicit AZs. */
export function cdkJsonContext(): Record<string, any> {
  return JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'cdk.json'), 'utf-8')).context;
}

/** A reference deployment built alone in its app, with the configuration of `cdk.json`. */
export interface BuiltReference {
  readonly app: App;
  readonly config: ReferenceConfig;
  readonly stage: Stage;
  /** The stage's stacks, in construction order. */
  readonly stacks: Stack[];
  /** The packs registered on the stage (with `packs: true`), as `bin/app.ts` registers them. */
  readonly packs: SynthesizedReference['packs'];
}

/**
 * Builds one reference deployment (once per test file). With `packs: true`, exactly as `bin/app.ts` does: every pack
 * it claims, strict mode, deployment readiness and AwsSolutions registered on its stage, so `app.synth()` throws on
 * an unacknowledged error.
 */
export function buildReference(deployment: ReferenceDeployment, options: { readonly packs?: boolean } = {}): BuiltReference {
  const app = new App({ context: cdkJsonContext() });
  const config = referenceConfigFrom(app);
  const reference = options.packs ? buildReferenceApp(app, config, [deployment.name])[0] : { stage: deployment.build(app, config), packs: [] };
  return { app, config, stage: reference.stage, stacks: reference.stage.node.children.filter(Stack.isStack), packs: reference.packs };
}

/** What {@link describeConformance} checks besides the deployment's claims. */
export interface ConformanceOptions {
  /** Other selections the deployment's README says it serves. @default - none */
  readonly alsoServes?: readonly ChecklistSelection[];
  /** One stable snapshot per stack. @default true (false where the test file keeps its own per-stack snapshots) */
  readonly snapshots?: boolean;
}

/**
 * The tests every reference deployment owes: it passes each pack it claims (every model and strict) with zero
 * unacknowledged findings (errors and warnings), AwsSolutionsChecks has none either, its integ snapshot matches a fresh
 * synth, and one stable snapshot per stack.
 */
export function describeConformance(deployment: ReferenceDeployment, stage: Stage, stacks: readonly Stack[], buildInteg: IntegBuilder, options: ConformanceOptions = {}): void {
  test('passes every pack it claims (each deployment model and strict) with zero unacknowledged findings, warnings included', () => {
    const { checklist, deploymentModels, categories } = deployment.claims;
    const selections: ChecklistSelection[] = [
      ...deploymentModels.map((deploymentModel) => ({ checklist, deploymentModel, categories })),
      { checklist, deploymentModel: deploymentModels[0], categories, strict: true },
      ...(options.alsoServes ?? []),
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

  test(`integ snapshot of integ.${deployment.name}.ts names no file of the machine that wrote it`, () => {
    const dir = path.join(__dirname, '..', '..', 'examples', deployment.name, `integ.${deployment.name}.ts.snapshot`);
    for (const f of fs.readdirSync(dir)) {
      const text = fs.readFileSync(path.join(dir, f), 'utf-8');
      expect([f, text.match(/"[^"]*(\/(home|work|tmp|Users)\/|[A-Z]:\\\\)[^"]*"/)?.[0]]).toEqual([f, undefined]);
    }
  });

  if (options.snapshots === false) return;
  test('snapshot', () => {
    expect.addSnapshotSerializer(competencySnapshotSerializer);
    for (const stack of stacks) expect(stack).toMatchSnapshot(stack.node.id);
  });
}
