/**
 * Just enough CloudFormation intrinsic handling to read a synthesized template for a diagram:
 * references between resources, literal strings built with `Fn::Join`/`Fn::Sub` from pseudo
 * parameters, and `Fn::Select` of `Fn::GetAZs`. Anything else is "unresolved" (undefined).
 */

/** Values of pseudo parameters known for a stack (from its environment). */
export interface PseudoParameters {
  readonly account?: string;
  readonly region?: string;
  /** @default 'aws' */
  readonly partition?: string;
}

/** The logical id a value refers to: `{ Ref: X }`, `{ 'Fn::GetAtt': [X, attr] }` or `{ 'Fn::GetAtt': 'X.attr' }`. */
export function refTarget(value: unknown): string | undefined {
  if (!isObject(value)) return undefined;
  const ref = value.Ref;
  if (typeof ref === 'string' && !ref.startsWith('AWS::')) return ref;
  const att = value['Fn::GetAtt'];
  if (Array.isArray(att) && typeof att[0] === 'string') return att[0];
  if (typeof att === 'string') return att.split('.')[0];
  return undefined;
}

/** A string value with pseudo parameters substituted; undefined when it depends on anything else. */
export function resolveString(value: unknown, pseudo: PseudoParameters): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (!isObject(value)) return undefined;
  if (typeof value.Ref === 'string') return pseudoValue(value.Ref, pseudo);
  const join = value['Fn::Join'];
  if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
    const parts = join[1].map((p: unknown) => resolveString(p, pseudo));
    return parts.every((p): p is string => p !== undefined) ? parts.join(join[0]) : undefined;
  }
  const sub = value['Fn::Sub'];
  if (typeof sub === 'string') {
    let ok = true;
    const out = sub.replace(/\$\{([^}!]+)\}/g, (_m, name: string) => {
      const v = pseudoValue(name, pseudo);
      if (v === undefined) ok = false;
      return v ?? '';
    });
    return ok ? out : undefined;
  }
  return undefined;
}

function pseudoValue(name: string, pseudo: PseudoParameters): string | undefined {
  switch (name) {
    case 'AWS::Partition': return pseudo.partition ?? 'aws';
    case 'AWS::AccountId': return pseudo.account;
    case 'AWS::Region': return pseudo.region;
    case 'AWS::URLSuffix': return 'amazonaws.com';
    default: return undefined;
  }
}

/**
 * The Availability Zone of a subnet: the literal name (`eu-west-1a`), or the 1-based index of
 * `{ 'Fn::Select': [i, { 'Fn::GetAZs': '' }] }` (env-agnostic stacks). Undefined otherwise.
 */
export function availabilityZone(value: unknown): { readonly name?: string; readonly index?: number } | undefined {
  if (typeof value === 'string') return { name: value };
  if (!isObject(value)) return undefined;
  const sel = value['Fn::Select'];
  if (Array.isArray(sel) && isObject(sel[1]) && 'Fn::GetAZs' in sel[1]) {
    const i = Number(sel[0]);
    if (Number.isInteger(i) && i >= 0) return { index: i + 1 };
  }
  return undefined;
}

/** The value as an array (a single value becomes a one-element array; non-arrays otherwise empty). */
export function asList(value: unknown): readonly unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}

/** A tag value from a CloudFormation `Tags` list (`[{ Key, Value }]`). */
export function tagValue(tags: unknown, key: string): string | undefined {
  if (!Array.isArray(tags)) return undefined;
  const tag = tags.find((t) => isObject(t) && t.Key === key);
  return tag && typeof tag.Value === 'string' ? tag.Value : undefined;
}

/** Parsed `arn:partition:service:region:account:resource`. */
export interface ParsedArn {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

/** Parses an ARN string; undefined for anything that is not one. */
export function parseArn(arn: string): ParsedArn | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  return { partition: parts[1], service: parts[2], region: parts[3], account: parts[4], resource: parts.slice(5).join(':') };
}

export function isObject(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
