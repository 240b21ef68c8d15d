import {
  App, aws_codebuild as codebuild, aws_codepipeline as codepipeline, aws_codepipeline_actions as actions, aws_iam as iam, aws_s3 as s3, pipelines, Stack, Stage,
} from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { MANAGEMENT, stackIn } from '../fixture-stacks';

/** A pipeline of partner style: S3 source, then the given build project. */
function buildPipeline(s: Stack, project: codebuild.IProject): codepipeline.Pipeline {
  const source = new codepipeline.Artifact('Source');
  const bucket = new s3.Bucket(s, 'SourceBucket', { versioned: true });
  return new codepipeline.Pipeline(s, 'Pipeline', {
    stages: [
      { stageName: 'Source', actions: [new actions.S3SourceAction({ actionName: 'Source', bucket, bucketKey: 'app.zip', output: source })] },
      { stageName: 'Build', actions: [new actions.CodeBuildAction({ actionName: 'Build', project, input: source })] },
    ],
  });
}

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'L2 pipeline that builds and tests only',
      build: (app: App) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        buildPipeline(s, new codebuild.PipelineProject(s, 'Tests', { buildSpec: codebuild.BuildSpec.fromObject({ version: '0.2', phases: { build: { commands: ['npm ci', 'npm test'] } } }) }));
      },
      reason: /no action of the pipeline deploys/,
    },
    {
      name: 'L2 pipeline whose build project reads buildspec.yml from the repository',
      build: (app: App) => { const s = stackIn(app, 'S', MANAGEMENT); buildPipeline(s, new codebuild.PipelineProject(s, 'Build')); },
      reason: /reads its buildspec from the source repository/,
    },
  ],
  compliant: [
    {
      name: 'CDK Pipelines deploying a stage (CloudFormation deploy actions)',
      build: (app: App) => {
        const s = stackIn(app, 'Delivery', MANAGEMENT);
        const pipeline = new pipelines.CodePipeline(s, 'Pipeline', {
          synth: new pipelines.ShellStep('Synth', {
            input: pipelines.CodePipelineSource.connection('example/app', 'main', { connectionArn: `arn:aws:codeconnections:eu-west-1:${MANAGEMENT}:connection/0123abcd-0000-4000-8000-000000000000` }),
            commands: ['npm ci', 'npx cdk synth'],
          }),
        });
        const prod = new Stage(app, 'Prod', { env: { account: MANAGEMENT, region: 'eu-west-1' } });
        new Stack(prod, 'App');
        pipeline.addStage(prod);
      },
    },
    {
      name: 'L2 pipeline whose CodeBuild action runs cdk deploy from an inline buildspec',
      build: (app: App) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        const project = new codebuild.PipelineProject(s, 'Deploy', { buildSpec: codebuild.BuildSpec.fromObject({ version: '0.2', phases: { build: { commands: ['npm ci', 'npx cdk deploy --all --require-approval never'] } } }) });
        project.addToRolePolicy(new iam.PolicyStatement({ actions: ['sts:AssumeRole'], resources: [`arn:aws:iam::${MANAGEMENT}:role/cdk-*`] }));
        buildPipeline(s, project);
      },
    },
  ],
};
