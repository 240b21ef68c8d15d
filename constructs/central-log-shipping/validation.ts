import { Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { parseArn } from '../../lib/aws';
import { PropSchema, PropValidator } from '../core';
import { CentralLogShippingProps } from './props';

/** JavaScript shapes of every prop of a `CentralLogShipping` (`checkPropTypes`, first statement of the constructor). */
export const CENTRAL_LOG_SHIPPING_PROP_TYPES: PropSchema<CentralLogShippingProps> = {
  destinationArn: { type: 'string', required: true, missing: 'must be the ARN of the central CloudWatch Logs destination (CentralLogDestination.destinationArn)' },
  logGroups: { type: 'object[]' },
  filterPattern: 'string',
};

/** `arn:<partition>:logs:<region>:<account>:destination:<name>`. */
export const LOG_DESTINATION_ARN = /^arn:aws[a-z-]*:logs:[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d:\d{12}:destination:[^:*]{1,512}$/;

/** Checks every prop of a `CentralLogShipping` and throws once listing every problem. */
export function validateCentralLogShippingProps(props: CentralLogShippingProps, stackAccount: string, stackRegion: string): void {
  const v = new PropValidator('CentralLogShipping');
  const arn = props.destinationArn;
  if (!Token.isUnresolved(arn)) {
    const parsed = LOG_DESTINATION_ARN.test(arn) ? parseArn(arn) : undefined;
    if (parsed === undefined) {
      v.fail('destinationArn', "must be a CloudWatch Logs destination ARN like 'arn:aws:logs:<region>:<account>:destination:<name>'", arn);
    } else {
      if (!Token.isUnresolved(stackAccount)) {
        v.check(parsed.account !== stackAccount, 'destinationArn', `must be a destination in another account than ${stackAccount}: logs are collected centrally outside the workload account (item 2.3)`, arn);
      }
      // CloudWatch Logs subscribes a log group only to a destination of its own Region.
      if (!Token.isUnresolved(stackRegion)) {
        v.check(parsed.region === stackRegion, 'destinationArn', `must be a destination in the stack's region ${stackRegion}: a log group can only subscribe to a destination in its own Region`, arn);
      }
    }
  }
  if (props.filterPattern !== undefined && !Token.isUnresolved(props.filterPattern)) {
    v.check(props.filterPattern.length <= 1024, 'filterPattern', 'must be at most 1024 characters (the CloudWatch Logs limit)', props.filterPattern);
  }
  if (props.logGroups !== undefined) {
    v.check(props.logGroups.length > 0, 'logGroups', 'must name at least one log group (leave it out to ship every log group of the stack)', props.logGroups);
    props.logGroups.forEach((g, i) => v.check(Construct.isConstruct(g) && typeof g.logGroupName === 'string', `logGroups[${i}]`, 'must be a CloudWatch Logs log group (logs.ILogGroup)', g));
  }
  v.throwIfAny();
}
