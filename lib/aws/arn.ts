/**
 * Amazon Resource Names: `arn:<partition>:<service>:<region>:<account>:<resource>`. One parser and one formatter
 * for the constructs (validating props), the rules and the report (reading templates).
 */
import { PARTITION_IDS } from './partitions';
import { DeployTimeValue, ResourceValue, Text } from './resolver/values';

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


/** One field of an ARN read from a resolved value: its literal text, the one deploy-time part standing for it, or a text mixing both. */
export type ArnField = string | ResourceValue | DeployTimeValue | Text;

/** The fields of an ARN given as a resolved value, with {@link ArnField}s. */
export interface ArnFields {
  readonly partition: ArnField;
  readonly service: ArnField;
  readonly region: ArnField;
  readonly account: ArnField;
  readonly resource: ArnField;
}

/**
 * The fields of an ARN that a template builds (a literal, or a {@link Text} from `Fn::Join`/`Fn::Sub` whose parts may be
 * known only at deploy time, e.g. `arn:${AWS::Partition}:backup:eu-west-2:${AWS::AccountId}:backup-vault:dr`);
 * undefined when the value does not start with `arn:` and five separators.
 */
export function arnFields(value: unknown): ArnFields | undefined {
  const parts = typeof value === 'string' ? [value] : value instanceof Text ? value.parts : undefined;
  if (!parts) return undefined;
  const fields: (string | ResourceValue | DeployTimeValue)[][] = [[]];
  for (const part of parts) {
    if (typeof part !== 'string') {
      fields[fields.length - 1].push(part);
      continue;
    }
    part.split(':').forEach((piece, i) => {
      // A separator starts the next field, up to the resource field, which keeps its own colons.
      if (i > 0) {
        if (fields.length < 6) fields.push([]);
        else fields[5].push(':');
      }
      if (piece !== '') fields[fields.length - 1].push(piece);
    });
  }
  if (fields.length < 6) return undefined;
  const field = (f: (string | ResourceValue | DeployTimeValue)[]): ArnField => {
    if (f.every((p) => typeof p === 'string')) return f.join('');
    if (f.length === 1) return f[0];
    const merged: (string | ResourceValue | DeployTimeValue)[] = [];
    for (const p of f) {
      if (typeof p === 'string' && typeof merged[merged.length - 1] === 'string') merged[merged.length - 1] += p;
      else merged.push(p);
    }
    return new Text(merged);
  };
  if (field(fields[0]) !== 'arn') return undefined;
  return { partition: field(fields[1]), service: field(fields[2]), region: field(fields[3]), account: field(fields[4]), resource: field(fields[5]) };
}
