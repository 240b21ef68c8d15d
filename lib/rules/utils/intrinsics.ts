import { ResourceView } from '../rule';

/** Helpers to read resolved CloudFormation JSON, where any value may be an intrinsic function. */

/** Whether `v` is an intrinsic function or reference (`{ Ref }`, `{ 'Fn::...' }`). */
export function isIntrinsic(v: unknown): v is { readonly [fn: string]: unknown } {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::') || keys[0] === 'Condition');
}

/** The logical id a `{ Ref }` or `{ Fn::GetAtt }` points at, or undefined. */
export function referencedLogicalId(v: unknown): string | undefined {
  if (!isIntrinsic(v)) return undefined;
  if (typeof v.Ref === 'string' && !v.Ref.startsWith('AWS::')) return v.Ref;
  const getAtt = v['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return getAtt[0];
  if (typeof getAtt === 'string') return getAtt.split('.')[0];
  return undefined;
}

/** The resource of the same stack that `v` references, or undefined. */
export function referencedResource(from: ResourceView, v: unknown): ResourceView | undefined {
  const id = referencedLogicalId(v);
  return id === undefined ? undefined : from.stack.resources.get(id);
}

/** Whether a value is `true` or `'true'` (CloudFormation accepts both). */
export function isTrue(v: unknown): boolean {
  return v === true || v === 'true';
}

/** Whether a value is `false` or `'false'`. */
export function isFalse(v: unknown): boolean {
  return v === false || v === 'false';
}

/** A value as a list (undefined → [], scalar → [scalar]). */
export function asList<T = unknown>(v: T | readonly T[] | undefined): readonly T[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v as T];
}

/** A literal string, or undefined when the value is an intrinsic or not a string. */
export function literalString(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** A literal number (numbers and numeric strings), or undefined. */
export function literalNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && !isNaN(Number(v))) return Number(v);
  return undefined;
}

/** The tags of a resource as a map, for the `[{ Key, Value }]` and `{ key: value }` shapes. Intrinsic keys are skipped. */
export function tagsOf(resource: ResourceView, property = 'Tags'): ReadonlyMap<string, unknown> {
  const raw = resource.properties[property];
  const tags = new Map<string, unknown>();
  if (Array.isArray(raw)) {
    for (const t of raw) if (t && typeof t.Key === 'string') tags.set(t.Key, t.Value);
  } else if (raw && typeof raw === 'object' && !isIntrinsic(raw)) {
    for (const [k, v] of Object.entries(raw)) tags.set(k, v);
  }
  return tags;
}
