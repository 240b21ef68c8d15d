import { AppView, isDeployTime, ResourceView, Unresolved } from '../aws';

/**
 * The template types and the app view are AWS facts (`lib/aws/template.ts`, `lib/aws/app-view.ts`); rules re-export
 * them for rule authors.
 */
export type { AppView, CfnResourceJson, CfnTemplate, ResourceView, StackView } from '../aws';
export { STACK_OUTPUT_TYPE } from '../aws';

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
  }
  | {
    /**
     * The rule read the resource and the template cannot show the requirement there, while the design may still meet
     * it where the template does not reach (a trail of the organization managed outside the app, a topic another
     * account subscribes to): no finding, and the item's template evidence is not shown, so its other evidence
     * (runtime controls, an attestation) decides. Never a pass.
     */
    readonly status: 'not-shown';
    /** What the template cannot show, and what shows it instead, in one sentence (shown in reports). */
    readonly reason: string;
    /** Property path the reason is about, when there is one. */
    readonly location?: string;
  };

export const COMPLIANT: RuleVerdict = { status: 'compliant' };
export const NOT_APPLICABLE: RuleVerdict = { status: 'not-applicable' };
/** A finding. */
export function nonCompliant(reason: string, location?: string): RuleVerdict {
  return { status: 'non-compliant', reason, location };
}
/** The template cannot show the requirement here, and the design may meet it elsewhere: see the `not-shown` verdict. */
export function notShown(reason: string, location?: string): RuleVerdict {
  return { status: 'not-shown', reason, location };
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
