import * as fs from 'fs';
import { App, CfnOutput, Stack, Validations } from 'aws-cdk-lib';
import { CompetencyChecks } from '../../lib/packs';
import { collectEvidence, loadAssembly } from '../../lib/report';
import { NOW, tmpDir } from '../report/helpers';

const RULE = 'Competency-1.10-NoHardcodedCredentials';
const SELECTION = { checklist: 'networking', deploymentModel: 'saas', strict: true } as const;
// The AWS documentation's example key id: shaped like a real one, valid nowhere.
const KEY_ID = 'AKIAIOSFODNN7EXAMPLE';

/** A stack with one output leaking a key id and one acknowledged (a documented test credential). */
function outputsApp(outdir?: string): { app: App; stack: Stack } {
  const app = new App({ outdir });
  const stack = new Stack(app, 'Workload', { env: { account: '111111111111', region: 'eu-west-1' } });
  new CfnOutput(stack, 'UploadUserKeyId', { value: KEY_ID });
  const sample = new CfnOutput(stack, 'SampleKeyId', { value: 'AKIAI44QH8DHBEXAMPLE' });
  Validations.of(sample).acknowledge({ id: RULE, reason: 'The AWS documentation example key id, shown to users of the sandbox; valid nowhere.' });
  new CfnOutput(stack, 'BucketName', { value: 'artifacts-111111111111' });
  return { app, stack };
}

describe('CompetencyChecks on stack outputs', () => {
  test('validateScope reports a credential in an output on the output, with its location; the acknowledged one is not a violation', () => {
    // GIVEN
    const { stack } = outputsApp();
    const pack = new CompetencyChecks({ ...SELECTION, rules: ['NoHardcodedCredentials'] });
    // WHEN
    const report = pack.validateScope(stack);
    // THEN
    expect(report.success).toBe(false);
    expect(report.violations).toEqual([expect.objectContaining({
      ruleName: RULE,
      severity: 'error',
      violatingResources: [{ constructPath: 'Workload/UploadUserKeyId', locations: ['Outputs/UploadUserKeyId/Value'] }],
    })]);
    expect(report.violations[0].description).toMatch(/^\[1\.10 .*UploadUserKeyId contains an AWS access key id 'AKIA…'/);
    const outputs = pack.evaluations.filter((e) => e.resourceType === 'CloudFormation::Output');
    expect(outputs.map((e) => [e.logicalId, e.status, e.acknowledgement?.reason])).toEqual([
      ['UploadUserKeyId', 'non-compliant', undefined],
      ['SampleKeyId', 'non-compliant', 'The AWS documentation example key id, shown to users of the sandbox; valid nowhere.'],
      ['BucketName', 'compliant', undefined],
    ]);
  });

  test('registered as a plugin, an output credential fails the synth', () => {
    // GIVEN
    const outdir = tmpDir('cdk-competency-outputs-');
    const { app } = outputsApp(outdir);
    Validations.of(app).addPlugins(new CompetencyChecks(app, { ...SELECTION, rules: ['NoHardcodedCredentials'] }));
    // WHEN / THEN
    expect(() => app.synth()).toThrow(/UploadUserKeyId contains an AWS access key id[\s\S]*Workload\/UploadUserKeyId aws-cdk-lib\.CfnOutput[\s\S]*Competency-1\.10-NoHardcodedCredentials/);
    fs.rmSync(outdir, { recursive: true, force: true });
  });

  test('the acknowledgement of an output is read from the assembly, the template is untouched, and the report agrees with the pack', () => {
    // GIVEN: the plugin is on the app; aws-cdk-lib records the acknowledgement in the stack's metadata
    const outdir = tmpDir('cdk-competency-outputs-');
    const { app, stack } = outputsApp(outdir);
    const pack = new CompetencyChecks(app, { ...SELECTION, rules: ['NoHardcodedCredentials'] });
    const synthesized = pack.validateScope(stack);
    app.synth();
    // WHEN
    const template = JSON.parse(fs.readFileSync(`${outdir}/Workload.template.json`, 'utf-8'));
    const report = collectEvidence({ assembly: loadAssembly(outdir), selection: SELECTION, now: NOW, rules: ['NoHardcodedCredentials'] });
    // THEN
    expect(template.Metadata).toBeUndefined();
    const item = report.items.find((i) => i.id === '1.10')!;
    expect(item.status).toBe('not-met');
    expect(item.rules.failed.map((f) => [f.path, f.logicalId, f.type])).toEqual([['Workload/UploadUserKeyId', 'UploadUserKeyId', 'CloudFormation::Output']]);
    expect(item.rules.acknowledged.map((f) => f.logicalId)).toEqual(['SampleKeyId']);
    expect(report.acknowledgements).toEqual([expect.objectContaining({
      path: 'Workload/SampleKeyId', ruleId: RULE, itemId: '1.10', source: 'assembly', suppressesFinding: true,
      suppressed: [{ stack: 'Workload', path: 'Workload/SampleKeyId', logicalId: 'SampleKeyId', type: 'CloudFormation::Output' }],
    })]);
    expect(report.summary.acknowledgedFindings).toBe(1);
    expect(synthesized.violations.flatMap((v) => v.violatingResources.map((r) => r.constructPath))).toEqual(item.rules.failed.map((f) => f.path));
    fs.rmSync(outdir, { recursive: true, force: true });
  });
});
