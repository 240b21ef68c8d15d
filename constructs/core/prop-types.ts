import { Duration, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ValidationError, describeValue } from './validation-error';

/**
 * The JavaScript shape a prop must have.
 *
 * - `string`, `number`, `boolean`: the primitive (`number` excludes NaN and infinities; encoded tokens pass)
 * - `duration`: a cdk `Duration` (anything with a `toMinutes` method)
 * - `string[]`, `number[]`: an array of those (an encoded token list passes)
 * - `object`: a non-null, non-array object (a props object, a class instance such as `ec2.Port`)
 * - `object[]`: an array of objects
 * - `construct`: a construct (anything with a `node`), e.g. an `IVpc` or an `ITopic`
 * - `any`: anything
 */
export type PropTypeName = 'string' | 'number' | 'boolean' | 'duration' | 'string[]' | 'number[]' | 'object' | 'object[]' | 'construct' | 'any';

/** A prop's shape in full: its type, whether it is required, the fields of an object (or of each item of an object list). */
export interface PropTypeSpec {
  /** The shape. */
  readonly type: PropTypeName;
  /**
   * Whether the prop must be given.
   * @default false
   */
  readonly required?: boolean;
  /**
   * For a required prop: the constraint reported when it is missing (`'copyTo' must name a vault in another account, got nothing`).
   * @default 'is required'
   */
  readonly missing?: string;
  /**
   * For `object` and `object[]`: the shapes of the fields (of each item).
   * @default - fields are not checked
   */
  readonly fields?: AnyPropSchema;
  /**
   * For `object`: the shape of every value (a dictionary such as `{ [ruleName]: { [param]: string } }`).
   * @default - values are not checked
   */
  readonly values?: PropType;
}

/**
 * A prop's shape: a name (`'string'`), a required name (`'string!'`) or a {@link PropTypeSpec}.
 * `null` is never a valid value, whether the prop is required or not.
 */
export type PropType = PropTypeName | `${PropTypeName}!` | PropTypeSpec;

/** Shapes by prop name, whatever the props interface: what the checks read. */
export interface AnyPropSchema {
  readonly [prop: string]: PropType;
}

/**
 * The shape names a value of TypeScript type `V` may be declared with: the one its type says, or `any`. A construct
 * (`IVpc`, `ITopic`) is `construct`; an enum of strings is `string`; a union of different shapes can only be `any`.
 */
export type PropTypeNameOf<V> = 'any' | (
  [V] extends [boolean] ? 'boolean'
  : [V] extends [number] ? 'number'
  : [V] extends [string] ? 'string'
  : [V] extends [Duration] ? 'duration'
  : [V] extends [readonly string[]] ? 'string[]'
  : [V] extends [readonly number[]] ? 'number[]'
  : [V] extends [readonly object[]] ? 'object[]'
  : [V] extends [IConstruct] ? 'construct'
  : [V] extends [object] ? 'object'
  : never);

/** The fields a spec of a value of type `V` describes: the item's of a list, else the value's own. */
type FieldsOf<V> = V extends readonly (infer I)[] ? I : V;

/** A {@link PropTypeSpec} for a value of type `V`: its `type` and, for an object, `fields` typed from it. */
interface PropTypeSpecOf<V> extends PropTypeSpec {
  readonly type: PropTypeNameOf<V>;
  readonly fields?: FieldsOf<V> extends object ? PropSchema<FieldsOf<V>> : never;
}

/** The shape of one prop of type `V`: required (`'string!'`, `required: true`) exactly when the interface requires it. */
export type PropTypeOf<V, Required extends boolean> = Required extends true
  ? `${PropTypeNameOf<NonNullable<V>>}!` | (PropTypeSpecOf<NonNullable<V>> & { readonly required: true })
  : PropTypeNameOf<NonNullable<V>> | (PropTypeSpecOf<NonNullable<V>> & { readonly required?: false });

/**
 * The shapes of the props of a construct, typed from its props interface `P`: one entry per prop, no more, each of
 * the shape the prop's type says and required exactly when the prop is. A missing, extra or mistyped entry fails to
 * compile:
 *
 * ```ts
 * const SCHEMA: PropSchema<CrossAccountBackupProps> = { rpo: 'duration!', rto: 'duration!', copyTo: { type: 'object', required: true, fields: { ... } }, ... };
 * ```
 */
export type PropSchema<P extends object> = {
  readonly [K in keyof P]-?: PropTypeOf<P[K], {} extends Pick<P, K> ? false : true>;
};

const WHAT: { readonly [type in PropTypeName]: string } = {
  'string': 'a string',
  'number': 'a number',
  'boolean': 'a boolean',
  'duration': 'a Duration',
  'string[]': 'a list of strings',
  'number[]': 'a list of numbers',
  'object': 'an object',
  'object[]': 'a list of objects',
  'construct': 'a construct',
  'any': 'a value',
};

function normalize(type: PropType): PropTypeSpec {
  if (typeof type !== 'string') return type;
  return type.endsWith('!') ? { type: type.slice(0, -1) as PropTypeName, required: true } : { type: type as PropTypeName };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isString(value: unknown): boolean {
  return typeof value === 'string';
}

function isNumber(value: unknown): boolean {
  return typeof value === 'number' && (Number.isFinite(value) || Token.isUnresolved(value));
}

/** Whether `value` has the scalar shape `type` (for the list types: whether it is an array). */
function hasShape(type: PropTypeName, value: unknown): boolean {
  switch (type) {
    case 'string':
      return isString(value);
    case 'number':
      return isNumber(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'duration':
      return isObject(value) && typeof value.toMinutes === 'function';
    case 'object':
      return isObject(value);
    case 'construct':
      return isObject(value) && isObject(value.node);
    case 'string[]':
    case 'number[]':
    case 'object[]':
      return Array.isArray(value);
    case 'any':
      return true;
  }
}

/** Renders a value for a shape problem; never `undefined` or `[object Object]`. */
function describe(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol' || typeof value === 'bigint') return String(value);
  if (isObject(value) && typeof value.toMinutes === 'function' && typeof value.toHumanString === 'function') {
    try {
      return `Duration '${(value.toHumanString as () => string)()}'`;
    } catch {
      return 'a Duration';
    }
  }
  if (isObject(value) && isObject(value.node) && typeof value.node.path === 'string') return `the construct '${value.node.path}'`;
  const text = describeValue(value);
  return text === undefined || text.includes('[object ') ? 'an object' : text;
}

function checkValue(path: string, value: unknown, type: PropType, problems: string[]): void {
  const spec = normalize(type);
  if (value === undefined) {
    if (spec.required) problems.push(`'${path}' ${spec.missing ?? 'is required'}, got nothing`);
    return;
  }
  if (!hasShape(spec.type, value)) {
    problems.push(`'${path}' must be ${WHAT[spec.type]}, got ${describe(value)}`);
    return;
  }
  if (spec.type === 'string[]' || spec.type === 'number[]' || spec.type === 'object[]') {
    const item = spec.type.slice(0, -2) as PropTypeName;
    (value as unknown[]).forEach((v, i) => {
      if (v === undefined || !hasShape(item, v)) problems.push(`'${path}[${i}]' must be ${WHAT[item]}, got ${describe(v)}`);
      else if (item === 'object' && spec.fields) checkFields(`${path}[${i}]`, v as Record<string, unknown>, spec.fields, problems);
    });
    return;
  }
  if (spec.type === 'object') {
    const obj = value as Record<string, unknown>;
    if (spec.fields) checkFields(path, obj, spec.fields, problems);
    if (spec.values) for (const [k, v] of Object.entries(obj)) checkValue(`${path}.${k}`, v, { ...normalize(spec.values), required: true }, problems);
  }
}

function checkFields(path: string, obj: Record<string, unknown>, schema: AnyPropSchema, problems: string[]): void {
  for (const [field, type] of Object.entries(schema)) checkValue(path ? `${path}.${field}` : field, obj[field], type, problems);
}

/**
 * The problems of `props` against `schema`, one sentence each (`'rpo' must be a Duration, got 'PT4H'`);
 * empty when every prop has its shape. Props outside the schema are not checked.
 */
export function propTypeProblems(props: unknown, schema: AnyPropSchema): string[] {
  if (!isObject(props)) return [`'props' must be an object, got ${describe(props)}`];
  const problems: string[] = [];
  checkFields('', props, schema, problems);
  return problems;
}

/**
 * Checks the JavaScript shape of a construct's props, as the first statement of its constructor: a JavaScript or
 * config-driven caller gets a {@link ValidationError} listing every wrong prop instead of a `TypeError` further on.
 *
 * ```ts
 * checkPropTypes('CrossAccountBackup', props, { rpo: 'duration!', copyTo: { type: 'object', required: true, fields: { vaultArn: 'string!' } } });
 * // CrossAccountBackup: 'rpo' must be a Duration, got 'PT4H'
 * ```
 *
 * Encoded tokens (`Token.asString`, `Token.asNumber`, `Token.asList`) have the shape of their type and pass.
 */
export function checkPropTypes<P extends object>(construct: string, props: P, schema: PropSchema<P>): void {
  const problems = propTypeProblems(props, schema);
  if (problems.length > 0) throw new ValidationError(construct, problems);
}
