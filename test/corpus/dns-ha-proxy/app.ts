/**
 * A partner's software load balancer deployed the way its quick start does: proxy instances in an Auto Scaling
 * group over two zones in public subnets, high availability through DNS (a Lambda function updates the Route 53
 * record set when the group launches or terminates an instance), three custom metrics with alarms, user-data
 * bootstrap, and an internal Application Load Balancer downstream. The proxies are marked as the solution's
 * appliances with the documented tag.
 */
import {
  App, Duration, Stack, StackProps, Tags,
  aws_autoscaling as autoscaling, aws_cloudwatch as cloudwatch, aws_cloudwatch_actions as actions, aws_ec2 as ec2,
  aws_elasticloadbalancingv2 as elbv2, aws_events as events, aws_events_targets as targets, aws_iam as iam, aws_lambda as lambda,
  aws_logs as logs, aws_route53 as route53, aws_sns as sns,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { WORKLOAD } from '../harness';

class ProxyStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    const vpc = new ec2.Vpc(this, 'Vpc', { maxAzs: 2 });
    const zone = new route53.PublicHostedZone(this, 'Zone', { zoneName: 'lb.partner.example.com' });

    const proxySg = new ec2.SecurityGroup(this, 'ProxySg', { vpc, description: 'Proxies', allowAllOutbound: false });
    proxySg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS from clients');
    proxySg.addEgressRule(ec2.Peer.ipv4(vpc.vpcCidrBlock), ec2.Port.tcp(80), 'Downstream load balancer');
    proxySg.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'Licensing and AWS APIs');
    const role = new iam.Role(this, 'ProxyRole', {
      assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com'),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonSSMManagedInstanceCore')],
    });
    role.addToPolicy(new iam.PolicyStatement({ actions: ['cloudwatch:PutMetricData'], resources: ['*'], conditions: { StringEquals: { 'cloudwatch:namespace': 'ProxyLB' } } }));
    const userData = ec2.UserData.forLinux();
    userData.addCommands('curl -fsSL https://downloads.partner.example.com/proxylb/install.sh | sh -s -- --metrics-namespace ProxyLB');
    const template = new ec2.LaunchTemplate(this, 'ProxyTemplate', {
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.C6IN, ec2.InstanceSize.XLARGE),
      machineImage: ec2.MachineImage.latestAmazonLinux2023(),
      role,
      securityGroup: proxySg,
      userData,
      requireImdsv2: true,
      associatePublicIpAddress: true,
      blockDevices: [{ deviceName: '/dev/xvda', volume: ec2.BlockDeviceVolume.ebs(16, { encrypted: true }) }],
    });
    const proxies = new autoscaling.AutoScalingGroup(this, 'Proxies', {
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      launchTemplate: template,
      minCapacity: 2,
      maxCapacity: 8,
    });
    proxies.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 55 });
    Tags.of(proxies).add('cdk-competency:appliance', 'true', { applyToLaunchedInstances: true });
    Tags.of(proxies).add('DataClassification', 'internal');

    const updaterLogs = new logs.LogGroup(this, 'DnsUpdaterLogs', { retention: logs.RetentionDays.THREE_MONTHS });
    const updater = new lambda.Function(this, 'DnsUpdater', {
      runtime: lambda.Runtime.PYTHON_3_12,
      handler: 'index.handler',
      code: lambda.Code.fromInline('def handler(event, context):\n    pass\n'),
      environment: { ZONE_ID: zone.hostedZoneId, RECORD_NAME: 'www.lb.partner.example.com' },
      logGroup: updaterLogs,
      timeout: Duration.seconds(30),
    });
    updater.addToRolePolicy(new iam.PolicyStatement({ actions: ['route53:ChangeResourceRecordSets'], resources: [zone.hostedZoneArn] }));
    updater.addToRolePolicy(new iam.PolicyStatement({ actions: ['ec2:DescribeInstances', 'autoscaling:DescribeAutoScalingGroups'], resources: ['*'] }));
    new events.Rule(this, 'ProxyLifecycle', {
      eventPattern: {
        source: ['aws.autoscaling'],
        detailType: ['EC2 Instance Launch Successful', 'EC2 Instance Terminate Successful'],
        detail: { AutoScalingGroupName: [proxies.autoScalingGroupName] },
      },
      targets: [new targets.LambdaFunction(updater)],
    });

    const backendSg = new ec2.SecurityGroup(this, 'BackendLbSg', { vpc, description: 'Downstream ALB', allowAllOutbound: false });
    backendSg.addIngressRule(proxySg, ec2.Port.tcp(80), 'From the proxies');
    const backend = new elbv2.ApplicationLoadBalancer(this, 'BackendLb', { vpc, internetFacing: false, securityGroup: backendSg });
    backend.addListener('Http', { port: 80, open: false, defaultAction: elbv2.ListenerAction.fixedResponse(200) });

    const noc = new sns.Topic(this, 'NocTopic');
    for (const metricName of ['Http5xxPerSecond', 'ConnectionsPerSecond', 'OpenSessions']) {
      new cloudwatch.Alarm(this, `${metricName}Alarm`, {
        metric: new cloudwatch.Metric({ namespace: 'ProxyLB', metricName, dimensionsMap: { AutoScalingGroupName: proxies.autoScalingGroupName }, period: Duration.minutes(1) }),
        threshold: 1000,
        evaluationPeriods: 3,
      }).addAlarmAction(new actions.SnsAction(noc));
    }
  }
}

export function build(app: App): void {
  new ProxyStack(app, 'Proxy', { env: WORKLOAD });
}
