import { App, Stage, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { CompetencyChecks, DeploymentReadinessChecks } from '../lib/packs';
import { ReferenceConfig, referenceConfigFrom } from './config';
import { REFERENCE_DEPLOYMENTS } from './index';
import { claimedSelection, ReferenceDeployment } from './reference-deployment';

/** A reference deployment as synthesized: its stage and the packs registered on it. */
export interface SynthesizedReference {
  readonly deployment: ReferenceDeployment;
  readonly stage: Stage;
  readonly packs: readonly (CompetencyChecks | DeploymentReadinessChecks | AwsSolutionsChecks)[];
}

/**
 * Adds every reference deployment to the app as its own Stage, with `CompetencyChecks` for each deployment
 * model it claims, `CompetencyChecks` in strict mode, `DeploymentReadinessChecks` (AWS's own data: managed policy
 * ARNs, IAM actions and condition keys, ordering and key-policy traps) and cdk-nag's `AwsSolutionsChecks`. The synth
 * fails on any unacknowledged error.
 */
export function buildReferenceApp(app: App, config: ReferenceConfig = referenceConfigFrom(app), only?: readonly string[]): SynthesizedReference[] {
  return REFERENCE_DEPLOYMENTS.filter((d) => !only || only.includes(d.name)).map((deployment) => {
    const stage = deployment.build(app, config);
    const { claims } = deployment;
    const packs = [
      ...claims.deploymentModels.map((deploymentModel) => new CompetencyChecks(stage, claimedSelection(claims, deploymentModel))),
      new CompetencyChecks(stage, { ...claimedSelection(claims, claims.deploymentModels[0]), strict: true }),
      new DeploymentReadinessChecks(stage),
      new AwsSolutionsChecks(stage),
    ];
    Validations.of(stage).addPlugins(...packs);
    return { deployment, stage, packs };
  });
}
