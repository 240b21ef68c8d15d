import { Stack, StackProps, Stage } from 'aws-cdk-lib';
import * as pipelines from 'aws-cdk-lib/pipelines';
import { Construct } from 'constructs';
import { ChecklistSelection } from '../../lib/checklist';

/** Props of {@link CompetencyPipelineStack}. */
export interface CompetencyPipelineStackProps extends StackProps {
  /** Where the app's source comes from, e.g. `CodePipelineSource.connection('org/repo', 'main', { connectionArn })`. */
  readonly source: pipelines.IFileSetProducer;
  /** The checklist, deployment model and categories every deployment stage must meet. */
  readonly selection: ChecklistSelection;
  /** The stages to deploy, in order; each gets the competency check as a pre-step. */
  readonly stages: readonly Stage[];
  /**
   * The attestations file in the repository, copied into the synth output.
   * @default - no attestations (items only a person can attest stay Not met)
   */
  readonly attestationsFile?: string;
}

/**
 * A CDK Pipelines (CodePipeline) variant of the competency CI: the synth step runs the unit and nag tests, and
 * before each deployment stage a step writes that stage's evidence pack and fails the stage when any applicable
 * checklist item is Not met. Deployments are automated end to end (checklist item 3.1).
 */
export class CompetencyPipelineStack extends Stack {
  public readonly pipeline: pipelines.CodePipeline;

  constructor(scope: Construct, id: string, props: CompetencyPipelineStackProps) {
    super(scope, id, props);
    const synth = new pipelines.ShellStep('Synth', {
      input: props.source,
      commands: [
        'npm install --no-audit --no-fund',
        'npm test',
        'npx cdk synth --no-notices --quiet',
        ...(props.attestationsFile ? [`cp ${props.attestationsFile} cdk.out/competency-attestations.yaml`] : []),
      ],
    });
    this.pipeline = new pipelines.CodePipeline(this, 'Pipeline', { synth, crossAccountKeys: true });
    for (const stage of props.stages) {
      this.pipeline.addStage(stage, { pre: [competencyCheck(stage, synth, props)] });
    }
  }
}

/** The pre-deployment step: the stage's evidence pack from the synthesized assembly; a Not-met item fails it. */
function competencyCheck(stage: Stage, synth: pipelines.ShellStep, props: CompetencyPipelineStackProps): pipelines.ShellStep {
  const { checklist, deploymentModel, categories, subcategories } = props.selection;
  const report = [
    'npx cdk-competency report',
    `--assembly assembly-${stage.stageName}`,
    `--checklist ${checklist}`,
    `--deployment-model ${deploymentModel}`,
    ...(categories?.length ? [`--categories ${categories.join(',')}`] : []),
    ...(subcategories?.length ? [`--subcategories ${subcategories.join(',')}`] : []),
    ...(props.attestationsFile ? ['--attestations competency-attestations.yaml'] : []),
    '--out evidence',
  ].join(' ');
  return new pipelines.ShellStep(`Competency-${stage.stageName}`, {
    input: synth.primaryOutput!,
    installCommands: ['npm install --no-save --no-audit --no-fund cdk-competency aws-cdk-lib constructs'],
    commands: [report],
    primaryOutputDirectory: 'evidence',
  });
}
