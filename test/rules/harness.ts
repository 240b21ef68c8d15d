import { App } from 'aws-cdk-lib';
import { CHECKLIST_ITEMS, ChecklistId, ChecklistSelection, DEPLOYMENT_MODELS, DeploymentModel, ruleNamesOf, ruleUsesOf, SubcategoryId } from '../../lib/checklist';
import { CompetencyChecks, ruleIdFor } from '../../lib/packs';
import { CompetencyRule } from '../../lib/rules';

/** A hand-written app that a rule must fail or pass. */
export interface RuleFixture {
  /** What the fixture shows, e.g. 'bucket created in the trail stack'. */
  readonly name: string;
  /** Builds the fixture's stacks in a fresh app. */
  build(app: App): void;
  /** For non-compliant fixtures: the reason the finding must give. */
  readonly reason?: RegExp;
}

/** Fixtures proving a rule both ways. */
export interface RuleFixtures {
  readonly noncompliant: readonly RuleFixture[];
  readonly compliant: readonly RuleFixture[];
  /**
   * Designs the seed allows whose compliance the template cannot show (a trail managed outside the app): no finding,
   * and a `not-shown` outcome whose reason matches `reason`.
   */
  readonly notShown?: readonly RuleFixture[];
}

/** The selection under which a rule applies (the first checklist item that lists it), and the finding id. */
export function selectionFor(rule: CompetencyRule): { selection: ChecklistSelection; ruleId: string } {
  const item = CHECKLIST_ITEMS.find((i) => ruleNamesOf(i).includes(rule.name));
  if (!item) throw new Error(`no checklist item lists rule ${rule.name}`);
  const ruleId = ruleIdFor(item.id, rule.name);
  if (item.kind === 'category') {
    return {
      ruleId,
      selection: {
        checklist: item.checklist,
        deploymentModel: DEPLOYMENT_MODELS[item.checklist][0],
        ...(item.subcategory ? { subcategories: [`${item.category}.${item.subcategory}` as SubcategoryId] } : { categories: [item.category] }),
        strict: true,
      },
    };
  }
  // A use written for the cells that limit the item runs only in a column whose cell has that condition.
  const onlyWhere = ruleUsesOf(item).find((u) => u.rule === rule.name)?.onlyWhere;
  if (onlyWhere !== undefined && item.kind === 'technical') {
    for (const [checklist, row] of Object.entries(item.appliesTo) as [ChecklistId, { [m: string]: { condition?: string } }][]) {
      const model = Object.keys(row).find((m) => row[m].condition === onlyWhere);
      if (model) return { ruleId, selection: { checklist, deploymentModel: model as DeploymentModel } };
    }
    throw new Error(`rule ${rule.name} is written for cells '${onlyWhere}', which no column of ${item.id} has`);
  }
  return { ruleId, selection: { checklist: 'networking', deploymentModel: 'saas', strict: true } };
}

/** Builds a fixture, synthesizes it (so aspects such as tags apply) and runs the pack restricted to one rule. */
export function runFixture(rule: CompetencyRule, fixture: RuleFixture) {
  const app = new App();
  fixture.build(app);
  app.synth();
  const { selection, ruleId } = selectionFor(rule);
  const pack = new CompetencyChecks({ ...selection, rules: [rule.name] });
  const report = pack.validateScope(app);
  const findings = pack.evaluations.filter((e) => e.rule === rule.name && e.status === 'non-compliant' && !e.acknowledgement);
  return { report, findings, ruleId, evaluations: pack.evaluations };
}

/** Declares the jest suite of one rule from its fixtures. */
export function describeRule(rule: CompetencyRule, fixtures: RuleFixtures): void {
  describe(`${rule.name}: ${rule.description}`, () => {
    fixtures.noncompliant.forEach((fx, i) => {
      test(`Noncompliance ${i + 1}: ${fx.name}`, () => {
        // GIVEN / WHEN
        const { report, findings, ruleId } = runFixture(rule, fx);
        // THEN
        expect(findings.length).toBeGreaterThan(0);
        expect(report.violations.map((v) => v.ruleName)).toContain(ruleId);
        if (fx.reason) expect(findings.map((f) => f.reason).join('\n')).toMatch(fx.reason);
      });
    });
    (fixtures.notShown ?? []).forEach((fx, i) => {
      test(`Not shown ${i + 1}: ${fx.name}`, () => {
        // GIVEN / WHEN
        const { report, findings, evaluations, ruleId } = runFixture(rule, fx);
        // THEN: no finding, and what the template cannot show is said
        expect(findings.map((f) => `${f.path}: ${f.reason}`)).toEqual([]);
        expect(report.violations.map((v) => v.ruleName)).not.toContain(ruleId);
        const reasons = evaluations.filter((e) => e.rule === rule.name && e.status === 'not-shown').map((e) => e.reason);
        expect(reasons.length).toBeGreaterThan(0);
        if (fx.reason) expect(reasons.join('\n')).toMatch(fx.reason);
      });
    });
    fixtures.compliant.forEach((fx, i) => {
      test(`Compliance${fixtures.compliant.length > 1 ? ` ${i + 1}` : ''}: ${fx.name}`, () => {
        // GIVEN / WHEN
        const { findings, evaluations } = runFixture(rule, fx);
        // THEN: no finding, and the rule did evaluate something (a compliant fixture that the rule never reads proves nothing)
        expect(findings.map((f) => `${f.path}: ${f.reason}`)).toEqual([]);
        expect(evaluations.filter((e) => e.rule === rule.name && e.status === 'not-shown').map((e) => `${e.path}: ${e.reason}`)).toEqual([]);
        expect(evaluations.filter((e) => e.rule === rule.name).length).toBeGreaterThan(0);
      });
    });
  });
}
