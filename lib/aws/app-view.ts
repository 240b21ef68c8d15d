/**
 * An app (or a cloud assembly) read from its templates: stacks, resources and outputs indexed once, and the intrinsics
 * resolver over all of them. What the rules read (`lib/rules` re-exports these types for rule authors), what the packs
 * build from a construct tree and the evidence report from a cloud assembly.
 */
import { AssemblyResolver, LaunchResolution, launchesOf, Resolution } from './resolver';
import { CDK_PATH_METADATA, CfnTemplate, constructPath } from './template';

/** A stack as the rules and the report read it: its template plus where it is deployed. */
export interface StackView {
  /** The stack's construct path (or display name when read from an assembly), e.g. `OrgTrail/Management`. */
  readonly path: string;
  /** The stage the stack belongs to ('' for a top-level stack). */
  readonly stage: string;
  /** The concrete account, or undefined when the stack is environment-agnostic. */
  readonly account?: string;
  /** The concrete region, or undefined when the stack is environment-agnostic. */
  readonly region?: string;
  /**
   * The name CloudFormation deploys a top-level stack under.
   * @default - unknown (`Fn::GetStackOutput` naming it cannot be followed)
   */
  readonly stackName?: string;
  /** The template. */
  readonly template: CfnTemplate;
  /**
   * For a nested stack: the path of the stack that creates it and the logical id of its `AWS::CloudFormation::Stack`
   * resource there (the resolver follows its parameters and outputs).
   * @default - a top-level stack
   */
  readonly nestedIn?: { readonly stack: string; readonly logicalId: string };
  /** The template-level metadata (`Metadata`). */
  readonly metadata: { readonly [key: string]: any };
  /** Resources by logical id. */
  readonly resources: ReadonlyMap<string, ResourceView>;
  /**
   * The stack's outputs by logical id, each seen as a resource of type {@link STACK_OUTPUT_TYPE} whose
   * properties are the output's JSON (`Value`, `Description`, `Export`, `Condition`).
   */
  readonly outputs: ReadonlyMap<string, ResourceView>;
  /** Resources (or, for {@link STACK_OUTPUT_TYPE}, outputs) of one type, in template order. */
  ofType(type: string): readonly ResourceView[];
}

/**
 * The type under which a rule reads stack outputs (`Outputs` of a template). It is not a CloudFormation
 * resource type: a rule that lists it in `resourceTypes` is also run on every output, at synth (the pack
 * visits each `CfnOutput`) and in the evidence report.
 */
export const STACK_OUTPUT_TYPE = 'CloudFormation::Output';

/** A resource as the rules and the report read it: resolved CloudFormation JSON and where it sits. */
export interface ResourceView {
  readonly logicalId: string;
  readonly type: string;
  /** `Properties` of the resource ({} when absent). */
  readonly properties: { readonly [key: string]: any };
  /** CloudFormation `Metadata` of the resource ({} when absent). */
  readonly metadata: { readonly [key: string]: any };
  /** The construct path (from the tree, or `aws:cdk:path` metadata), else `<stack path>/<logicalId>`. */
  readonly path: string;
  /** The stack the resource is in. */
  readonly stack: StackView;
}

/** The whole app (or cloud assembly) as the rules and the report read it, with lookups indexed once. */
export interface AppView {
  readonly stacks: readonly StackView[];
  /** All resources of one CloudFormation type (or all outputs, for {@link STACK_OUTPUT_TYPE}) across the app. */
  ofType(type: string): readonly ResourceView[];
  /**
   * Memoizes an app-wide index for the duration of one validation pass, so that cross-resource
   * rules stay linear: build what you need once, look it up per resource.
   */
  memo<T>(key: string, build: () => T): T;
  /**
   * The value at a property path of a resource (`SecretId`, `LaunchTemplateData/MetadataOptions`), every intrinsic
   * followed across the app (`Ref`/`Fn::GetAtt` chains, `Fn::If` branches, `Fn::Join`/`Fn::Sub`, imports, nested-stack
   * parameters and outputs, pseudo parameters): one value per combination of `Fn::If` branches, or what could not be
   * followed (a rule gives it to `unverifiable`). Memoized for the pass.
   */
  resolve(resource: ResourceView, path: string): Resolution;
  /** Resolves a raw value read from a resource (found at `path`, named in messages). */
  resolveValue(resource: ResourceView, value: unknown, path: string): Resolution;
  /** How a resource launches instances: an instance or group with what it inherits from its launch template or configuration. */
  launches(resource: ResourceView): LaunchResolution<ResourceView>;
  /** The resolver behind {@link resolve}, for what the shortcuts do not cover. */
  readonly resolver: AssemblyResolver<ResourceView>;
}

/** What is needed to build a {@link StackView}: its own fields, and the construct paths when the tree is known. */
export interface StackSource extends Pick<StackView, 'path' | 'stage' | 'account' | 'region' | 'stackName' | 'template' | 'nestedIn'> {
  /** Construct paths of resources and outputs by logical id, when known from the tree. */
  readonly constructPaths?: ReadonlyMap<string, string>;
}

class TemplateStackView implements StackView {
  public readonly path: string;
  public readonly stage: string;
  public readonly account?: string;
  public readonly region?: string;
  public readonly stackName?: string;
  public readonly template: CfnTemplate;
  public readonly nestedIn?: { readonly stack: string; readonly logicalId: string };
  public readonly metadata: { readonly [key: string]: any };
  public readonly resources: ReadonlyMap<string, ResourceView>;
  public readonly outputs: ReadonlyMap<string, ResourceView>;
  private readonly byType = new Map<string, ResourceView[]>();

  constructor(src: StackSource) {
    this.path = src.path;
    this.stage = src.stage;
    this.account = src.account;
    this.region = src.region;
    this.stackName = src.stackName;
    this.template = src.template;
    this.nestedIn = src.nestedIn;
    this.metadata = src.template.Metadata ?? {};
    const resources = new Map<string, ResourceView>();
    for (const [logicalId, r] of Object.entries(src.template.Resources ?? {})) {
      if (!r || typeof r !== 'object' || typeof r.Type !== 'string') continue;
      const metadata = r.Metadata ?? {};
      const view: ResourceView = {
        logicalId,
        type: r.Type,
        properties: r.Properties ?? {},
        metadata,
        path: src.constructPaths?.get(logicalId) ?? (typeof metadata[CDK_PATH_METADATA] === 'string' ? constructPath(metadata[CDK_PATH_METADATA]) : `${src.path}/${logicalId}`),
        stack: this,
      };
      resources.set(logicalId, view);
      const list = this.byType.get(r.Type);
      if (list) list.push(view); else this.byType.set(r.Type, [view]);
    }
    this.resources = resources;
    this.outputs = this.readOutputs(src);
  }

  /**
   * Outputs as views of type {@link STACK_OUTPUT_TYPE}. Outputs carry no CloudFormation metadata (their
   * acknowledgements are in the cloud assembly's stack metadata, by construct path).
   */
  private readOutputs(src: StackSource): Map<string, ResourceView> {
    const outputs = new Map<string, ResourceView>();
    for (const [logicalId, o] of Object.entries(src.template.Outputs ?? {})) {
      if (!o || typeof o !== 'object') continue;
      const view: ResourceView = {
        logicalId,
        type: STACK_OUTPUT_TYPE,
        properties: o,
        metadata: {},
        path: src.constructPaths?.get(logicalId) ?? `${src.path}/${logicalId}`,
        stack: this,
      };
      outputs.set(logicalId, view);
    }
    if (outputs.size > 0) this.byType.set(STACK_OUTPUT_TYPE, [...outputs.values()]);
    return outputs;
  }

  public ofType(type: string): readonly ResourceView[] {
    return this.byType.get(type) ?? [];
  }
}

/** An {@link AppView} over a set of templates: built once per validation pass. */
export class TemplateAppView implements AppView {
  public readonly stacks: readonly StackView[];
  private readonly memos = new Map<string, unknown>();
  private readonly byType = new Map<string, ResourceView[]>();
  private readonly byPath = new Map<string, StackView>();
  private assemblyResolver?: AssemblyResolver<ResourceView>;

  constructor(sources: readonly StackSource[]) {
    this.stacks = sources.map((s) => new TemplateStackView(s));
    for (const s of this.stacks) {
      this.byPath.set(s.path, s);
      for (const r of [...s.resources.values(), ...s.outputs.values()]) {
        const list = this.byType.get(r.type);
        if (list) list.push(r); else this.byType.set(r.type, [r]);
      }
    }
  }

  public ofType(type: string): readonly ResourceView[] {
    return this.byType.get(type) ?? [];
  }

  public memo<T>(key: string, build: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, build());
    return this.memos.get(key) as T;
  }

  /** The stack with this path. */
  public stack(path: string): StackView | undefined {
    return this.byPath.get(path);
  }

  public get resolver(): AssemblyResolver<ResourceView> {
    return this.assemblyResolver ??= new AssemblyResolver<ResourceView>(this.stacks);
  }

  public resolve(resource: ResourceView, path: string): Resolution {
    return this.resolver.resolve(resource, path);
  }

  public resolveValue(resource: ResourceView, value: unknown, path: string): Resolution {
    return this.resolver.resolveValue(resource, value, path);
  }

  public launches(resource: ResourceView): LaunchResolution<ResourceView> {
    return launchesOf(this.resolver, resource);
  }
}
