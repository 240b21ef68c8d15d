/**
 * An SD-WAN edge on AWS as a network partner's CloudFormation-style reference deployment, written in CDK: virtual
 * appliances in an Auto Scaling group over two zones behind a Gateway Load Balancer, bootstrapped from user data
 * with their configuration in S3, publishing three custom metrics with alarms, and attached to a transit gateway
 * through two BGP VPN connections from the appliances' Elastic IPs.
 */
import {
  App, Duration, RemovalPolicy, Stack, StackProps, Tags,
  aws_autoscaling as autoscaling, aws_cloudwatch as cloudwatch, aws_cloudwatch_actions as actions, aws_ec2 as ec2,
  aws_elasticloadbalancingv2 as elbv2, aws_iam as iam, aws_s3 as s3, aws_sns as sns,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { WORKLOAD } from '../harness';

class EdgeStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    const vpc = new ec2.Vpc(this, 'Edge', { ipAddresses: ec2.IpAddresses.cidr('10.200.0.0/16'), maxAzs: 2 });

    const config = new s3.Bucket(this, 'ApplianceConfig', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Tags.of(config).add('DataClassification', 'internal');

    const role = new iam.Role(this, 'ApplianceRole', {
      assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com'),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonSSMManagedInstanceCore')],
    });
    config.grantRead(role);
    role.addToPolicy(new iam.PolicyStatement({ actions: ['cloudwatch:PutMetricData'], resources: ['*'], conditions: { StringEquals: { 'cloudwatch:namespace': 'SDWAN' } } }));

    const sg = new ec2.SecurityGroup(this, 'ApplianceSg', { vpc, description: 'SD-WAN appliances', allowAllOutbound: false });
    sg.addIngressRule(ec2.Peer.ipv4(vpc.vpcCidrBlock), ec2.Port.udp(6081), 'GENEVE from the Gateway Load Balancer');
    sg.addIngressRule(ec2.Peer.ipv4(vpc.vpcCidrBlock), ec2.Port.tcp(443), 'Health checks');
    sg.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'Orchestrator and AWS APIs');
    sg.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.udp(500), 'IKE to the branches');
    sg.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.udp(4500), 'IPsec NAT-T to the branches');

    const userData = ec2.UserData.forLinux();
    userData.addCommands(
      `aws s3 cp s3://${config.bucketName}/edge/config.json /etc/sdwan/config.json`,
      '/opt/sdwan/bin/bootstrap --config /etc/sdwan/config.json',
    );
    const template = new ec2.LaunchTemplate(this, 'ApplianceTemplate', {
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.C6IN, ec2.InstanceSize.LARGE),
      machineImage: ec2.MachineImage.latestAmazonLinux2023(),
      role,
      securityGroup: sg,
      userData,
      requireImdsv2: true,
      blockDevices: [{ deviceName: '/dev/xvda', volume: ec2.BlockDeviceVolume.ebs(16, { encrypted: true }) }],
    });
    const appliances = new autoscaling.AutoScalingGroup(this, 'Appliances', {
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      launchTemplate: template,
      minCapacity: 2,
      maxCapacity: 6,
    });
    appliances.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });
    Tags.of(appliances).add('DataClassification', 'internal');

    const gwlb = new elbv2.CfnLoadBalancer(this, 'Gwlb', {
      type: 'gateway',
      subnets: vpc.privateSubnets.map((s) => s.subnetId),
    });
    const targets = new elbv2.CfnTargetGroup(this, 'ApplianceTargets', {
      protocol: 'GENEVE',
      port: 6081,
      vpcId: vpc.vpcId,
      targetType: 'instance',
      healthCheckProtocol: 'TCP',
      healthCheckPort: '443',
    });
    new elbv2.CfnListener(this, 'GwlbListener', {
      loadBalancerArn: gwlb.ref,
      defaultActions: [{ type: 'forward', targetGroupArn: targets.ref }],
    });
    (appliances.node.defaultChild as autoscaling.CfnAutoScalingGroup).targetGroupArns = [targets.ref];

    const ops = new sns.Topic(this, 'NocTopic');
    for (const metricName of ['TunnelsDown', 'PacketLossPercent', 'SessionsPerSecond']) {
      new cloudwatch.Alarm(this, `${metricName}Alarm`, {
        metric: new cloudwatch.Metric({ namespace: 'SDWAN', metricName, dimensionsMap: { AutoScalingGroupName: appliances.autoScalingGroupName }, period: Duration.minutes(1) }),
        threshold: metricName === 'SessionsPerSecond' ? 50000 : 1,
        evaluationPeriods: 3,
      }).addAlarmAction(new actions.SnsAction(ops));
    }

    const tgw = new ec2.CfnTransitGateway(this, 'TransitGateway', { amazonSideAsn: 64512, vpnEcmpSupport: 'enable' });
    ['A', 'B'].forEach((name) => {
      const eip = new ec2.CfnEIP(this, `Appliance${name}Ip`, { domain: 'vpc' });
      const gateway = new ec2.CfnCustomerGateway(this, `Appliance${name}Gateway`, { type: 'ipsec.1', ipAddress: eip.attrPublicIp, bgpAsn: 65100 });
      new ec2.CfnVPNConnection(this, `Appliance${name}Vpn`, { type: 'ipsec.1', customerGatewayId: gateway.ref, transitGatewayId: tgw.ref });
    });
  }
}

export function build(app: App): void {
  new EdgeStack(app, 'Edge', { env: WORKLOAD });
}
