import { RecordedAcknowledgement } from './acknowledgements';
import { CfnTemplate } from '../../aws';

/** One CloudFormation stack of a cloud assembly. */
export interface AssemblyStack {
  /** Artifact id in the manifest, e.g. `OrganizationTrailManagement65CB7661`. */
  readonly artifactId: string;
  /** Display name (the construct path of the stack), e.g. `OrganizationTrail/Management`. */
  readonly displayName: string;
  /**
   * The CloudFormation stack name (manifest `properties.stackName`), e.g. `OrganizationTrail-Management`.
   * @default - the artifact id (as the CDK CLI deploys it when the manifest names none)
   */
  readonly stackName?: string;
  /** Path of the Stage the stack belongs to (`''` for top-level stacks), e.g. `OrganizationTrail`. */
  readonly stage: string;
  /** Concrete 12-digit account; undefined when the stack is environment-agnostic (`unknown-account`). */
  readonly account?: string;
  /** Concrete region; undefined when the stack is environment-agnostic (`unknown-region`). */
  readonly region?: string;
  /** Absolute path of the template file. */
  readonly templateFile: string;
  /** The parsed template. */
  readonly template: CfnTemplate;
  /** Artifact ids of the stacks this stack depends on (asset manifests and other artifacts left out). */
  readonly dependencies: readonly string[];
  /**
   * Logical id → construct path (without leading slash, e.g. `Network/Vpc/Resource`), from each
   * resource's `Metadata['aws:cdk:path']` or, when the app was synthesized without path metadata,
   * from the stack's metadata (`aws:cdk:logicalId` entries). Use {@link constructPathOf}.
   */
  readonly constructPaths: { readonly [logicalId: string]: string };
  /**
   * For a nested stack: the stack that creates it (its artifact id) and the logical id of its `AWS::CloudFormation::Stack`
   * resource there.
   * @default - a top-level stack
   */
  readonly nestedIn?: { readonly artifactId: string; readonly logicalId: string };
  /**
   * The acknowledgements aws-cdk-lib recorded in the stack's metadata (`Validations.of(x).acknowledge(...)` on the
   * stack or any construct in it), by construct path. Acknowledgements made on a Stage or the App are not recorded.
   * @default - none (a hand-written assembly)
   */
  readonly acknowledgements?: readonly RecordedAcknowledgement[];
}

/** A cloud assembly read from disk, nested Stage assemblies flattened. */
export interface LoadedAssembly {
  /** Absolute path of the assembly directory. */
  readonly dir: string;
  /** All stacks, top-level first, then each stage's in manifest order. */
  readonly stacks: readonly AssemblyStack[];
  /** Stage paths in manifest order (nested stages as `Outer/Inner`); empty when the app has no stages. */
  readonly stages: readonly string[];
  /**
   * The errors the synth recorded: `aws:cdk:error` annotations in the manifests' metadata, and the
   * violations of validation plugins whose report concluded in failure (`validation-report.json`).
   * A successful synth has none.
   * @default - none (an assembly built by hand)
   */
  readonly synthErrors?: readonly SynthError[];
  /**
   * Every file of the assembly that was read (manifests, templates, metadata), absolute paths, in reading order.
   * @default - the stacks' template files
   */
  readonly files?: readonly string[];
  /**
   * The nested stacks (`AWS::CloudFormation::Stack` resources whose template is an asset of the assembly), with
   * `nestedIn` set. They deploy with their parent, so they are not in `stacks`.
   * @default - none
   */
  readonly nestedStacks?: readonly AssemblyStack[];
}

/** One error of the synth that produced the assembly. */
export interface SynthError {
  /** `annotation` (`Annotations.of(x).addError`, `aws:cdk:error`) or `validation` (a policy-validation plugin). */
  readonly source: 'annotation' | 'validation';
  /** Construct path, without a leading slash (`''` when the plugin names none). */
  readonly path: string;
  readonly message: string;
}
