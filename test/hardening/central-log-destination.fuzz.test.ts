// CentralLogDestination under arbitrary props: a template or a clear ValidationError (see fuzz-harness.ts).
import { App, Duration, Stack, Token } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as fc from 'fast-check';
import { CentralLogDestination, CentralLogDestinationProps } from '../../constructs';
import { ValidationError } from '../../constructs/core';
import { BAD_BUCKET_NAMES } from './arbitraries';
import {
  badAccountId, badOrganizationId, describeFuzz, FieldSpec, FUZZ_ENV, unresolvedList, unresolvedString, validAccountId, validOrganizationId,
} from './fuzz-harness';

const PROPS = ['organizationId', 'sourceAccountIds', 'destinationName', 'bucketName', 'transitionToGlacierAfter', 'expireAfter', 'bufferingInterval'];

/** A `Duration` whose amount is an unresolved token, in the given unit (created per generated value). */
const tokenDuration = (unit: 'seconds' | 'minutes' | 'hours' | 'days') => fc.constant(null).map(() => Duration[unit](Token.asNumber({ Ref: 'FuzzAmount' })));

// Who may ship: the organization, the listed accounts, or both. Either may be left out, so cases without both
// (rejected) and with the accounts only (no PrincipalOrgID condition) come up as well.
const SPEC: { [prop: string]: FieldSpec } = {
  organizationId: { valid: validOrganizationId, invalid: badOrganizationId, unresolved: unresolvedString },
  sourceAccountIds: {
    valid: fc.uniqueArray(validAccountId, { maxLength: 2 }),
    invalid: fc.oneof(
      fc.constantFrom([FUZZ_ENV.account], ['222222222222', FUZZ_ENV.account], ['333333333333', '333333333333']),
      fc.array(badAccountId, { minLength: 1, maxLength: 2 }),
    ),
    unresolved: fc.oneof(unresolvedList, unresolvedString.map((a) => [a])),
  },
  destinationName: {
    valid: fc.constantFrom('central-logs', 'workload logs', 'a', 'd'.repeat(512)),
    invalid: fc.constantFrom('', 'logs:central', 'central*', 'd'.repeat(513), 'arn:aws:logs:eu-west-1:222222222222:destination:central-logs'),
    unresolved: unresolvedString,
  },
  bucketName: { valid: fc.constantFrom('central-logs-123', 'org.central.logs'), invalid: BAD_BUCKET_NAMES, unresolved: unresolvedString },
  transitionToGlacierAfter: {
    valid: fc.integer({ min: 1, max: 365 }).map((d) => Duration.days(d)),
    invalid: fc.constantFrom(Duration.days(0), Duration.hours(12), Duration.hours(36), Duration.minutes(90)),
    unresolved: fc.oneof(tokenDuration('days'), tokenDuration('hours')),
  },
  expireAfter: {
    valid: fc.integer({ min: 366, max: 4000 }).map((d) => Duration.days(d)),
    invalid: fc.oneof(fc.integer({ min: 0, max: 90 }).map((d) => Duration.days(d)), fc.constantFrom(Duration.hours(36501), Duration.hours(100000), Duration.seconds(1))),
    unresolved: fc.oneof(tokenDuration('days'), tokenDuration('seconds')),
  },
  bufferingInterval: {
    valid: fc.oneof(fc.integer({ min: 0, max: 900 }).map((s) => Duration.seconds(s)), fc.constantFrom(Duration.minutes(1), Duration.minutes(15))),
    invalid: fc.constantFrom(Duration.seconds(901), Duration.minutes(20), Duration.millis(1500), Duration.hours(1), Duration.days(1)),
    // A token in seconds is written as it is (accepted); in any other unit it cannot be converted (rejected).
    unresolved: fc.oneof(tokenDuration('seconds'), tokenDuration('minutes')),
  },
};

const REQUIRED = { organizationId: 'o-a1b2c3d4e5' };

describeFuzz(
  { construct: 'CentralLogDestination', props: PROPS },
  SPEC,
  {
    typed: 40,
    wrongTypes: 25,
  },
  (stack, props) => {
    new CentralLogDestination(stack, 'CentralLogs', props as unknown as CentralLogDestinationProps);
  },
);

// Found by this suite and fixed in constructs/central-log-destination/validation.ts: each failed, in validation or at
// synth, with an error of aws-cdk-lib ("Duration must be specified as 'Duration.seconds()' here since its value comes
// from a token", "Cannot concatenate strings in a tokenized string array") that names neither the construct nor the prop.
describe('CentralLogDestination: regressions found by fuzzing', () => {
  const build = (props: CentralLogDestinationProps) => () => new CentralLogDestination(new Stack(new App(), 'Fuzz', { env: FUZZ_ENV }), 'CentralLogs', props);

  test.each<[string, CentralLogDestinationProps, RegExp]>([
    ['bufferingInterval as a token in minutes', { ...REQUIRED, bufferingInterval: Duration.minutes(Token.asNumber({ Ref: 'Buffer' })) }, /^CentralLogDestination: 'bufferingInterval' must be given in seconds \(Duration\.seconds\) when it is a token.*, got an unresolved token$/m],
    ['transitionToGlacierAfter as a token', { ...REQUIRED, transitionToGlacierAfter: Duration.days(Token.asNumber({ Ref: 'Days' })) }, /^CentralLogDestination: 'transitionToGlacierAfter' must be known at synth .*, got an unresolved token$/m],
    ['expireAfter as a token', { ...REQUIRED, expireAfter: Duration.days(Token.asNumber({ Ref: 'Days' })) }, /^CentralLogDestination: 'expireAfter' must be known at synth .*, got an unresolved token$/m],
    ['expireAfter as a token in seconds (failed at synth)', { ...REQUIRED, expireAfter: Duration.seconds(Token.asNumber({ Ref: 'Seconds' })) }, /^CentralLogDestination: 'expireAfter' must be known at synth .*, got an unresolved token$/m],
    ['sourceAccountIds as a token list without organizationId', { sourceAccountIds: Token.asList({ Ref: 'Accounts' }) }, /^CentralLogDestination: 'sourceAccountIds' must be known at synth when 'organizationId' is not given .*, got an unresolved token list$/m],
  ])('%s is a ValidationError', (_, props, message) => {
    // GIVEN / WHEN / THEN
    expect(build(props)).toThrow(ValidationError);
    expect(build(props)).toThrow(message);
  });

  test('tokens the construct can write as they are still synthesize: bufferingInterval in seconds, a token account list with an organization', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Fuzz', { env: FUZZ_ENV });
    // WHEN
    new CentralLogDestination(stack, 'CentralLogs', { ...REQUIRED, sourceAccountIds: Token.asList({ Ref: 'Accounts' }), bufferingInterval: Duration.seconds(Token.asNumber({ Ref: 'Buffer' })) });
    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::KinesisFirehose::DeliveryStream', {
      ExtendedS3DestinationConfiguration: { BufferingHints: { IntervalInSeconds: { Ref: 'Buffer' }, SizeInMBs: 5 } },
    });
  });
});
