import { aws_logs as logs } from 'aws-cdk-lib';

/** Props of {@link CentralLogShipping}. */
export interface CentralLogShippingProps {
  /**
   * ARN of the central CloudWatch Logs destination in the log-archive account
   * (`CentralLogDestination.destinationArn`), e.g. `arn:aws:logs:eu-west-1:222222222222:destination:central-logs`.
   */
  readonly destinationArn: string;
  /**
   * The log groups to ship.
   * @default - every log group defined in this construct's stack, found when the app is synthesized
   */
  readonly logGroups?: logs.ILogGroup[];
  /**
   * Which events to ship (CloudWatch Logs filter pattern syntax).
   * @default '' (every event)
   */
  readonly filterPattern?: string;
}
