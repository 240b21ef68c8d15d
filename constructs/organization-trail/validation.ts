import { Token } from 'aws-cdk-lib';
import { parseArn } from '../../lib/aws';
import { PropSchema, PropValidator, isAccountId, isBucketName, isKmsKeyArn, isTrailName } from '../core';
import { OrganizationTrailProps } from './props';

/** JavaScript shapes of every prop of a `OrganizationTrail` (`checkPropTypes`, first statement of the constructor). */
export const ORGANIZATION_TRAIL_PROP_TYPES: PropSchema<OrganizationTrailProps> = {
  bucketName: 'string!',
  kmsKeyArn: 'string!',
  auditAccountId: 'string!',
  trailName: 'string',
  cloudWatchLogs: { type: 'object', fields: { retention: 'number', alarmTopic: 'construct' } },
};

/** Checks every prop of an `OrganizationTrail` and throws once listing every problem. */
export function validateOrganizationTrailProps(props: OrganizationTrailProps, stackAccount: string): void {
  const v = new PropValidator('OrganizationTrail');
  v.check(isAccountId(props.auditAccountId), 'auditAccountId', 'must be a 12-digit account ID', props.auditAccountId);
  v.check(isBucketName(props.bucketName), 'bucketName', 'must be a valid S3 bucket name (3-63 lowercase letters, digits, dots, hyphens)', props.bucketName);
  if (props.trailName !== undefined) {
    v.check(isTrailName(props.trailName), 'trailName', 'must be 3-128 letters, digits, periods, underscores or hyphens, starting and ending with a letter or digit', props.trailName);
  }
  if (!isKmsKeyArn(props.kmsKeyArn)) {
    v.fail('kmsKeyArn', "must be a KMS key ARN like 'arn:aws:kms:<region>:<account>:key/<key-id>'", props.kmsKeyArn);
  } else if (!Token.isUnresolved(props.kmsKeyArn) && !Token.isUnresolved(props.auditAccountId)) {
    const account = parseArn(props.kmsKeyArn)?.account;
    v.check(account === props.auditAccountId, 'kmsKeyArn', `must be a key of the audit account ${props.auditAccountId} (the one holding the bucket)`, props.kmsKeyArn);
  }
  const retention = props.cloudWatchLogs?.retention;
  if (retention !== undefined && !Token.isUnresolved(retention)) {
    v.check(Number.isInteger(retention) && retention > 0, 'cloudWatchLogs.retention', 'must be a positive whole number of days (a logs.RetentionDays value)', retention);
  }
  if (!Token.isUnresolved(stackAccount) && !Token.isUnresolved(props.auditAccountId) && stackAccount === props.auditAccountId) {
    v.fail('auditAccountId', `must differ from the trail's own account ${stackAccount}: the trail bucket must be owned by another account (item 1.14)`, props.auditAccountId);
  }
  v.throwIfAny();
}
