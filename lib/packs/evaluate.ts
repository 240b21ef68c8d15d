import { AppView, ResourceView, RuleVerdict } from '../rules/rule';
import { PlannedRule, plannedRuleApplies, RulePlan } from './plan';

/** The outcome of one rule on one resource: what the evidence report and the test helpers read. */
export interface RuleEvaluation {
  /** `Competency-<itemId>-<RuleName>`. */
  readonly ruleId: string;
  readonly itemId: string;
  readonly rule: string;
  /** `required` (the checklist's words demand it) or `recommended` (good practice beyond them: never part of a verdict). */
  readonly kind: 'required' | 'recommended';
  readonly level: 'error' | 'warning';
  /** Stack path (construct path, or display name in an assembly). */
  readonly stack: string;
  /** Construct path of the resource. */
  readonly path: string;
  readonly logicalId: string;
  readonly resourceType: string;
  readonly status: 'compliant' | 'non-compliant';
  /** Why it failed (non-compliant only). */
  readonly reason?: string;
  /** Property path of the offending value (non-compliant only, when known). */
  readonly location?: string;
  /** The acknowledgement that suppresses a non-compliant result, with its reason. */
  readonly acknowledgement?: { readonly reason: string };
}

/** Looks up the acknowledgement reason of a rule id for a resource. */
export type AcknowledgementLookup = (ruleId: string) => string | undefined;

/** Runs one planned rule; a rule that throws is a finding, never a pass. */
export function runRule(planned: PlannedRule, resource: ResourceView, app: AppView): RuleVerdict {
  try {
    return planned.rule.check(resource, app);
  } catch (e) {
    return { status: 'non-compliant', reason: `the rule could not evaluate this resource: ${(e as Error).message}` };
  }
}

/** Runs every planned rule that reads this resource's type. */
export function evaluateResource(
  plan: RulePlan,
  resource: ResourceView,
  app: AppView,
  acknowledged: AcknowledgementLookup,
  onVerdict?: (planned: PlannedRule, verdict: RuleVerdict) => void,
): RuleEvaluation[] {
  const out: RuleEvaluation[] = [];
  for (const planned of plan.byType.get(resource.type) ?? []) {
    if (!plannedRuleApplies(planned, app)) continue;
    const verdict = runRule(planned, resource, app);
    onVerdict?.(planned, verdict);
    if (verdict.status === 'not-applicable') continue;
    const base = {
      ruleId: planned.ruleId,
      itemId: planned.item.id,
      rule: planned.rule.name,
      kind: planned.kind,
      level: planned.level === 'Error' ? 'error' as const : 'warning' as const,
      stack: resource.stack.path,
      path: resource.path,
      logicalId: resource.logicalId,
      resourceType: resource.type,
    };
    if (verdict.status === 'compliant') {
      out.push({ ...base, status: 'compliant' });
    } else {
      const ack = acknowledged(planned.ruleId);
      out.push({
        ...base,
        status: 'non-compliant',
        reason: verdict.reason,
        location: verdict.location,
        acknowledgement: ack !== undefined ? { reason: ack } : undefined,
      });
    }
  }
  return out;
}

/** Evaluates every resource and every stack output of an app view. */
export function evaluateApp(plan: RulePlan, app: AppView, acknowledgementsOf: (r: ResourceView) => AcknowledgementLookup): RuleEvaluation[] {
  const out: RuleEvaluation[] = [];
  for (const stack of app.stacks) {
    for (const resource of stack.resources.values()) {
      out.push(...evaluateResource(plan, resource, app, acknowledgementsOf(resource)));
    }
    for (const output of stack.outputs.values()) {
      out.push(...evaluateResource(plan, output, app, acknowledgementsOf(output)));
    }
  }
  return out;
}
