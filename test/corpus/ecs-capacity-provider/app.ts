/**
 * Microservices on ECS with EC2 capacity, as partners run them when they need instance-level control: a VPC over three
 * zones, an Auto Scaling group from a launch template (IMDSv2, encrypted volumes) registered as an ECS capacity
 * provider with managed scaling and managed termination protection, two services (web and api) that find each other
 * through Service Connect in a Cloud Map namespace, each with two tasks or more and target-tracking task scaling, the
 * web service behind an internet-facing ALB with an HTTPS listener (HTTP redirected) and access logs, and container
 * logs to CloudWatch Logs.
 */
import {
  App, Duration, RemovalPolicy, Stack, StackProps,
  aws_autoscaling as autoscaling, aws_certificatemanager as acm, aws_ec2 as ec2, aws_ecs as ecs, aws_elasticloadbalancingv2 as elbv2, aws_iam as iam,
  aws_logs as logs, aws_s3 as s3, aws_servicediscovery as sd,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { WORKLOAD } from '../harness';

class ShopStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    const vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr('10.50.0.0/16'),
      availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
      natGateways: 3,
      subnetConfiguration: [
        { name: 'Public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: 'App', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 20 },
      ],
      flowLogs: { All: { destination: ec2.FlowLogDestination.toCloudWatchLogs(), trafficType: ec2.FlowLogTrafficType.ALL } },
    });
    const cluster = new ecs.Cluster(this, 'Cluster', { vpc, containerInsightsV2: ecs.ContainerInsights.ENABLED, defaultCloudMapNamespace: { name: 'shop.internal', type: sd.NamespaceType.DNS_PRIVATE, useForServiceConnect: true } });

    const launchTemplate = new ec2.LaunchTemplate(this, 'HostTemplate', {
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.M7G, ec2.InstanceSize.LARGE),
      machineImage: ecs.EcsOptimizedImage.amazonLinux2023(ecs.AmiHardwareType.ARM),
      userData: ec2.UserData.forLinux(),
      role: new iam.Role(this, 'HostRole', { assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com') }),
      requireImdsv2: true,
      blockDevices: [{ deviceName: '/dev/xvda', volume: ec2.BlockDeviceVolume.ebs(40, { encrypted: true, volumeType: ec2.EbsDeviceVolumeType.GP3 }) }],
    });
    const hosts = new autoscaling.AutoScalingGroup(this, 'Hosts', {
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      launchTemplate,
      minCapacity: 3,
      maxCapacity: 12,
    });
    const capacity = new ecs.AsgCapacityProvider(this, 'Capacity', {
      autoScalingGroup: hosts,
      enableManagedScaling: true,
      targetCapacityPercent: 90,
      enableManagedTerminationProtection: true,
    });
    cluster.addAsgCapacityProvider(capacity);

    const service = (name: string, image: string, port: number) => {
      const task = new ecs.Ec2TaskDefinition(this, `${name}Task`, { networkMode: ecs.NetworkMode.AWS_VPC });
      task.addContainer('App', {
        image: ecs.ContainerImage.fromRegistry(image),
        memoryReservationMiB: 512,
        portMappings: [{ name: 'http', containerPort: port }],
        logging: ecs.LogDrivers.awsLogs({ streamPrefix: name, logRetention: logs.RetentionDays.ONE_YEAR }),
      });
      const svc = new ecs.Ec2Service(this, name, {
        cluster,
        taskDefinition: task,
        desiredCount: 3,
        capacityProviderStrategies: [{ capacityProvider: capacity.capacityProviderName, weight: 1 }],
        placementStrategies: [ecs.PlacementStrategy.spreadAcross(ecs.BuiltInAttributes.AVAILABILITY_ZONE)],
        serviceConnectConfiguration: { services: [{ portMappingName: 'http', dnsName: name.toLowerCase(), port }] },
        circuitBreaker: { rollback: true },
      });
      svc.autoScaleTaskCount({ minCapacity: 3, maxCapacity: 12 }).scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });
      return svc;
    };
    const web = service('Web', 'public.ecr.aws/nginx/nginx:1.27', 8080);
    service('Api', 'public.ecr.aws/docker/library/httpd:2.4', 8081);

    const albLogs = new s3.Bucket(this, 'AlbLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(400) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const alb = new elbv2.ApplicationLoadBalancer(this, 'Alb', { vpc, internetFacing: true, dropInvalidHeaderFields: true });
    alb.logAccessLogs(albLogs, 'alb');
    alb.addRedirect({ sourcePort: 80, targetPort: 443 });
    alb.addListener('Https', {
      port: 443,
      certificates: [acm.Certificate.fromCertificateArn(this, 'Certificate', 'arn:aws:acm:eu-west-1:111111111111:certificate/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d')],
      sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
    }).addTargets('Web', { port: 8080, protocol: elbv2.ApplicationProtocol.HTTP, targets: [web], healthCheck: { path: '/health' } });
  }
}

export function build(app: App): void {
  new ShopStack(app, 'Shop', { env: WORKLOAD });
}
