import {
  aws_autoscaling as autoscaling, aws_autoscaling_hooktargets as hooktargets, aws_ec2 as ec2, aws_events as events, aws_events_targets as targets,
  aws_lambda as lambda, aws_sns as sns, Stack,
} from 'aws-cdk-lib';
import { TAGS } from '../../../lib/conventions';
import { markAsAppliance } from '../../../lib/declarations';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';
import { applianceGroup } from './builders';

function group(s: Stack) {
  const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2, natGateways: 0 });
  const asg = new autoscaling.AutoScalingGroup(s, 'Routers', { vpc, instanceType: new ec2.InstanceType('c6in.large'), machineImage: ec2.MachineImage.latestAmazonLinux2023() });
  markAsAppliance(asg);
  return asg;
}
const pattern = (asg: autoscaling.AutoScalingGroup) => ({ source: ['aws.autoscaling'], detail: { AutoScalingGroupName: [asg.autoScalingGroupName] } });

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'L2 group in no load balancer and with no failover rule', build: (app) => { group(stackIn(app, 'S')); }, reason: /in no load balancer .* no EventBridge rule/ },
    {
      name: 'lifecycle rule on the group that only notifies a topic',
      build: (app) => {
        const s = stackIn(app, 'S');
        new events.Rule(s, 'OnChange', { eventPattern: pattern(group(s)), targets: [new targets.SnsTopic(new sns.Topic(s, 'T'))] });
      },
      reason: /EventBridge rule .*OnChange.* targets no Lambda function/,
    },
  ],
  compliant: [
    { name: 'L2 group behind an NLB', build: (app) => { applianceGroup(stackIn(app, 'S')); } },
    {
      name: 'lifecycle rule invoking a route-failover Lambda function',
      build: (app) => {
        const s = stackIn(app, 'S');
        const fn = new lambda.Function(s, 'Failover', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => {}') });
        new events.Rule(s, 'OnChange', { eventPattern: pattern(group(s)), targets: [new targets.LambdaFunction(fn)] });
      },
    },
    {
      name: 'lifecycle hook whose topic invokes an ENI-moving Lambda function (CDK FunctionHook)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const fn = new lambda.Function(s, 'MoveEni', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => {}') });
        group(s).addLifecycleHook('Terminating', { lifecycleTransition: autoscaling.LifecycleTransition.INSTANCE_TERMINATING, notificationTarget: new hooktargets.FunctionHook(fn) });
      },
    },
    {
      name: 'L1 group named literally, rule matching the name',
      build: (app) => {
        const s = stackIn(app, 'S');
        new autoscaling.CfnAutoScalingGroup(s, 'Asg', { autoScalingGroupName: 'routers', minSize: '2', maxSize: '2', availabilityZones: ['eu-west-1a', 'eu-west-1b'], tags: [{ key: TAGS.APPLIANCE, value: 'true', propagateAtLaunch: true }] });
        new events.CfnRule(s, 'Rule', { eventPattern: { source: ['aws.autoscaling'], detail: { AutoScalingGroupName: ['routers'] } }, targets: [{ id: 'fn', arn: 'arn:aws:lambda:eu-west-1:111111111111:function:failover' }] });
      },
    },
  ],
};
