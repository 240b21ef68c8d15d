// Arbitraries shared by several fuzz suites (names and lock options several constructs take).
import { Duration } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import { oddString } from './fuzz-harness';

export const BAD_BUCKET_NAMES = fc.oneof(
  fc.constantFrom('Audit-Logs', 'ab', '192.168.0.1', 'a..b', 'xn--audit', '-audit', 'audit-', 'a'.repeat(64), 'audit_logs', 'audit logs'),
  oddString,
);
export const BAD_TRAIL_NAMES = fc.oneof(fc.constantFrom('ab', '-trail', 'trail-', 't'.repeat(129), 'org trail', 'trail/1'), oddString);

export const BAD_VAULT_NAMES = fc.oneof(fc.constantFrom('a', 'vault name', 'vault.name', 'v'.repeat(51), 'vault/1'), oddString);
export const VAULT_LOCK = {
  valid: fc.constantFrom({}, { minRetention: Duration.days(1), maxRetention: Duration.days(3650) }, { changeableFor: Duration.days(7) }, { denyAccessPolicyChanges: false }),
  invalid: fc.constantFrom(
    { minRetention: Duration.days(0) },
    { minRetention: Duration.days(400), maxRetention: Duration.days(365) },
    { changeableFor: Duration.days(1) },
    { changeableFor: Duration.hours(0) },
    { minRetention: Duration.hours(12) },
  ),
};

