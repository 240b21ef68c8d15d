import * as fs from 'fs';
import * as path from 'path';
import { App, aws_sns as sns, Stack, Stage } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as pipelines from 'aws-cdk-lib/pipelines';
import { parse } from 'yaml';
import { CompetencyPipelineStack } from '../../examples/ci/pipeline';

const CI = path.join(__dirname, '..', '..', 'examples', 'ci');
const ENV = { account: '123456789012', region: 'eu-west-1' };

describe('CI templates', () => {
  test('the GitHub Actions workflow installs, tests, synthesizes, writes the evidence pack and keeps it even on failure', () => {
    // GIVEN
    const workflow = parse(fs.readFileSync(path.join(CI, 'github-actions.yml'), 'utf-8'));
    // WHEN
    const steps = workflow.jobs.competency.steps as { name?: string; run?: string; uses?: string; if?: string }[];
    const runs = steps.map((s) => s.run ?? '').join('\n');
    // THEN: in this order, and the artifact step runs even when the report fails the build
    const order = ['npm install --no-audit --no-fund', 'npm test', 'npx cdk synth --no-notices', 'npx cdk-competency report'].map((c) => runs.indexOf(c));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const keep = steps.find((s) => s.uses?.startsWith('actions/upload-artifact'));
    expect(keep).toMatchObject({ if: 'always()' });
  });

  test('the shell script runs the same steps and fails on a Not-met item', () => {
    const script = fs.readFileSync(path.join(CI, 'competency-ci.sh'), 'utf-8');
    expect(script).toMatch(/^set -euo pipefail$/m);
    for (const step of ['npm install --no-audit --no-fund', 'npm test', 'npx cdk synth --no-notices --quiet', 'npx cdk-competency "${args[@]}"']) expect(script).toContain(step);
  });

  test('the CDK Pipelines variant runs the competency check before the stage is deployed', () => {
    // GIVEN
    const app = new App();
    const prod = new Stage(app, 'Prod', { env: ENV });
    new sns.Topic(new Stack(prod, 'Workload'), 'Topic');
    // WHEN
    const stack = new CompetencyPipelineStack(app, 'Delivery', {
      env: ENV,
      source: pipelines.CodePipelineSource.connection('example-org/example-app', 'main', {
        connectionArn: 'arn:aws:codeconnections:eu-west-1:123456789012:connection/11111111-2222-3333-4444-555555555555',
      }),
      selection: { checklist: 'networking', deploymentModel: 'saas', categories: ['network-connectivity'] },
      stages: [prod],
      attestationsFile: 'competency-attestations.yaml',
    });
    // THEN: the Prod stage of the pipeline runs Competency-Prod first, then deploys
    const template = Template.fromStack(stack);
    const pipeline = Object.values(template.findResources('AWS::CodePipeline::Pipeline'))[0];
    const prodStage = pipeline.Properties.Stages.find((s: any) => s.Name === 'Prod');
    const actions = [...prodStage.Actions].sort((a: any, b: any) => a.RunOrder - b.RunOrder).map((a: any) => a.Name);
    expect(actions[0]).toBe('Competency-Prod');
    expect(actions.slice(1).some((n: string) => /Deploy|Prepare/.test(n))).toBe(true);
    const buildSpecs = JSON.stringify(template.findResources('AWS::CodeBuild::Project'));
    expect(buildSpecs).toContain('npx cdk-competency report --assembly assembly-Prod --checklist networking --deployment-model saas --categories network-connectivity --attestations competency-attestations.yaml --out evidence');
    expect(buildSpecs).toContain('npm test');
  });
});
