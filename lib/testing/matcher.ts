import { IConstruct } from 'constructs';
import { assertionFindings, CompetencyAssertionOptions, failingFindings } from './assert';
import { formatFindings } from './format';

/**
 * Jest matchers. Register once (e.g. in a jest setup file):
 *
 * ```ts
 * import { competencyMatchers } from 'cdk-competency/testing';
 * expect.extend(competencyMatchers);
 * // then
 * expect(stack).toBeCompetencyCompliant({ checklist: 'networking', deploymentModel: 'saas' });
 * ```
 *
 * Findings of "must" items fail; add `failOnWarnings: true` to fail on "should" items and recommendations
 * too, or `recommended: 'error'` to fail on recommendations alone.
 */
export const competencyMatchers = {
  toBeCompetencyCompliant(received: IConstruct, options: CompetencyAssertionOptions) {
    const findings = assertionFindings(received, options, 'toBeCompetencyCompliant');
    const failing = failingFindings(findings, options).length;
    const report = formatFindings(findings, { includeWarnings: options.failOnWarnings });
    return {
      pass: failing === 0,
      message: () => (failing === 0
        ? `expected ${received.node.path || 'the app'} to break a checklist item, but it passed ${findings.passed} rule evaluations`
        : report),
    };
  },
};

declare global {
  namespace jest {
    interface Matchers<R> {
      /** Passes when the construct tree has no unacknowledged finding of the selection's checklist items that fails with these options. */
      toBeCompetencyCompliant(options: CompetencyAssertionOptions): R;
    }
  }
}
