import { Token } from 'aws-cdk-lib';

/** Formats shared by the constructs' validation. Each returns true for an unresolved token (checked at deploy time). */

export const ACCOUNT_ID = /^\d{12}$/;
export const ORGANIZATION_ID = /^o-[a-z0-9]{10,32}$/;
export const ORGANIZATIONAL_UNIT_ID = /^ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}$/;
export const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;

function matches(re: RegExp, value: string | undefined): boolean {
  if (value === undefined) return false;
  if (Token.isUnresolved(value)) return true;
  return re.test(value);
}

export const isAccountId = (v: string | undefined) => matches(ACCOUNT_ID, v);
export const isOrganizationId = (v: string | undefined) => matches(ORGANIZATION_ID, v);
export const isOrganizationalUnitId = (v: string | undefined) => matches(ORGANIZATIONAL_UNIT_ID, v);
export const isRegion = (v: string | undefined) => matches(REGION, v);

/** Parses an ARN `arn:partition:service:region:account:resource`; undefined when malformed. */
export function parseArn(arn: string): { partition: string; service: string; region: string; account: string; resource: string } | undefined {
  const m = /^arn:(aws[a-z-]*):([a-z0-9-]+):([a-z0-9-]*):(\d{12}|aws|):(.+)$/.exec(arn);
  if (!m) return undefined;
  return { partition: m[1], service: m[2], region: m[3], account: m[4], resource: m[5] };
}
