/**
 * A container platform on Amazon EKS as partners write it with the L1 constructs (the L2 cluster needs a kubectl
 * Lambda layer asset): a VPC over three zones, an EKS cluster with a private API endpoint only, every control-plane
 * log type sent to CloudWatch Logs, secrets encrypted with a customer managed key and the CloudWatch Observability
 * add-on (the CloudWatch agent and Fluent Bit on every node); a managed node group over the
 * three zones from a launch template (IMDSv2 required, encrypted gp3 volumes) that scales between 3 and 9 nodes; an
 * ECR repository scanning on push; and an internal Network Load Balancer forwarding TCP to the nodes' NodePort.
 */
import {
  App, Duration, RemovalPolicy, Stack, StackProps,
  aws_ec2 as ec2, aws_ecr as ecr, aws_eks as eks, aws_elasticloadbalancingv2 as elbv2, aws_iam as iam, aws_kms as kms,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { WORKLOAD } from '../harness';

class EksPlatformStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    const vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr('10.40.0.0/16'),
      availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
      natGateways: 3,
      subnetConfiguration: [
        { name: 'Public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: 'Nodes', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 20 },
      ],
      flowLogs: { All: { destination: ec2.FlowLogDestination.toCloudWatchLogs(), trafficType: ec2.FlowLogTrafficType.ALL } },
    });
    const nodeSubnets = vpc.selectSubnets({ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }).subnetIds;

    const secretsKey = new kms.Key(this, 'SecretsKey', { enableKeyRotation: true, removalPolicy: RemovalPolicy.RETAIN });
    const clusterRole = new iam.Role(this, 'ClusterRole', {
      assumedBy: new iam.ServicePrincipal('eks.amazonaws.com'),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonEKSClusterPolicy')],
    });
    const cluster = new eks.CfnCluster(this, 'Cluster', {
      name: 'platform',
      version: '1.31',
      roleArn: clusterRole.roleArn,
      resourcesVpcConfig: { subnetIds: nodeSubnets, endpointPrivateAccess: true, endpointPublicAccess: false },
      logging: { clusterLogging: { enabledTypes: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'].map((type) => ({ type })) } },
      encryptionConfig: [{ provider: { keyArn: secretsKey.keyArn }, resources: ['secrets'] }],
      accessConfig: { authenticationMode: 'API' },
    });

    const nodeRole = new iam.Role(this, 'NodeRole', {
      assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com'),
      managedPolicies: ['AmazonEKSWorkerNodePolicy', 'AmazonEKS_CNI_Policy', 'AmazonEC2ContainerRegistryReadOnly', 'AmazonSSMManagedInstanceCore']
        .map((name) => iam.ManagedPolicy.fromAwsManagedPolicyName(name)),
    });
    const launchTemplate = new ec2.CfnLaunchTemplate(this, 'NodeLaunchTemplate', {
      launchTemplateData: {
        metadataOptions: { httpTokens: 'required', httpPutResponseHopLimit: 2 },
        blockDeviceMappings: [{ deviceName: '/dev/xvda', ebs: { volumeSize: 50, volumeType: 'gp3', encrypted: true } }],
      },
    });
    new eks.CfnNodegroup(this, 'Nodes', {
      clusterName: cluster.ref,
      nodeRole: nodeRole.roleArn,
      subnets: nodeSubnets,
      instanceTypes: ['m7g.large'],
      amiType: 'AL2023_ARM_64_STANDARD',
      scalingConfig: { minSize: 3, desiredSize: 3, maxSize: 9 },
      launchTemplate: { id: launchTemplate.ref, version: launchTemplate.attrLatestVersionNumber },
      updateConfig: { maxUnavailable: 1 },
    });

    // Container logs and Container Insights: the CloudWatch agent and Fluent Bit on every node.
    new eks.CfnAddon(this, 'Observability', { clusterName: cluster.ref, addonName: 'amazon-cloudwatch-observability' });

    new ecr.Repository(this, 'Images', {
      imageScanOnPush: true,
      imageTagMutability: ecr.TagMutability.IMMUTABLE,
      lifecycleRules: [{ maxImageCount: 50 }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // The ingress controller's NodePort, reached over an internal NLB from the rest of the VPC.
    const nlb = new elbv2.NetworkLoadBalancer(this, 'Ingress', {
      vpc,
      internetFacing: false,
      crossZoneEnabled: true,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
    });
    const targets = new elbv2.NetworkTargetGroup(this, 'IngressNodes', {
      vpc,
      port: 30443,
      protocol: elbv2.Protocol.TCP,
      targetType: elbv2.TargetType.INSTANCE,
      healthCheck: { protocol: elbv2.Protocol.TCP },
      deregistrationDelay: Duration.seconds(30),
    });
    nlb.addListener('Https', { port: 443, protocol: elbv2.Protocol.TCP, defaultTargetGroups: [targets] });
  }
}

export function build(app: App): void {
  new EksPlatformStack(app, 'Platform', { env: WORKLOAD });
}
