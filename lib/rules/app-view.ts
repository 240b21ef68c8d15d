import { AssemblyResolver, CfnTemplate, launchesOf, LaunchResolution, Resolution } from '../aws';
import { AppView, ResourceView, STACK_OUTPUT_TYPE, StackView } from './rule';

/** What is needed to build a {@link StackView}. */
export interface StackSource {
  readonly path: string;
  readonly stage: string;
  readonly account?: string;
  readonly region?: string;
  readonly template: CfnTemplate;
  /** Construct paths of resources and outputs by logical id, when known from the tree. */
  readonly constructPaths?: ReadonlyMap<string, string>;
  /**
   * For a nested stack: the stack that creates it and the logical id of its `AWS::CloudFormation::Stack` resource.
   * @default - a top-level stack
   */
  readonly nestedIn?: { readonly stack: string; readonly logicalId: string };
}

class TemplateStackView implements StackView {
  public readonly path: string;
  public readonly stage: string;
  public readonly account?: string;
  public readonly region?: string;
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
        path: src.constructPaths?.get(logicalId) ?? (typeof metadata['aws:cdk:path'] === 'string' ? metadata['aws:cdk:path'] : `${src.path}/${logicalId}`),
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
