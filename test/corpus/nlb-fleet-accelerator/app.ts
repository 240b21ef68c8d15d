/**
 * A TLS service on an EC2 Auto Scaling fleet, as partners deploy a licensed server product: a Global Accelerator in
 * front of an internet-facing Network Load Balancer with a TLS listener (ACM certificate, TLS 1.3 policy) and access
 * logs, forwarding TCP to an Auto Scaling group over three zones launched from a launch template (IMDSv2 required,
 * encrypted root volume, Systems Manager instance profile, the CloudWatch agent installed from user data), scaling on
 * CPU with ELB health checks, patched by a State Manager association; and a Route 53 alias to the accelerator.
 */
import {
  App, Duration, RemovalPolicy, Stack, StackProps,
  aws_autoscaling as autoscaling, aws_certificatemanager as acm, aws_ec2 as ec2, aws_elasticloadbalancingv2 as elbv2,
  aws_globalaccelerator as ga, aws_globalaccelerator_endpoints as gaEndpoints, aws_iam as iam, aws_route53 as route53,
  aws_route53_targets as targets, aws_s3 as s3, aws_ssm as ssm,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { WORKLOAD } from '../harness';

class LicenseServiceStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    const vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr('10.30.0.0/16'),
      availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
      natGateways: 3,
      subnetConfiguration: [
        { name: 'Public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: 'App', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 22 },
      ],
      flowLogs: { All: { destination: ec2.FlowLogDestination.toCloudWatchLogs(), trafficType: ec2.FlowLogTrafficType.ALL } },
    });

    const logs = new s3.Bucket(this, 'NlbLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(400) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const role = new iam.Role(this, 'InstanceRole', {
      assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com'),
      managedPolicies: [
        iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonSSMManagedInstanceCore'),
        iam.ManagedPolicy.fromAwsManagedPolicyName('CloudWatchAgentServerPolicy'),
      ],
    });
    const userData = ec2.UserData.forLinux();
    userData.addCommands(
      'dnf install -y amazon-cloudwatch-agent',
      '/opt/aws/amazon-cloudwatch-agent/bin/amazon-cloudwatch-agent-ctl -a fetch-config -m ec2 -s -c ssm:/license-service/cloudwatch-agent',
      'systemctl enable --now license-server',
    );
    const appSg = new ec2.SecurityGroup(this, 'AppSg', { vpc, description: 'License servers', allowAllOutbound: false });
    appSg.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS to AWS APIs and the licence portal');
    const launchTemplate = new ec2.LaunchTemplate(this, 'LaunchTemplate', {
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.C7G, ec2.InstanceSize.LARGE),
      machineImage: ec2.MachineImage.latestAmazonLinux2023({ cpuType: ec2.AmazonLinuxCpuType.ARM_64 }),
      role,
      userData,
      securityGroup: appSg,
      requireImdsv2: true,
      blockDevices: [{ deviceName: '/dev/xvda', volume: ec2.BlockDeviceVolume.ebs(30, { encrypted: true, volumeType: ec2.EbsDeviceVolumeType.GP3 }) }],
    });
    const fleet = new autoscaling.AutoScalingGroup(this, 'Fleet', {
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      launchTemplate,
      minCapacity: 3,
      maxCapacity: 12,
      healthChecks: autoscaling.HealthChecks.withAdditionalChecks({
        additionalTypes: [autoscaling.AdditionalHealthCheckType.ELB],
        gracePeriod: Duration.minutes(5),
      }),
    });
    fleet.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 55 });

    const nlbSg = new ec2.SecurityGroup(this, 'NlbSg', { vpc, description: 'License service front door', allowAllOutbound: false });
    nlbSg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'TLS from clients');
    nlbSg.addEgressRule(appSg, ec2.Port.tcp(8443), 'To the fleet');
    appSg.addIngressRule(nlbSg, ec2.Port.tcp(8443), 'From the load balancer');
    const nlb = new elbv2.NetworkLoadBalancer(this, 'Nlb', {
      vpc,
      internetFacing: true,
      crossZoneEnabled: true,
      securityGroups: [nlbSg],
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
    });
    nlb.logAccessLogs(logs, 'nlb');
    const listener = nlb.addListener('Tls', {
      port: 443,
      protocol: elbv2.Protocol.TLS,
      certificates: [acm.Certificate.fromCertificateArn(this, 'Certificate', 'arn:aws:acm:eu-west-1:111111111111:certificate/5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a')],
      sslPolicy: elbv2.SslPolicy.TLS13_RES,
    });
    listener.addTargets('Fleet', {
      port: 8443,
      protocol: elbv2.Protocol.TCP,
      targets: [fleet],
      healthCheck: { protocol: elbv2.Protocol.HTTPS, path: '/health', port: '8443' },
      deregistrationDelay: Duration.seconds(60),
    });

    const accelerator = new ga.Accelerator(this, 'Accelerator', { acceleratorName: 'license-service' });
    accelerator.addListener('Tls', { portRanges: [{ fromPort: 443 }], protocol: ga.ConnectionProtocol.TCP, clientAffinity: ga.ClientAffinity.SOURCE_IP })
      .addEndpointGroup('EuWest1', { endpoints: [new gaEndpoints.NetworkLoadBalancerEndpoint(nlb, { preserveClientIp: true })], healthCheckProtocol: ga.HealthCheckProtocol.TCP, healthCheckPort: 443 });

    const zone = route53.HostedZone.fromHostedZoneAttributes(this, 'Zone', { hostedZoneId: 'Z0987654321ZYXWVUTSRQ', zoneName: 'licensing.partner.example.com' });
    new route53.ARecord(this, 'Alias', { zone, target: route53.RecordTarget.fromAlias(new targets.GlobalAcceleratorTarget(accelerator)) });

    new ssm.CfnAssociation(this, 'Patching', {
      name: 'AWS-RunPatchBaseline',
      associationName: 'license-fleet-patching',
      scheduleExpression: 'cron(0 3 ? * SUN *)',
      parameters: { Operation: ['Install'], RebootOption: ['RebootIfNeeded'] },
      targets: [{ key: 'tag:aws:autoscaling:groupName', values: [fleet.autoScalingGroupName] }],
    });
  }
}

export function build(app: App): void {
  new LicenseServiceStack(app, 'Licensing', { env: WORKLOAD });
}
