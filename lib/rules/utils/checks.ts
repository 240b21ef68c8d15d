import { COMPLIANT, nonCompliant, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { isIntrinsic, isTrue } from '../../aws';

/** Reads a property path like `SSESpecification/SSEEnabled`. */
export function propertyAt(r: ResourceView, path: string): unknown {
  let v: any = r.properties;
  for (const key of path.split('/')) {
    if (v === undefined || v === null || isIntrinsic(v)) return v;
    v = v[key];
  }
  return v;
}

/** Compliant when the property is true; unverifiable when an intrinsic; else `problem`. */
export function requireTrue(r: ResourceView, path: string, problem: string): RuleVerdict {
  const v = propertyAt(r, path);
  if (isIntrinsic(v)) return unverifiable(path, v, path);
  return isTrue(v) ? COMPLIANT : nonCompliant(problem, path);
}

/**
 * Compliant when the property is set (a literal or a reference: a key ARN given as `Fn::GetAtt` is
 * known to exist even if its value is not); else `problem`.
 */
export function requirePresent(r: ResourceView, path: string, problem: string): RuleVerdict {
  const v = propertyAt(r, path);
  return v === undefined || v === null || v === '' ? nonCompliant(problem, path) : COMPLIANT;
}
