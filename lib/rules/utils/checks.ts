import { AppView, COMPLIANT, nonCompliant, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { isDeployTime, isTrue } from '../../aws';

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
