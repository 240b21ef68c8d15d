import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { asList, isIntrinsic, literalString, Text } from '../../aws';
import { resolveResource } from '../utils/references';

/** Commands that deploy code or infrastructure when a CodeBuild action runs them. */
const DEPLOY_COMMANDS = /\b(cdk\s+deploy|cloudformation\s+(deploy|create-stack|update-stack)|sam\s+deploy|terraform\s+apply|copilot\s+(svc\s+)?deploy|aws\s+deploy\s+create-deployment|ecs\s+update-service|kubectl\s+apply|helm\s+(upgrade|install)|s3\s+sync|lambda\s+update-function-code)\b/;

/**
 * Reads: `AWS::CodePipeline::Pipeline` (`Stages[].Actions[].ActionTypeId`) and, for CodeBuild actions, the
 * `AWS::CodeBuild::Project` they run (`Source.BuildSpec`, written inline).
 * Passes when an action deploys: its category is `Deploy` (CloudFormation, CodeDeploy, ECS, S3, Elastic Beanstalk,
 * ...), or it runs a CodeBuild project whose inline buildspec deploys (`cdk deploy`, `aws cloudformation deploy`,
 * `sam deploy`, `terraform apply`, ...). CDK Pipelines deploy with CloudFormation actions.
 * Fails when: no action deploys (the pipeline builds and tests only); a CodeBuild action's project or buildspec
 * cannot be read in the template (buildspec from the source repository, a project outside the app).
 * Fix: add a deploy stage (CDK Pipelines `addStage`, a CloudFormation or CodeDeploy action), or deploy from a
 * CodeBuild action with an inline buildspec.
 */
export const PipelineDeploys = defineRule({
  name: 'PipelineDeploys',
  description: 'A deployment pipeline of the app deploys the code (a deploy action, or a build action that deploys)',
  fix: 'Add a deploy stage: CDK Pipelines addStage, a CloudFormation, CodeDeploy or ECS deploy action, or a CodeBuild action whose inline buildspec runs the deployment',
  resourceTypes: ['AWS::CodePipeline::Pipeline'],
  scope: 'stack',
  check(r, app): RuleVerdict {
    if (r.type !== 'AWS::CodePipeline::Pipeline') return NOT_APPLICABLE;
    const stages = r.properties.Stages;
    if (isIntrinsic(stages)) return unverifiable('the pipeline stages', stages, 'Stages');
    let unread: RuleVerdict | undefined;
    for (const [s, stage] of asList<any>(stages).entries()) {
      for (const [a, action] of asList<any>(stage?.Actions).entries()) {
        const location = `Stages/${s}/Actions/${a}`;
        const type = action?.ActionTypeId ?? {};
        if (literalString(type.Category) === 'Deploy') return COMPLIANT;
        if (literalString(type.Provider) !== 'CodeBuild') continue;
        const verdict = buildDeploys(r, action?.Configuration?.ProjectName, app, location);
        if (verdict === true) return COMPLIANT;
        if (verdict !== false) unread ??= verdict;
      }
    }
    return unread ?? nonCompliant('no action of the pipeline deploys: it has no Deploy action and no CodeBuild action whose buildspec deploys', 'Stages');
  },
});

/** Whether the CodeBuild project a pipeline action runs deploys; a verdict when its buildspec cannot be read. */
function buildDeploys(pipeline: ResourceView, projectName: unknown, app: AppView, location: string): boolean | RuleVerdict {
  const project = resolveResource(pipeline, projectName, app);
  if (!project || project.type !== 'AWS::CodeBuild::Project') {
    return nonCompliant(`could not verify whether the CodeBuild action deploys: its project ${literalString(projectName) ?? 'reference'} is not in the app`, `${location}/Configuration/ProjectName`);
  }
  const spec = project.properties.Source?.BuildSpec;
  if (spec === undefined) {
    return nonCompliant(`could not verify whether the CodeBuild action deploys: project ${project.path} reads its buildspec from the source repository`, `${location}/Configuration/ProjectName`);
  }
  // The buildspec text, its deploy-time parts (bucket names, ARNs) left as placeholders: the commands are literal.
  const resolved = app.resolveValue(project, spec, 'Source/BuildSpec');
  if (!resolved.ok) return unverifiable(`the buildspec of project ${project.path}`, resolved.unresolved, `${location}/Configuration/ProjectName`);
  const texts = resolved.values.map((v) => (typeof v.value === 'string' ? v.value : v.value instanceof Text ? v.value.render() : undefined));
  if (texts.some((t) => t === undefined)) return unverifiable(`the buildspec of project ${project.path}`, spec, `${location}/Configuration/ProjectName`);
  return texts.every((t) => DEPLOY_COMMANDS.test(t!));
}
