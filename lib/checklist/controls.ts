/**
 * Builders for runtime controls, and the controls several items share.
 *
 * AWS Config identifiers are the managed rules' `SourceIdentifier`s. Alarm, EventBridge and service
 * ids are the stable names `RuntimeControls` writes into the template
 * (metadata `cdk-competency:runtime-control`).
 */
import { RuntimeControl } from './types';

/** An AWS Config managed rule. */
export function configRule(id: string, description: string): RuntimeControl {
  return { kind: 'config-rule', id, description };
}

/** A CloudWatch alarm (usually on a CloudTrail metric filter). */
export function alarm(id: string, description: string): RuntimeControl {
  return { kind: 'cloudwatch-alarm', id, description };
}

/** An EventBridge rule. */
export function eventRule(id: string, description: string): RuntimeControl {
  return { kind: 'eventbridge-rule', id, description };
}

/**
 * An AWS service that must be switched on (Access Analyzer, GuardDuty, ...), or the run history of a
 * deployed resource (trail logging, backup jobs); `resourceTypes`: the resource types that are this control.
 */
export function service(id: string, description: string, resourceTypes?: readonly string[]): RuntimeControl {
  return { kind: 'service', id, description, ...(resourceTypes ? { resourceTypes } : {}) };
}

/** Marks a control whose result decides the item's `runtime` path. */
export function required(control: RuntimeControl): RuntimeControl {
  return { ...control, required: true };
}

/** Marks a control as the mechanism the seed asks for: a `template` path needs it deployed. */
export function mechanism(control: RuntimeControl): RuntimeControl {
  return { ...control, mechanism: true };
}

/** Controls used by more than one item. */
export const SHARED_CONTROLS = {
  ROOT_ACTIVITY_ALARM: alarm('ROOT_ACTIVITY_ALARM', 'Alarms when CloudTrail records any API call or console sign-in made with the root user.'),
  ACCESS_KEYS_ROTATED: configRule('ACCESS_KEYS_ROTATED', 'Flags active IAM access keys older than the configured maximum age.'),
  ELBV2_MULTIPLE_AZ: configRule('ELBV2_MULTIPLE_AZ', 'Flags Application, Network and Gateway Load Balancers registered in fewer than two Availability Zones.'),
  AUTOSCALING_MULTIPLE_AZ: configRule('AUTOSCALING_MULTIPLE_AZ', 'Flags Auto Scaling groups that span fewer than the required number of Availability Zones.'),
  S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED: configRule('S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED', 'Flags buckets whose bucket-level Block Public Access settings are not all on.'),
  S3_BUCKET_PUBLIC_READ_PROHIBITED: configRule('S3_BUCKET_PUBLIC_READ_PROHIBITED', 'Flags buckets whose policy or ACL lets anyone read.'),
  S3_BUCKET_PUBLIC_WRITE_PROHIBITED: configRule('S3_BUCKET_PUBLIC_WRITE_PROHIBITED', 'Flags buckets whose policy or ACL lets anyone write.'),
  EC2_INSTANCE_MANAGED_BY_SSM: configRule('EC2_INSTANCE_MANAGED_BY_SSM', 'Flags running EC2 instances whose SSM Agent is not reporting to Systems Manager.'),
} as const;
