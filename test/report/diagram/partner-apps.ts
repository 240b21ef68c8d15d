/**
 * Partner-style CDK apps the diagrams are tested on, synthesized into a temporary cloud assembly:
 * - `web`: an internet-facing ALB (HTTPS listener, HTTP redirect) in front of an Auto Scaling group and an ECS
 *   Fargate service, a Multi-AZ RDS database, VPC flow logs to S3; and a second stack whose VPC has the same
 *   construct id (`Vpc`), so the two VPCs must be told apart.
 * - `inspection`: a Gateway Load Balancer with ingress routing: the internet gateway's edge route table sends the
 *   app subnets' traffic to the GWLB endpoint of their AZ, the app subnets send 0.0.0.0/0 back through it, the
 *   endpoint subnets go out through the internet gateway.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Duration, Stack, aws_autoscaling as autoscaling, aws_ec2 as ec2, aws_ecs as ecs, aws_elasticloadbalancingv2 as elbv2, aws_rds as rds, aws_s3 as s3, aws_certificatemanager as acm } from 'aws-cdk-lib';
import { loadAssembly, LoadedAssembly } from '../../../lib/report/assembly';

export const PARTNER_ACCOUNT = '555555555555';
const ENV = { account: PARTNER_ACCOUNT, region: 'eu-west-1' };
const AZ_CONTEXT = { [`availability-zones:account=${PARTNER_ACCOUNT}:region=eu-west-1`]: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'] };

/** Synthesizes `build(app)` and loads the assembly (the temp dir is removed). */
function synth(build: (app: App) => void): LoadedAssembly {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-competency-partner-'));
  const app = new App({ outdir, context: AZ_CONTEXT });
  build(app);
  app.synth();
  const assembly = loadAssembly(outdir);
  fs.rmSync(outdir, { recursive: true, force: true });
  return assembly;
}

export function webApp(): LoadedAssembly {
  return synth((app) => {
    const stack = new Stack(app, 'Web', { env: ENV });
    const vpc = new ec2.Vpc(stack, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr('10.1.0.0/16'),
      maxAzs: 3,
      natGateways: 1,
      subnetConfiguration: [
        { name: 'Public', subnetType: ec2.SubnetType.PUBLIC },
        { name: 'App', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
        { name: 'Data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      ],
    });
    const logs = new s3.Bucket(stack, 'FlowLogBucket', { enforceSSL: true });
    vpc.addFlowLog('ToS3', { destination: ec2.FlowLogDestination.toS3(logs) });
    const alb = new elbv2.ApplicationLoadBalancer(stack, 'Frontend', { vpc, internetFacing: true });
    const certificate = acm.Certificate.fromCertificateArn(stack, 'Cert', `arn:aws:acm:eu-west-1:${PARTNER_ACCOUNT}:certificate/1234`);
    const https = alb.addListener('Https', { port: 443, certificates: [certificate] });
    alb.addListener('Http', { port: 80, defaultAction: elbv2.ListenerAction.redirect({ protocol: 'HTTPS', port: '443' }) });
    const asg = new autoscaling.AutoScalingGroup(stack, 'WebServers', {
      vpc,
      vpcSubnets: { subnetGroupName: 'App' },
      instanceType: new ec2.InstanceType('t3.small'),
      machineImage: ec2.MachineImage.latestAmazonLinux2023(),
      minCapacity: 2,
      maxCapacity: 6,
    });
    https.addTargets('Web', { port: 8080, targets: [asg], healthCheck: { path: '/health' } });
    const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
    const task = new ecs.FargateTaskDefinition(stack, 'ApiTask');
    task.addContainer('api', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:latest'), portMappings: [{ containerPort: 8000 }] });
    const service = new ecs.FargateService(stack, 'Api', { cluster, taskDefinition: task, desiredCount: 3, vpcSubnets: { subnetGroupName: 'App' } });
    https.addTargets('ApiTargets', { port: 8000, targets: [service], priority: 10, conditions: [elbv2.ListenerCondition.pathPatterns(['/api/*'])], healthCheck: { path: '/api/health', interval: Duration.seconds(30) } });
    new rds.DatabaseInstance(stack, 'Orders', {
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
      vpc,
      vpcSubnets: { subnetGroupName: 'Data' },
      multiAz: true,
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.T4G, ec2.InstanceSize.MICRO),
    });
    // a second stack with a VPC of the same construct id
    const shared = new Stack(app, 'Shared', { env: ENV });
    new ec2.Vpc(shared, 'Vpc', { ipAddresses: ec2.IpAddresses.cidr('10.2.0.0/16'), maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'Isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
  });
}

export function inspectionApp(): LoadedAssembly {
  return synth((app) => {
    const stack = new Stack(app, 'Inspection', { env: ENV });
    const vpc = new ec2.Vpc(stack, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr('10.3.0.0/16'),
      maxAzs: 2,
      natGateways: 0,
      subnetConfiguration: [
        { name: 'Endpoints', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: 'App', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
        { name: 'Appliances', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
      ],
    });
    const applianceSubnets = vpc.selectSubnets({ subnetGroupName: 'Appliances' }).subnetIds;
    const gwlb = new elbv2.CfnLoadBalancer(stack, 'Gwlb', { type: 'gateway', subnets: applianceSubnets });
    const tg = new elbv2.CfnTargetGroup(stack, 'Geneve', { protocol: 'GENEVE', port: 6081, vpcId: vpc.vpcId, targetType: 'instance', healthCheckProtocol: 'TCP', healthCheckPort: '80' });
    new elbv2.CfnListener(stack, 'Listener', { loadBalancerArn: gwlb.ref, defaultActions: [{ type: 'forward', targetGroupArn: tg.ref }] });
    const template = new ec2.LaunchTemplate(stack, 'ApplianceTemplate', { instanceType: new ec2.InstanceType('c6in.large'), machineImage: ec2.MachineImage.latestAmazonLinux2023() });
    new autoscaling.CfnAutoScalingGroup(stack, 'Firewalls', {
      minSize: '2', maxSize: '4', vpcZoneIdentifier: applianceSubnets, targetGroupArns: [tg.ref],
      launchTemplate: { launchTemplateId: template.launchTemplateId, version: template.latestVersionNumber },
    });
    const service = new ec2.CfnVPCEndpointService(stack, 'InspectionService', { gatewayLoadBalancerArns: [gwlb.ref], acceptanceRequired: false });
    const endpointSubnets = vpc.selectSubnets({ subnetGroupName: 'Endpoints' }).subnets;
    const appSubnets = vpc.selectSubnets({ subnetGroupName: 'App' }).subnets;
    const edge = new ec2.CfnRouteTable(stack, 'IngressRoutes', { vpcId: vpc.vpcId });
    new ec2.CfnGatewayRouteTableAssociation(stack, 'IngressAssociation', { gatewayId: vpc.internetGatewayId!, routeTableId: edge.ref });
    endpointSubnets.forEach((subnet, i) => {
      const endpoint = new ec2.CfnVPCEndpoint(stack, `Endpoint${i + 1}`, {
        vpcId: vpc.vpcId, vpcEndpointType: 'GatewayLoadBalancer', subnetIds: [subnet.subnetId],
        serviceName: `com.amazonaws.vpce.eu-west-1.${service.ref}`,
      });
      const app = appSubnets[i];
      new ec2.CfnRoute(stack, `ToApp${i + 1}`, { routeTableId: edge.ref, destinationCidrBlock: app.ipv4CidrBlock, vpcEndpointId: endpoint.ref });
      new ec2.CfnRoute(stack, `AppOut${i + 1}`, { routeTableId: app.routeTable.routeTableId, destinationCidrBlock: '0.0.0.0/0', vpcEndpointId: endpoint.ref });
    });
  });
}
