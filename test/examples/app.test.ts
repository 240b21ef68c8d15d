import * as fs from 'fs';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { buildReferenceApp } from '../../examples/app';
import { CONFIG_CONTEXT_KEY, REFERENCE_DEPLOYMENTS, referenceConfigFrom } from '../../examples';
import { DEPLOYMENT_MODELS } from '../../lib/checklist/types';
import { CompetencyChecks, DeploymentReadinessChecks } from '../../lib/packs';
import { cdkJsonContext } from './conformance';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
const CDK_JSON_CONTEXT = cdkJsonContext();
const REFERENCE = CDK_JSON_CONTEXT[CONFIG_CONTEXT_KEY];

describe('the reference app, as bin/app.ts builds it', () => {
  // GIVEN: every registered deployment, with the cdk.json context the CLI passes (built once for the file)
  const app = new App({ context: CDK_JSON_CONTEXT });
  const references = buildReferenceApp(app);

  test('every registered deployment is one stage, in registry order', () => {
    // THEN
    expect(references.map((r) => r.deployment.name)).toEqual(REFERENCE_DEPLOYMENTS.map((d) => d.name));
    expect(references.map((r) => r.stage.node.id)).toEqual(REFERENCE_DEPLOYMENTS.map((d) => d.stageId));
    expect(new Set(references.map((r) => r.deployment.stageId)).size).toBe(references.length);
  });

  test('every stage synthesizes with all its packs (the synth throws on any unacknowledged error)', () => {
    // WHEN
    const assembly = app.synth();
    // THEN
    for (const { deployment } of references) {
      expect(assembly.getNestedAssembly(`assembly-${deployment.stageId}`).stacks.length).toBeGreaterThan(0);
    }
  });

  test.each(REFERENCE_DEPLOYMENTS.map((d) => [d.name, d] as const))('%s: the packs registered match its claims', (_name, deployment) => {
    // GIVEN
    const { packs } = references.find((r) => r.deployment === deployment)!;
    const { checklist, deploymentModels } = deployment.claims;
    // THEN: one pack per claimed model, one strict pack, deployment readiness, and AwsSolutions
    expect(deploymentModels.length).toBeGreaterThan(0);
    for (const model of deploymentModels) expect(DEPLOYMENT_MODELS[checklist]).toContain(model);
    expect(packs.map((p) => (p as CompetencyChecks | DeploymentReadinessChecks | AwsSolutionsChecks).name)).toEqual([
      ...deploymentModels.map((m) => `Competency-${checklist}-${m}`),
      `Competency-${checklist}-strict`,
      'DeploymentReadiness',
      'AwsSolutions',
    ]);
  });

  test.each(REFERENCE_DEPLOYMENTS.map((d) => [d.name, d] as const))('%s: its folder holds index.ts, a README and an integ test', (name, deployment) => {
    // THEN
    const files = fs.readdirSync(path.join(EXAMPLES, name));
    expect(files).toEqual(expect.arrayContaining(['index.ts', 'README.md', `integ.${name}.ts`, `integ.${name}.ts.snapshot`]));
    expect(deployment.name).toBe(name);
  });

  test('DeploymentReadinessChecks: zero unacknowledged findings over the synthesized app, and every check evaluated something', () => {
    // WHEN (the synth above ran every pack as a validation plugin)
    app.synth();
    const readiness = references.flatMap((r) => r.packs.filter((p): p is DeploymentReadinessChecks => p instanceof DeploymentReadinessChecks));
    const evaluations = readiness.flatMap((p) => p.evaluations);
    // THEN
    expect(evaluations.filter((e) => e.status === 'non-compliant' && !e.acknowledgement).map((e) => `${e.check} ${e.path}: ${e.reason}`)).toEqual([]);
    const checks = new Set(evaluations.map((e) => e.check));
    expect([...new Set(readiness[0].checks.map((c) => c.name))].filter((c) => !checks.has(c))).toEqual([]);
  });

  test('every stack of every stage is environment-specific, in one of the four configured accounts', () => {
    // THEN
    const accounts = [REFERENCE.managementAccount, REFERENCE.auditAccount, REFERENCE.workloadAccount, REFERENCE.drAccount];
    const regions = [REFERENCE.primaryRegion, REFERENCE.secondaryRegion];
    const stacks = app.synth().nestedAssemblies.flatMap((a) => a.nestedAssembly.stacks);
    expect(stacks.length).toBeGreaterThanOrEqual(references.length);
    for (const stack of stacks) {
      expect(accounts).toContain(stack.environment.account);
      expect(regions).toContain(stack.environment.region);
    }
  });
});

describe('referenceConfigFrom: the cdk.json context', () => {
  const appWith = (reference: unknown) => new App({ context: { [CONFIG_CONTEXT_KEY]: reference } });

  test('the committed placeholders are valid', () => {
    // WHEN
    const config = referenceConfigFrom(appWith(REFERENCE));
    // THEN
    expect(config.primaryRegion).toBe(REFERENCE.primaryRegion);
    expect(new Set([config.managementAccount, config.auditAccount, config.workloadAccount, config.drAccount]).size).toBe(4);
  });

  test('rejects a missing context entry, naming the key', () => {
    // THEN
    expect(() => referenceConfigFrom(new App())).toThrow(/context 'cdk-competency:reference' is missing/);
  });

  test('rejects a 10-digit account', () => {
    // THEN
    expect(() => referenceConfigFrom(appWith({ ...REFERENCE, auditAccount: '2222222222' }))).toThrow(/'auditAccount' must be a 12-digit account ID, got '2222222222'/);
  });

  test('rejects the same account twice', () => {
    // THEN
    expect(() => referenceConfigFrom(appWith({ ...REFERENCE, drAccount: REFERENCE.workloadAccount }))).toThrow(/'accounts' must be four different accounts/);
  });

  test('rejects a region without its AZ list', () => {
    // GIVEN
    const { [REFERENCE.secondaryRegion]: _dropped, ...azs } = REFERENCE.availabilityZones;
    // THEN
    expect(() => referenceConfigFrom(appWith({ ...REFERENCE, availabilityZones: azs }))).toThrow(
      new RegExp(`'availabilityZones\\.${REFERENCE.secondaryRegion}' must list at least 2 Availability Zones, got nothing`),
    );
  });

  test('rejects a malformed organization id and region, and reports every problem at once', () => {
    // WHEN
    const call = () => referenceConfigFrom(appWith({ ...REFERENCE, organizationId: 'a1b2c3', primaryRegion: 'Ireland' }));
    // THEN
    expect(call).toThrow(/'organizationId' must look like 'o-a1b2c3d4e5', got 'a1b2c3'/);
    expect(call).toThrow(/'primaryRegion' must be a region name like eu-west-1, got 'Ireland'/);
  });
});
