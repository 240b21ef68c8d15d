import { CfnTemplate } from '../../aws';

/** One CloudFormation stack of a cloud assembly. */
export interface AssemblyStack {
  /** Artifact id in the manifest, e.g. `OrganizationTrailManagement65CB7661`. */
  readonly artifactId: string;
  /** Display name (the construct path of the stack), e.g. `OrganizationTrail/Management`. */
  readonly displayName: string;
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
}

/** A cloud assembly read from disk, nested Stage assemblies flattened. */
export interface LoadedAssembly {
  /** Absolute path of the assembly directory. */
  readonly dir: string;
  /** All stacks, top-level first, then each stage's in manifest order. */
  readonly stacks: readonly AssemblyStack[];
  /** Stage paths in manifest order (nested stages as `Outer/Inner`); empty when the app has no stages. */
  readonly stages: readonly string[];
}
