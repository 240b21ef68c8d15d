import { Aspects, CfnElement, IAspect, Names, Stack, aws_logs as logs } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { checkPropTypes } from '../core';
import { CentralLogShippingProps } from './props';
import { CENTRAL_LOG_SHIPPING_PROP_TYPES, validateCentralLogShippingProps } from './validation';

/**
 * Ships log groups to the central log account (checklist item 2.3): one subscription filter per log group to
 * the `CentralLogDestination` of the log-archive account. By default it ships every log group of its stack,
 * including the ones added after it, so a new log group cannot be forgotten.
 *
 * ```ts
 * new CentralLogShipping(stack, 'ShipLogs', { destinationArn: 'arn:aws:logs:eu-west-1:222222222222:destination:central-logs' });
 * ```
 *
 * Deploy the destination first: CloudWatch Logs checks the destination's policy when the filter is created.
 */
export class CentralLogShipping extends Construct {
  /** The destination the log groups are shipped to. */
  public readonly destinationArn: string;
  private readonly filterPattern: string;
  private readonly shipped = new Set<IConstruct>();

  constructor(scope: Construct, id: string, props: CentralLogShippingProps) {
    super(scope, id);
    checkPropTypes('CentralLogShipping', props, CENTRAL_LOG_SHIPPING_PROP_TYPES);
    const stack = Stack.of(this);
    validateCentralLogShippingProps(props, stack.account, stack.region);
    this.destinationArn = props.destinationArn;
    this.filterPattern = props.filterPattern ?? '';
    if (props.logGroups) {
      for (const group of props.logGroups) this.ship(group.logGroupName, group.node.defaultChild ?? group);
    } else {
      Aspects.of(stack).add(new ShipEveryLogGroup(this, stack));
    }
  }

  /** Adds the subscription filter of one log group, once. */
  public ship(logGroupName: string, source: IConstruct): void {
    if (this.shipped.has(source)) return;
    this.shipped.add(source);
    // Named after the log group's logical id where there is one: stable when the stack moves into another stage.
    const id = CfnElement.isCfnElement(source) && Stack.of(source) === Stack.of(this) ? Stack.of(this).getLogicalId(source) : Names.uniqueId(source);
    new logs.CfnSubscriptionFilter(this, id, {
      logGroupName,
      destinationArn: this.destinationArn,
      filterPattern: this.filterPattern,
    });
  }
}

/** Ships every `AWS::Logs::LogGroup` of one stack (not of its nested stacks: a filter cannot `Ref` across them). */
class ShipEveryLogGroup implements IAspect {
  constructor(private readonly shipping: CentralLogShipping, private readonly stack: Stack) {}

  public visit(node: IConstruct): void {
    if (node instanceof logs.CfnLogGroup && Stack.of(node) === this.stack) this.shipping.ship(node.ref, node);
  }
}
