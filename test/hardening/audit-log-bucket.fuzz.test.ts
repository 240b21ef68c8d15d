// AuditLogBucket under arbitrary props: a template or a clear ValidationError (see fuzz-harness.ts).
import { App, Duration, Stack, Token } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import { AuditLogBucket, AuditLogBucketProps, AuditLogLockMode } from '../../constructs';
import { ValidationError } from '../../constructs/core';
import {
  badAccountId, badOrganizationId, badRegion, describeFuzz, FieldSpec, FUZZ_ENV, oddString, unresolvedString, validAccountId,
  validOrganizationId, validRegion,
} from './fuzz-harness';
import { BAD_BUCKET_NAMES, BAD_TRAIL_NAMES } from './arbitraries';

const PROPS = ['organizationId', 'managementAccountId', 'trailName', 'trailRegion', 'bucketName', 'retention', 'lockMode', 'transitionToGlacierAfter', 'expireAfter'];

const SPEC: { [prop: string]: FieldSpec } = {
  organizationId: { valid: validOrganizationId, invalid: badOrganizationId, unresolved: unresolvedString, required: true },
  managementAccountId: { valid: validAccountId, invalid: fc.oneof(badAccountId, fc.constant(FUZZ_ENV.account)), unresolved: unresolvedString, required: true },
  trailName: { valid: fc.constantFrom('organization-trail', 'org.trail_1'), invalid: BAD_TRAIL_NAMES, unresolved: unresolvedString },
  trailRegion: { valid: validRegion, invalid: badRegion, unresolved: unresolvedString },
  bucketName: { valid: fc.constantFrom('audit-logs-123', 'a.b.c', 'org-audit'), invalid: BAD_BUCKET_NAMES, unresolved: unresolvedString },
  retention: { valid: fc.integer({ min: 1, max: 3650 }).map((d) => Duration.days(d)), invalid: fc.constantFrom(0, 36501, 40000).map((d) => Duration.days(d)), unresolved: fc.constant(null).map(() => Duration.days(Token.asNumber({ Ref: 'RetentionDays' }))) },
  lockMode: { valid: fc.constantFrom(AuditLogLockMode.GOVERNANCE, AuditLogLockMode.COMPLIANCE), invalid: fc.oneof(fc.constantFrom('governance', 'NONE'), oddString) },
  transitionToGlacierAfter: { valid: fc.integer({ min: 1, max: 365 }).map((d) => Duration.days(d)), invalid: fc.constantFrom(Duration.days(0), Duration.hours(12), Duration.hours(36)) },
  expireAfter: { valid: fc.integer({ min: 3651, max: 4000 }).map((d) => Duration.days(d)), invalid: fc.oneof(fc.integer({ min: 0, max: 364 }).map((d) => Duration.days(d)), fc.constantFrom(Duration.hours(36501), Duration.hours(100000))) },
};

const REQUIRED = { organizationId: 'o-a1b2c3d4e5', managementAccountId: '222222222222' };

describeFuzz(
  { construct: 'AuditLogBucket', props: PROPS },
  SPEC,
  {
    typed: 40,
    wrongTypes: 25,
  },
  (stack, props) => {
    new AuditLogBucket(stack, 'AuditLogs', props as unknown as AuditLogBucketProps);
  },
);

// Found by this suite and fixed in constructs/audit-log-bucket/validation.ts: each passed validation and then failed
// in aws-s3 (at construction or synth) with an error that names neither the construct nor the prop.
describe('AuditLogBucket: regressions found by fuzzing', () => {
  test.each([
    ['expireAfter of 36501 hours (not whole days)', { expireAfter: Duration.hours(36501) }, /^AuditLogBucket: 'expireAfter' must be a whole number of days .*, got '1520\.875 days'$/m],
    ['transitionToGlacierAfter of 36 hours', { transitionToGlacierAfter: Duration.hours(36) }, /^AuditLogBucket: 'transitionToGlacierAfter' must be at least 1 day and a whole number of days .*, got '1\.5 days'$/m],
    ['lockMode in lower case', { lockMode: 'compliance' as AuditLogLockMode }, /^AuditLogBucket: 'lockMode' must be one of GOVERNANCE, COMPLIANCE \(AuditLogLockMode\), got 'compliance'$/m],
    ['retention as an unresolved token', { retention: Duration.days(Token.asNumber({ Ref: 'RetentionDays' })) }, /^AuditLogBucket: 'retention' must be known at synth .*, got 'an unresolved token'$/m],
  ])('%s is a ValidationError', (_, props, message) => {
    // GIVEN / WHEN / THEN
    const build = () => new AuditLogBucket(new Stack(new App(), 'Fuzz', { env: FUZZ_ENV }), 'AuditLogs', { ...REQUIRED, ...props });
    expect(build).toThrow(ValidationError);
    expect(build).toThrow(message);
  });
});
