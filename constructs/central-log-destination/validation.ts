import { Duration, Token } from 'aws-cdk-lib';
import { PropSchema, PropValidator, isAccountId, isBucketName, isOrganizationId } from '../core';
import { CENTRAL_LOG_DESTINATION_DEFAULTS, LOG_DESTINATION_NAME } from './defaults';
import { CentralLogDestinationProps } from './props';

/** JavaScript shapes of every prop of a `CentralLogDestination` (`checkPropTypes`, first statement of the constructor). */
export const CENTRAL_LOG_DESTINATION_PROP_TYPES: PropSchema<CentralLogDestinationProps> = {
  organizationId: 'string',
  sourceAccountIds: 'string[]',
  destinationName: 'string',
  bucketName: 'string',
  transitionToGlacierAfter: 'duration',
  expireAfter: 'duration',
  bufferingInterval: 'duration',
};

/** Seconds of a duration; undefined when absent or unresolved (a token, in any unit: converting one may throw). */
function seconds(d: Duration | undefined): number | undefined {
  if (d === undefined || d.isUnresolved()) return undefined;
  const n = d.toSeconds({ integral: false });
  return Token.isUnresolved(n) ? undefined : n;
}

/** Whether an unresolved duration converts to seconds (a token given in seconds does; in any other unit it throws). */
function convertsToSeconds(d: Duration): boolean {
  try {
    d.toSeconds();
    return true;
  } catch {
    return false;
  }
}

/** Checks every prop of a `CentralLogDestination` and throws once listing every problem. */
export function validateCentralLogDestinationProps(props: CentralLogDestinationProps, stackAccount: string): void {
  const v = new PropValidator('CentralLogDestination');
  const accounts = props.sourceAccountIds;
  v.check(props.organizationId !== undefined || (accounts !== undefined && accounts.length > 0), 'organizationId',
    "or 'sourceAccountIds' must say who may ship logs here (an organization, or at least one account)", props.organizationId);
  if (props.organizationId !== undefined) {
    v.check(isOrganizationId(props.organizationId), 'organizationId', "must be an AWS Organizations ID like 'o-a1b2c3d4e5'", props.organizationId);
  }
  // Without an organization, each account is written into the subscription role's trust policy: a token list
  // cannot be mapped to one ARN per account.
  if (accounts !== undefined && Token.isUnresolved(accounts) && props.organizationId === undefined) {
    v.fail('sourceAccountIds', "must be known at synth when 'organizationId' is not given (each account is written into the subscription role's trust policy)", accounts);
  }
  if (accounts !== undefined && !Token.isUnresolved(accounts)) {
    for (const [i, a] of accounts.entries()) v.check(isAccountId(a), `sourceAccountIds[${i}]`, 'must be a 12-digit account ID', a);
    const repeated = accounts.filter((a, i) => !Token.isUnresolved(a) && accounts.indexOf(a) !== i);
    v.check(repeated.length === 0, 'sourceAccountIds', 'must not repeat an account', repeated);
    if (!Token.isUnresolved(stackAccount)) {
      v.check(!accounts.includes(stackAccount), 'sourceAccountIds', `must not include the central account ${stackAccount} itself: its log groups subscribe to the delivery stream directly`, accounts);
    }
  }
  if (props.destinationName !== undefined && !Token.isUnresolved(props.destinationName)) {
    v.check(LOG_DESTINATION_NAME.test(props.destinationName), 'destinationName', 'must be 1-512 characters without a colon or an asterisk', props.destinationName);
  }
  if (props.bucketName !== undefined) {
    v.check(isBucketName(props.bucketName), 'bucketName', 'must be a valid S3 bucket name (3-63 lowercase letters, digits, dots, hyphens)', props.bucketName);
  }
  if (props.bufferingInterval !== undefined && props.bufferingInterval.isUnresolved() && !convertsToSeconds(props.bufferingInterval)) {
    v.fail('bufferingInterval', 'must be given in seconds (Duration.seconds) when it is a token: the stream writes it in seconds', props.bufferingInterval);
  }
  const buffer = seconds(props.bufferingInterval);
  if (buffer !== undefined) {
    v.check(Number.isInteger(buffer) && buffer >= 0 && buffer <= 900, 'bufferingInterval', 'must be a whole number of seconds from 0 to 900 (the Firehose limits)', props.bufferingInterval);
  }
  // Lifecycle rules are written in whole days, and the expiration is checked against the Glacier transition.
  for (const prop of ['transitionToGlacierAfter', 'expireAfter'] as const) {
    if (props[prop]?.isUnresolved()) v.fail(prop, 'must be known at synth (lifecycle rules are written in whole days, and the expiration is checked against the Glacier transition)', props[prop]);
  }
  const glacier = seconds(props.transitionToGlacierAfter);
  if (glacier !== undefined) {
    v.check(Number.isInteger(glacier / 86400) && glacier > 0, 'transitionToGlacierAfter', 'must be a positive whole number of days', props.transitionToGlacierAfter);
  }
  const expire = seconds(props.expireAfter);
  if (expire !== undefined) {
    v.check(Number.isInteger(expire / 86400) && expire > 0, 'expireAfter', 'must be a positive whole number of days', props.expireAfter);
    const glacierDays = (glacier ?? CENTRAL_LOG_DESTINATION_DEFAULTS.transitionToGlacierAfter.toSeconds()) / 86400;
    if (Number.isInteger(expire / 86400) && expire > 0 && !props.transitionToGlacierAfter?.isUnresolved()) {
      v.check(expire / 86400 > glacierDays, 'expireAfter', `must be longer than 'transitionToGlacierAfter' (${glacierDays} days): logs are kept at least until they reach colder storage`, props.expireAfter);
    }
  }
  v.throwIfAny();
}
