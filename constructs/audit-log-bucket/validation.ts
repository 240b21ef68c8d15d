import { Duration, Token } from 'aws-cdk-lib';
import { PropSchema, PropValidator, isAccountId, isBucketName, isOrganizationId, isRegion, isTrailName } from '../core';
import { AuditLogBucketProps, AuditLogLockMode } from './props';

function days(d: Duration | undefined): number | undefined {
  if (d === undefined) return undefined;
  const n = d.toDays({ integral: false });
  return Token.isUnresolved(n) ? undefined : n;
}

/** JavaScript shapes of every prop of an `AuditLogBucket` (`checkPropTypes`, first statement of the constructor). */
export const AUDIT_LOG_BUCKET_PROP_TYPES: PropSchema<AuditLogBucketProps> = {
  organizationId: 'string!',
  managementAccountId: 'string!',
  trailName: 'string',
  trailRegion: 'string',
  bucketName: 'string',
  retention: 'duration',
  lockMode: 'string',
  transitionToGlacierAfter: 'duration',
  expireAfter: 'duration',
};

/** Checks every prop of an `AuditLogBucket` and throws once listing every problem. */
export function validateAuditLogBucketProps(props: AuditLogBucketProps, stackAccount: string): void {
  const v = new PropValidator('AuditLogBucket');
  v.check(isOrganizationId(props.organizationId), 'organizationId', "must be an AWS Organizations ID like 'o-a1b2c3d4e5'", props.organizationId);
  v.check(isAccountId(props.managementAccountId), 'managementAccountId', 'must be a 12-digit account ID', props.managementAccountId);
  if (props.trailName !== undefined) {
    v.check(isTrailName(props.trailName), 'trailName', 'must be 3-128 letters, digits, periods, underscores or hyphens, starting and ending with a letter or digit', props.trailName);
  }
  if (props.trailRegion !== undefined) v.check(isRegion(props.trailRegion), 'trailRegion', "must be a region like 'us-east-1'", props.trailRegion);
  if (props.bucketName !== undefined) {
    v.check(isBucketName(props.bucketName), 'bucketName', 'must be a valid S3 bucket name (3-63 lowercase letters, digits, dots, hyphens)', props.bucketName);
  }
  if (!Token.isUnresolved(stackAccount) && !Token.isUnresolved(props.managementAccountId) && stackAccount === props.managementAccountId) {
    v.fail('managementAccountId', 'must differ from the account of the stack holding the audit bucket (the bucket belongs in a separate log-archive account, item 1.14)', props.managementAccountId);
  }
  // Object Lock writes the default retention in whole days at synth: a token cannot be checked or converted.
  if (props.retention !== undefined && days(props.retention) === undefined) v.fail('retention', 'must be known at synth (Object Lock default retention is written in whole days)', 'an unresolved token');
  const retention = days(props.retention);
  if (retention !== undefined) {
    v.check(Number.isInteger(retention) && retention >= 1 && retention <= 36500, 'retention', 'must be a whole number of days between 1 and 36500', `${retention} days`);
  }
  if (props.lockMode !== undefined) {
    v.check(Object.values(AuditLogLockMode).includes(props.lockMode), 'lockMode', `must be one of ${Object.values(AuditLogLockMode).join(', ')} (AuditLogLockMode)`, props.lockMode);
  }
  const glacier = days(props.transitionToGlacierAfter);
  if (glacier !== undefined) v.check(Number.isInteger(glacier) && glacier >= 1, 'transitionToGlacierAfter', 'must be at least 1 day and a whole number of days (lifecycle rules count in days)', `${glacier} days`);
  const expire = days(props.expireAfter);
  if (expire !== undefined) {
    const minimum = Math.max(retention ?? 365, glacier !== undefined ? glacier + 90 : 0);
    v.check(Number.isInteger(expire), 'expireAfter', 'must be a whole number of days (lifecycle rules count in days)', `${expire} days`);
    v.check(expire >= minimum, 'expireAfter', `must be at least the Object Lock retention and 90 days after the Glacier transition (${minimum} days)`, `${expire} days`);
  }
  v.throwIfAny();
}
