/**
 * Route-table failover for a NetworkApplianceGroup (`failover: 'route'`).
 *
 * Runs on Auto Scaling instance launch/termination events and EC2 state changes. For every
 * configured route it keeps the target on the primary network interface of a healthy, in-service
 * instance of the group: a route whose target is not such an interface is replaced.
 *
 * Environment: ASG_NAME, ROUTES (JSON: [{ routeTableId, destinationCidrBlock }]).
 */

/** A route to keep pointed at a healthy appliance. */
export interface RouteSpec {
  readonly routeTableId: string;
  readonly destinationCidrBlock: string;
}

/** A route as it is now. */
export interface CurrentRoute extends RouteSpec {
  /** The ENI the route targets, if any. */
  readonly networkInterfaceId?: string;
  /** `active` or `blackhole`. */
  readonly state?: string;
  /** Whether the route table has a route for the destination at all. */
  readonly exists: boolean;
}

/** A healthy appliance. */
export interface HealthyTarget {
  readonly instanceId: string;
  readonly networkInterfaceId: string;
}

/** A route to replace. */
export interface RouteChange extends RouteSpec {
  readonly networkInterfaceId: string;
  /** `replace` an existing route, or `create` a missing one. */
  readonly action: 'replace' | 'create';
}

/**
 * Which routes to point elsewhere: every route that targets no healthy interface (or a blackhole)
 * moves to a healthy one, spreading routes over targets in a stable order. Pure, for tests.
 */
export function planRouteChanges(routes: readonly CurrentRoute[], healthy: readonly HealthyTarget[]): RouteChange[] {
  if (healthy.length === 0) return [];
  const targets = [...healthy].sort((a, b) => a.instanceId.localeCompare(b.instanceId));
  const healthyEnis = new Set(targets.map((t) => t.networkInterfaceId));
  const changes: RouteChange[] = [];
  routes.forEach((route, i) => {
    const ok = route.networkInterfaceId !== undefined && healthyEnis.has(route.networkInterfaceId) && route.state !== 'blackhole';
    if (ok) return;
    changes.push({ routeTableId: route.routeTableId, destinationCidrBlock: route.destinationCidrBlock, networkInterfaceId: targets[i % targets.length].networkInterfaceId, action: route.exists ? 'replace' : 'create' });
  });
  return changes;
}

// The Lambda Node.js runtime provides AWS SDK v3; it is not a dependency of this library, so the
// handler declares the small part of it that it uses and loads it at run time.
interface SdkClient { send(command: unknown): Promise<any> }
type SdkCommand = new (input: object) => unknown;
interface Ec2Sdk { EC2Client: new (c: object) => SdkClient; DescribeInstancesCommand: SdkCommand; DescribeRouteTablesCommand: SdkCommand; ReplaceRouteCommand: SdkCommand; CreateRouteCommand: SdkCommand }
interface AsgSdk { AutoScalingClient: new (c: object) => SdkClient; DescribeAutoScalingGroupsCommand: SdkCommand }

/** Lambda entry point. */
export async function handler(event: { 'detail-type'?: string }): Promise<{ changes: RouteChange[] }> {
  const ec2Sdk = require('@aws-sdk/client-ec2') as Ec2Sdk;
  const asgSdk = require('@aws-sdk/client-auto-scaling') as AsgSdk;
  const ec2 = new ec2Sdk.EC2Client({});
  const autoscaling = new asgSdk.AutoScalingClient({});
  const asgName = process.env.ASG_NAME!;
  const specs = JSON.parse(process.env.ROUTES ?? '[]') as RouteSpec[];

  const groups = await autoscaling.send(new asgSdk.DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [asgName] }));
  const inService: string[] = (groups.AutoScalingGroups?.[0]?.Instances ?? [])
    .filter((i: any) => i.LifecycleState === 'InService' && i.HealthStatus === 'Healthy')
    .map((i: any) => i.InstanceId);

  const healthy: HealthyTarget[] = [];
  if (inService.length > 0) {
    const described = await ec2.send(new ec2Sdk.DescribeInstancesCommand({ InstanceIds: inService }));
    for (const reservation of described.Reservations ?? []) {
      for (const instance of reservation.Instances ?? []) {
        if (instance.State?.Name !== 'running') continue;
        const eni = (instance.NetworkInterfaces ?? []).find((n: any) => n.Attachment?.DeviceIndex === 0);
        if (eni) healthy.push({ instanceId: instance.InstanceId, networkInterfaceId: eni.NetworkInterfaceId });
      }
    }
  }

  const tables = await ec2.send(new ec2Sdk.DescribeRouteTablesCommand({ RouteTableIds: [...new Set(specs.map((s) => s.routeTableId))] }));
  const current: CurrentRoute[] = specs.map((spec) => {
    const table = (tables.RouteTables ?? []).find((t: any) => t.RouteTableId === spec.routeTableId);
    const route = (table?.Routes ?? []).find((r: any) => r.DestinationCidrBlock === spec.destinationCidrBlock);
    return { ...spec, networkInterfaceId: route?.NetworkInterfaceId, state: route?.State, exists: route !== undefined };
  });

  const changes = planRouteChanges(current, healthy);
  for (const change of changes) {
    const input = { RouteTableId: change.routeTableId, DestinationCidrBlock: change.destinationCidrBlock, NetworkInterfaceId: change.networkInterfaceId };
    await ec2.send(change.action === 'replace' ? new ec2Sdk.ReplaceRouteCommand(input) : new ec2Sdk.CreateRouteCommand(input));
  }
  console.log(JSON.stringify({ event: event['detail-type'], healthy: healthy.length, changes }));
  if (healthy.length === 0) console.error(`No healthy in-service instance in ${asgName}: routes left unchanged`);
  return { changes };
}
