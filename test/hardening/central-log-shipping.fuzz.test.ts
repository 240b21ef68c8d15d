// CentralLogShipping under arbitrary props: a template or a clear ValidationError (see fuzz-harness.ts).
// Its stack always holds a log group defined before it and one defined after it (shipped by the aspect when
// 'logGroups' is left out); 'logGroups' is generated as a list of kinds and turned into log groups of the stack.
import { App, Stack, Token } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import * as fc from 'fast-check';
import { CentralLogShipping, CentralLogShippingProps } from '../../constructs';
import { createEncryptedLogGroup, ValidationError } from '../../constructs/core';
import { describeFuzz, FieldSpec, FUZZ_ENV, oddString, unresolvedString } from './fuzz-harness';

const PROPS = ['destinationArn', 'logGroups', 'filterPattern'];
const CENTRAL = '222222222222';
const DESTINATION = `arn:aws:logs:eu-west-1:${CENTRAL}:destination:central-logs`;

const SPEC: { [prop: string]: FieldSpec } = {
  destinationArn: {
    valid: fc.constantFrom(DESTINATION, 'arn:aws:logs:eu-west-1:333333333333:destination:workload logs'),
    invalid: fc.oneof(
      fc.constantFrom(
        `arn:aws:logs:eu-west-1:${FUZZ_ENV.account}:destination:central-logs`,
        `arn:aws:logs:us-east-1:${CENTRAL}:destination:central-logs`,
        `arn:aws:logs:eu-west-1:${CENTRAL}:log-group:central`,
        `arn:aws:logs:eu-west-1:2222:destination:central-logs`,
        `arn:aws:logs:eu-west-1:${CENTRAL}:destination:central:logs`,
        `arn:aws:logs:eu-west-1:${CENTRAL}:destination:*`,
        `arn:aws:logs:eu-west-1:${CENTRAL}:destination:`,
        `arn:aws:firehose:eu-west-1:${CENTRAL}:deliverystream/central-logs`,
        `${DESTINATION}\n`,
        'central-logs',
      ),
      oddString,
    ),
    unresolved: unresolvedString,
    required: true,
  },
  logGroups: {
    valid: fc.array(fc.constantFrom('app', 'imported', 'encrypted'), { minLength: 1, maxLength: 3 }),
    invalid: fc.constantFrom([], ['plain-object'], ['not-a-log-group'], ['app', 'plain-object']),
  },
  filterPattern: {
    valid: fc.constantFrom('', '?ERROR ?WARN', '{ $.level = "error" }', 'x'.repeat(1024)),
    invalid: fc.constantFrom('x'.repeat(1025), 'y'.repeat(5000)),
    unresolved: unresolvedString,
  },
};

/** Turns a generated list of kinds into log groups of the stack ('app' twice is the same group twice); anything else passes as is. */
function logGroupsFor(stack: Stack, app: logs.ILogGroup, kinds: unknown): unknown {
  if (!Array.isArray(kinds) || !kinds.every((k) => typeof k === 'string')) return kinds;
  return kinds.map((kind: string, i) => {
    switch (kind) {
      case 'app': return app;
      case 'imported': return logs.LogGroup.fromLogGroupName(stack, `Imported${i}`, `imported-logs-${i}`);
      case 'encrypted': return createEncryptedLogGroup(stack, `Encrypted${i}`, { retention: logs.RetentionDays.ONE_YEAR, dataClassification: 'internal', keyDescription: 'Encrypts fuzz logs' }).logGroup;
      case 'plain-object': return { logGroupName: 'plain-object-logs' };
      case 'not-a-log-group': return new Construct(stack, `NotALogGroup${i}`);
      default: return kind;
    }
  });
}

function build(stack: Stack, props: Record<string, unknown>): void {
  const app = new logs.LogGroup(stack, 'AppLogs', { retention: logs.RetentionDays.ONE_YEAR });
  const logGroups = props.logGroups === undefined ? {} : { logGroups: logGroupsFor(stack, app, props.logGroups) };
  new CentralLogShipping(stack, 'ShipLogs', { ...props, ...logGroups } as unknown as CentralLogShippingProps);
  new logs.LogGroup(stack, 'LaterLogs', { retention: logs.RetentionDays.ONE_YEAR });
}

describeFuzz(
  { construct: 'CentralLogShipping', props: PROPS },
  SPEC,
  {
    typed: 40,
    wrongTypes: 25,
  },
  build,
);

// Found by this suite and fixed in constructs/central-log-shipping/validation.ts: a plain object with a
// 'logGroupName' passed validation and then failed with "Cannot read properties of undefined (reading
// 'defaultChild')"; a destination in another region than the stack synthesized, and CloudWatch Logs would refuse
// the subscription filter at deploy (a log group subscribes only to a destination of its own Region).
describe('CentralLogShipping: regressions found by fuzzing', () => {
  test.each<[string, Record<string, unknown>, RegExp]>([
    ['a plain object as a log group', { logGroups: [{ logGroupName: 'plain-object-logs' }] }, /^CentralLogShipping: 'logGroups\[0\]' must be a CloudWatch Logs log group \(logs\.ILogGroup\), got \{"logGroupName":"plain-object-logs"\}$/],
    ['a destination in another region', { destinationArn: `arn:aws:logs:us-east-1:${CENTRAL}:destination:central-logs` }, /^CentralLogShipping: 'destinationArn' must be a destination in the stack's region eu-west-1: .*, got 'arn:aws:logs:us-east-1:222222222222:destination:central-logs'$/],
  ])('%s is a ValidationError', (_, override, message) => {
    // GIVEN / WHEN / THEN
    const create = () => new CentralLogShipping(new Stack(new App(), 'Fuzz', { env: FUZZ_ENV }), 'ShipLogs', { destinationArn: DESTINATION, ...override } as CentralLogShippingProps);
    expect(create).toThrow(ValidationError);
    expect(create).toThrow(message);
  });

  test('a stack of unknown region takes a destination in any region', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Fuzz', { env: { account: FUZZ_ENV.account } });
    // WHEN / THEN
    expect(Token.isUnresolved(stack.region)).toBe(true);
    expect(() => new CentralLogShipping(stack, 'ShipLogs', { destinationArn: `arn:aws:logs:us-east-1:${CENTRAL}:destination:central-logs` })).not.toThrow();
  });
});
