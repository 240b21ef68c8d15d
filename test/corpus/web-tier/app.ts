/**
 * A three-tier web application as the AWS workshops build it: a network stack exporting its VPC to a web stack
 * (cross-stack references), an internet-facing Application Load Balancer with HTTPS and an HTTP-to-HTTPS
 * redirect, an Auto Scaling group launched from a launch template, and a Multi-AZ RDS for MySQL database whose
 * password Secrets Manager generates.
 */
import {
  App, Duration, RemovalPolicy, Stack, StackProps,
  aws_autoscaling as autoscaling, aws_certificatemanager as acm, aws_cloudwatch as cloudwatch, aws_cloudwatch_actions as actions,
  aws_ec2 as ec2, aws_elasticloadbalancingv2 as elbv2, aws_iam as iam, aws_rds as rds, aws_s3 as s3, aws_sns as sns,
  aws_sns_subscriptions as subscriptions,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { WORKLOAD } from '../harness';

class NetworkStack extends Stack {
  public readonly vpc: ec2.Vpc;

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    this.vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr('10.10.0.0/16'),
      maxAzs: 2,
      subnetConfiguration: [
        { name: 'Public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: 'App', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 22 },
        { name: 'Data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
      ],
    });
    this.vpc.addFlowLog('FlowLog');
  }
}

interface WebStackProps extends StackProps {
  readonly vpc: ec2.IVpc;
}

class WebStack extends Stack {
  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);
    const { vpc } = props;

    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ expiration: Duration.days(400) }],
    });
    const assets = new s3.Bucket(this, 'Assets', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'assets/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const alb = new elbv2.ApplicationLoadBalancer(this, 'Alb', { vpc, internetFacing: true });
    alb.logAccessLogs(accessLogs, 'alb');
    const certificate = acm.Certificate.fromCertificateArn(this, 'Certificate', 'arn:aws:acm:eu-west-1:111111111111:certificate/6f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b');
    const https = alb.addListener('Https', { port: 443, certificates: [certificate], sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS });
    alb.addRedirect();

    const role = new iam.Role(this, 'WebRole', {
      assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com'),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonSSMManagedInstanceCore')],
    });
    assets.grantRead(role);
    const userData = ec2.UserData.forLinux();
    userData.addCommands('dnf install -y nginx', 'systemctl enable --now nginx');
    const webSg = new ec2.SecurityGroup(this, 'WebSg', { vpc, description: 'Web servers' });
    const launchTemplate = new ec2.LaunchTemplate(this, 'WebLaunchTemplate', {
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.T3, ec2.InstanceSize.MEDIUM),
      machineImage: ec2.MachineImage.latestAmazonLinux2023(),
      role,
      userData,
      securityGroup: webSg,
      requireImdsv2: true,
      blockDevices: [{ deviceName: '/dev/xvda', volume: ec2.BlockDeviceVolume.ebs(20, { encrypted: true }) }],
    });
    const asg = new autoscaling.AutoScalingGroup(this, 'WebAsg', {
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      launchTemplate,
      minCapacity: 2,
      maxCapacity: 6,
      healthChecks: autoscaling.HealthChecks.withAdditionalChecks({
        additionalTypes: [autoscaling.AdditionalHealthCheckType.ELB],
        gracePeriod: Duration.minutes(5),
      }),
    });
    asg.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });
    https.addTargets('Web', { port: 80, targets: [asg], healthCheck: { path: '/health' } });

    const db = new rds.DatabaseInstance(this, 'Database', {
      engine: rds.DatabaseInstanceEngine.mysql({ version: rds.MysqlEngineVersion.VER_8_0 }),
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.BURSTABLE3, ec2.InstanceSize.MEDIUM),
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      multiAz: true,
      storageEncrypted: true,
      allocatedStorage: 50,
      maxAllocatedStorage: 200,
      credentials: rds.Credentials.fromGeneratedSecret('admin'),
      backupRetention: Duration.days(7),
      deletionProtection: true,
      removalPolicy: RemovalPolicy.SNAPSHOT,
    });
    db.connections.allowDefaultPortFrom(asg);

    const ops = new sns.Topic(this, 'OpsTopic');
    ops.addSubscription(new subscriptions.EmailSubscription('ops@partner.example.com'));
    const errors = new cloudwatch.Alarm(this, 'Target5xx', {
      metric: alb.metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, { period: Duration.minutes(1) }),
      threshold: 10,
      evaluationPeriods: 3,
    });
    errors.addAlarmAction(new actions.SnsAction(ops));
  }
}

export function build(app: App): void {
  const network = new NetworkStack(app, 'Network', { env: WORKLOAD });
  new WebStack(app, 'Web', { env: WORKLOAD, vpc: network.vpc });
}
