import { Stage } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { CategoryId, ChecklistId, ChecklistSelection, DeploymentModel, SubcategoryId } from '../lib/checklist';
import { ReferenceConfig } from './config';

/** What a reference deployment claims: the checklist, the deployment models and the categories it demonstrates. */
export interface ReferenceClaims {
  readonly checklist: ChecklistId;
  readonly deploymentModels: readonly DeploymentModel[];
  /** @default - none */
  readonly categories?: readonly CategoryId[];
  /** The subcategories demonstrated, for categories claimed by subcategory (Microsoft Workloads). @default - none */
  readonly subcategories?: readonly SubcategoryId[];
}

/** The selection a reference deployment claims for one of its deployment models. */
export function claimedSelection(claims: ReferenceClaims, deploymentModel: DeploymentModel): ChecklistSelection {
  return { checklist: claims.checklist, deploymentModel, categories: claims.categories, subcategories: claims.subcategories };
}

/** One reference deployment: a folder of `examples/`, synthesized by `bin/app.ts` as its own Stage. */
export interface ReferenceDeployment {
  /** Folder name under `examples/`, e.g. `multi-az-vpc`. */
  readonly name: string;
  /** Stage id (the nested cloud assembly is `cdk.out/assembly-<stageId>`), e.g. `MultiAzVpc`. */
  readonly stageId: string;
  /** One-line title. */
  readonly title: string;
  /** What it claims; the app registers `CompetencyChecks` for each claimed model and in strict mode. */
  readonly claims: ReferenceClaims;
  /** Builds the stage and its stacks. */
  build(scope: Construct, config: ReferenceConfig): Stage;
}
