// @ts-check
/**
 * Route-table failover for a NetworkApplianceGroup (`failover: 'route'`): the Lambda function's code,
 * deployed as it is (an asset of this folder, no bundling step, so neither esbuild nor Docker is needed
 * at synth), and type-checked by the library's tsconfig (`checkJs`).
 *
 * Runs on Auto Scaling instance launch/termination events and EC2 state changes. For every
 * configured route it keeps the target on the primary network interface of a healthy, in-service
 * instance of the group: a route whose target is not such an interface is replaced.
 *
 * Environment: ASG_NAME, ROUTES (JSON: [{ routeTableId, destinationCidrBlock }]).
 */
'use strict';

/**
 * A route to keep pointed at a healthy appliance.
 * @typedef {object} RouteSpec
 * @property {string} routeTableId
 * @property {string} destinationCidrBlock
 */

/**
 * A route as it is now.
 * @typedef {object} CurrentRoute
 * @property {string} routeTableId
 * @property {string} destinationCidrBlock
 * @property {string} [networkInterfaceId] The ENI the route targets, if any.
 * @property {string} [state] `active` or `blackhole`.
 * @property {boolean} exists Whether the route table has a route for the destination at all.
 */

/**
 * A healthy appliance.
 * @typedef {object} HealthyTarget
 * @property {string} instanceId
 * @property {string} networkInterfaceId
 */

/**
 * A route to replace.
 * @typedef {object} RouteChange
 * @property {string} routeTableId
 * @property {string} destinationCidrBlock
 * @property {string} networkInterfaceId
 * @property {'replace' | 'create'} action `replace` an existing route, or `create` a missing one.
 */

/**
 * Which routes to point elsewhere: every route that targets no healthy interface (or a blackhole)
 * moves to a healthy one, spreading routes over targets in a stable order. Pure, for tests.
 * @param {readonly CurrentRoute[]} routes
 * @param {readonly HealthyTarget[]} healthy
 * @returns {RouteChange[]}
 */
function planRouteChanges(routes, healthy) {
  if (healthy.length === 0) return [];
  const targets = [...healthy].sort((a, b) => a.instanceId.localeCompare(b.instanceId));
  const healthyEnis = new Set(targets.map((t) => t.networkInterfaceId));
  /** @type {RouteChange[]} */
  const changes = [];
  routes.forEach((route, i) => {
    const ok = route.networkInterfaceId !== undefined && healthyEnis.has(route.networkInterfaceId) && route.state !== 'blackhole';
    if (ok) return;
    changes.push({ routeTableId: route.routeTableId, destinationCidrBlock: route.destinationCidrBlock, networkInterfaceId: targets[i % targets.length].networkInterfaceId, action: route.exists ? 'replace' : 'create' });
  });
  return changes;
}

// The Lambda Node.js runtime provides AWS SDK v3; it is not a dependency of this library, so the
// handler declares the small part of it that it uses and loads it at run time.
/** @typedef {{ send(command: unknown): Promise<any> }} SdkClient */
/** @typedef {new (input: object) => unknown} SdkCommand */
/** @typedef {{ EC2Client: new (c: object) => SdkClient, DescribeInstancesCommand: SdkCommand, DescribeRouteTablesCommand: SdkCommand, ReplaceRouteCommand: SdkCommand, CreateRouteCommand: SdkCommand }} Ec2Sdk */
/** @typedef {{ AutoScalingClient: new (c: object) => SdkClient, DescribeAutoScalingGroupsCommand: SdkCommand }} AsgSdk */

/**
 * Lambda entry point.
 * @param {{ 'detail-type'?: string }} event
 * @returns {Promise<{ changes: RouteChange[] }>}
 */
async function handler(event) {
  const runtimeModule = /** @type {(id: string) => unknown} */ (require);
  const ec2Sdk = /** @type {Ec2Sdk} */ (runtimeModule('@aws-sdk/client-ec2'));
  const asgSdk = /** @type {AsgSdk} */ (runtimeModule('@aws-sdk/client-auto-scaling'));
  const ec2 = new ec2Sdk.EC2Client({});
  const autoscaling = new asgSdk.AutoScalingClient({});
  const asgName = /** @type {string} */ (process.env.ASG_NAME);
  const specs = /** @type {RouteSpec[]} */ (JSON.parse(process.env.ROUTES ?? '[]'));

  const groups = await autoscaling.send(new asgSdk.DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [asgName] }));
  /** @type {string[]} */
  const inService = (groups.AutoScalingGroups?.[0]?.Instances ?? [])
    .filter((/** @type {any} */ i) => i.LifecycleState === 'InService' && i.HealthStatus === 'Healthy')
    .map((/** @type {any} */ i) => i.InstanceId);

  /** @type {HealthyTarget[]} */
  const healthy = [];
  if (inService.length > 0) {
    const described = await ec2.send(new ec2Sdk.DescribeInstancesCommand({ InstanceIds: inService }));
    for (const reservation of described.Reservations ?? []) {
      for (const instance of reservation.Instances ?? []) {
        if (instance.State?.Name !== 'running') continue;
        const eni = (instance.NetworkInterfaces ?? []).find((/** @type {any} */ n) => n.Attachment?.DeviceIndex === 0);
        if (eni) healthy.push({ instanceId: instance.InstanceId, networkInterfaceId: eni.NetworkInterfaceId });
      }
    }
  }

  const tables = await ec2.send(new ec2Sdk.DescribeRouteTablesCommand({ RouteTableIds: [...new Set(specs.map((s) => s.routeTableId))] }));
  /** @type {CurrentRoute[]} */
  const current = specs.map((spec) => {
    const table = (tables.RouteTables ?? []).find((/** @type {any} */ t) => t.RouteTableId === spec.routeTableId);
    const route = (table?.Routes ?? []).find((/** @type {any} */ r) => r.DestinationCidrBlock === spec.destinationCidrBlock);
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

module.exports = { handler, planRouteChanges };
