import { App, Duration, Lazy, Stack, Token } from 'aws-cdk-lib';
import * as sns from 'aws-cdk-lib/aws-sns';
import { checkPropTypes, PropSchema, propTypeProblems, ValidationError } from '../../../constructs/core';

/** A props interface, as a construct's props.ts declares it. */
interface SampleProps {
  readonly rpo: Duration;
  readonly sourceAccountIds?: string[];
  readonly ports?: number[];
  readonly name?: string;
  readonly size?: number;
  readonly enabled?: boolean;
  readonly topic?: sns.ITopic;
  readonly copyTo: { readonly vaultArn: string; readonly retention?: Duration };
  readonly rules?: { readonly identifier: string; readonly reason?: string }[];
  readonly overrides?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly anything?: unknown;
}

const SCHEMA: PropSchema<SampleProps> = {
  rpo: 'duration!',
  sourceAccountIds: 'string[]',
  ports: 'number[]',
  name: 'string',
  size: 'number',
  enabled: 'boolean',
  topic: 'construct',
  copyTo: { type: 'object', required: true, fields: { vaultArn: 'string!', retention: 'duration' } },
  rules: { type: 'object[]', fields: { identifier: 'string!', reason: 'string' } },
  overrides: { type: 'object', values: { type: 'object', values: 'string' } },
  anything: 'any',
};

const GOOD = { rpo: Duration.hours(24), copyTo: { vaultArn: 'arn' } };

function messageOf(props: unknown): string {
  try {
    checkPropTypes('CrossAccountBackup', props as SampleProps, SCHEMA);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as Error).message;
  }
  return '';
}

describe('checkPropTypes', () => {
  test('accepts props of the right shapes, optional props left out', () => {
    const stack = new Stack(new App());
    expect(propTypeProblems(GOOD, SCHEMA)).toEqual([]);
    expect(
      propTypeProblems(
        {
          ...GOOD,
          sourceAccountIds: ['222222222222'],
          ports: [443],
          name: 'n',
          size: 0,
          enabled: false,
          topic: new sns.Topic(stack, 'T'),
          rules: [{ identifier: 'X', reason: 'r' }],
          overrides: { RULE: { p: 'v' } },
          anything: null,
        },
        SCHEMA,
      ),
    ).toEqual([]);
  });

  test('tokens pass the string, number and list checks', () => {
    expect(
      propTypeProblems(
        { ...GOOD, name: Token.asString({ Ref: 'P' }), size: Token.asNumber({ Ref: 'N' }), sourceAccountIds: Token.asList({ Ref: 'L' }), ports: [Lazy.number({ produce: () => 1 })] },
        SCHEMA,
      ),
    ).toEqual([]);
    expect(propTypeProblems({ ...GOOD, rpo: Duration.hours(Token.asNumber({ Ref: 'H' })) }, SCHEMA)).toEqual([]);
  });

  test('lists every wrong prop in one ValidationError naming the construct, the prop, the constraint and the value', () => {
    expect(messageOf({ rpo: 'PT4H', sourceAccountIds: 42, copyTo: { vaultArn: 7 } }).split('\n')).toEqual([
      "CrossAccountBackup: 'rpo' must be a Duration, got 'PT4H'",
      "CrossAccountBackup: 'sourceAccountIds' must be a list of strings, got 42",
      "CrossAccountBackup: 'copyTo.vaultArn' must be a string, got 7",
    ]);
  });

  test('missing required props and nested fields', () => {
    expect(messageOf({}).split('\n')).toEqual(["CrossAccountBackup: 'rpo' is required, got nothing", "CrossAccountBackup: 'copyTo' is required, got nothing"]);
    expect(propTypeProblems({}, { copyTo: { type: 'object', required: true, missing: 'must name a vault in another account' } })).toEqual([
      "'copyTo' must name a vault in another account, got nothing",
    ]);
    expect(messageOf({ rpo: Duration.hours(1), copyTo: {} })).toBe("CrossAccountBackup: 'copyTo.vaultArn' is required, got nothing");
  });

  test('null is a wrong value, required or not', () => {
    expect(messageOf({ ...GOOD, name: null })).toBe("CrossAccountBackup: 'name' must be a string, got null");
    expect(messageOf({ ...GOOD, copyTo: null })).toBe("CrossAccountBackup: 'copyTo' must be an object, got null");
  });

  test('list items, object list fields and dictionary values are checked', () => {
    expect(messageOf({ ...GOOD, sourceAccountIds: ['222222222222', 3], ports: ['443'] }).split('\n')).toEqual([
      "CrossAccountBackup: 'sourceAccountIds[1]' must be a string, got 3",
      "CrossAccountBackup: 'ports[0]' must be a number, got '443'",
    ]);
    expect(messageOf({ ...GOOD, rules: [{ identifier: 1 }, 'X'] }).split('\n')).toEqual([
      "CrossAccountBackup: 'rules[0].identifier' must be a string, got 1",
      "CrossAccountBackup: 'rules[1]' must be an object, got 'X'",
    ]);
    expect(messageOf({ ...GOOD, overrides: { RULE: { p: 1 }, OTHER: 'x' } }).split('\n')).toEqual([
      "CrossAccountBackup: 'overrides.RULE.p' must be a string, got 1",
      "CrossAccountBackup: 'overrides.OTHER' must be an object, got 'x'",
    ]);
  });

  test('numbers exclude NaN and infinities; objects exclude arrays; constructs need a node', () => {
    expect(messageOf({ ...GOOD, size: NaN })).toBe("CrossAccountBackup: 'size' must be a number, got NaN");
    expect(messageOf({ ...GOOD, size: Infinity })).toBe("CrossAccountBackup: 'size' must be a number, got Infinity");
    expect(messageOf({ ...GOOD, copyTo: [] })).toBe("CrossAccountBackup: 'copyTo' must be an object, got []");
    expect(messageOf({ ...GOOD, topic: { nested: 'object' } })).toBe('CrossAccountBackup: \'topic\' must be a construct, got {"nested":"object"}');
    expect(messageOf({ ...GOOD, enabled: 'true' })).toBe("CrossAccountBackup: 'enabled' must be a boolean, got 'true'");
  });

  test('values render without undefined or [object Object]', () => {
    const stack = new Stack(new App());
    expect(messageOf({ ...GOOD, name: Duration.days(3) })).toBe("CrossAccountBackup: 'name' must be a string, got Duration '3 days'");
    expect(messageOf({ ...GOOD, name: new sns.Topic(stack, 'T') })).toBe("CrossAccountBackup: 'name' must be a string, got the construct 'Default/T'");
    expect(messageOf({ ...GOOD, name: () => 1 })).toBe("CrossAccountBackup: 'name' must be a string, got a function");
    expect(messageOf({ ...GOOD, sourceAccountIds: [undefined] })).toBe("CrossAccountBackup: 'sourceAccountIds[0]' must be a string, got nothing");
  });

  test('props missing or not an object', () => {
    expect(messageOf(undefined)).toBe("CrossAccountBackup: 'props' must be an object, got nothing");
    expect(messageOf(null)).toBe("CrossAccountBackup: 'props' must be an object, got null");
    expect(messageOf('x')).toBe("CrossAccountBackup: 'props' must be an object, got 'x'");
    expect(messageOf([])).toBe("CrossAccountBackup: 'props' must be an object, got []");
  });

  test("the compact 'type!' form and the full spec are the same", () => {
    expect(propTypeProblems({}, { a: 'string!' })).toEqual(propTypeProblems({}, { a: { type: 'string', required: true } }));
  });
});

describe('PropSchema<Props>: typed from the props interface, checked by the compiler (tsc --noEmit, part of npm test)', () => {
  interface Props {
    readonly name: string;
    readonly size?: number;
    readonly topic?: sns.ITopic;
    readonly lock?: { readonly days: number; readonly mode?: 'GOVERNANCE' | 'COMPLIANCE' };
  }
  const complete: PropSchema<Props> = { name: 'string!', size: 'number', topic: 'construct', lock: { type: 'object', fields: { days: 'number!', mode: 'string' } } };

  test('a schema with exactly the props, of their shapes, compiles', () => {
    expect(Object.keys(complete)).toEqual(['name', 'size', 'topic', 'lock']);
  });

  test('a missing, extra, mistyped or wrongly required entry does not compile', () => {
    // @ts-expect-error 'topic' is missing
    const missing: PropSchema<Props> = { name: 'string!', size: 'number', lock: 'object' };
    // @ts-expect-error 'colour' is not a prop
    const extra: PropSchema<Props> = { name: 'string!', size: 'number', topic: 'construct', lock: 'object', colour: 'string' };
    // @ts-expect-error 'size' is a number, not a string
    const mistyped: PropSchema<Props> = { name: 'string!', size: 'string', topic: 'construct', lock: 'object' };
    // @ts-expect-error 'name' is required: 'string!'
    const optional: PropSchema<Props> = { name: 'string', size: 'number', topic: 'construct', lock: 'object' };
    // @ts-expect-error 'size' is optional: not 'number!'
    const required: PropSchema<Props> = { name: 'string!', size: 'number!', topic: 'construct', lock: 'object' };
    // @ts-expect-error 'lock.mode' is missing from the fields
    const nestedMissing: PropSchema<Props> = { name: 'string!', size: 'number', topic: 'construct', lock: { type: 'object', fields: { days: 'number!' } } };
    // THEN: each is still a schema the runtime check reads
    for (const s of [missing, extra, mistyped, optional, required, nestedMissing]) expect(typeof s).toBe('object');
  });
});
