import { IConstruct } from 'constructs';
import { ChecklistSelection } from '../checklist';
import { competencyFindings } from './findings';
import { formatFindings } from './format';

/** Options of the compliance assertions. */
export interface CompetencyAssertionOptions extends ChecklistSelection {
  /**
   * Also fail on findings of "should" items (warnings).
   * @default false
   */
  readonly failOnWarnings?: boolean;
}

/** Thrown by {@link assertCompetencyCompliant}; its message is the findings table. */
export class CompetencyComplianceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CompetencyComplianceError';
  }
}

/**
 * Throws a {@link CompetencyComplianceError} listing every unacknowledged finding (item, rule, construct
 * path, problem, fix) when `scope` breaks a checklist item of the selection.
 *
 * ```ts
 * assertCompetencyCompliant(stack, { checklist: 'networking', deploymentModel: 'saas' });
 * ```
 */
export function assertCompetencyCompliant(scope: IConstruct, options: CompetencyAssertionOptions): void {
  const findings = competencyFindings(scope, options);
  const failing = options.failOnWarnings ? findings.errors.length + findings.warnings.length : findings.errors.length;
  if (failing > 0) throw new CompetencyComplianceError(formatFindings(findings, { includeWarnings: options.failOnWarnings }));
}
