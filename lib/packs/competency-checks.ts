import { CfnOutput, CfnResource, IPolicyValidationContext, PolicyValidationPluginReport, Stack, Stage } from 'aws-cdk-lib';
// cdk-nag's package root loads every pack it ships and their ≈140 rules (≈100 ms, plus aws-cdk-lib modules an app
// may never use); this pack needs only the base class and the enums, from the modules that define them.
import { NagPack, NagPackProps } from 'cdk-nag/lib/nag-pack';
import { IConstruct } from 'constructs';
import { ResourceView, STACK_OUTPUT_TYPE } from '../aws';
import { ChecklistSelection, everyKeyOf, parseSelection, rejectUnknownKeys, SELECTION_KEYS } from '../checklist';
import { evaluateResource, RuleEvaluation } from './evaluate';
import { planRules, RecommendedLevel, RULE_ID_PREFIX, RulePlan } from './plan';
import { acknowledgementsInTree, acknowledgementsOn, applyAspects, TreeAppView } from './tree-view';

type Violation = PolicyValidationPluginReport['violations'][number];
type MutableViolation = Violation & { readonly violatingResources: Violation['violatingResources'][number][] };

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

/** Every prop of {@link CompetencyChecksProps} (cdk-nag's own included): one it does not read fails naming it. */
const PROP_KEYS = everyKeyOf<CompetencyChecksProps>()([...SELECTION_KEYS, 'rules', 'recommended', 'verbose', 'writeSuppressionsToCloudFormation']);

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
 * them (an acknowledgement on a Stage or the App is not recorded there: make it on the stacks; the pack warns, with
 * {@link UNRECORDED_ACKNOWLEDGEMENT}, when it finds one).
 */
export class CompetencyChecks extends NagPack {
  public readonly name: string;
  /** The rules this pack applies. */
  public readonly plan: RulePlan;
  /** The finding ids of the planned rules (besides them, the pack may warn with {@link UNRECORDED_ACKNOWLEDGEMENT}). */
  public readonly ruleIds: string[];
  private view?: TreeAppView;
  private log: RuleEvaluation[] = [];
  /** The findings of the last validation pass by finding id, with every resource raising it. */
  private found = new Map<string, MutableViolation>();
  private readonly verboseMessages: boolean;

  constructor(props: CompetencyChecksProps);
  constructor(scope: IConstruct, props: CompetencyChecksProps);
  constructor(scopeOrProps: IConstruct | CompetencyChecksProps, maybeProps?: CompetencyChecksProps) {
    const scope = isConstruct(scopeOrProps) ? scopeOrProps : undefined;
    const props = scope ? maybeProps : (scopeOrProps as CompetencyChecksProps);
    if (!props) throw new Error('CompetencyChecks: props are required ({ checklist, deploymentModel })');
    rejectUnknownKeys(props, PROP_KEYS, 'CompetencyChecks');
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
    for (const stack of this.view!.stackConstructs) if (wanted.has(stack.node.path)) this.checkUnder(stack);
    const violations = [...this.found.values(), ...unrecordedAcknowledgements(root)];
    return { success: !violations.some((v) => v.severity === 'error'), violations };
  }

  /**
   * Validates a construct tree directly (tests, or apps that call it themselves). The app's aspects are applied first,
   * as `cdk synth` applies them, so that `Tags.of(...)` and aspects such as `requireImdsv2` count the same here as in a
   * synthesis or the test matcher.
   */
  public validateScope(scope: IConstruct): PolicyValidationPluginReport {
    applyAspects(scope.node.root);
    this.begin(scope.node.root);
    this.checkUnder(scope);
    const violations = [...this.found.values(), ...unrecordedAcknowledgements(scope.node.root)];
    // As cdk-nag's validateScope: success means no violation at all, warnings included.
    return { success: violations.length === 0, violations };
  }

  private begin(root: IConstruct, synthesized = false): void {
    this.view = TreeAppView.of(root, synthesized);
    this.log = [];
    this.found = new Map();
  }

  /**
   * Checks every resource under the scope in tree order, then every stack output (as the evaluation door orders them).
   * The view met them while it was built, so the tree is not walked again (cdk-nag's own walk cost ≈ 30 ms of a pass
   * at N = 100).
   */
  private checkUnder(scope: IConstruct): void {
    const elements = this.view!.elementsUnder(scope);
    const outputs: CfnOutput[] = [];
    for (const element of elements) {
      // The view holds resources and outputs only: telling them apart by class is the cheaper test.
      if (element instanceof CfnOutput) outputs.push(element);
      else this.checkResource(element);
    }
    for (const output of outputs) this.checkOutput(output);
  }

  protected checkResource(node: CfnResource): void {
    const view = this.plan.byType.has(node.cfnResourceType) ? this.view?.viewOf(node) : undefined;
    if (view) this.check(node, view, 'Properties');
  }

  private checkOutput(node: CfnOutput): void {
    const view = this.plan.byType.has(STACK_OUTPUT_TYPE) ? this.view?.outputViewOf(node) : undefined;
    if (view) this.check(node, view, `Outputs/${view.logicalId}`);
  }

  /**
   * Runs the planned rules on one resource or output, logs every outcome and records its findings not acknowledged on
   * it or a construct above it (`Validations.of(c).acknowledge(...)`), grouped by finding id as cdk-nag groups them.
   * A resource's finding is located at its `Properties`, as cdk-nag locates it; an output's at its property.
   */
  private check(node: CfnResource | CfnOutput, view: ResourceView, where: string): void {
    let acks: Map<string, string> | undefined;
    const lookup = (ruleId: string) => (acks ??= acknowledgementsInTree(node)).get(ruleId);
    const results = evaluateResource(this.plan, view, this.view!, lookup, (p, verdict) => {
      if (verdict.status !== 'non-compliant' || lookup(p.ruleId) !== undefined) return;
      const info = `[${p.item.id} ${p.item.title}]${p.kind === 'recommended' ? ' (recommended)' : ''} ${p.rule.description}: ${verdict.reason}.`;
      const location = node instanceof CfnOutput && verdict.location ? `${where}/${verdict.location}` : where;
      const resource = { constructPath: node.node.path, locations: [location] };
      const existing = this.found.get(p.ruleId);
      if (existing) {
        existing.violatingResources.push(resource);
        return;
      }
      this.found.set(p.ruleId, {
        ruleName: p.ruleId,
        description: this.verboseMessages ? `${info} Fix: ${p.rule.fix}` : info,
        severity: p.level,
        violatingResources: [resource],
      });
    });
    for (const r of results) this.log.push(r);
  }
}

/** The id of the warning about an acknowledgement made outside every stack. */
export const UNRECORDED_ACKNOWLEDGEMENT = `${RULE_ID_PREFIX}-AcknowledgementOutsideStacks`;

/**
 * Acknowledgements of this pack's findings made on a construct outside every stack (a Stage, the App): the synthesis
 * honours them, as the CDK does, but aws-cdk-lib records acknowledgements in the cloud assembly only for constructs in
 * a stack, so the evidence report would show those findings unacknowledged. A warning each, saying where to make it.
 */
function unrecordedAcknowledgements(root: IConstruct): Violation[] {
  const out: Violation[] = [];
  const visit = (c: IConstruct): void => {
    if (Stack.isStack(c)) return;
    const ids = acknowledgementsOn(c).map(([id]) => id).filter((id) => id.startsWith(`${RULE_ID_PREFIX}-`));
    if (ids.length > 0) {
      const where = c.node.path === '' ? 'the App' : `${Stage.isStage(c) ? 'Stage' : 'construct'} ${c.node.path}`;
      out.push({
        ruleName: UNRECORDED_ACKNOWLEDGEMENT,
        description: `${ids.join(', ')} acknowledged on ${where}, outside every stack: the synthesis honours it, but the cloud assembly does not record it, so the evidence report shows the finding unacknowledged. Acknowledge it on the stacks (or a construct in them) instead.`,
        severity: 'warning',
        violatingResources: [{ constructPath: c.node.path, locations: ['Metadata'] }],
      });
    }
    for (const child of c.node.children) visit(child);
  };
  visit(root);
  return out;
}

/** Runs a check of the props; its error names the pack. */
function checked<T>(check: () => T): T {
  try {
    return check();
  } catch (e) {
    throw new Error(`CompetencyChecks: ${(e as Error).message}`);
  }
}



