import { Duration } from 'aws-cdk-lib';

/** Defaults of `CentralLogDestination`. */
export const CENTRAL_LOG_DESTINATION_DEFAULTS = {
  /** Name of the CloudWatch Logs destination. */
  destinationName: 'central-logs',
  /** Objects move to Glacier after this long. */
  transitionToGlacierAfter: Duration.days(90),
  /** Firehose buffers this long (or 5 MiB) before writing an object. */
  bufferingInterval: Duration.minutes(5),
} as const;

/** What a CloudWatch Logs destination name may contain: 1-512 characters, no colon and no asterisk. */
export const LOG_DESTINATION_NAME = /^[^:*]{1,512}$/;
