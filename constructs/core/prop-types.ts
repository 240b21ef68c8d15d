import { Token } from 'aws-cdk-lib';
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
  readonly fields?: PropSchema;
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

/** The shapes of the props of a construct, by prop name. */
export interface PropSchema {
  readonly [prop: string]: PropType;
}

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

function checkFields(path: string, obj: Record<string, unknown>, schema: PropSchema, problems: string[]): void {
  for (const [field, type] of Object.entries(schema)) checkValue(path ? `${path}.${field}` : field, obj[field], type, problems);
}

/**
 * The problems of `props` against `schema`, one sentence each (`'rpo' must be a Duration, got 'PT4H'`);
 * empty when every prop has its shape. Props outside the schema are not checked.
 */
export function propTypeProblems(props: unknown, schema: PropSchema): string[] {
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
export function checkPropTypes(construct: string, props: unknown, schema: PropSchema): void {
  const problems = propTypeProblems(props, schema);
  if (problems.length > 0) throw new ValidationError(construct, problems);
}
