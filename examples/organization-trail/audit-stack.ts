import { CfnOutput, Duration, Stack, StackProps, Tags } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { AuditLogBucket, AuditLogLockMode } from '../../constructs/audit-log-bucket';
import { CentralLogDestination } from '../../constructs/central-log-destination';
import { ConfigDeliveryBucket } from '../../constructs/runtime-controls';

/** Props of {@link AuditLogStack}. */
export interface AuditLogStackProps extends StackProps {
  /** The AWS Organizations id, `o-...`. */
  readonly organizationId: string;
  /** The management account, which owns the organization trail. */
  readonly managementAccount: string;
  /** Name of the organization trail allowed to write. */
  readonly trailName: string;
  /** Explicit bucket name (the trail refers to it by name). */
  readonly bucketName: string;
  /** Name of the central CloudWatch Logs destination the workload accounts ship their log groups to. */
  readonly centralLogDestinationName: string;
  /** Name of the bucket the management account's AWS Config recorder delivers to. */
  readonly configBucketName: string;
}

/**
 * The audit (log-archive) account's side: the organization trail's bucket, versioned, under Object Lock
 * (governance mode, one year), KMS-encrypted with its own key, TLS-only, non-public, admitting only the
 * organization's trail; server access logs in a second bucket (checklist 1.13, 1.14, 1.15, 2.3). Also the central
 * log destination the organization's accounts ship their CloudWatch log groups to (2.3).
 */
export class AuditLogStack extends Stack {
  /** The audit bucket and its key. */
  public readonly auditLog: AuditLogBucket;
  /** Where the workload accounts' log groups are shipped. */
  public readonly centralLogs: CentralLogDestination;
  /** Where the management account's AWS Config recorder delivers (no Object Lock: AWS Config cannot deliver there). */
  public readonly configDelivery: ConfigDeliveryBucket;

  constructor(scope: Construct, id: string, props: AuditLogStackProps) {
    super(scope, id, { description: 'cdk-competency reference: organization trail bucket in the audit account (items 1.13-1.15)', ...props });
    this.auditLog = new AuditLogBucket(this, 'AuditLog', {
      organizationId: props.organizationId,
      managementAccountId: props.managementAccount,
      trailName: props.trailName,
      bucketName: props.bucketName,
      retention: Duration.days(365),
      lockMode: AuditLogLockMode.GOVERNANCE,
    });
    // The management account's trail stack takes these two as deploy-time inputs (no cross-account references).
    new CfnOutput(this, 'AuditLogBucketName', { value: this.auditLog.bucketName, description: 'Bucket the organization trail delivers to' });
    new CfnOutput(this, 'AuditLogKeyArn', {
      value: this.auditLog.keyArn,
      description: 'Give it to the trail stack: npx cdk deploy OrganizationTrail/Trail --parameters AuditLogKeyArn=<this value>',
    });
    this.centralLogs = new CentralLogDestination(this, 'CentralLogs', {
      organizationId: props.organizationId,
      destinationName: props.centralLogDestinationName,
    });
    new CfnOutput(this, 'CentralLogDestinationArn', {
      value: this.centralLogs.destinationArn,
      description: 'CloudWatch Logs destination the workload stacks subscribe their log groups to (CentralLogShipping)',
    });
    this.configDelivery = new ConfigDeliveryBucket(this, 'ConfigDelivery', { sourceAccountIds: [props.managementAccount], bucketName: props.configBucketName });
    Tags.of(this).add('Workload', 'competency-organization-trail');
  }
}
