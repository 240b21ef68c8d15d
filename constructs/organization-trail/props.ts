import { aws_logs as logs, aws_sns as sns } from 'aws-cdk-lib';

/** Properties of an {@link OrganizationTrail}. */
export interface OrganizationTrailProps {
  /** Name of the audit bucket in the audit (log-archive) account, see `AuditLogBucket`. */
  readonly bucketName: string;
  /** ARN of the KMS key in the audit account that encrypts the logs, see `AuditLogBucket.keyArn`. */
  readonly kmsKeyArn: string;
  /** 12-digit ID of the audit (log-archive) account holding the bucket and the key; must differ from this stack's account. */
  readonly auditAccountId: string;
  /**
   * Trail name (must match `AuditLogBucket`'s `trailName`).
   * @default 'organization-trail'
   */
  readonly trailName?: string;
  /**
   * Also deliver to CloudWatch Logs, with metric filters and alarms on root activity, console sign-in without MFA,
   * IAM policy, CloudTrail, security group and NACL changes and unauthorized API calls.
   * @default - no CloudWatch Logs delivery and no alarms
   */
  readonly cloudWatchLogs?: OrganizationTrailCloudWatchLogsOptions;
}

/** CloudWatch Logs delivery of the organization trail. */
export interface OrganizationTrailCloudWatchLogsOptions {
  /**
   * Retention of the trail's log group.
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly retention?: logs.RetentionDays;
  /**
   * Topic the CIS-style alarms notify.
   * @default - a new KMS-encrypted topic
   */
  readonly alarmTopic?: sns.ITopic;
}
