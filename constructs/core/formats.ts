import { Token } from 'aws-cdk-lib';
import { REGION_NAME } from '../../lib/aws';

/** Formats shared by the constructs' validation. Each returns true for an unresolved token (checked at deploy time). */

export const ACCOUNT_ID = /^\d{12}$/;
export const ORGANIZATION_ID = /^o-[a-z0-9]{10,32}$/;
export const ORGANIZATIONAL_UNIT_ID = /^ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}$/;
/** A region name (`eu-west-1`, `us-gov-west-1`, `eusc-de-east-1`): the one pattern of `lib/aws`. */
export const REGION = REGION_NAME;

function matches(re: RegExp, value: string | undefined): boolean {
  if (value === undefined) return false;
  if (Token.isUnresolved(value)) return true;
  return re.test(value);
}

export const isAccountId = (v: string | undefined) => matches(ACCOUNT_ID, v);
export const isOrganizationId = (v: string | undefined) => matches(ORGANIZATION_ID, v);
export const isOrganizationalUnitId = (v: string | undefined) => matches(ORGANIZATIONAL_UNIT_ID, v);
export const isRegion = (v: string | undefined) => matches(REGION, v);

/** S3 general-purpose bucket name: 3-63 lowercase letters, digits, dots, hyphens; starts and ends with a letter or digit; not an IP address. */
export const BUCKET_NAME = /^(?!\d+\.\d+\.\d+\.\d+$)(?!xn--)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
/** KMS key ARN (`key/<uuid>` or multi-Region `key/mrk-<hex>`). */
export const KMS_KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/(mrk-[a-f0-9]{32}|[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12})$/;
/** AWS Backup vault name: 2-50 letters, digits, hyphens, underscores. */
export const BACKUP_VAULT_NAME = /^[a-zA-Z0-9\-_]{2,50}$/;
/** AWS Backup vault ARN. */
export const BACKUP_VAULT_ARN = /^arn:aws[a-z-]*:backup:[a-z0-9-]+:\d{12}:backup-vault:[a-zA-Z0-9\-_]{2,50}$/;
/** CloudTrail trail name: 3-128 letters, digits, periods, underscores, hyphens; starts and ends with a letter or digit. */
export const TRAIL_NAME = /^[a-zA-Z0-9][a-zA-Z0-9._-]{1,126}[a-zA-Z0-9]$/;

export const isBucketName = (v: string | undefined) => matches(BUCKET_NAME, v) && (v === undefined || Token.isUnresolved(v) || !v.includes('..'));
export const isKmsKeyArn = (v: string | undefined) => matches(KMS_KEY_ARN, v);
export const isBackupVaultName = (v: string | undefined) => matches(BACKUP_VAULT_NAME, v);
export const isBackupVaultArn = (v: string | undefined) => matches(BACKUP_VAULT_ARN, v);
export const isTrailName = (v: string | undefined) => matches(TRAIL_NAME, v);
