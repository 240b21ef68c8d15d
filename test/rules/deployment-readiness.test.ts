// Every deployment-readiness check, proven both ways by its fixtures in test/rules/deployment-readiness/<Check>.fixtures.ts.
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { DeploymentReadinessChecks } from '../../lib/packs';
import { CompetencyRule, READINESS_CHECKS } from '../../lib/rules';
import { RuleFixture, RuleFixtures } from './harness';

function fixturesOf(name: string): RuleFixtures | undefined {
  const file = path.join(__dirname, 'deployment-readiness', `${name}.fixtures.ts`);
  return fs.existsSync(file) ? (require(file).fixtures as RuleFixtures) : undefined;
}

/** Builds a fixture, synthesizes it and runs the pack restricted to one check. */
function run(check: CompetencyRule, fx: RuleFixture) {
  const app = new App();
  fx.build(app);
  app.synth();
  const pack = new DeploymentReadinessChecks({ checks: [check.name] });
  const report = pack.validateScope(app);
  const findings = pack.evaluations.filter((e) => e.status === 'non-compliant' && !e.acknowledgement);
  return { report, findings, evaluations: pack.evaluations };
}

describe('every deployment-readiness check is proven both ways', () => {
  test.each(READINESS_CHECKS.map((c) => [c.name]))('%s has a failing and a passing fixture, and documents itself', (name) => {
    const fixtures = fixturesOf(name);
    expect(fixtures?.noncompliant.length).toBeGreaterThan(0);
    expect(fixtures?.compliant.length).toBeGreaterThan(0);
    const check = READINESS_CHECKS.find((c) => c.name === name)!;
    expect(check.description.length).toBeGreaterThan(15);
    expect(check.fix.length).toBeGreaterThan(15);
  });

  test('an unknown check name is refused, naming the known ones', () => {
    expect(() => new DeploymentReadinessChecks({ checks: ['NoSuchCheck'] })).toThrow(/'checks' names unknown checks: NoSuchCheck \(known: .*ManagedPolicyExists/);
  });
});

for (const check of READINESS_CHECKS) {
  const fixtures = fixturesOf(check.name);
  if (!fixtures) continue;
  describe(`${check.name}: ${check.description}`, () => {
    fixtures.noncompliant.forEach((fx, i) => {
      test(`Noncompliance ${i + 1}: ${fx.name}`, () => {
        // GIVEN / WHEN
        const { report, findings } = run(check, fx);
        // THEN
        expect(findings.length).toBeGreaterThan(0);
        expect(report.violations.map((v) => v.ruleName)).toContain(`DeploymentReadiness-${check.name}`);
        if (fx.reason) expect(findings.map((f) => f.reason).join('\n')).toMatch(fx.reason);
      });
    });
    fixtures.compliant.forEach((fx, i) => {
      test(`Compliance${fixtures.compliant.length > 1 ? ` ${i + 1}` : ''}: ${fx.name}`, () => {
        // GIVEN / WHEN
        const { findings, evaluations } = run(check, fx);
        // THEN: no finding, and the check did evaluate something
        expect(findings.map((f) => `${f.path}: ${f.reason}`)).toEqual([]);
        expect(evaluations.filter((e) => e.check === check.name).length).toBeGreaterThan(0);
      });
    });
  });
}
