import { IConstruct } from 'constructs';
import { everyKeyOf, rejectUnknownKeys } from '../checklist';
import { CHECK_OPTION_KEYS, CompetencyCheckOptions, competencyFindings, CompetencyFindings } from './findings';
import { formatFindings } from './format';

/** Options of the compliance assertions. */
export interface CompetencyAssertionOptions extends CompetencyCheckOptions {
  /**
   * Also fail on warnings: findings of "should" items (e.g. 1.16, SSH open to the world) and recommended
   * findings (good practice beyond the checklist). By default only errors fail: findings of "must" items,
   * and recommended findings when `recommended: 'error'`.
   * @default false
   */
  readonly failOnWarnings?: boolean;
}

/** The keys of {@link CompetencyAssertionOptions}. */
const ASSERTION_OPTION_KEYS = everyKeyOf<CompetencyAssertionOptions>()([...CHECK_OPTION_KEYS, 'failOnWarnings']);

/**
 * The findings of a check with assertion options: an option the assertion does not read fails naming it (through an
 * untyped call, `{ rules: [...] }` would otherwise check every rule while the caller believes it checked a few).
 */
export function assertionFindings(scope: IConstruct, options: CompetencyAssertionOptions, taker: string): CompetencyFindings {
  rejectUnknownKeys(options, ASSERTION_OPTION_KEYS, taker);
  const { failOnWarnings: _failOnWarnings, ...check } = options;
  return competencyFindings(scope, check);
}

/** Thrown by {@link assertCompetencyCompliant}; its message is the findings table. */
export class CompetencyComplianceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CompetencyComplianceError';
  }
}

/** The findings that fail a check with these options. */
export function failingFindings(findings: CompetencyFindings, options: Pick<CompetencyAssertionOptions, 'failOnWarnings'>) {
  return options.failOnWarnings ? [...findings.errors, ...findings.warnings] : findings.errors;
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
  const findings = assertionFindings(scope, options, 'assertCompetencyCompliant');
  if (failingFindings(findings, options).length > 0) {
    throw new CompetencyComplianceError(formatFindings(findings, { includeWarnings: options.failOnWarnings }));
  }
}
