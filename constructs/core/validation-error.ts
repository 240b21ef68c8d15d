import { Duration, Token } from 'aws-cdk-lib';

/**
 * The error every construct of this library throws for a wrong prop.
 *
 * Its message names the construct, the prop, the constraint and the value received:
 * `CrossAccountBackup: 'copyToAccount' must be a 12-digit account ID, got '1234'`.
 * Several problems are collected and thrown once, one per line.
 */
export class ValidationError extends Error {
  /** The individual problems, one sentence each. */
  public readonly problems: readonly string[];

  constructor(construct: string, problems: readonly string[]) {
    super(problems.map((p) => `${construct}: ${p}`).join('\n'));
    this.name = 'ValidationError';
    this.problems = problems;
  }
}

/** Renders a received value for an error message: strings quoted, tokens named, objects as JSON. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return Token.isUnresolved(value) ? 'an unresolved token' : `'${value}'`;
  if (typeof value === 'number') return Token.isUnresolved(value) ? 'an unresolved token' : String(value);
  if (Array.isArray(value) && Token.isUnresolved(value)) return 'an unresolved token list';
  if (value instanceof Duration) return value.isUnresolved() ? 'an unresolved token' : `'${value.toHumanString()}'`;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/**
 * Collects problems with a construct's props and throws them together.
 *
 * ```ts
 * const v = new PropValidator('MultiAzVpc');
 * v.check(azs.length >= 2, 'availabilityZones', 'must list at least 2 AZs', azs);
 * v.throwIfAny();
 * ```
 */
export class PropValidator {
  private readonly problems: string[] = [];

  constructor(private readonly construct: string) {}

  /** Records a problem unless `ok`. */
  public check(ok: boolean, prop: string, constraint: string, value: unknown): this {
    if (!ok) this.fail(prop, constraint, value);
    return this;
  }

  /** Records a problem. */
  public fail(prop: string, constraint: string, value: unknown): this {
    this.problems.push(`'${prop}' ${constraint}, got ${describeValue(value)}`);
    return this;
  }

  /** Whether any problem was recorded. */
  public get hasProblems(): boolean {
    return this.problems.length > 0;
  }

  /** Throws a {@link ValidationError} listing every recorded problem, if any. */
  public throwIfAny(): void {
    if (this.problems.length > 0) throw new ValidationError(this.construct, this.problems);
  }
}
