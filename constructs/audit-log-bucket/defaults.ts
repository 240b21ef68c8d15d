import { Duration } from 'aws-cdk-lib';
import { AuditLogLockMode } from './props';

/** Name of the organization trail when none is given; `AuditLogBucket` and `OrganizationTrail` share it. */
export const DEFAULT_TRAIL_NAME = 'organization-trail';

export const AUDIT_LOG_BUCKET_DEFAULTS = {
  retention: Duration.days(365),
  lockMode: AuditLogLockMode.GOVERNANCE,
  transitionToGlacierAfter: Duration.days(90),
  accessLogsExpireAfter: Duration.days(365),
} as const;
