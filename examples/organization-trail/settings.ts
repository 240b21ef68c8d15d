// What a partner replaces besides cdk.json: the organization's OUs and e-mail addresses. Accounts, the organization
// id and the regions come from cdk.json (`cdk-competency:reference`).
import { ReferenceConfig } from '../config';

/** Name of the organization trail; `AuditLogBucket` admits only this trail. */
export const TRAIL_NAME = 'cdk-competency-organization-trail';

/**
 * Organizational units whose accounts (present and future) receive the baseline StackSet. Placeholder: replace it with
 * your workload OUs (`aws organizations list-organizational-units-for-parent --parent-id r-xxxx`).
 */
export const BASELINE_ORGANIZATIONAL_UNITS: readonly string[] = ['ou-ab12-cd34ef56'];

/** Addresses subscribed to the CloudTrail alarms and the central alarm topic. Placeholder: replace it. */
export const SECURITY_ALERT_EMAILS: readonly string[] = ['security-alerts@example.com'];

/** Name of the audit bucket: explicit, so the trail in the management account delivers to it by name (and rules find it). */
export function auditBucketName(config: ReferenceConfig): string {
  return `cdk-competency-audit-logs-${config.auditAccount}-${config.primaryRegion}`;
}

/** Name of the AWS Config delivery bucket in the audit account (the management account's recorder writes there). */
export function configBucketName(config: ReferenceConfig): string {
  return `cdk-competency-config-${config.auditAccount}-${config.primaryRegion}`;
}
