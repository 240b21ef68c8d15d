import { CfnResource, IPolicyValidationContext, PolicyValidationPluginReport, Stack } from 'aws-cdk-lib';
// Not cdk-nag's package root, which loads all of cdk-nag's own packs (see competency-checks.ts).
import { NagPack, NagPackProps } from 'cdk-nag/lib/nag-pack';
import { NagMessageLevel } from 'cdk-nag/lib/nag-rules';
import { IConstruct } from 'constructs';
import { CompetencyRule, READINESS_CHECKS, RuleVerdict } from '../rules';
import { toNagCompliance } from './nag';
import { acknowledgementsInTree, TreeAppView } from './tree-view';

type Violation = PolicyValidationPluginReport['violations'][number];

/** Prefix of every finding id of the pack: `DeploymentReadiness-<CheckName>`. */
export const READINESS_ID_PREFIX = 'DeploymentReadiness';

/** Props of {@link DeploymentReadinessChecks}. */
export interface DeploymentReadinessChecksProps extends NagPackProps {
  /**
   * Apply only these checks (by name): for focused tests and gradual adoption.
   * @default - every check
   */
  readonly checks?: readonly string[];
}

/** The outcome of one check on one resource. */
export interface ReadinessEvaluation {
  /** `DeploymentReadiness-<CheckName>`. */
  readonly ruleId: string;
  readonly check: string;
  readonly stack: string;
  readonly path: string;
  readonly logicalId: string;
  readonly resourceType: string;
  readonly status: 'compliant' | 'non-compliant';
  readonly reason?: string;
  /** The acknowledgement that suppresses a non-compliant result, with its reason. */
  readonly acknowledgement?: { readonly reason: string };
}

function isConstruct(x: unknown): x is IConstruct {
  return !!x && typeof x === 'object' && 'node' in (x as object);
}

/**
 * A cdk-nag pack of the facts AWS publishes that decide whether a template deploys and works, checked at synth
 * from AWS's own data: AWS managed policies exist at the ARNs attached; every IAM action and condition key of every
 * policy document exists; and known ordering and pairing traps (Config rules before their recorder, Config delivery
 * to an Object Lock bucket, cross-account backup copies of AWS-managed-key data, keys that do not admit the
 * service-linked role using them, a trail without kms:Decrypt on a Bucket Key). Every finding is an error.
 *
 * ```ts
 * Validations.of(app).addPlugins(new CompetencyChecks(app, { ... }), new DeploymentReadinessChecks(app));
 * ```
 */
export class DeploymentReadinessChecks extends NagPack {
  public readonly name = READINESS_ID_PREFIX;
  /** The checks this pack applies. */
  public readonly checks: readonly CompetencyRule[];
  private readonly byType = new Map<string, CompetencyRule[]>();
  private view?: TreeAppView;
  private log: ReadinessEvaluation[] = [];

  constructor(props?: DeploymentReadinessChecksProps);
  constructor(scope: IConstruct, props?: DeploymentReadinessChecksProps);
  constructor(scopeOrProps?: IConstruct | DeploymentReadinessChecksProps, maybeProps?: DeploymentReadinessChecksProps) {
    const scope = isConstruct(scopeOrProps) ? scopeOrProps : undefined;
    const props = (scope ? maybeProps : (scopeOrProps as DeploymentReadinessChecksProps | undefined)) ?? {};
    super(scope, props);
    this.packName = READINESS_ID_PREFIX;
    const unknown = (props.checks ?? []).filter((n) => !READINESS_CHECKS.some((c) => c.name === n));
    if (unknown.length > 0) {
      throw new Error(`DeploymentReadinessChecks: 'checks' names unknown checks: ${unknown.join(', ')} (known: ${READINESS_CHECKS.map((c) => c.name).join(', ')})`);
    }
    this.checks = READINESS_CHECKS.filter((c) => !props.checks || props.checks.includes(c.name));
    for (const c of this.checks) {
      for (const t of c.resourceTypes) {
        const list = this.byType.get(t);
        if (list) list.push(c); else this.byType.set(t, [c]);
      }
    }
  }

  /** Every check outcome of the last validation pass (compliant and non-compliant, with reasons). */
  public get evaluations(): readonly ReadinessEvaluation[] {
    return this.log;
  }

  /** Validates the stacks of the stage this pack is registered on, looking across the whole app. */
  public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const root = context.appConstruct;
    if (!root) return super.validate(context);
    this.view = TreeAppView.of(root, true);
    this.log = [];
    const wanted = new Set(context.stackTemplates.map((s) => s.stackConstructPath));
    const stacks = root.node.findAll().filter((c): c is Stack => Stack.isStack(c) && wanted.has(c.node.path));
    const violations = stacks.flatMap((stack) => super.validateScope(stack).violations);
    return { success: !violations.some((v: Violation) => v.severity === 'error'), violations };
  }

  /** Validates a construct tree directly (tests, or apps that call it themselves). */
  public validateScope(scope: IConstruct): PolicyValidationPluginReport {
    this.view = TreeAppView.of(scope.node.root);
    this.log = [];
    return super.validateScope(scope);
  }

  protected checkResource(node: CfnResource): void {
    const checks = this.byType.get(node.cfnResourceType);
    if (!checks || !this.view) return;
    const view = this.view.viewOf(node);
    if (!view) return;
    for (const check of checks) {
      let verdict: RuleVerdict;
      try {
        verdict = check.check(view, this.view);
      } catch (e) {
        verdict = { status: 'non-compliant', reason: `the check could not evaluate this resource: ${(e as Error).message}` };
      }
      if (verdict.status === 'compliant' || verdict.status === 'non-compliant') {
        const ack = verdict.status === 'non-compliant' ? acknowledgementsInTree(node).get(`${READINESS_ID_PREFIX}-${check.name}`) : undefined;
        this.log.push({
          acknowledgement: ack !== undefined ? { reason: ack } : undefined,
          ruleId: `${READINESS_ID_PREFIX}-${check.name}`,
          check: check.name,
          stack: view.stack.path,
          path: view.path,
          logicalId: view.logicalId,
          resourceType: view.type,
          status: verdict.status,
          reason: verdict.status === 'non-compliant' ? verdict.reason : undefined,
        });
      }
      this.applyRule({
        ruleSuffixOverride: check.name,
        info: `[Deployment readiness] ${check.description}${verdict.status === 'non-compliant' ? `: ${verdict.reason}` : ''}.`,
        explanation: `Fix: ${check.fix}`,
        level: NagMessageLevel.ERROR,
        node,
        rule: Object.defineProperty(() => toNagCompliance(verdict), 'name', { value: check.name }),
      });
    }
  }
}
