import { AppView, ResourceView } from '../rule';
import { isDeployTime, Unresolved } from '../../aws';

/** One value found at a property path, and its location (`Users/1/Password`). */
export interface FoundValue {
  readonly value: unknown;
  readonly location: string;
}

/**
 * The values at a property path of a resource, read through the resolver, every `Fn::If` branch: `*` in the path
 * stands for every element of a list (`Users/*\/Password`). Absent values are left out; a value known only at deploy
 * time where the path goes on is returned as it is (the rule decides what it means).
 */
export function valuesAt(app: AppView, r: ResourceView, pattern: string): { readonly ok: true; readonly values: readonly FoundValue[] } | { readonly ok: false; readonly unresolved: Unresolved } {
  const star = pattern.indexOf('*');
  const head = star < 0 ? pattern : pattern.slice(0, star).replace(/\/$/, '');
  const rest = star < 0 ? [] : pattern.slice(star).split('/');
  const res = app.resolve(r, head);
  if (!res.ok) return res;
  const out: FoundValue[] = [];
  const walk = (v: unknown, segments: readonly string[], location: string): void => {
    if (v === undefined || v === null) return;
    if (segments.length === 0 || isDeployTime(v) || typeof v !== 'object') {
      if (segments.length === 0 || isDeployTime(v)) out.push({ value: v, location });
      return;
    }
    const [segment, ...more] = segments;
    if (segment === '*') {
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, more, `${location}/${i}`));
      return;
    }
    walk((v as any)[segment], more, `${location}/${segment}`);
  };
  for (const alt of res.values) walk(alt.value, rest, head);
  return { ok: true, values: out };
}
