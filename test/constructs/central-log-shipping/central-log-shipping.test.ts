import { App, Stack, aws_logs as logs } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { CentralLogShipping, CentralLogShippingProps } from '../../../constructs/central-log-shipping';
import { createEncryptedLogGroup } from '../../../constructs/core';
import { MultiAzVpc } from '../../../constructs/multi-az-vpc';
import { CompetencyChecks } from '../../../lib/packs';
import { describeNagCleanWithSnapshot } from '../governance-test-utils';

const WORKLOAD = { account: '333333333333', region: 'eu-west-1' };
const DESTINATION = 'arn:aws:logs:eu-west-1:222222222222:destination:central-logs';

function build(props: Partial<CentralLogShippingProps> = {}, extra?: (stack: Stack) => void) {
  const stack = new Stack(new App(), 'Workload', { env: WORKLOAD });
  const { logGroup: group } = createEncryptedLogGroup(stack, 'AppLogs', { retention: logs.RetentionDays.ONE_YEAR, dataClassification: 'internal', keyDescription: 'Encrypts the application logs' });
  const construct = new CentralLogShipping(stack, 'ShipLogs', { destinationArn: DESTINATION, ...props });
  extra?.(stack);
  return { stack, group, construct, template: Template.fromStack(stack) };
}

describe('CentralLogShipping', () => {
  test('by default every log group of the stack, including ones added later, gets one filter to the destination', () => {
    // GIVEN / WHEN
    const { template } = build({}, (s) => {
      new MultiAzVpc(s, 'Network', { availabilityZones: ['eu-west-1a', 'eu-west-1b'] });
      new logs.LogGroup(s, 'Later', { retention: logs.RetentionDays.ONE_YEAR });
    });
    // THEN
    const groups = Object.keys(template.findResources('AWS::Logs::LogGroup'));
    const filters = Object.values(template.findResources('AWS::Logs::SubscriptionFilter')).map((f) => f.Properties);
    expect(groups).toHaveLength(3);
    expect(filters.map((f) => f.LogGroupName.Ref).sort()).toEqual([...groups].sort());
    for (const f of filters) expect(f).toEqual({ LogGroupName: expect.anything(), DestinationArn: DESTINATION, FilterPattern: '' });
  });

  test('given log groups: only those, with the filter pattern', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Workload', { env: WORKLOAD });
    const a = new logs.LogGroup(stack, 'A', { retention: logs.RetentionDays.ONE_YEAR });
    new logs.LogGroup(stack, 'B', { retention: logs.RetentionDays.ONE_YEAR });
    // WHEN
    new CentralLogShipping(stack, 'ShipLogs', { destinationArn: DESTINATION, logGroups: [a], filterPattern: '?ERROR ?WARN' });
    // THEN
    const filters = Object.values(Template.fromStack(stack).findResources('AWS::Logs::SubscriptionFilter')).map((f) => f.Properties);
    expect(filters).toEqual([{ LogGroupName: { Ref: stack.getLogicalId(a.node.defaultChild as logs.CfnLogGroup) }, DestinationArn: DESTINATION, FilterPattern: '?ERROR ?WARN' }]);
  });

  test('meets 2.3 (LogGroupShippedCentrally) for every log group; without it the same stack fails', () => {
    // GIVEN
    const pack = () => new CompetencyChecks({ checklist: 'networking', deploymentModel: 'saas', rules: ['LogGroupShippedCentrally'] });
    const shipped = build().stack;
    const bare = new Stack(new App(), 'Workload', { env: WORKLOAD });
    new logs.LogGroup(bare, 'AppLogs', { retention: logs.RetentionDays.ONE_YEAR });
    // WHEN / THEN
    expect(pack().validateScope(shipped).violations).toEqual([]);
    expect(pack().validateScope(bare).violations.map((v) => v.ruleName)).toEqual(['Competency-2.3-LogGroupShippedCentrally']);
  });

  test.each<[string, Partial<CentralLogShippingProps>, RegExp]>([
    ['a missing destination', { destinationArn: undefined }, /'destinationArn' must be the ARN of the central CloudWatch Logs destination/],
    ['a log group ARN instead of a destination', { destinationArn: 'arn:aws:logs:eu-west-1:222222222222:log-group:central' }, /'destinationArn' must be a CloudWatch Logs destination ARN like 'arn:aws:logs:<region>:<account>:destination:<name>', got 'arn:aws:logs:eu-west-1:222222222222:log-group:central'/],
    ['a destination in the workload account', { destinationArn: 'arn:aws:logs:eu-west-1:333333333333:destination:central-logs' }, /'destinationArn' must be a destination in another account than 333333333333/],
    ['an empty list of log groups', { logGroups: [] }, /'logGroups' must name at least one log group/],
    ['a filter pattern over 1024 characters', { filterPattern: 'x'.repeat(1025) }, /'filterPattern' must be at most 1024 characters/],
  ])('%s is a clear error naming the prop', (_name, props, message) => {
    expect(() => build(props)).toThrow(message);
  });
});

describeNagCleanWithSnapshot(() => build().stack);
