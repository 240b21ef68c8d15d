import { CfnParameter, Stack, StackProps, Tags } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { EncryptedTopic } from '../../constructs/core';
import { OrganizationTrail } from '../../constructs/organization-trail';

/** Props of {@link OrganizationTrailStack}. */
export interface OrganizationTrailStackProps extends StackProps {
  /** The audit (log-archive) account holding the bucket and its key. */
  readonly auditAccount: string;
  /** Name of the audit bucket (created by `AuditLogStack` in the audit account). */
  readonly bucketName: string;
  /** Name of the trail (the one the audit bucket admits). */
  readonly trailName: string;
  /** Addresses subscribed to the alarm topic. */
  readonly alarmEmails: readonly string[];
}

/** Name of the CloudFormation parameter taking the audit key's ARN (an output of the audit stack). */
export const AUDIT_LOG_KEY_ARN_PARAMETER = 'AuditLogKeyArn';

/**
 * The management account's side: the organization trail (every account, every region, global service events, log
 * file validation) delivering to the audit account's bucket by name, encrypted with the audit account's key; a
 * CloudWatch Logs copy with the CIS-style metric filters and alarms notifying an encrypted topic (1.1, 1.3, 1.4, 1.9,
 * 1.13, 1.16, 2.3, 2.4).
 *
 * The key is generated in the audit account, so its ARN is unknown at synth: it comes in as the `AuditLogKeyArn`
 * parameter, which only accepts a key of the audit account in this region.
 */
export class OrganizationTrailStack extends Stack {
  /** The trail and its alarms. */
  public readonly trail: OrganizationTrail;
  /** The parameter taking the audit key's ARN. */
  public readonly auditLogKeyArn: CfnParameter;

  constructor(scope: Construct, id: string, props: OrganizationTrailStackProps) {
    super(scope, id, { description: 'cdk-competency reference: organization trail in the management account with CIS-style alarms (items 1.13, 1.14, 2.4)', ...props });
    this.auditLogKeyArn = new CfnParameter(this, AUDIT_LOG_KEY_ARN_PARAMETER, {
      type: 'String',
      description: `ARN of the KMS key of the audit bucket: output AuditLogKeyArn of the audit stack in account ${props.auditAccount}`,
      allowedPattern: `^arn:aws[a-z-]*:kms:${this.region}:${props.auditAccount}:key/[a-z0-9-]+$`,
      constraintDescription: `must be the ARN of a KMS key of the audit account ${props.auditAccount} in ${this.region}`,
    });
    const topic = new EncryptedTopic(this, 'AlarmTopic', {
      displayName: 'Organization trail security alarms',
      publisherServices: ['cloudwatch.amazonaws.com'],
      emailSubscriptions: [...props.alarmEmails],
    });
    this.trail = new OrganizationTrail(this, 'OrganizationTrail', {
      trailName: props.trailName,
      bucketName: props.bucketName,
      kmsKeyArn: this.auditLogKeyArn.valueAsString,
      auditAccountId: props.auditAccount,
      cloudWatchLogs: { retention: logs.RetentionDays.ONE_YEAR, alarmTopic: topic.topic },
    });
    Tags.of(this).add('Workload', 'competency-organization-trail');
  }
}
