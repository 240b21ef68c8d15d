import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { flagOn } from '../utils/checks';
import { branch } from '../utils/data-stores';
import { resolveResource, resourceKey } from '../utils/references';
import { asList, isDeployTime, isObject, literalString, ResourceValue, Text, TRAFFIC_LOGS, trafficLogOf } from '../../aws';

/** S3 buckets are BucketAccessLogged's. */
const TYPES = Object.keys(TRAFFIC_LOGS).filter((t) => t !== 'AWS::S3::Bucket');

/**
 * Reads: the traffic types of `lib/aws/access-logs.ts`, in every `Fn::If` branch:
 * - `AWS::ElasticLoadBalancingV2::LoadBalancer`: the `access_logs.s3.enabled` attribute (an Application Load Balancer
 *   always; a Network Load Balancer when it has a TLS listener, the only traffic it logs; a Gateway Load Balancer has no
 *   access log); `AWS::ElasticLoadBalancing::LoadBalancer`: `AccessLoggingPolicy.Enabled`;
 * - `AWS::CloudFront::Distribution`: `DistributionConfig.Logging`, or (across the app) an `AWS::Logs::DeliverySource` of
 *   the distribution with `LogType: ACCESS_LOGS` that an `AWS::Logs::Delivery` sends on;
 * - `AWS::ApiGateway::Stage` (`AccessLogSetting.DestinationArn`), an `AWS::ApiGateway::Deployment` that creates a stage
 *   (`StageDescription.AccessLogSetting`), `AWS::ApiGatewayV2::Stage` (`AccessLogSettings.DestinationArn`), a
 *   quick-create `AWS::ApiGatewayV2::Api` (`Target`: its `$default` stage has no access log);
 * - `AWS::AppSync::GraphQLApi`: `LogConfig.FieldLogLevel` other than NONE;
 * - `AWS::EC2::VPNConnection`: tunnel activity logs on both tunnels (`VpnTunnelOptionsSpecifications[].LogOptions`);
 * - `AWS::Transfer::Server`: `StructuredLogDestinations` or `LoggingRole`; `AWS::Transfer::Connector`: `LoggingRole`.
 * Types whose traffic is logged elsewhere (listeners by their load balancer, APIs by their stages, gateways, endpoints
 * and attachments by flow logs) are not applicable. Where the logs then go is LogGroupShippedCentrally's (API Gateway
 * and VPN logs are log groups) and the log buckets'.
 * Fails when: the service's access log of this traffic is off, so the log information item 2.3 asks to consolidate is
 * never written.
 * Fix: turn on the access log (ALB/NLB `logAccessLogs(bucket)`, CloudFront `enableLogging`, API Gateway
 * `accessLogDestination`, VPN tunnel `logOptions`) into the central log store.
 */
export const AccessLogsEnabled = defineRule({
  name: 'AccessLogsEnabled',
  description: 'Load balancers, CloudFront distributions, API stages, VPN tunnels and file transfer servers write access logs',
  fix: 'Turn on access logging: loadBalancer.logAccessLogs(bucket), CloudFront enableLogging or a CloudWatch Logs delivery, API Gateway deployOptions.accessLogDestination / HTTP API stage accessLogSettings, AppSync logConfig, VPN tunnel LogOptions.CloudwatchLogOptions, Transfer Family structuredLogDestinations (or loggingRole)',
  resourceTypes: TYPES,
  scope: 'app',
  check(r, app) {
    const log = trafficLogOf(r.type);
    if (!log || !TYPES.includes(r.type) || log.kind === 'elsewhere') return NOT_APPLICABLE;
    const p = r.properties;
    switch (r.type) {
      case 'AWS::ElasticLoadBalancingV2::LoadBalancer':
        return loadBalancer(r, app);
      case 'AWS::ElasticLoadBalancing::LoadBalancer':
        return on(flagOn(r, 'AccessLoggingPolicy/Enabled', app), 'the Classic Load Balancer writes no access log (AccessLoggingPolicy.Enabled is not true)', 'AccessLoggingPolicy');
      case 'AWS::CloudFront::Distribution':
        return present(r, 'DistributionConfig/Logging/Bucket', app) === true || deliveredAccessLogs(app).has(resourceKey(r))
          ? COMPLIANT : nonCompliant('the distribution writes no access log (no DistributionConfig.Logging and no CloudWatch Logs delivery of its ACCESS_LOGS)', 'DistributionConfig/Logging');
      case 'AWS::ApiGateway::Stage':
        return on(present(r, 'AccessLogSetting/DestinationArn', app), 'the stage writes no access log (no AccessLogSetting.DestinationArn)', 'AccessLogSetting');
      case 'AWS::ApiGateway::Deployment':
        if (p.StageName === undefined) return NOT_APPLICABLE;
        return on(present(r, 'StageDescription/AccessLogSetting/DestinationArn', app), `the stage ${literalString(p.StageName) ?? ''} this deployment creates writes no access log (no StageDescription.AccessLogSetting)`, 'StageDescription');
      case 'AWS::ApiGatewayV2::Stage':
        return on(present(r, 'AccessLogSettings/DestinationArn', app), 'the stage writes no access log (no AccessLogSettings.DestinationArn)', 'AccessLogSettings');
      case 'AWS::ApiGatewayV2::Api':
        return p.Target === undefined ? NOT_APPLICABLE : nonCompliant('a quick-create API (Target) gets a $default stage without access logs: declare the stage with AccessLogSettings', 'Target');
      case 'AWS::AppSync::GraphQLApi': {
        const level = literalString(p.LogConfig?.FieldLogLevel);
        if (isObject(p.LogConfig) && level === undefined && p.LogConfig.FieldLogLevel !== undefined) return unverifiable('LogConfig.FieldLogLevel', p.LogConfig.FieldLogLevel, 'LogConfig');
        return level !== undefined && level !== 'NONE' ? COMPLIANT : nonCompliant(`the API writes no request log (LogConfig.FieldLogLevel is ${level ?? 'not set'})`, 'LogConfig');
      }
      case 'AWS::EC2::VPNConnection':
        return vpnTunnels(r, app);
      case 'AWS::Transfer::Server': {
        const destinations = app.resolve(r, 'StructuredLogDestinations');
        if (!destinations.ok) return unverifiable('StructuredLogDestinations', destinations.unresolved, 'StructuredLogDestinations');
        if (destinations.values.every((v) => asList(v.value).length > 0)) return COMPLIANT;
        return on(present(r, 'LoggingRole', app), 'the Transfer Family server logs no user activity (no StructuredLogDestinations and no LoggingRole)', 'LoggingRole');
      }
      case 'AWS::Transfer::Connector':
        return on(present(r, 'LoggingRole', app), 'the Transfer Family connector logs no activity (no LoggingRole)', 'LoggingRole');
      default:
        return NOT_APPLICABLE;
    }
  },
});

function on(value: boolean | RuleVerdict, problem: string, location: string): RuleVerdict {
  if (typeof value === 'object') return value;
  return value ? COMPLIANT : nonCompliant(problem, location);
}

/** Whether a property is set in every `Fn::If` branch, or the verdict when it cannot be followed. */
function present(r: ResourceView, path: string, app: AppView): boolean | RuleVerdict {
  const res = app.resolve(r, path);
  if (!res.ok) return unverifiable(path, res.unresolved, path.split('/')[0]);
  return res.values.every((v) => v.value !== undefined && v.value !== '');
}

function loadBalancer(r: ResourceView, app: AppView): RuleVerdict {
  const type = literalString(r.properties.Type) ?? 'application';
  if (type === 'gateway') return NOT_APPLICABLE;
  const res = app.resolve(r, 'LoadBalancerAttributes');
  if (!res.ok) return unverifiable('LoadBalancerAttributes', res.unresolved, 'LoadBalancerAttributes');
  for (const { value, conditions } of res.values) {
    const attribute = asList<any>(value).find((a) => isObject(a) && a.Key === 'access_logs.s3.enabled');
    if (isDeployTime(attribute?.Value)) return unverifiable('access_logs.s3.enabled', attribute.Value, 'LoadBalancerAttributes');
    if (attribute?.Value === 'true' || attribute?.Value === true) continue;
    if (type === 'network' && !hasTlsListener(r, app)) continue;
    return nonCompliant(`the ${type === 'network' ? 'Network Load Balancer (with a TLS listener)' : 'Application Load Balancer'} writes no access log (access_logs.s3.enabled is not true${branch(conditions)})`, 'LoadBalancerAttributes');
  }
  return type === 'network' && !hasTlsListener(r, app) ? NOT_APPLICABLE : COMPLIANT;
}

/** Whether a listener of the app with protocol TLS belongs to the load balancer. */
function hasTlsListener(lb: ResourceView, app: AppView): boolean {
  const tls = app.memo('tls-listeners-by-load-balancer', () => {
    const keys = new Set<string>();
    for (const l of app.ofType('AWS::ElasticLoadBalancingV2::Listener')) {
      const target = l.properties.Protocol === 'TLS' ? resolveResource(l, l.properties.LoadBalancerArn, app) : undefined;
      if (target) keys.add(resourceKey(target));
    }
    return keys;
  });
  return tls.has(resourceKey(lb));
}

/** Distributions whose ACCESS_LOGS a delivery source sends on through an `AWS::Logs::Delivery`, indexed once per pass. */
function deliveredAccessLogs(app: AppView): ReadonlySet<string> {
  return app.memo('cloudfront-access-log-deliveries', () => {
    const delivered = new Set<ResourceView>();
    for (const d of app.ofType('AWS::Logs::Delivery')) {
      const source = resolveResource(d, d.properties.DeliverySourceName, app);
      if (source?.type === 'AWS::Logs::DeliverySource') delivered.add(source);
    }
    const keys = new Set<string>();
    for (const source of delivered) {
      if (source.properties.LogType !== 'ACCESS_LOGS') continue;
      const res = app.resolve(source, 'ResourceArn');
      if (!res.ok) continue;
      for (const { value } of res.values) {
        const refs = value instanceof ResourceValue ? [value] : value instanceof Text ? value.parts.filter((x): x is ResourceValue => x instanceof ResourceValue) : [];
        for (const ref of refs) if (ref.resource.type === 'AWS::CloudFront::Distribution') keys.add(resourceKey(ref.resource as ResourceView));
      }
    }
    return keys;
  });
}

function vpnTunnels(r: ResourceView, app: AppView): RuleVerdict {
  const res = app.resolve(r, 'VpnTunnelOptionsSpecifications');
  if (!res.ok) return unverifiable('VpnTunnelOptionsSpecifications', res.unresolved, 'VpnTunnelOptionsSpecifications');
  for (const { value, conditions } of res.values) {
    const tunnels = asList<any>(value);
    const logged = tunnels.filter((t) => isObject(t) && (t.LogOptions?.CloudwatchLogOptions?.LogEnabled === true || t.LogOptions?.CloudwatchLogOptions?.LogEnabled === 'true'));
    if (tunnels.some((t) => isDeployTime(t?.LogOptions?.CloudwatchLogOptions?.LogEnabled))) return unverifiable('the tunnel log options', value, 'VpnTunnelOptionsSpecifications');
    if (logged.length < 2) {
      return nonCompliant(`${logged.length === 0 ? 'no tunnel' : 'only one tunnel'} of the VPN connection writes tunnel activity logs (VpnTunnelOptionsSpecifications[].LogOptions.CloudwatchLogOptions.LogEnabled${branch(conditions)})`, 'VpnTunnelOptionsSpecifications');
    }
  }
  return COMPLIANT;
}
