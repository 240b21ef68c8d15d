import { Duration } from 'aws-cdk-lib';

/** Name of the organization trail when none is given; `AuditLogBucket` and `OrganizationTrail` share it. */
export const DEFAULT_TRAIL_NAME = 'organization-trail';

/** Object Lock modes of the audit bucket. */
export enum AuditLogLockMode {
  /** Users with `s3:BypassGovernanceRetention` may shorten or remove a lock. */
  GOVERNANCE = 'GOVERNANCE',
  /** Nobody, not even the root user, may shorten or remove a lock until it expires. */
  COMPLIANCE = 'COMPLIANCE',
}

export const AUDIT_LOG_BUCKET_DEFAULTS = {
  retention: Duration.days(365),
  lockMode: AuditLogLockMode.GOVERNANCE,
  transitionToGlacierAfter: Duration.days(90),
  accessLogsExpireAfter: Duration.days(365),
} as const;
