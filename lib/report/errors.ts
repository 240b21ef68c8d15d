/**
 * The bad-input errors of the evidence report, each with a one-line message the CLI prints as
 * `error: <message>` (exit 2). `AssemblyError` (the cloud assembly) lives with the loader.
 */

/**
 * A malformed attestations file. `problems` holds one line per wrong field
 * (`competency-attestations.yaml:12: '1.25.date' must be a date YYYY-MM-DD, got 'last spring'`);
 * the message is all of them on one line.
 */
export class AttestationsError extends Error {
  constructor(public readonly problems: readonly string[]) {
    super(problems.length === 1 ? problems[0] : `${problems[0]} (and ${problems.length - 1} more: ${problems.slice(1).join('; ')})`);
    this.name = 'AttestationsError';
  }
}

/** Bad input other than the assembly and attestations (an unknown checklist, model or category). */
export class ReportInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportInputError';
  }
}
