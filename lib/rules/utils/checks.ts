import { AppView, COMPLIANT, nonCompliant, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { isDeployTime, isTrue, literalNumber } from '../../aws';

/**
 * Compliant when the property at `path` is true in every `Fn::If` branch; unverifiable when it is known only at deploy
 * time (or cannot be followed); else `problem`.
 */
export function requireTrue(r: ResourceView, path: string, problem: string, app: AppView): RuleVerdict {
  const res = app.resolve(r, path);
  if (!res.ok) return unverifiable(path, res.unresolved, path);
  for (const { value } of res.values) {
    if (isDeployTime(value)) return unverifiable(path, value, path);
    if (!isTrue(value)) return nonCompliant(problem, path);
  }
  return COMPLIANT;
}

/**
 * Compliant when the property at `path` is set in every `Fn::If` branch (a literal or a reference: a key ARN given as
 * `Fn::GetAtt` is known to exist even if its value is not); else `problem`. A value that cannot be followed is unverifiable.
 */
export function requirePresent(r: ResourceView, path: string, problem: string, app: AppView): RuleVerdict {
  const res = app.resolve(r, path);
  if (!res.ok) return unverifiable(path, res.unresolved, path);
  return res.values.every(({ value }) => value !== undefined && value !== null && value !== '') ? COMPLIANT : nonCompliant(problem, path);
}

/** The smallest number a property takes over its `Fn::If` branches (`absent` when the template leaves it out), or the verdict when it is not a known number. */
export function leastNumber(r: ResourceView, path: string, absent: number, app: AppView): number | RuleVerdict {
  const res = app.resolve(r, path);
  if (!res.ok) return unverifiable(path, res.unresolved, path);
  let least = Infinity;
  for (const { value } of res.values) {
    const n = value === undefined ? absent : literalNumber(value);
    if (n === undefined) return unverifiable(path, value, path);
    least = Math.min(least, n);
  }
  return least;
}

/** Whether a boolean property is true in every `Fn::If` branch (false when absent or false in one), or the verdict when it is unknown at synth. */
export function flagOn(r: ResourceView, path: string, app: AppView): boolean | RuleVerdict {
  const res = app.resolve(r, path);
  if (!res.ok) return unverifiable(path, res.unresolved, path);
  for (const { value } of res.values) {
    if (isDeployTime(value)) return unverifiable(path, value, path);
    if (!isTrue(value)) return false;
  }
  return true;
}
