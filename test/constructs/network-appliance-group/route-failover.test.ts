import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { MultiAzVpc } from '../../../constructs/multi-az-vpc';
import { NetworkApplianceGroup } from '../../../constructs/network-appliance-group';

// One esbuild bundle for this file: the stack is built once.
describe("NetworkApplianceGroup failover: 'route'", () => {
  // GIVEN a VPC WHEN a routing appliance group fails over by route replacement
  const app = new App();
  const stack = new Stack(app, 'Net', { env: { account: '111111111111', region: 'eu-west-1' } });
  const vpc = new MultiAzVpc(stack, 'Vpc').vpc;
  const group = new NetworkApplianceGroup(stack, 'Router', {
    vpc,
    bootstrapScript: 'sysctl -w net.ipv4.ip_forward=1',
    failover: 'route',
    failoverRoutes: [
      { routeTableId: 'rtb-0123456789abcdef0', destinationCidrBlock: '0.0.0.0/0' },
      { routeTableId: 'rtb-0fedcba9876543210', destinationCidrBlock: '10.50.0.0/16' },
    ],
  });
  const template = Template.fromStack(stack);

  test('a Node.js function bundled locally (no Docker), configured with the group and routes', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      Architectures: ['arm64'],
      Environment: {
        Variables: {
          ASG_NAME: { Ref: Match.stringLikeRegexp('RouterAutoScalingGroup') },
          ROUTES: JSON.stringify([
            { routeTableId: 'rtb-0123456789abcdef0', destinationCidrBlock: '0.0.0.0/0' },
            { routeTableId: 'rtb-0fedcba9876543210', destinationCidrBlock: '10.50.0.0/16' },
          ]),
        },
      },
      LoggingConfig: { LogGroup: { Ref: Match.stringLikeRegexp('RouterFailoverLogs') } },
    });
    expect(app.synth().manifest.missing).toBeUndefined();
    expect(group.failoverFunction).not.toBeUndefined();
  });

  test('driven by the group\'s launch/termination events and EC2 state changes', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        'source': ['aws.autoscaling'],
        'detail-type': ['EC2 Instance Launch Successful', 'EC2 Instance Terminate Successful', 'EC2 Instance Terminate Unsuccessful'],
        'detail': { AutoScalingGroupName: [{ Ref: Match.stringLikeRegexp('RouterAutoScalingGroup') }] },
      },
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('FailoverFunction'), 'Arn'] }, RetryPolicy: { MaximumRetryAttempts: 2 } })],
    });
    template.hasResourceProperties('AWS::Events::Rule', { EventPattern: { 'source': ['aws.ec2'], 'detail-type': ['EC2 Instance State-change Notification'], 'detail': Match.anyValue() } });
  });

  test('the function may replace only the configured route tables\' routes', () => {
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Sid: 'ReplaceOnlyTheFailoverRoutes',
            Effect: 'Allow',
            Action: ['ec2:ReplaceRoute', 'ec2:CreateRoute'],
            Resource: [
              { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ec2:eu-west-1:111111111111:route-table/rtb-0123456789abcdef0']] },
              { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ec2:eu-west-1:111111111111:route-table/rtb-0fedcba9876543210']] },
            ],
          },
          { Sid: 'DescribeOnly', Effect: 'Allow', Action: ['ec2:DescribeRouteTables', 'ec2:DescribeInstances', 'autoscaling:DescribeAutoScalingGroups'], Resource: '*' },
        ]),
      },
    });
  });

  test('routing: source/destination check disabled at boot; EC2 health checks (no load balancer)', () => {
    const lt = Object.values(template.findResources('AWS::EC2::LaunchTemplate'))[0];
    expect(JSON.stringify(lt.Properties.LaunchTemplateData.UserData)).toContain('--no-source-dest-check');
    template.hasResourceProperties('AWS::AutoScaling::AutoScalingGroup', { HealthCheckType: 'EC2', HealthCheckGracePeriod: 300 });
    template.resourceCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', 0);
    template.hasResourceProperties('AWS::EC2::SecurityGroup', { GroupDescription: 'Network appliances Net/Router', SecurityGroupIngress: Match.absent() });
  });

  test('AwsSolutions: no findings', () => {
    expect(new AwsSolutionsChecks().validateScope(stack).violations).toEqual([]);
  });
});
