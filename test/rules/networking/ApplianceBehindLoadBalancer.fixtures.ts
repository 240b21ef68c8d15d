import {
  aws_autoscaling as autoscaling, aws_autoscaling_hooktargets as hooktargets, aws_elasticloadbalancingv2 as elbv2, aws_iam as iam, aws_lambda as lambda,
  CfnParameter, Fn, Stack,
} from 'aws-cdk-lib';
import { TAGS } from '../../../lib/conventions';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';
import { applianceGroup } from './builders';

function l1(s: Stack, subnets: string[] | undefined, listener = true) {
  const tg = new elbv2.CfnTargetGroup(s, 'Tg', { port: 443, protocol: 'TCP', vpcId: 'vpc-1' });
  const lb = new elbv2.CfnLoadBalancer(s, 'Lb', { type: 'network', subnets: subnets ?? new CfnParameter(s, 'Subnets', { type: 'List<AWS::EC2::Subnet::Id>' }).valueAsList });
  if (listener) new elbv2.CfnListener(s, 'L', { loadBalancerArn: lb.ref, port: 443, protocol: 'TCP', defaultActions: [{ type: 'forward', targetGroupArn: tg.ref }] });
  new autoscaling.CfnAutoScalingGroup(s, 'Asg', { minSize: '2', maxSize: '4', vpcZoneIdentifier: ['subnet-1', 'subnet-2'], targetGroupArns: [tg.ref], tags: [MARKER] });
}

/** The appliance tag on an L1 Auto Scaling group. */
const MARKER = { key: TAGS.APPLIANCE, value: 'true', propagateAtLaunch: true };

/** A marked L2 group whose lifecycle events reach a Lambda function through CDK's lifecycle-hook target. */
function dnsGroup(s: Stack, route53: boolean) {
  const { asg } = applianceGroup(s, { loadBalanced: false });
  const fn = new lambda.Function(s, 'UpdateRecords', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => {}') });
  if (route53) fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['route53:ChangeResourceRecordSets'], resources: ['arn:aws:route53:::hostedzone/Z0123456789ABCDEFGHIJ'] }));
  asg.addLifecycleHook('Launch', { lifecycleTransition: autoscaling.LifecycleTransition.INSTANCE_LAUNCHING, notificationTarget: new hooktargets.FunctionHook(fn) });
}

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'L2 appliance group with no load balancer', build: (app) => { applianceGroup(stackIn(app, 'S'), { loadBalanced: false }); }, reason: /TargetGroupARNs is empty/ },
    { name: 'lifecycle hook Lambda that may not change DNS records', build: (app) => dnsGroup(stackIn(app, 'S'), false), reason: /no lifecycle event handler of the group may update Route 53 records/ },
    { name: 'load balancer in a single subnet', build: (app) => l1(stackIn(app, 'S'), ['subnet-1']), reason: /spans 1 subnet/ },
    { name: 'target group no listener forwards to', build: (app) => l1(stackIn(app, 'S'), ['subnet-1', 'subnet-2'], false), reason: /attached to no load balancer listener/ },
    { name: 'load balancer subnets from a parameter (unverifiable)', build: (app) => l1(stackIn(app, 'S'), undefined), reason: /could not verify the subnets of load balancer/ },
    {
      name: 'imported target group ARN (unverifiable)',
      build: (app) => {
        new autoscaling.CfnAutoScalingGroup(stackIn(app, 'S'), 'Asg', { minSize: '2', maxSize: '4', vpcZoneIdentifier: ['subnet-1', 'subnet-2'], targetGroupArns: [Fn.importValue('ApplianceTg')], tags: [MARKER] });
      },
      reason: /could not verify the load balancer behind TargetGroupARNs\/0: .*Fn::ImportValue/,
    },
  ],
  compliant: [
    { name: 'L2 appliance group behind an NLB over 2 AZs', build: (app) => { applianceGroup(stackIn(app, 'S')); } },
    { name: 'L1 group, listener, NLB in 2 subnets', build: (app) => l1(stackIn(app, 'S'), ['subnet-1', 'subnet-2']) },
    { name: 'DNS high availability: a lifecycle hook Lambda keeps Route 53 records of the instances', build: (app) => dnsGroup(stackIn(app, 'S'), true) },
  ],
};
