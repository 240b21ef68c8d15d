import * as fs from 'fs';
import { Token } from 'aws-cdk-lib';
import { PropSchema, PropValidator } from '../core';
import { cidrProblem, supportsEna } from '../../lib/aws';
import { NETWORK_APPLIANCE_GROUP_DEFAULTS as D } from './defaults';
import { ApplianceIngressRule, NetworkApplianceGroupProps } from './props';

const FAILOVERS = ['gwlb', 'nlb', 'route'];
const ROUTE_TABLE_ID = /^rtb-[0-9a-f]{8,17}$/;
const concrete = (v: unknown) => v !== undefined && !Token.isUnresolved(v);
const isPort = (p: number) => Number.isInteger(p) && p >= 1 && p <= 65535;

const APPLIANCE_RULE: PropSchema<ApplianceIngressRule> = { peer: 'object!', port: 'object!', description: 'string' };

/** JavaScript shapes of every prop of a `NetworkApplianceGroup` (`checkPropTypes`, first statement of the constructor). */
export const NETWORK_APPLIANCE_GROUP_PROP_TYPES: PropSchema<NetworkApplianceGroupProps> = {
  vpc: 'construct!',
  vpcSubnets: 'object',
  instanceType: 'object',
  machineImage: 'object',
  minCapacity: 'number',
  maxCapacity: 'number',
  targetCpuUtilization: 'number',
  scalingMetric: 'object',
  scalingTarget: 'number',
  healthCheckGracePeriod: 'duration',
  rootVolumeSizeGiB: 'number',
  bootstrapScript: 'string',
  bootstrapScriptFile: 'string',
  configuration: 'object',
  routing: 'boolean',
  failover: 'string',
  gatewayLoadBalancerEndpointSubnets: 'object',
  listenerPorts: 'number[]',
  failoverRoutes: { type: 'object[]', fields: { routeTableId: 'string!', destinationCidrBlock: 'string!' } },
  healthCheck: { type: 'object', fields: { port: 'number', protocol: 'string', path: 'string' } },
  ingress: { type: 'object[]', fields: APPLIANCE_RULE },
  egress: { type: 'object[]', fields: APPLIANCE_RULE },
  metricsNamespace: 'string',
  alarmTopic: 'construct',
  alarmThresholds: {
    type: 'object',
    fields: { openSessions: 'number', droppedPacketsPerMinute: 'number', conntrackAllowanceExceededPerMinute: 'number', ppsAllowanceExceededPerMinute: 'number' },
  },
  logGroup: 'construct',
  logRetention: 'number',
  logFiles: 'string[]',
  dashboardName: 'string',
};

/** Validates {@link NetworkApplianceGroupProps} and throws one `ValidationError` listing every problem. */
export function validateNetworkApplianceGroupProps(props: NetworkApplianceGroupProps, subnetAzs: string[]): void {
  const v = new PropValidator('NetworkApplianceGroup');
  const failover = props.failover ?? 'gwlb';

  const instanceType = props.instanceType?.toString() ?? D.instanceType;
  if (concrete(instanceType)) {
    const ena = supportsEna(instanceType);
    if (ena === false) v.fail('instanceType', 'does not support ENA (Elastic Network Adapter): choose a Nitro type such as c6in.large, c7g.large or m7i.large', instanceType);
    if (ena === undefined) v.fail('instanceType', 'is not an instance type known to support ENA (Elastic Network Adapter): choose a Nitro type such as c6in.large, c7g.large or m7i.large', instanceType);
  }

  const min = props.minCapacity ?? D.minCapacity;
  const max = props.maxCapacity ?? D.maxCapacity;
  if (concrete(min)) v.check(Number.isInteger(min) && min >= 2, 'minCapacity', 'must be at least 2 (the checklist requires scaling across AZs)', min);
  if (concrete(min) && concrete(max)) v.check(Number.isInteger(max) && max >= min, 'maxCapacity', `must be an integer of at least 'minCapacity' (${min})`, max);

  const azs = subnetAzs.filter(concrete);
  if (azs.length === subnetAzs.length) {
    v.check(new Set(azs).size >= 2, 'vpcSubnets', 'must select subnets in at least 2 AZs (checklist 2.8)', azs);
  }

  if (props.targetCpuUtilization !== undefined && concrete(props.targetCpuUtilization)) {
    v.check(props.targetCpuUtilization > 0 && props.targetCpuUtilization <= 100, 'targetCpuUtilization', 'must be a percentage above 0 and at most 100', props.targetCpuUtilization);
  }
  if (props.scalingMetric !== undefined && props.scalingTarget === undefined) v.fail('scalingTarget', "is required with 'scalingMetric'", undefined);
  if (props.scalingTarget !== undefined && props.scalingMetric === undefined) v.fail('scalingTarget', "is only used with 'scalingMetric'", props.scalingTarget);
  if (props.scalingMetric !== undefined && props.targetCpuUtilization !== undefined) v.fail('targetCpuUtilization', "must not be given together with 'scalingMetric'", props.targetCpuUtilization);

  if (props.rootVolumeSizeGiB !== undefined && concrete(props.rootVolumeSizeGiB)) {
    v.check(Number.isInteger(props.rootVolumeSizeGiB) && props.rootVolumeSizeGiB >= 8 && props.rootVolumeSizeGiB <= 16384, 'rootVolumeSizeGiB', 'must be an integer from 8 to 16384', props.rootVolumeSizeGiB);
  }

  // Bootstrap
  const scripts = [props.bootstrapScript, props.bootstrapScriptFile].filter((s) => s !== undefined);
  if (scripts.length !== 1) v.fail('bootstrapScript', "or 'bootstrapScriptFile' must be given (exactly one of them)", scripts.length === 0 ? undefined : 'both');
  if (props.bootstrapScript !== undefined && props.bootstrapScript.trim() === '') v.fail('bootstrapScript', 'must not be empty', props.bootstrapScript);
  if (props.bootstrapScriptFile !== undefined && !(fs.existsSync(props.bootstrapScriptFile) && fs.statSync(props.bootstrapScriptFile).isFile())) {
    v.fail('bootstrapScriptFile', 'must name an existing file', props.bootstrapScriptFile);
  }
  if (props.configuration !== undefined) {
    try {
      JSON.stringify(props.configuration);
    } catch {
      v.fail('configuration', 'must be serializable to JSON', '(not serializable)');
    }
    if (JSON.stringify(props.configuration ?? {}).includes('${Token[')) v.fail('configuration', 'must not contain unresolved tokens (it is written to an S3 asset at synth)', 'a token');
  }

  // Failover
  v.check(FAILOVERS.includes(failover), 'failover', `must be one of ${FAILOVERS.join(', ')}`, failover);
  if (failover === 'route') {
    if (props.routing === false) v.fail('routing', "must be true with failover 'route' (routes point at the appliance, so it forwards traffic not addressed to itself)", props.routing);
    const routes = props.failoverRoutes ?? [];
    v.check(routes.length > 0, 'failoverRoutes', "must list at least one route with failover 'route'", routes.length);
    routes.forEach((r, i) => {
      if (concrete(r.routeTableId)) v.check(ROUTE_TABLE_ID.test(r.routeTableId), `failoverRoutes[${i}].routeTableId`, 'must be a route table ID like rtb-0123456789abcdef0', r.routeTableId);
      if (concrete(r.destinationCidrBlock)) {
        const problem = cidrProblem(r.destinationCidrBlock);
        if (problem) v.fail(`failoverRoutes[${i}].destinationCidrBlock`, problem, r.destinationCidrBlock);
      }
    });
  } else if (props.failoverRoutes !== undefined) {
    v.fail('failoverRoutes', "is only used with failover 'route'", failover);
  }
  if (props.listenerPorts !== undefined) {
    if (failover !== 'nlb') v.fail('listenerPorts', "is only used with failover 'nlb'", failover);
    v.check(props.listenerPorts.length > 0, 'listenerPorts', 'must list at least one port', props.listenerPorts);
    for (const p of props.listenerPorts.filter(concrete)) v.check(isPort(p), 'listenerPorts', 'must hold ports from 1 to 65535', p);
  }
  if (props.gatewayLoadBalancerEndpointSubnets !== undefined && failover !== 'gwlb') {
    v.fail('gatewayLoadBalancerEndpointSubnets', "is only used with failover 'gwlb'", failover);
  }

  // Health check
  const hc = props.healthCheck ?? {};
  if (hc.port !== undefined && concrete(hc.port)) v.check(isPort(hc.port), 'healthCheck.port', 'must be a port from 1 to 65535', hc.port);
  if (hc.path !== undefined && (hc.protocol ?? D.healthCheckProtocol) === 'TCP') v.fail('healthCheck.path', "is only used with protocol 'HTTP' or 'HTTPS'", hc.path);
  if (failover === 'route' && props.healthCheck !== undefined) v.fail('healthCheck', "is only used with a load balancer (failover 'gwlb' or 'nlb')", failover);

  // Ingress: never from anywhere
  (props.ingress ?? []).forEach((rule, i) => {
    const config = rule.peer.toIngressRuleConfig() as { cidrIp?: string; cidrIpv6?: string };
    const open = config.cidrIp === '0.0.0.0/0' || config.cidrIpv6 === '::/0';
    v.check(!open, `ingress[${i}].peer`, 'must not be open to the internet (0.0.0.0/0 or ::/0): name the networks or security groups that send traffic', config.cidrIp ?? config.cidrIpv6);
  });

  if (props.egress !== undefined && (props.routing ?? failover === 'route')) v.fail('egress', "is not used with 'routing' (a routing appliance allows all egress)", props.egress.length);

  // Monitoring and logs
  if (props.metricsNamespace !== undefined && concrete(props.metricsNamespace)) {
    v.check(/^[A-Za-z0-9._\-/#:]{1,255}$/.test(props.metricsNamespace) && !props.metricsNamespace.startsWith('AWS/'), 'metricsNamespace', 'must be 1–255 characters of letters, digits and . _ - / # : and not start with AWS/', props.metricsNamespace);
  }
  if (props.dashboardName !== undefined && concrete(props.dashboardName)) {
    v.check(/^[A-Za-z0-9_-]{1,255}$/.test(props.dashboardName), 'dashboardName', 'must be 1–255 letters, digits, hyphens or underscores (CloudWatch dashboard names)', props.dashboardName);
  }
  if (props.logRetention !== undefined) {
    if (props.logGroup !== undefined) v.fail('logRetention', "is only used when the construct creates the log group (without 'logGroup')", props.logRetention);
    else if (concrete(props.logRetention)) v.check(props.logRetention >= 365, 'logRetention', 'must be at least 1 year (365 days; checklist 2.3)', props.logRetention);
  }
  for (const f of props.logFiles ?? []) v.check(f.startsWith('/'), 'logFiles', 'must hold absolute paths', f);
  const thresholds = props.alarmThresholds ?? {};
  for (const [name, value] of Object.entries(thresholds)) {
    if (concrete(value)) v.check(typeof value === 'number' && value >= 0, `alarmThresholds.${name}`, 'must be a number of at least 0', value);
  }

  v.throwIfAny();
}
