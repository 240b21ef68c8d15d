import { Duration, Token } from 'aws-cdk-lib';
import { PropSchema, PropValidator, isAccountId, isBucketName, isOrganizationId } from '../core';
import type { CentralLogDestinationProps } from './central-log-destination';
import { CENTRAL_LOG_DESTINATION_DEFAULTS, LOG_DESTINATION_NAME } from './defaults';

/** JavaScript shapes of every prop of a `CentralLogDestination` (`checkPropTypes`, first statement of the constructor). */
export const CENTRAL_LOG_DESTINATION_PROP_TYPES: PropSchema = {
  organizationId: 'string',
  sourceAccountIds: 'string[]',
  destinationName: 'string',
  bucketName: 'string',
  transitionToGlacierAfter: 'duration',
  expireAfter: 'duration',
  bufferingInterval: 'duration',
};

function seconds(d: Duration | undefined): number | undefined {
  if (d === undefined) return undefined;
  const n = d.toSeconds({ integral: false });
  return Token.isUnresolved(n) ? undefined : n;
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
  const buffer = seconds(props.bufferingInterval);
  if (buffer !== undefined) {
    v.check(Number.isInteger(buffer) && buffer >= 0 && buffer <= 900, 'bufferingInterval', 'must be a whole number of seconds from 0 to 900 (the Firehose limits)', props.bufferingInterval);
  }
  const glacier = seconds(props.transitionToGlacierAfter);
  if (glacier !== undefined) {
    v.check(Number.isInteger(glacier / 86400) && glacier > 0, 'transitionToGlacierAfter', 'must be a positive whole number of days', props.transitionToGlacierAfter);
  }
  const expire = seconds(props.expireAfter);
  if (expire !== undefined) {
    v.check(Number.isInteger(expire / 86400) && expire > 0, 'expireAfter', 'must be a positive whole number of days', props.expireAfter);
    const glacierDays = (glacier ?? CENTRAL_LOG_DESTINATION_DEFAULTS.transitionToGlacierAfter.toSeconds()) / 86400;
    if (Number.isInteger(expire / 86400) && expire > 0) {
      v.check(expire / 86400 > glacierDays, 'expireAfter', `must be longer than 'transitionToGlacierAfter' (${glacierDays} days): logs are kept at least until they reach colder storage`, props.expireAfter);
    }
  }
  v.throwIfAny();
}
