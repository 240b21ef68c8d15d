import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { AwsSolutionsChecks } from 'cdk-nag';
import { MultiAzVpc } from '../../../constructs/multi-az-vpc';
import { NetworkApplianceGroup, NetworkApplianceGroupProps } from '../../../constructs/network-appliance-group';

const ENV = { account: '111111111111', region: 'eu-west-1' };

function stackWithVpc() {
  const app = new App();
  const stack = new Stack(app, 'Net', { env: ENV });
  const vpc = new MultiAzVpc(stack, 'Vpc').vpc;
  return { app, stack, vpc };
}

function build(props: Partial<NetworkApplianceGroupProps> = {}) {
  const { stack, vpc } = stackWithVpc();
  const group = new NetworkApplianceGroup(stack, 'Appliances', { vpc, bootstrapScript: '#!/bin/bash\necho configure', ...props });
  return { stack, group, template: Template.fromStack(stack) };
}

/** Replaces asset hashes so the snapshot is stable. */
function normalize(template: object): object {
  return JSON.parse(JSON.stringify(template).replace(/[0-9a-f]{64}/g, '<hash>'));
}

/** The user data script as one string, tokens shown as ${Token}. */
function userDataOf(template: Template): string {
  const lt = Object.values(template.findResources('AWS::EC2::LaunchTemplate'))[0];
  const join = lt.Properties.LaunchTemplateData.UserData['Fn::Base64']['Fn::Join'][1] as unknown[];
  return join.map((part) => (typeof part === 'string' ? part : '${Token}')).join('');
}

describe('NetworkApplianceGroup defaults (GWLB)', () => {
  // GIVEN a MultiAzVpc WHEN a group is built with only a bootstrap script and a configuration
  const { stack, group, template } = build({ configuration: { hostname: 'fw', rules: ['allow 10.0.0.0/8'] } });

  test('an Auto Scaling group of 2 to 6 across the private subnets of all AZs, ELB health checks with a grace period', () => {
    template.hasResourceProperties('AWS::AutoScaling::AutoScalingGroup', {
      MinSize: '2',
      MaxSize: '6',
      HealthCheckType: 'ELB',
      HealthCheckGracePeriod: 300,
      VPCZoneIdentifier: [
        { Ref: Match.stringLikeRegexp('PrivateSubnet1Subnet') },
        { Ref: Match.stringLikeRegexp('PrivateSubnet2Subnet') },
        { Ref: Match.stringLikeRegexp('PrivateSubnet3Subnet') },
      ],
      TargetGroupARNs: [{ Ref: Match.stringLikeRegexp('GeneveTargetGroup') }],
      Cooldown: '300',
      NotificationConfigurations: [Match.objectLike({ NotificationTypes: Match.arrayWith(['autoscaling:EC2_INSTANCE_LAUNCH', 'autoscaling:EC2_INSTANCE_TERMINATE']) })],
      MetricsCollection: [{ Granularity: '1Minute' }],
    });
  });

  test('rolling updates keep the minimum in service', () => {
    template.hasResource('AWS::AutoScaling::AutoScalingGroup', {
      UpdatePolicy: { AutoScalingRollingUpdate: { MaxBatchSize: 1, MinInstancesInService: 2, PauseTime: 'PT5M' } },
    });
  });

  test('target tracking on CPU at 60%', () => {
    template.hasResourceProperties('AWS::AutoScaling::ScalingPolicy', {
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingConfiguration: { PredefinedMetricSpecification: { PredefinedMetricType: 'ASGAverageCPUUtilization' }, TargetValue: 60 },
    });
  });

  test('launch template: c6in.large, IMDSv2, encrypted gp3 root, no key pair, AL2023 x86_64 from SSM', () => {
    template.hasResourceProperties('AWS::EC2::LaunchTemplate', {
      LaunchTemplateData: Match.objectLike({
        InstanceType: 'c6in.large',
        MetadataOptions: { HttpTokens: 'required', HttpPutResponseHopLimit: 1 },
        BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 20, VolumeType: 'gp3', Encrypted: true, DeleteOnTermination: true } }],
        Monitoring: { Enabled: true },
        ImageId: { Ref: Match.stringLikeRegexp('al2023amikernel.*x8664') },
      }),
    });
    const lt = Object.values(template.findResources('AWS::EC2::LaunchTemplate'))[0];
    expect(lt.Properties.LaunchTemplateData.KeyName).toBeUndefined();
  });

  test('instance role: only the SSM and CloudWatch agent managed policies, read of its own assets', () => {
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: Match.objectLike({ Statement: [Match.objectLike({ Principal: { Service: 'ec2.amazonaws.com' } })] }),
      ManagedPolicyArns: [
        { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AmazonSSMManagedInstanceCore']] },
        { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/CloudWatchAgentServerPolicy']] },
      ],
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [{
          Sid: 'ReadOwnBootstrapAssets',
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: [Match.objectLike({ 'Fn::Join': Match.anyValue() }), Match.objectLike({ 'Fn::Join': Match.anyValue() })],
        }],
      },
    });
  });

  test('security group: health checks and GENEVE from the VPC CIDR only', () => {
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: 'Network appliances Net/Appliances',
      SecurityGroupIngress: [
        { CidrIp: { 'Fn::GetAtt': [Match.stringLikeRegexp('Vpc'), 'CidrBlock'] }, FromPort: 80, ToPort: 80, IpProtocol: 'tcp', Description: Match.anyValue() },
        { CidrIp: { 'Fn::GetAtt': [Match.stringLikeRegexp('Vpc'), 'CidrBlock'] }, FromPort: 6081, ToPort: 6081, IpProtocol: 'udp', Description: Match.anyValue() },
      ],
    });
  });

  test('egress: HTTPS to anywhere and GENEVE to the VPC CIDR only', () => {
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: 'Network appliances Net/Appliances',
      SecurityGroupEgress: [
        { CidrIp: '0.0.0.0/0', FromPort: 443, ToPort: 443, IpProtocol: 'tcp', Description: Match.anyValue() },
        { CidrIp: { 'Fn::GetAtt': [Match.stringLikeRegexp('Vpc'), 'CidrBlock'] }, FromPort: 6081, ToPort: 6081, IpProtocol: 'udp', Description: Match.anyValue() },
      ],
    });
  });

  test('user data: IMDSv2 token, CloudWatch agent, downloads and runs the bootstrap assets; no source/dest change without routing', () => {
    const script = userDataOf(template);
    expect(script).toMatch(/latest\/api\/token/);
    expect(script).toMatch(/amazon-cloudwatch-agent-ctl -a fetch-config -m ec2 -s/);
    expect(script).toMatch(/aws s3 cp --region "\$REGION" s3:\/\/cdk-hnb659fds-assets-111111111111-eu-west-1\/[0-9a-f]{64}\.sh \/opt\/appliance\/bootstrap\.sh/);
    expect(script).toMatch(/aws s3 cp --region "\$REGION" s3:\/\/cdk-hnb659fds-assets-111111111111-eu-west-1\/[0-9a-f]{64}\.json \/opt\/appliance\/configuration\.json/);
    expect(script).toMatch(/APPLIANCE_CONFIG=\/opt\/appliance\/configuration\.json \/opt\/appliance\/bootstrap\.sh/);
    expect(script).not.toMatch(/no-source-dest-check/);
    expect(group.configurationAsset).not.toBeUndefined();
  });

  test('CloudWatch agent config: custom metrics in NetworkAppliance aggregated per group, logs to the central group', () => {
    const script = userDataOf(template);
    expect(script).toMatch(/"namespace": "NetworkAppliance"/);
    expect(script).toMatch(/"aggregation_dimensions": \[\s*\[\s*"AutoScalingGroupName"\s*\]\s*\]/);
    for (const m of ['tcp_established', 'drop_in', 'pps_allowance_exceeded', 'conntrack_allowance_exceeded']) expect(script).toContain(`"${m}"`);
    expect(script).toMatch(/"file_path": "\/var\/log\/messages",\s*"log_group_name": "\$\{Token\}"/);
  });

  test('Gateway Load Balancer (deletion-protected), health-checked GENEVE target group with target failover, endpoint service and one endpoint per AZ', () => {
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      Type: 'gateway',
      Subnets: Match.arrayWith([{ Ref: Match.stringLikeRegexp('PrivateSubnet3Subnet') }]),
      LoadBalancerAttributes: Match.arrayWith([{ Key: 'deletion_protection.enabled', Value: 'true' }]),
    });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
      Protocol: 'GENEVE',
      Port: 6081,
      TargetType: 'instance',
      HealthCheckProtocol: 'TCP',
      HealthCheckPort: '80',
      TargetGroupAttributes: Match.arrayWith([{ Key: 'target_failover.on_deregistration', Value: 'rebalance' }, { Key: 'target_failover.on_unhealthy', Value: 'rebalance' }]),
    });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { DefaultActions: [{ Type: 'forward', TargetGroupArn: { Ref: Match.stringLikeRegexp('GeneveTargetGroup') } }] });
    template.hasResourceProperties('AWS::EC2::VPCEndpointService', { GatewayLoadBalancerArns: [{ Ref: Match.stringLikeRegexp('GatewayLoadBalancer') }], AcceptanceRequired: false });
    const endpoints = template.findResources('AWS::EC2::VPCEndpoint', { Properties: { VpcEndpointType: 'GatewayLoadBalancer' } });
    expect(Object.keys(endpoints)).toHaveLength(3);
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', { VpcEndpointType: 'GatewayLoadBalancer', ServiceName: { 'Fn::Join': ['', ['com.amazonaws.vpce.eu-west-1.', { Ref: Match.stringLikeRegexp('EndpointService') }]] } });
    expect(group.gatewayLoadBalancer?.endpoints).toHaveLength(3);
  });

  test('four custom-metric alarms notifying a KMS-encrypted topic, and a dashboard', () => {
    template.resourceCountIs('AWS::CloudWatch::Alarm', 4);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Metrics: [Match.objectLike({ MetricStat: Match.objectLike({ Metric: Match.objectLike({ Namespace: 'NetworkAppliance', MetricName: 'netstat_tcp_established' }), Stat: 'Sum', Period: 60 }) })],
      Threshold: 100000,
      ComparisonOperator: 'GreaterThanThreshold',
      AlarmActions: [{ Ref: Match.stringLikeRegexp('AlarmTopic') }],
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Metrics: Match.arrayWith([Match.objectLike({ Expression: 'DIFF(m)' }), Match.objectLike({ MetricStat: Match.objectLike({ Metric: Match.objectLike({ MetricName: 'ethtool_pps_allowance_exceeded', Namespace: 'NetworkAppliance' }) }) })]),
      Threshold: 0,
      AlarmActions: [{ Ref: Match.stringLikeRegexp('AlarmTopic') }],
    });
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('AlarmTopicKey'), 'Arn'] } });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', { PolicyDocument: { Statement: [
      Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      Match.objectLike({ Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' }, Condition: { StringEquals: { 'aws:SourceAccount': Match.anyValue() } } }),
    ] } });
    // Auto Scaling publishes with its service-linked role: the key admits the role, not autoscaling.amazonaws.com (the old key policy)
    const keyPolicy = JSON.stringify(Object.values(template.findResources('AWS::KMS::Key')).map((k) => k.Properties.KeyPolicy));
    expect(keyPolicy).not.toContain('"autoscaling.amazonaws.com"');
    expect(keyPolicy).toContain('role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling');
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    expect(group.alarms).toHaveLength(4);
  });

  test('central log group: KMS-encrypted, 1 year, retained', () => {
    template.hasResource('AWS::Logs::LogGroup', {
      Properties: { RetentionInDays: 365, KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('AppliancesLogsKey'), 'Arn'] } },
      DeletionPolicy: 'Retain',
    });
  });

  test('AwsSolutions: no findings', () => {
    const report = new AwsSolutionsChecks().validateScope(stack);
    expect(report.violations).toEqual([]);
  });

  test('snapshot', () => {
    expect(normalize(template.toJSON())).toMatchSnapshot();
  });
});

describe('NetworkApplianceGroup overrides', () => {
  test('NLB failover: internal, cross-zone, a TCP listener per port, no GWLB', () => {
    // GIVEN / WHEN
    const { template, group, stack } = build({ failover: 'nlb', listenerPorts: [443, 8443], healthCheck: { protocol: 'HTTP', port: 8080, path: '/health' } });
    // THEN
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      Type: 'network',
      Scheme: 'internal',
      LoadBalancerAttributes: Match.arrayWith([{ Key: 'deletion_protection.enabled', Value: 'true' }, { Key: 'load_balancing.cross_zone.enabled', Value: 'true' }]),
    });
    template.resourceCountIs('AWS::ElasticLoadBalancingV2::Listener', 2);
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Port: 8443, Protocol: 'TCP' });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', { Port: 443, Protocol: 'TCP', HealthCheckProtocol: 'HTTP', HealthCheckPort: '8080', HealthCheckPath: '/health' });
    template.resourceCountIs('AWS::EC2::VPCEndpointService', 0);
    template.hasResourceProperties('AWS::AutoScaling::AutoScalingGroup', { HealthCheckType: 'ELB', TargetGroupARNs: Match.arrayWith([{ Ref: Match.stringLikeRegexp('Appliances443') }]) });
    template.hasResourceProperties('AWS::EC2::SecurityGroup', { SecurityGroupIngress: [Match.objectLike({ FromPort: 8080, IpProtocol: 'tcp' })] });
    expect(group.networkLoadBalancer).not.toBeUndefined();
    expect(new AwsSolutionsChecks().validateScope(stack).violations).toEqual([]);
  });

  test('sizing, instance type (Graviton gets an arm64 AMI), root volume, grace period, custom scaling metric', () => {
    const metric = new cloudwatch.Metric({ namespace: 'NetworkAppliance', metricName: 'netstat_tcp_established', statistic: 'Average' });
    const { template } = build({
      minCapacity: 3, maxCapacity: 9, instanceType: new ec2.InstanceType('c7g.xlarge'), rootVolumeSizeGiB: 40,
      healthCheckGracePeriod: Duration.minutes(10), scalingMetric: metric, scalingTarget: 5000,
    });
    template.hasResourceProperties('AWS::AutoScaling::AutoScalingGroup', { MinSize: '3', MaxSize: '9', HealthCheckGracePeriod: 600 });
    template.hasResourceProperties('AWS::EC2::LaunchTemplate', {
      LaunchTemplateData: Match.objectLike({ InstanceType: 'c7g.xlarge', ImageId: { Ref: Match.stringLikeRegexp('arm64') }, BlockDeviceMappings: [Match.objectLike({ Ebs: Match.objectLike({ VolumeSize: 40 }) })] }),
    });
    template.hasResourceProperties('AWS::AutoScaling::ScalingPolicy', {
      TargetTrackingConfiguration: { CustomizedMetricSpecification: Match.objectLike({ MetricName: 'netstat_tcp_established' }), TargetValue: 5000 },
    });
  });

  test('CPU target, ingress peers, namespace, thresholds, given topic and log group, log files, dashboard name', () => {
    // GIVEN
    const { stack, vpc } = stackWithVpc();
    const topic = new sns.Topic(stack, 'Ops');
    const logGroup = new logs.LogGroup(stack, 'Central');
    // WHEN
    new NetworkApplianceGroup(stack, 'Appliances', {
      vpc, bootstrapScript: 'echo x', targetCpuUtilization: 45,
      ingress: [{ peer: ec2.Peer.ipv4('10.20.0.0/16'), port: ec2.Port.tcp(3128), description: 'Proxy clients' }],
      egress: [{ peer: ec2.Peer.ipv4('10.30.0.0/16'), port: ec2.Port.tcp(8080), description: 'Back ends' }],
      metricsNamespace: 'Acme/Proxy', alarmThresholds: { openSessions: 2000, droppedPacketsPerMinute: 10 },
      alarmTopic: topic, logGroup, logFiles: ['/var/log/squid/access.log'], dashboardName: 'acme-proxy',
    });
    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::AutoScaling::ScalingPolicy', { TargetTrackingConfiguration: Match.objectLike({ TargetValue: 45 }) });
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: Match.arrayWith([{ CidrIp: '10.20.0.0/16', FromPort: 3128, ToPort: 3128, IpProtocol: 'tcp', Description: 'Proxy clients' }]),
      SecurityGroupEgress: Match.arrayWith([{ CidrIp: '10.30.0.0/16', FromPort: 8080, ToPort: 8080, IpProtocol: 'tcp', Description: 'Back ends' }]),
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Metrics: [Match.objectLike({ MetricStat: Match.objectLike({ Metric: Match.objectLike({ Namespace: 'Acme/Proxy' }) }) })],
      Threshold: 2000,
      AlarmActions: [{ Ref: Match.stringLikeRegexp('Ops') }],
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { Threshold: 10 });
    template.resourceCountIs('AWS::SNS::Topic', 1);
    template.resourceCountIs('AWS::Logs::LogGroup', 2); // flow logs + the given one
    template.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'acme-proxy' });
    expect(userDataOf(template)).toMatch(/"file_path": "\/var\/log\/squid\/access\.log"/);
    expect(userDataOf(template)).toMatch(/"namespace": "Acme\/Proxy"/);
  });

  test('bootstrap script from a file, GWLB endpoints in other subnets', () => {
    // GIVEN
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nag-')), 'setup.sh');
    fs.writeFileSync(file, '#!/bin/bash\necho from file\n');
    // WHEN
    const { template, group } = build({ bootstrapScript: undefined, bootstrapScriptFile: file, gatewayLoadBalancerEndpointSubnets: { subnetType: ec2.SubnetType.PUBLIC } });
    // THEN
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', { VpcEndpointType: 'GatewayLoadBalancer', SubnetIds: [{ Ref: Match.stringLikeRegexp('PublicSubnet1Subnet') }] });
    expect(userDataOf(template)).toMatch(/APPLIANCE_CONFIG= \/opt\/appliance\/bootstrap\.sh/);
    expect(group.configurationAsset).toBeUndefined();
  });

  test('routing: true disables the source/destination check with a permission limited to the group', () => {
    const { template, group } = build({ routing: true });
    expect(userDataOf(template)).toMatch(/aws ec2 modify-instance-attribute --region "\$REGION" --instance-id "\$INSTANCE_ID" --no-source-dest-check/);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([{
          Sid: 'DisableSourceDestCheckOfGroupInstances',
          Effect: 'Allow',
          Action: 'ec2:ModifyInstanceAttribute',
          Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ec2:eu-west-1:111111111111:instance/*']] },
          Condition: { StringEquals: { 'aws:ResourceTag/cdk-competency:appliance-group': group.node.addr } },
        }]),
      },
    });
    template.hasResourceProperties('AWS::AutoScaling::AutoScalingGroup', { Tags: Match.arrayWith([{ Key: 'cdk-competency:appliance-group', Value: group.node.addr, PropagateAtLaunch: true }]) });
    template.hasResourceProperties('AWS::EC2::SecurityGroup', { GroupDescription: 'Network appliances Net/Appliances', SecurityGroupEgress: [{ CidrIp: '0.0.0.0/0', IpProtocol: '-1', Description: Match.anyValue() }] });
  });
});

describe('NetworkApplianceGroup validation', () => {
  const route = [{ routeTableId: 'rtb-0123456789abcdef0', destinationCidrBlock: '0.0.0.0/0' }];
  const cases: [string, Partial<NetworkApplianceGroupProps>, RegExp][] = [
    ['non-ENA type', { instanceType: new ec2.InstanceType('t2.micro') }, /NetworkApplianceGroup: 'instanceType' does not support ENA \(Elastic Network Adapter\): choose a Nitro type such as c6in\.large, c7g\.large or m7i\.large, got 't2\.micro'/],
    ['m4 type', { instanceType: new ec2.InstanceType('m4.large') }, /'instanceType' does not support ENA.*got 'm4\.large'/],
    ['unknown family', { instanceType: new ec2.InstanceType('z9q.large') }, /'instanceType' is not an instance type known to support ENA.*got 'z9q\.large'/],
    ['min 1', { minCapacity: 1 }, /NetworkApplianceGroup: 'minCapacity' must be at least 2 \(the checklist requires scaling across AZs\), got 1/],
    ['max < min', { minCapacity: 4, maxCapacity: 3 }, /'maxCapacity' must be an integer of at least 'minCapacity' \(4\), got 3/],
    ['one AZ', { vpcSubnets: { availabilityZones: ['eu-west-1a'], subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS } }, /'vpcSubnets' must select subnets in at least 2 AZs \(checklist 2\.8\), got \["eu-west-1a"\]/],
    ['CPU target', { targetCpuUtilization: 0 }, /'targetCpuUtilization' must be a percentage above 0 and at most 100, got 0/],
    ['metric without target', { scalingMetric: new cloudwatch.Metric({ namespace: 'N', metricName: 'M' }) }, /'scalingTarget' is required with 'scalingMetric', got nothing/],
    ['target without metric', { scalingTarget: 5 }, /'scalingTarget' is only used with 'scalingMetric', got 5/],
    ['root volume', { rootVolumeSizeGiB: 4 }, /'rootVolumeSizeGiB' must be an integer from 8 to 16384, got 4/],
    ['no script', { bootstrapScript: undefined }, /'bootstrapScript' or 'bootstrapScriptFile' must be given \(exactly one of them\), got nothing/],
    ['both scripts', { bootstrapScriptFile: __filename }, /'bootstrapScript' or 'bootstrapScriptFile' must be given \(exactly one of them\), got 'both'/],
    ['empty script', { bootstrapScript: '  ' }, /'bootstrapScript' must not be empty/],
    ['missing file', { bootstrapScript: undefined, bootstrapScriptFile: '/nonexistent/setup.sh' }, /'bootstrapScriptFile' must name an existing file, got '\/nonexistent\/setup\.sh'/],
    ['bad failover', { failover: 'dns' as never }, /'failover' must be one of gwlb, nlb, route, got 'dns'/],
    ['route without routes', { failover: 'route' }, /'failoverRoutes' must list at least one route with failover 'route', got 0/],
    ['route without routing', { failover: 'route', routing: false, failoverRoutes: route }, /'routing' must be true with failover 'route'/],
    ['bad route table', { failover: 'route', failoverRoutes: [{ routeTableId: 'rt-1', destinationCidrBlock: '0.0.0.0/0' }] }, /'failoverRoutes\[0\]\.routeTableId' must be a route table ID like rtb-0123456789abcdef0, got 'rt-1'/],
    ['bad route CIDR', { failover: 'route', failoverRoutes: [{ routeTableId: 'rtb-0123456789abcdef0', destinationCidrBlock: '10.0.0.1/8' }] }, /'failoverRoutes\[0\]\.destinationCidrBlock' must not have host bits set/],
    ['routes without route failover', { failoverRoutes: route }, /'failoverRoutes' is only used with failover 'route', got 'gwlb'/],
    ['health check with route failover', { failover: 'route', failoverRoutes: route, healthCheck: { port: 80 } }, /'healthCheck' is only used with a load balancer/],
    ['listener ports without NLB', { listenerPorts: [443] }, /'listenerPorts' is only used with failover 'nlb', got 'gwlb'/],
    ['bad listener port', { failover: 'nlb', listenerPorts: [70000] }, /'listenerPorts' must hold ports from 1 to 65535, got 70000/],
    ['endpoint subnets without GWLB', { failover: 'nlb', gatewayLoadBalancerEndpointSubnets: { subnetType: ec2.SubnetType.PUBLIC } }, /'gatewayLoadBalancerEndpointSubnets' is only used with failover 'gwlb', got 'nlb'/],
    ['bad health-check port', { healthCheck: { port: 0 } }, /'healthCheck\.port' must be a port from 1 to 65535, got 0/],
    ['path on TCP', { healthCheck: { path: '/health' } }, /'healthCheck\.path' is only used with protocol 'HTTP' or 'HTTPS', got '\/health'/],
    ['open ingress', { ingress: [{ peer: ec2.Peer.anyIpv4(), port: ec2.Port.tcp(443) }] }, /'ingress\[0\]\.peer' must not be open to the internet \(0\.0\.0\.0\/0 or ::\/0\).*got '0\.0\.0\.0\/0'/],
    ['open IPv6 ingress', { ingress: [{ peer: ec2.Peer.anyIpv6(), port: ec2.Port.tcp(443) }] }, /'ingress\[0\]\.peer' must not be open to the internet.*got '::\/0'/],
    ['egress with routing', { routing: true, egress: [{ peer: ec2.Peer.ipv4('10.0.0.0/8'), port: ec2.Port.tcp(80) }] }, /'egress' is not used with 'routing' \(a routing appliance allows all egress\), got 1/],
    ['AWS namespace', { metricsNamespace: 'AWS/EC2' }, /'metricsNamespace' must be 1–255 characters.*not start with AWS\/, got 'AWS\/EC2'/],
    ['short retention', { logRetention: logs.RetentionDays.ONE_MONTH }, /'logRetention' must be at least 1 year \(365 days; checklist 2\.3\), got 30/],
    ['relative log file', { logFiles: ['messages'] }, /'logFiles' must hold absolute paths, got 'messages'/],
    ['negative threshold', { alarmThresholds: { openSessions: -1 } }, /'alarmThresholds\.openSessions' must be a number of at least 0, got -1/],
  ];

  test.each(cases)('%s', (_name, props, message) => {
    expect(() => build(props)).toThrow(message);
  });

  test('retention with a given log group is refused', () => {
    const { stack, vpc } = stackWithVpc();
    const logGroup = new logs.LogGroup(stack, 'Central');
    expect(() => new NetworkApplianceGroup(stack, 'A', { vpc, bootstrapScript: 'x', logGroup, logRetention: logs.RetentionDays.ONE_YEAR })).toThrow(/'logRetention' is only used when the construct creates the log group/);
  });

  test('problems are collected and thrown together', () => {
    expect(() => build({ minCapacity: 1, instanceType: new ec2.InstanceType('c4.large') })).toThrow(/'instanceType'.*\n.*'minCapacity'/);
  });
});
