/**
 * Amazon Resource Names: `arn:<partition>:<service>:<region>:<account>:<resource>`. One parser and one formatter
 * for the constructs (validating props), the rules and the report (reading templates).
 */
import { PARTITION_IDS } from './partitions';

/** A parsed ARN. */
export interface Arn {
  /** `aws`, `aws-cn`, `aws-us-gov`... (one of {@link PARTITION_IDS}). */
  readonly partition: string;
  /** The service namespace, e.g. `s3`, `backup`, `logs`. */
  readonly service: string;
  /** The region; '' for global resources (S3 buckets, IAM). */
  readonly region: string;
  /** A 12-digit account id; '' for S3 buckets; `aws` for AWS managed IAM policies. */
  readonly account: string;
  /** Everything after the account field, e.g. `backup-vault:Central`, `role/Admin`, `my-bucket/key`. */
  readonly resource: string;
}

const ARN = /^arn:([a-z-]+):([a-z0-9-]+):([a-z0-9-]*):(\d{12}|aws|):(.+)$/s;

/**
 * Parses an ARN; undefined when `text` is not one: a partition that does not exist, a malformed service or region,
 * an account field other than 12 digits, `aws` or empty, or no resource.
 */
export function parseArn(text: string): Arn | undefined {
  const m = ARN.exec(text);
  if (!m || !PARTITION_IDS.has(m[1])) return undefined;
  return { partition: m[1], service: m[2], region: m[3], account: m[4], resource: m[5] };
}

/** Formats an ARN from its parts (the inverse of {@link parseArn}). */
export function formatArn(arn: Arn): string {
  return `arn:${arn.partition}:${arn.service}:${arn.region}:${arn.account}:${arn.resource}`;
}

