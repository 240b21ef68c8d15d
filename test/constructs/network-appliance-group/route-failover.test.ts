import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { MultiAzVpc } from '../../../constructs/multi-az-vpc';
import { NetworkApplianceGroup } from '../../../constructs/network-appliance-group';

// The stack is built once for this file.
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

  test('a Node.js function whose code is the handler folder as it is (nothing bundled), configured with the group and routes', () => {
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
    const assembly = app.synth();
    expect(assembly.manifest.missing).toBeUndefined();
    expect(group.failoverFunction).not.toBeUndefined();
    // The staged asset is the handler folder byte for byte: nothing was bundled or transpiled.
    const fn = Object.values(template.findResources('AWS::Lambda::Function', { Properties: { Description: 'Points routes at a healthy network appliance' } }))[0];
    const assetDir = path.join(assembly.directory, `asset.${String(fn.Properties.Code.S3Key).replace(/\.zip$/, '')}`);
    expect(fs.readdirSync(assetDir)).toEqual(['index.js']);
    const source = path.join(__dirname, '..', '..', '..', 'constructs', 'network-appliance-group', 'failover-handler', 'index.js');
    expect(fs.readFileSync(path.join(assetDir, 'index.js'), 'utf-8')).toBe(fs.readFileSync(source, 'utf-8'));
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
