/**
 * What the resolver gives for a value: JSON whose intrinsics have been followed as far as the templates tell.
 * Three kinds of leaves stand for what is only known at deploy time:
 * - {@link ResourceValue}: an attribute (or the `Ref`) of a resource of the app: the resource is known, its value is not;
 * - {@link DeployTimeValue}: a template parameter nobody passes, a pseudo parameter of an environment-agnostic
 *   stack, or an intrinsic evaluated by CloudFormation (`Fn::GetAZs`, `Fn::Cidr`...);
 * - {@link Text}: a string joined from literal parts and such leaves (`Fn::Join`, `Fn::Sub`).
 * Everything else is a literal (string, number, boolean, array, object).
 */

/** A resource as the resolver sees it (the rules' `ResourceView` is one). */
export interface ResolvableResource {
  readonly logicalId: string;
  readonly type: string;
  /** `Properties` of the resource ({} when absent), raw (intrinsics not followed). */
  readonly properties: { readonly [key: string]: any };
  /** The construct path, for messages. */
  readonly path: string;
  readonly stack: ResolvableStack;
}

/** A stack as the resolver sees it (the rules' `StackView` is one). */
export interface ResolvableStack {
  /** The stack's path (construct path, or display name in an assembly): unique in the app. */
  readonly path: string;
  /** The concrete account, when known. */
  readonly account?: string;
  /** The concrete region, when known. */
  readonly region?: string;
  /**
   * The name CloudFormation deploys a top-level stack under (`Fn::GetStackOutput` names stacks by it).
   * @default - unknown: `Fn::GetStackOutput` cannot find the stack
   */
  readonly stackName?: string;
  readonly template: import('../template').CfnTemplate;
  readonly resources: ReadonlyMap<string, ResolvableResource>;
  /**
   * For a nested stack: the stack that creates it and the logical id of its `AWS::CloudFormation::Stack` resource there.
   * @default - a top-level stack
   */
  readonly nestedIn?: { readonly stack: string; readonly logicalId: string };
}

/** A resource's runtime value: `Ref` (no attribute) or `Fn::GetAtt` of a resource of the app. */
export class ResourceValue<R extends ResolvableResource = ResolvableResource> {
  constructor(
    /** The resource. */
    readonly resource: R,
    /** The attribute (`Arn`, `Outputs.X`...), or undefined for `Ref`. */
    readonly attribute?: string,
  ) {}

  public toString(): string {
    return this.attribute === undefined ? `Ref(${this.resource.path})` : `GetAtt(${this.resource.path}.${this.attribute})`;
  }
}

/** Why a value is known only at deploy time. */
export type DeployTimeKind =
  /** A template parameter no parent stack passes (its `Default`, if any, is the value unless overridden at deploy). */
  | 'parameter'
  /** A pseudo parameter not known at synth (`AWS::AccountId` of an environment-agnostic stack, `AWS::StackName`...). */
  | 'pseudo'
  /** An intrinsic function CloudFormation evaluates (`Fn::GetAZs`, `Fn::Cidr`, `Fn::Select` of one...). */
  | 'intrinsic';

/** A value only known at deploy time. */
export class DeployTimeValue {
  constructor(
    readonly kind: DeployTimeKind,
    /** The parameter, pseudo parameter or function name (`BucketName`, `AWS::AccountId`, `Fn::GetAZs`). */
    readonly name: string,
    /** The path of the stack the value belongs to. */
    readonly stack: string,
    /** The raw JSON it stands for (e.g. `{ 'Fn::Select': [0, { 'Fn::GetAZs': '' }] }`), with references followed. */
    readonly source: unknown,
    /** For a parameter: its `Default`, when it has one. */
    readonly defaultValue?: unknown,
  ) {}

  public toString(): string {
    switch (this.kind) {
      case 'parameter': return `parameter ${this.name} of stack ${this.stack}`;
      case 'pseudo': return `${this.name} of stack ${this.stack}`;
      default: return `${this.name} (evaluated at deploy time)`;
    }
  }
}

/** A string joined from literal parts and values known only at deploy time. */
export class Text<R extends ResolvableResource = ResolvableResource> {
  constructor(readonly parts: readonly (string | ResourceValue<R> | DeployTimeValue)[]) {}

  /** The literal text with each unknown part replaced by `placeholder(part)` (default: `<...>` naming it, without colons). */
  public render(placeholder: (part: ResourceValue<R> | DeployTimeValue) => string = defaultPlaceholder): string {
    return this.parts.map((p) => (typeof p === 'string' ? p : placeholder(p))).join('');
  }

  /** The literal parts only. */
  public literals(): string[] {
    return this.parts.filter((p): p is string => typeof p === 'string');
  }

  public toString(): string {
    return this.render();
  }
}

function defaultPlaceholder(p: ResourceValue | DeployTimeValue): string {
  if (p instanceof ResourceValue) return `<${p.resource.logicalId}${p.attribute ? `.${p.attribute}` : ''}>`;
  return `<${p.name.replace(/::/g, '.')}>`;
}

/** Whether a resolved value is a leaf known only at deploy time. */
export function isDeployTime(v: unknown): v is ResourceValue | DeployTimeValue | Text {
  return v instanceof ResourceValue || v instanceof DeployTimeValue || v instanceof Text;
}

/** Whether a resolved value is fully known at synth (no deploy-time leaf anywhere inside). */
export function isKnown(v: unknown): boolean {
  if (isDeployTime(v)) return false;
  if (Array.isArray(v)) return v.every(isKnown);
  if (v && typeof v === 'object') return Object.values(v).every(isKnown);
  return true;
}

/** A value the resolver could not follow: it names the resource, the property and what could not be followed. */
export interface Unresolved {
  /** The path of the stack of the resource the value was read from. */
  readonly stack: string;
  /** The logical id of that resource. */
  readonly logicalId: string;
  /** Its construct path. */
  readonly resource: string;
  /** The property path read, e.g. `SecretId` or `LaunchTemplateData/MetadataOptions`. */
  readonly property: string;
  /** What could not be followed, e.g. `Fn::ImportValue 'SharedVpcId': no stack of the app exports it`. */
  readonly reason: string;
  /** The raw value that was read. */
  readonly value: unknown;
  /** One sentence: `<resource> <property>: <reason>`. */
  readonly message: string;
}

/** One possible value: the value, and the `Fn::If` conditions (by `<stack path>|<name>`) it assumes. */
export interface Alternative {
  readonly value: unknown;
  readonly conditions: ReadonlyMap<string, boolean>;
}

/**
 * The result of resolving a value: every value it can take (one per combination of `Fn::If` branches whose condition
 * is not known at synth; usually one), or why it could not be followed. `undefined` stands for "absent"
 * (a missing property, or `AWS::NoValue`).
 */
export type Resolution =
  | { readonly ok: true; readonly values: readonly Alternative[] }
  | { readonly ok: false; readonly unresolved: Unresolved };
