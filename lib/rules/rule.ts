// cdk-nag's package root also loads its own packs and their rules (≈100 ms, and aws-cdk-lib modules an app may
// never use): take the enum from the module that defines it.
import { NagRuleCompliance } from 'cdk-nag/lib/nag-rules';
import { AssemblyResolver, CfnTemplate, isDeployTime, LaunchResolution, Resolution, Unresolved } from '../aws';

/** The template types are AWS facts (`lib/aws/template.ts`); rules re-export them for rule authors. */
export type { CfnResourceJson, CfnTemplate } from '../aws';

/** A stack as the rules see it: its template plus where it is deployed. */
export interface StackView {
  /** The stack's construct path (or display name when read from an assembly), e.g. `OrgTrail/Management`. */
  readonly path: string;
  /** The stage the stack belongs to ('' for a top-level stack). */
  readonly stage: string;
  /** The concrete account, or undefined when the stack is environment-agnostic. */
  readonly account?: string;
  /** The concrete region, or undefined when the stack is environment-agnostic. */
  readonly region?: string;
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

/** A resource as the rules see it: resolved CloudFormation JSON and where it sits. */
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

/** The whole app (or cloud assembly) as the rules see it, with lookups indexed once. */
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
   * followed (give it to {@link unverifiable}). Memoized for the pass.
   */
  resolve(resource: ResourceView, path: string): Resolution;
  /** Resolves a raw value read from a resource (found at `path`, named in messages). */
  resolveValue(resource: ResourceView, value: unknown, path: string): Resolution;
  /** How a resource launches instances: an instance or group with what it inherits from its launch template or configuration. */
  launches(resource: ResourceView): LaunchResolution<ResourceView>;
  /** The resolver behind {@link resolve}, for what the shortcuts do not cover. */
  readonly resolver: AssemblyResolver<ResourceView>;
}

/** What a rule concluded about one resource. */
export type RuleVerdict =
  | { readonly status: 'compliant' }
  | { readonly status: 'not-applicable' }
  | {
    readonly status: 'non-compliant';
    /** Why, in one sentence naming the offending value (shown in reports and test failures). */
    readonly reason: string;
    /** Property path of the offending value, e.g. `SecurityGroupIngress/0/CidrIp`. */
    readonly location?: string;
  };

export const COMPLIANT: RuleVerdict = { status: 'compliant' };
export const NOT_APPLICABLE: RuleVerdict = { status: 'not-applicable' };
/** A finding. */
export function nonCompliant(reason: string, location?: string): RuleVerdict {
  return { status: 'non-compliant', reason, location };
}
/**
 * A value the rule needs is not known at synth, or could not be followed: never a silent pass. `value` is the raw
 * intrinsic, a resolved value known only at deploy time, or the resolver's {@link Unresolved} (whose message names
 * the resource, the property and what could not be followed).
 */
export function unverifiable(what: string, value: unknown, location?: string): RuleVerdict {
  if (isUnresolved(value)) return nonCompliant(`could not verify ${what}: ${value.message}`, location);
  return nonCompliant(`could not verify ${what}: its value is not known at synth (${describeIntrinsic(value)})`, location);
}

/** Whether a value is the resolver's report of what it could not follow. */
export function isUnresolved(value: unknown): value is Unresolved {
  return !!value && typeof value === 'object' && typeof (value as Unresolved).message === 'string' && typeof (value as Unresolved).reason === 'string' && 'property' in (value as object);
}

function describeIntrinsic(value: unknown): string {
  if (isDeployTime(value)) return String(value);
  if (value && typeof value === 'object') {
    const keys = Object.keys(value as object);
    if (keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'))) return keys[0];
  }
  return 'an unresolved value';
}

/** Maps a verdict to cdk-nag's compliance values. */
export function toNagCompliance(v: RuleVerdict): NagRuleCompliance {
  switch (v.status) {
    case 'compliant': return NagRuleCompliance.COMPLIANT;
    case 'not-applicable': return NagRuleCompliance.NOT_APPLICABLE;
    default: return NagRuleCompliance.NON_COMPLIANT;
  }
}

/**
 * A synth-time rule. One per file in `lib/rules/<group>/<Name>.ts`; the file name, `name` and the
 * exported constant are the same. The checklist data decides which items use it; the packs, RULES.md
 * and the evidence report are generated from that.
 */
export interface CompetencyRule {
  /** PascalCase name, unique across the library; the suffix of every finding id. */
  readonly name: string;
  /** What the rule demands, as a short sentence ("CloudTrail trails log every region"). */
  readonly description: string;
  /** How to fix a finding. */
  readonly fix: string;
  /** The CloudFormation types the rule reads; every other type is not applicable. */
  readonly resourceTypes: readonly string[];
  /**
   * How far the rule looks: at the resource alone, across its stack, or across the whole app
   * (every stack of every stage the pack can see).
   */
  readonly scope: 'resource' | 'stack' | 'app';
  /** The check. Must return not-applicable for types it does not read, and never pass on an unresolved value. */
  check(resource: ResourceView, app: AppView): RuleVerdict;
}

/** Declares a rule (identity function that gives the object its type). */
export function defineRule(rule: CompetencyRule): CompetencyRule {
  return rule;
}
