import * as path from 'path';
import { ArnFormat, Duration, Stack, Validations } from 'aws-cdk-lib';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { METADATA } from '../../lib/conventions';
import { createEncryptedLogGroup } from '../core/encrypted-log-group';
import { GENEVE_PORT, NETWORK_APPLIANCE_GROUP_DEFAULTS as D } from './defaults';
import { ApplianceFailoverRoute, ApplianceHealthCheck } from './props';

/** The resources of a Gateway Load Balancer failover. */
export interface GatewayLoadBalancerResources {
  readonly loadBalancer: elbv2.CfnLoadBalancer;
  readonly targetGroup: elbv2.CfnTargetGroup;
  readonly endpointService: ec2.CfnVPCEndpointService;
  readonly endpoints: ec2.CfnVPCEndpoint[];
}

function healthCheckProps(hc: ApplianceHealthCheck) {
  const protocol = hc.protocol ?? D.healthCheckProtocol;
  return {
    healthCheckEnabled: true,
    healthCheckProtocol: protocol,
    healthCheckPort: String(hc.port ?? D.healthCheckPort),
    healthCheckPath: protocol === 'TCP' ? undefined : (hc.path ?? '/'),
    healthCheckIntervalSeconds: 10,
    healthyThresholdCount: 3,
    unhealthyThresholdCount: 3,
  };
}

/**
 * A Gateway Load Balancer across the appliances' subnets, a GENEVE target group (health-checked,
 * target failover: rebalance) holding the Auto Scaling group, an endpoint service and one Gateway
 * Load Balancer endpoint per AZ.
 */
export function createGatewayLoadBalancer(scope: Construct, asg: autoscaling.AutoScalingGroup, vpc: ec2.IVpc, subnets: ec2.SelectedSubnets, endpointSubnets: ec2.SelectedSubnets, hc: ApplianceHealthCheck): GatewayLoadBalancerResources {
  const loadBalancer = new elbv2.CfnLoadBalancer(scope, 'GatewayLoadBalancer', {
    type: 'gateway',
    subnets: subnets.subnetIds,
    loadBalancerAttributes: [
      { key: 'load_balancing.cross_zone.enabled', value: 'true' },
      // Every route through the appliances depends on it: deleting it takes a deliberate step.
      { key: 'deletion_protection.enabled', value: 'true' },
    ],
  });
  Validations.of(loadBalancer).acknowledge({
    id: 'AwsSolutions-ELB2',
    reason: 'Gateway Load Balancers have no access logs; traffic through the appliances is recorded by the VPC flow logs of the VPCs whose route tables point at the GWLB endpoints.',
  });
  const targetGroup = new elbv2.CfnTargetGroup(scope, 'GeneveTargetGroup', {
    protocol: 'GENEVE',
    port: GENEVE_PORT,
    vpcId: vpc.vpcId,
    targetType: 'instance',
    ...healthCheckProps(hc),
    targetGroupAttributes: [
      { key: 'deregistration_delay.timeout_seconds', value: '60' },
      { key: 'target_failover.on_deregistration', value: 'rebalance' },
      { key: 'target_failover.on_unhealthy', value: 'rebalance' },
    ],
  });
  new elbv2.CfnListener(scope, 'GatewayListener', {
    loadBalancerArn: loadBalancer.ref,
    defaultActions: [{ type: 'forward', targetGroupArn: targetGroup.ref }],
  });
  asg.attachToNetworkTargetGroup(elbv2.NetworkTargetGroup.fromTargetGroupAttributes(scope, 'ImportedGeneveTargetGroup', { targetGroupArn: targetGroup.ref }));

  const endpointService = new ec2.CfnVPCEndpointService(scope, 'EndpointService', {
    gatewayLoadBalancerArns: [loadBalancer.ref],
    acceptanceRequired: false,
  });
  const region = Stack.of(scope).region;
  const seen = new Set<string>();
  const endpoints: ec2.CfnVPCEndpoint[] = [];
  endpointSubnets.subnets.forEach((subnet) => {
    if (seen.has(subnet.availabilityZone)) return; // one endpoint per AZ
    seen.add(subnet.availabilityZone);
    const endpoint = new ec2.CfnVPCEndpoint(scope, `GatewayLoadBalancerEndpoint${endpoints.length + 1}`, {
      vpcEndpointType: 'GatewayLoadBalancer',
      vpcId: vpc.vpcId,
      serviceName: `com.amazonaws.vpce.${region}.${endpointService.ref}`,
      subnetIds: [subnet.subnetId],
    });
    endpoint.addMetadata(METADATA.CHECKLIST_ITEMS, ['2.1', '2.8']);
    endpoints.push(endpoint);
  });
  return { loadBalancer, targetGroup, endpointService, endpoints };
}

/** An internal Network Load Balancer across the AZs with a TCP listener per port. */
export function createNetworkLoadBalancer(scope: Construct, asg: autoscaling.AutoScalingGroup, vpc: ec2.IVpc, subnets: ec2.SubnetSelection, ports: readonly number[], hc: ApplianceHealthCheck): elbv2.NetworkLoadBalancer {
  const loadBalancer = new elbv2.NetworkLoadBalancer(scope, 'NetworkLoadBalancer', {
    vpc,
    vpcSubnets: subnets,
    internetFacing: false,
    crossZoneEnabled: true,
    deletionProtection: true,
  });
  Validations.of(loadBalancer).acknowledge({
    id: 'AwsSolutions-ELB2',
    reason: 'The listeners are TCP: a Network Load Balancer writes access logs only for TLS listeners. Connections are recorded by the VPC flow logs.',
  }, {
    id: 'Competency-1.24-InternalListenerTls',
    reason: 'The internal load balancer passes TCP through to the appliances inside the VPC; the appliances terminate the clients\' connections, and their TLS, themselves.',
  });
  const protocol = hc.protocol ?? D.healthCheckProtocol;
  for (const port of ports) {
    loadBalancer.addListener(`Tcp${port}`, { port, protocol: elbv2.Protocol.TCP }).addTargets(`Appliances${port}`, {
      port,
      protocol: elbv2.Protocol.TCP,
      targets: [asg],
      deregistrationDelay: Duration.seconds(60),
      healthCheck: {
        enabled: true,
        protocol: elbv2.Protocol[protocol],
        port: String(hc.port ?? D.healthCheckPort),
        path: protocol === 'TCP' ? undefined : (hc.path ?? '/'),
        interval: Duration.seconds(10),
        healthyThresholdCount: 3,
        unhealthyThresholdCount: 3,
      },
    });
  }
  return loadBalancer;
}

/**
 * The function's code: `failover-handler/index.js`, plain CommonJS deployed as it is (the build copies the
 * folder next to the compiled construct), so synth bundles nothing and needs neither esbuild nor Docker.
 */
const HANDLER_DIR = path.join(__dirname, 'failover-handler');

/**
 * A function (its code an asset of `failover-handler/`, nothing bundled) that keeps `routes` pointed at a healthy
 * instance's network interface, run on the group's instance launch/termination events and on EC2
 * state changes.
 */
export function createRouteFailover(scope: Construct, asg: autoscaling.AutoScalingGroup, routes: readonly ApplianceFailoverRoute[]): lambda.Function {
  const stack = Stack.of(scope);
  const { logGroup } = createEncryptedLogGroup(scope, 'FailoverLogs', {
    retention: D.logRetention,
    dataClassification: 'internal',
    keyDescription: `Encrypts the logs of the route failover function of ${scope.node.path}`,
  });
  const role = new iam.Role(scope, 'FailoverRole', {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    description: 'Route-table failover of a NetworkApplianceGroup',
  });
  logGroup.grantWrite(role);
  role.addToPolicy(new iam.PolicyStatement({
    sid: 'ReplaceOnlyTheFailoverRoutes',
    actions: ['ec2:ReplaceRoute', 'ec2:CreateRoute'],
    resources: [...new Set(routes.map((r) => r.routeTableId))].map((id) => stack.formatArn({ service: 'ec2', resource: 'route-table', resourceName: id, arnFormat: ArnFormat.SLASH_RESOURCE_NAME })),
  }));
  role.addToPolicy(new iam.PolicyStatement({
    sid: 'DescribeOnly',
    actions: ['ec2:DescribeRouteTables', 'ec2:DescribeInstances', 'autoscaling:DescribeAutoScalingGroups'],
    resources: ['*'],
  }));
  Validations.of(role).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason: 'ec2:DescribeRouteTables, ec2:DescribeInstances and autoscaling:DescribeAutoScalingGroups support no resource-level permissions; the only write actions (ec2:ReplaceRoute, ec2:CreateRoute) are limited to the configured route tables.',
  });

  const fn = new lambda.Function(scope, 'FailoverFunction', {
    code: lambda.Code.fromAsset(HANDLER_DIR),
    handler: 'index.handler',
    runtime: lambda.Runtime.NODEJS_24_X,
    architecture: lambda.Architecture.ARM_64,
    timeout: Duration.seconds(30),
    memorySize: 256,
    role,
    logGroup,
    description: 'Points routes at a healthy network appliance',
    environment: { ASG_NAME: asg.autoScalingGroupName, ROUTES: JSON.stringify(routes) },
  });
  fn.node.addDependency(role);

  new events.Rule(scope, 'FailoverOnGroupChange', {
    description: 'Instance launched or terminated in the appliance group',
    eventPattern: {
      source: ['aws.autoscaling'],
      detailType: ['EC2 Instance Launch Successful', 'EC2 Instance Terminate Successful', 'EC2 Instance Terminate Unsuccessful'],
      detail: { AutoScalingGroupName: [asg.autoScalingGroupName] },
    },
    targets: [new targets.LambdaFunction(fn, { retryAttempts: 2 })],
  });
  new events.Rule(scope, 'FailoverOnInstanceStateChange', {
    description: 'An EC2 instance stopping or terminating (the function ignores instances of other groups)',
    eventPattern: {
      source: ['aws.ec2'],
      detailType: ['EC2 Instance State-change Notification'],
      detail: { state: ['stopping', 'stopped', 'shutting-down', 'terminated'] },
    },
    targets: [new targets.LambdaFunction(fn, { retryAttempts: 2 })],
  });
  return fn;
}
