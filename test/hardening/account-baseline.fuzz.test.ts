// AccountBaseline under arbitrary props: a template or a clear ValidationError (see fuzz-harness.ts).
import { App, Stack } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import { AccessAnalyzerType, AccountBaseline, AccountBaselineProps } from '../../constructs';
import { ValidationError } from '../../constructs/core';
import { describeFuzz, FieldSpec, FUZZ_ENV, oddString, unresolvedNumber } from './fuzz-harness';

const ACCOUNT_BASELINE_PROPS = ['managePasswordPolicy', 'passwordPolicy', 'ebsEncryptionByDefault', 's3AccountPublicAccessBlock', 'accessAnalyzer', 'accessAnalyzerType', 'alarmEmails'];

const ACCOUNT_BASELINE_SPEC: { [prop: string]: FieldSpec } = {
  managePasswordPolicy: { valid: fc.constant(true), invalid: fc.constant(false) },
  passwordPolicy: {
    valid: fc.record(
      { minimumPasswordLength: fc.integer({ min: 14, max: 128 }), passwordReusePrevention: fc.integer({ min: 1, max: 24 }), maxPasswordAge: fc.integer({ min: 1, max: 1095 }), hardExpiry: fc.boolean() },
      { requiredKeys: [] },
    ),
    invalid: fc.oneof(
      fc.constantFrom(0, 8, 13, 129, 14.5, -1, NaN).map((minimumPasswordLength) => ({ minimumPasswordLength })),
      fc.constantFrom(0, 25, 2.5).map((passwordReusePrevention) => ({ passwordReusePrevention })),
      fc.constantFrom(0, 1096, 90.5).map((maxPasswordAge) => ({ maxPasswordAge })),
    ),
    unresolved: unresolvedNumber.map((minimumPasswordLength) => ({ minimumPasswordLength })),
  },
  ebsEncryptionByDefault: { valid: fc.boolean() },
  s3AccountPublicAccessBlock: { valid: fc.boolean() },
  accessAnalyzer: { valid: fc.boolean() },
  accessAnalyzerType: { valid: fc.constantFrom(AccessAnalyzerType.ACCOUNT, AccessAnalyzerType.ORGANIZATION), invalid: fc.oneof(fc.constantFrom('account', 'BOGUS'), oddString) },
  alarmEmails: {
    valid: fc.constantFrom([], ['ops@example.com'], ['ops@example.com', 'sec@example.org']),
    invalid: fc.oneof(fc.constantFrom(['not-an-email'], [''], ['a@b'], ['ops@example.com', 'ops@example.com']), oddString.map((e) => [e])),
  },
};

describeFuzz(
  { construct: 'AccountBaseline', props: ACCOUNT_BASELINE_PROPS },
  ACCOUNT_BASELINE_SPEC,
  {
    typed: 30,
    wrongTypes: 20,
  },
  (stack, props) => {
    new AccountBaseline(stack, 'Baseline', props as AccountBaselineProps);
  },
);

// Found by this suite and fixed in constructs/account-baseline/validation.ts: any string was accepted and synthesized,
// to be refused by CloudFormation at deploy time ('account' in lower case, a typo).
describe('AccountBaseline: regressions found by fuzzing', () => {
  test.each(['account', 'BOGUS', ''])('accessAnalyzerType %p is a ValidationError', (type) => {
    // GIVEN / WHEN / THEN
    const build = () => new AccountBaseline(new Stack(new App(), 'Fuzz', { env: FUZZ_ENV }), 'Baseline', { accessAnalyzerType: type as AccessAnalyzerType });
    expect(build).toThrow(ValidationError);
    expect(build).toThrow(/^AccountBaseline: 'accessAnalyzerType' must be one of ACCOUNT, ORGANIZATION \(AccessAnalyzerType\), got '/);
  });
});
