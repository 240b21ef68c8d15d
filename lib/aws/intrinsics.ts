/**
 * Reading raw template JSON, where any value may be an intrinsic function. These helpers look at one value
 * and never follow a reference: to follow references (across stacks, into nested stacks, through `Fn::If`
 * branches), use the resolver ({@link AssemblyResolver}).
 */

/** Whether `v` is a plain JSON object (not an array, not null). */
export function isObject(v: unknown): v is { readonly [key: string]: any } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The raw value at a `/`-separated property path of a JSON value (`LaunchTemplateData/NetworkInterfaces`, `0/SubnetId`),
 * undefined where the path leaves the JSON; nothing is resolved.
 */
export function valueAtPath(root: unknown, path: string): any {
  return path.split('/').reduce<any>((v, k) => (v && typeof v === 'object' ? v[k] : undefined), root);
}

/** Whether `v` is an intrinsic function or reference (`{ Ref }`, `{ 'Fn::...' }`, `{ Condition }`). */
export function isIntrinsic(v: unknown): v is { readonly [fn: string]: any } {
  return intrinsicName(v) !== undefined;
}

/** The name of the intrinsic function of `v` (`Ref`, `Fn::Join`...), or undefined when `v` is not one. */
export function intrinsicName(v: unknown): string | undefined {
  if (!isObject(v)) return undefined;
  // The rules ask this of every value they read: one pass over the keys, no array of them.
  let name: string | undefined;
  for (const key in v) {
    if (name !== undefined) return undefined;
    name = key;
  }
  return name !== undefined && (name === 'Ref' || name.startsWith('Fn::') || name === 'Condition') ? name : undefined;
}

/** Whether a `Ref` names a pseudo parameter (`AWS::Region`, `AWS::NoValue`...). */
export function isPseudoParameter(name: string): boolean {
  return name.startsWith('AWS::');
}

/**
 * The logical id a `{ Ref }` or `{ Fn::GetAtt }` points at in the same template, or undefined (pseudo
 * parameters, other intrinsics, literals). `Fn::GetAtt` may be `[id, attribute]` or `'id.attribute'`.
 */
export function referencedLogicalId(v: unknown): string | undefined {
  if (!isIntrinsic(v)) return undefined;
  if (typeof v.Ref === 'string' && !isPseudoParameter(v.Ref)) return v.Ref;
  const getAtt = v['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return getAtt[0];
  if (typeof getAtt === 'string') return getAtt.split('.')[0];
  return undefined;
}

/** Whether a value is `true` or `'true'` (CloudFormation accepts both). */
export function isTrue(v: unknown): boolean {
  return v === true || v === 'true';
}

/** Whether a value is `false` or `'false'`. */
export function isFalse(v: unknown): boolean {
  return v === false || v === 'false';
}

/** A value as a list (undefined or null → [], scalar → [scalar]). */
export function asList<T = unknown>(v: T | readonly T[] | undefined | null): readonly T[] {
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

/**
 * The tags of a resource as a map, for the `[{ Key, Value }]` and `{ key: value }` shapes (`property` names
 * the tags property: `Tags`, or `FileSystemTags` on EFS). Entries with an intrinsic key are skipped.
 */
export function tagsOf(resource: { readonly properties: { readonly [key: string]: any } }, property = 'Tags'): ReadonlyMap<string, unknown> {
  const raw = resource.properties[property];
  const tags = new Map<string, unknown>();
  if (Array.isArray(raw)) {
    for (const t of raw) if (t && typeof t.Key === 'string') tags.set(t.Key, t.Value);
  } else if (isObject(raw) && !isIntrinsic(raw)) {
    for (const [k, v] of Object.entries(raw)) tags.set(k, v);
  }
  return tags;
}

/** A literal tag value from a `[{ Key, Value }]` list; undefined when absent or not a literal string. */
export function tagValue(tags: unknown, key: string): string | undefined {
  if (!Array.isArray(tags)) return undefined;
  const tag = tags.find((t) => isObject(t) && t.Key === key);
  return tag && typeof tag.Value === 'string' ? tag.Value : undefined;
}

/**
 * The Availability Zone an `AvailabilityZone` value designates: a literal name (`eu-west-1a`), or the
 * 0-based `index` of `{ 'Fn::Select': [i, { 'Fn::GetAZs': ... }] }`, what the CDK writes for
 * environment-agnostic stacks (distinct indexes are distinct zones of the region). Undefined otherwise.
 */
export function availabilityZone(value: unknown): { readonly name?: string; readonly index?: number } | undefined {
  if (typeof value === 'string') return { name: value };
  if (!isIntrinsic(value)) return undefined;
  const select = value['Fn::Select'];
  if (Array.isArray(select) && isIntrinsic(select[1]) && 'Fn::GetAZs' in select[1]) {
    const i = literalNumber(select[0]);
    if (i !== undefined && Number.isInteger(i) && i >= 0) return { index: i };
  }
  return undefined;
}
