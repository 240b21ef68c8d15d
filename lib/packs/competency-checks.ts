import { CfnOutput, CfnResource, IPolicyValidationContext, PolicyValidationPluginReport, Stack } from 'aws-cdk-lib';
// cdk-nag's package root loads every pack it ships and their ≈140 rules (≈100 ms, plus aws-cdk-lib modules an app
// may never use); this pack needs only the base class and the enums, from the modules that define them.
import { NagPack, NagPackProps } from 'cdk-nag/lib/nag-pack';
import { IConstruct } from 'constructs';
import { STACK_OUTPUT_TYPE } from '../aws';
import { ChecklistSelection, parseSelection } from '../checklist';
import { RuleVerdict } from '../rules/rule';
import { evaluateResource, RuleEvaluation } from './evaluate';
import { NagRuleCompliance, toNagCompliance, toNagLevel } from './nag';
import { PlannedRule, planRules, RecommendedLevel, RULE_ID_PREFIX, RulePlan } from './plan';
import { acknowledgementsInTree, applyAspects, TreeAppView } from './tree-view';

type Violation = PolicyValidationPluginReport['violations'][number];

/** Props of {@link CompetencyChecks}. */
export interface CompetencyChecksProps extends ChecklistSelection, NagPackProps {
  /**
   * Apply only these rules (by rule name): for focused tests and gradual adoption.
   * @default - every rule of every applicable item
   */
  readonly rules?: readonly string[];
  /**
   * How to raise recommended findings: good practice beyond the checklist's text (customer managed keys,
   * IMDSv2, Parquet flow logs, ...). Their finding ids are `Competency-<item>-<Rule>` like required ones.
   * `'error'` makes them fail the synth as required findings of "must" items do.
   * @default 'warning'
   */
  readonly recommended?: RecommendedLevel;
}

function isConstruct(x: unknown): x is IConstruct {
  return !!x && typeof x === 'object' && 'node' in (x as object);
}

/**
 * The cdk-nag pack for one AWS Competency checklist and deployment model.
 *
 * It applies the synth-time rules of every checklist item that applies to the selection (or, in
 * `strict` mode, of every technical item whatever the model). Finding ids are
 * `Competency-<itemId>-<RuleName>`. Required findings (the checklist's own words demand them) are errors
 * for "must" items and warnings for "should" items; recommended findings (good practice beyond the text)
 * are warnings, or errors with `recommended: 'error'`.
 *
 * ```ts
 * Validations.of(app).addPlugins(new CompetencyChecks(app, { checklist: 'networking', deploymentModel: 'saas' }));
 * ```
 *
 * Acknowledge a finding with `Validations.of(construct).acknowledge({ id, reason })` on the resource, a construct
 * above it or its stack; the evidence report lists every acknowledgement with its reason. The pack never changes
 * a template: aws-cdk-lib records acknowledgements in the cloud assembly's stack metadata, where the report reads
 * them (an acknowledgement on a Stage or the App is not recorded there: make it on the stacks).
 */
export class CompetencyChecks extends NagPack {
  public readonly name: string;
  /** The rules this pack applies. */
  public readonly plan: RulePlan;
  /** The rule ids this pack can raise. */
  public readonly ruleIds: string[];
  private view?: TreeAppView;
  private log: RuleEvaluation[] = [];
  private readonly verboseMessages: boolean;

  constructor(props: CompetencyChecksProps);
  constructor(scope: IConstruct, props: CompetencyChecksProps);
  constructor(scopeOrProps: IConstruct | CompetencyChecksProps, maybeProps?: CompetencyChecksProps) {
    const scope = isConstruct(scopeOrProps) ? scopeOrProps : undefined;
    const props = scope ? maybeProps : (scopeOrProps as CompetencyChecksProps);
    if (!props) throw new Error('CompetencyChecks: props are required ({ checklist, deploymentModel })');
    // The pack writes nothing into templates: aws-cdk-lib records every acknowledgement in the cloud assembly's
    // stack metadata, where the evidence report reads it. cdk-nag's copy into template metadata stays an opt-in.
    super(scope, { verbose: props.verbose, writeSuppressionsToCloudFormation: props.writeSuppressionsToCloudFormation ?? false });
    const selection = checked(() => parseSelection(props));
    this.packName = RULE_ID_PREFIX;
    this.name = selection.strict
      ? `${RULE_ID_PREFIX}-${selection.checklist}-strict`
      : `${RULE_ID_PREFIX}-${selection.checklist}-${selection.deploymentModel}`;
    this.plan = checked(() => planRules(selection, { rules: props.rules, recommended: props.recommended }));
    if (this.plan.unknownRules.length > 0) {
      throw new Error(`CompetencyChecks: 'rules' names rules the library does not have: ${this.plan.unknownRules.join(', ')}`);
    }
    this.ruleIds = this.plan.rules.map((r) => r.ruleId);
    this.verboseMessages = props.verbose ?? false;
  }


  /**
   * Every rule outcome of the last validation pass (compliant and non-compliant, with reasons and
   * acknowledgements): what the evidence report and the test helpers read.
   */
  public get evaluations(): readonly RuleEvaluation[] {
    return this.log;
  }

  /** Validates the stacks of the stage this pack is registered on, looking across the whole app for cross-resource facts. */
  public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const root = context.appConstruct;
    if (!root) return super.validate(context);
    this.begin(root, true);
    const wanted = new Set(context.stackTemplates.map((s) => s.stackConstructPath));
    const stacks = root.node.findAll().filter((c): c is Stack => Stack.isStack(c) && wanted.has(c.node.path));
    const merged = new Map<string, Violation>();
    for (const stack of stacks) merge(merged, [...super.validateScope(stack).violations, ...this.checkOutputs(stack)]);
    return reportOf(merged);
  }

  /**
   * Validates a construct tree directly (tests, or apps that call it themselves). The app's aspects are applied first,
   * as `cdk synth` applies them, so that `Tags.of(...)` and aspects such as `requireImdsv2` count the same here as in a
   * synthesis or the test matcher.
   */
  public validateScope(scope: IConstruct): PolicyValidationPluginReport {
    applyAspects(scope.node.root);
    this.begin(scope.node.root);
    const merged = new Map<string, Violation>();
    merge(merged, [...super.validateScope(scope).violations, ...this.checkOutputs(scope)]);
    // As cdk-nag's validateScope: success means no violation at all, warnings included.
    return { success: merged.size === 0, violations: [...merged.values()] };
  }

  private begin(root: IConstruct, synthesized = false): void {
    this.view = TreeAppView.of(root, synthesized);
    this.log = [];
  }

  protected checkResource(node: CfnResource): void {
    const planned = this.plan.byType.get(node.cfnResourceType);
    if (!planned || !this.view) return;
    const view = this.view.viewOf(node);
    if (!view) return;
    let acks: Map<string, string> | undefined;
    const lookup = (ruleId: string) => (acks ??= acknowledgementsInTree(node)).get(ruleId);
    const results = evaluateResource(this.plan, view, this.view, lookup, (p, verdict) => {
      // cdk-nag's applyRule records nothing for a compliant or not-applicable result: only findings go through it
      // (building its messages and rule function for each of the ≈16,000 other verdicts at N = 100 cost ≈ 20 ms).
      if (toNagCompliance(verdict) !== NagRuleCompliance.NON_COMPLIANT) return;
      this.applyRule({
        ruleSuffixOverride: `${p.item.id}-${p.rule.name}`,
        ...messagesOf(p, verdict),
        level: toNagLevel(p.level),
        node,
        rule: Object.defineProperty(() => toNagCompliance(verdict), 'name', { value: p.rule.name }),
      });
    });
    this.log.push(...results);
  }

  /**
   * Runs the rules that read stack outputs on every `CfnOutput` under the scope. cdk-nag visits
   * `CfnResource`s only, so outputs are visited here, with the same finding ids, messages and acknowledgements.
   */
  private checkOutputs(scope: IConstruct): Violation[] {
    if (!this.view || !this.plan.byType.has(STACK_OUTPUT_TYPE)) return [];
    const violations: Violation[] = [];
    for (const node of scope.node.findAll()) {
      if (!(node instanceof CfnOutput)) continue;
      const view = this.view.outputViewOf(node);
      if (!view) continue;
      const acks = acknowledgementsInTree(node);
      const results = evaluateResource(this.plan, view, this.view, (id) => acks.get(id), (p, verdict) => {
        if (verdict.status !== 'non-compliant' || acks.has(p.ruleId)) return;
        const { info, explanation } = messagesOf(p, verdict);
        violations.push({
          ruleName: p.ruleId,
          description: this.verboseMessages ? `${info} ${explanation}` : info,
          severity: p.level,
          violatingResources: [{ constructPath: node.node.path, locations: [`Outputs/${view.logicalId}${verdict.location ? `/${verdict.location}` : ''}`] }],
        });
      });
      this.log.push(...results);
    }
    return violations;
  }
}

/** Runs a check of the props; its error names the pack. */
function checked<T>(check: () => T): T {
  try {
    return check();
  } catch (e) {
    throw new Error(`CompetencyChecks: ${(e as Error).message}`);
  }
}

/** The finding's message and fix, as cdk-nag shows them. */
function messagesOf(p: PlannedRule, verdict: RuleVerdict): { info: string; explanation: string } {
  return {
    info: `[${p.item.id} ${p.item.title}]${p.kind === 'recommended' ? ' (recommended)' : ''} ${p.rule.description}${verdict.status === 'non-compliant' ? `: ${verdict.reason}` : ''}.`,
    explanation: `Fix: ${p.rule.fix}`,
  };
}

/** Adds violations to a map by rule name, joining the resources of the same rule. */
function merge(into: Map<string, Violation>, violations: readonly Violation[]): void {
  for (const v of violations) {
    const existing = into.get(v.ruleName);
    into.set(v.ruleName, existing ? { ...existing, violatingResources: [...existing.violatingResources, ...v.violatingResources] } : v);
  }
}

function reportOf(merged: Map<string, Violation>): PolicyValidationPluginReport {
  const violations = [...merged.values()];
  return { success: !violations.some((v) => v.severity === 'error'), violations };
}
