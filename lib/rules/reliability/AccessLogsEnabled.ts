import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { flagOn } from '../utils/checks';
import { branch } from '../utils/data-stores';
import { byLiteralProperty, Referrers, referrers, referrersOf, resolveResource, resourceKey, unresolvedIn } from '../utils/references';
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
 * - `AWS::Transfer::Server`: `StructuredLogDestinations` or `LoggingRole`; `AWS::Transfer::Connector`: `LoggingRole`;
 * - `AWS::EC2::ClientVpnEndpoint`: `ConnectionLogOptions.Enabled` (the client connection log);
 * - `AWS::NetworkFirewall::Firewall`: an `AWS::NetworkFirewall::LoggingConfiguration` of the app naming it (`FirewallArn`)
 *   with at least one log destination (flow logs record all the traffic the stateful engine receives, alert logs the
 *   traffic its rules drop or alert on);
 * - `AWS::WAFv2::WebACL`: an `AWS::WAFv2::LoggingConfiguration` of the app naming it (`ResourceArn`, by reference or by
 *   an ARN ending in its `Name` and id) with a log destination: WAF logs every request the web ACL inspects, log
 *   information of the AWS infrastructure in front of the application;
 * - `AWS::Route53Resolver::ResolverEndpoint`: Resolver query logging of the endpoint's VPC (the `VpcId` of its security
 *   groups, else of its subnets): an `AWS::Route53Resolver::ResolverQueryLoggingConfigAssociation` of that VPC, or a
 *   query logging configuration associated with a Route 53 Profile the VPC is associated with. Query logging records
 *   the queries from on-premises that use an inbound endpoint and those an outbound endpoint forwards;
 * - `AWS::GlobalAccelerator::Accelerator`: `FlowLogsEnabled` (its listeners and endpoint groups are logged by it);
 * - `AWS::EKS::Cluster`: control plane logging (`Logging.ClusterLogging.EnabledTypes` with at least one type; off by
 *   default): the API server's audit and diagnostic logs of every call to the cluster's endpoint.
 * Types whose traffic is logged elsewhere (listeners by their load balancer, APIs by their stages, gateways, endpoints
 * and attachments by flow logs) are not applicable. Where the logs then go is LogGroupShippedCentrally's (API Gateway
 * and VPN logs are log groups) and the log buckets'.
 * Fails when: the service's access log of this traffic is off, so the log information item 2.3 asks to consolidate is
 * never written.
 * Fix: turn on the access log (ALB/NLB `logAccessLogs(bucket)`, CloudFront `enableLogging`, API Gateway
 * `accessLogDestination`, VPN tunnel `logOptions`, Client VPN `logging`, a Network Firewall or WAF logging configuration, Resolver
 * query logging of the endpoint's VPC, accelerator flow logs, EKS control plane logging) into the central log store.
 */
export const AccessLogsEnabled = defineRule({
  name: 'AccessLogsEnabled',
  description: 'Load balancers, CloudFront distributions, API stages, VPN tunnels and endpoints, file transfer servers, network firewalls, WAF web ACLs, DNS resolver endpoints, accelerators and EKS control planes write access logs',
  fix: 'Turn on access logging: loadBalancer.logAccessLogs(bucket), CloudFront enableLogging or a CloudWatch Logs delivery, API Gateway deployOptions.accessLogDestination / HTTP API stage accessLogSettings, AppSync logConfig, VPN tunnel LogOptions.CloudwatchLogOptions, Transfer Family structuredLogDestinations (or loggingRole), Client VPN logging, an AWS::NetworkFirewall::LoggingConfiguration, an AWS::WAFv2::LoggingConfiguration of the web ACL (ResourceArn: webAcl.attrArn) to a log group, bucket or Firehose stream named aws-waf-logs-*, an AWS::Route53Resolver::ResolverQueryLoggingConfigAssociation of the resolver endpoint\'s VPC, Global Accelerator FlowLogsEnabled with FlowLogsS3Bucket (the L2 Accelerator: through its CfnAccelerator), EKS logging.clusterLogging.enabledTypes (api, audit, authenticator, ...)',
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
      case 'AWS::EC2::ClientVpnEndpoint':
        return on(flagOn(r, 'ConnectionLogOptions/Enabled', app), 'the Client VPN endpoint logs no client connections (ConnectionLogOptions.Enabled is not true)', 'ConnectionLogOptions');
      case 'AWS::NetworkFirewall::Firewall':
        return firewall(r, app);
      case 'AWS::WAFv2::WebACL':
        return webAcl(r, app);
      case 'AWS::Route53Resolver::ResolverEndpoint':
        return resolverEndpoint(r, app);
      case 'AWS::EKS::Cluster':
        return eksControlPlane(r, app);
      case 'AWS::GlobalAccelerator::Accelerator':
        return on(flagOn(r, 'FlowLogsEnabled', app), 'the accelerator writes no flow log (FlowLogsEnabled is not true; AWS\'s default is false)', 'FlowLogsEnabled');
      default:
        return NOT_APPLICABLE;
    }
  },
});

/** An EKS cluster: at least one control plane log type sent to CloudWatch Logs, in every `Fn::If` branch. */
function eksControlPlane(r: ResourceView, app: AppView): RuleVerdict {
  const path = 'Logging/ClusterLogging/EnabledTypes';
  const res = app.resolve(r, path);
  if (!res.ok) return unverifiable(path, res.unresolved, 'Logging');
  for (const { value } of res.values) {
    if (isDeployTime(value)) return unverifiable(path, value, 'Logging');
    if (asList(value).length === 0) return nonCompliant('the cluster sends no control plane log to CloudWatch Logs (Logging.ClusterLogging.EnabledTypes is empty or not set; Amazon EKS sends none by default)', 'Logging');
  }
  return COMPLIANT;
}

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

/**
 * Compliant when one of the logging configurations naming `r` (`configurations`) sends its logs to at least one
 * destination (`destinations`, a list, in every `Fn::If` branch); unverifiable when a destination list cannot be
 * followed; undefined when none does.
 */
function loggedByConfiguration(r: ResourceView, app: AppView, configurations: Referrers, destinations: string): RuleVerdict | undefined {
  for (const config of referrersOf(r, configurations)) {
    const res = app.resolve(config, destinations);
    if (!res.ok) return unverifiable(destinations.replace(/\//g, '.'), res.unresolved, destinations.split('/')[0]);
    if (res.values.every((v) => asList(v.value).length > 0)) return COMPLIANT;
  }
  return undefined;
}

/** A firewall passes when a logging configuration of the app names it and sends at least one log type somewhere. */
function firewall(r: ResourceView, app: AppView): RuleVerdict {
  const index = referrers(app, { key: 'network-firewall-logging', fromType: 'AWS::NetworkFirewall::LoggingConfiguration', targetType: 'AWS::NetworkFirewall::Firewall', path: 'FirewallArn' });
  return loggedByConfiguration(r, app, index, 'LoggingConfiguration/LogDestinationConfigs')
    ?? nonCompliant('the firewall writes no flow or alert log (no AWS::NetworkFirewall::LoggingConfiguration of the app names it with a log destination)', 'FirewallArn');
}

/** A WAF web ACL's ARN (`arn:<partition>:wafv2:<region>:<account>:<global|regional>/webacl/<name>/<id>`) names it by `Name`. */
function webAclByArn(from: ResourceView, arn: string, app: AppView): ResourceView | undefined {
  const m = /^arn:[^:]+:wafv2:[^:]*:[^:]*:(?:global|regional)\/webacl\/([^/]+)\/[^/]+$/.exec(arn);
  return m ? byLiteralProperty(app, 'AWS::WAFv2::WebACL', 'Name', from, m[1]) : undefined;
}

/** A web ACL passes when a logging configuration of the app names it and sends its logs to a destination. */
function webAcl(r: ResourceView, app: AppView): RuleVerdict {
  const index = referrers(app, {
    key: 'wafv2-logging', fromType: 'AWS::WAFv2::LoggingConfiguration', targetType: 'AWS::WAFv2::WebACL', path: 'ResourceArn',
    byLiteral: (from, literal) => webAclByArn(from, literal, app),
  });
  const logged = loggedByConfiguration(r, app, index, 'LogDestinationConfigs');
  if (logged) return logged;
  const unknown = unresolvedIn(r.stack, index);
  if (unknown) return unverifiable(`the web ACL that ${unknown.from.path} logs (ResourceArn)`, unknown.value, 'Name');
  return nonCompliant('the web ACL logs none of the requests it inspects (no AWS::WAFv2::LoggingConfiguration of the app names it with a log destination)', 'Name');
}

/** The VPC of a resolver endpoint: the `VpcId` of its security groups, else of the subnets of its IP addresses. */
function endpointVpc(r: ResourceView, app: AppView): ResourceView | undefined {
  const groups = app.resolve(r, 'SecurityGroupIds');
  const subnets = app.resolve(r, 'IpAddresses');
  const candidates: ResourceView[] = [];
  if (groups.ok) for (const { value } of groups.values) for (const g of asList(value)) if (g instanceof ResourceValue) candidates.push(g.resource as ResourceView);
  if (subnets.ok) for (const { value } of subnets.values) for (const a of asList<any>(value)) if (isObject(a) && a.SubnetId instanceof ResourceValue) candidates.push(a.SubnetId.resource as ResourceView);
  for (const c of candidates) {
    if (c.type !== 'AWS::EC2::SecurityGroup' && c.type !== 'AWS::EC2::Subnet') continue;
    const vpc = resolveResource(c, c.properties.VpcId, app);
    if (vpc?.type === 'AWS::EC2::VPC') return vpc;
  }
  return undefined;
}

/** VPCs whose DNS queries a query logging configuration of the app logs: directly, or through a Route 53 Profile. */
function queryLoggedVpcs(app: AppView): ReadonlySet<string> {
  return app.memo('resolver-query-logged-vpcs', () => {
    const keys = new Set<string>();
    for (const a of app.ofType('AWS::Route53Resolver::ResolverQueryLoggingConfigAssociation')) {
      const vpc = resolveResource(a, a.properties.ResourceId, app);
      if (vpc?.type === 'AWS::EC2::VPC') keys.add(resourceKey(vpc));
    }
    const loggingProfiles = new Set<string>();
    for (const pra of app.ofType('AWS::Route53Profiles::ProfileResourceAssociation')) {
      const target = resolveResource(pra, pra.properties.ResourceArn, app);
      const profile = resolveResource(pra, pra.properties.ProfileId, app);
      if (target?.type === 'AWS::Route53Resolver::ResolverQueryLoggingConfig' && profile) loggingProfiles.add(resourceKey(profile));
    }
    for (const pa of app.ofType('AWS::Route53Profiles::ProfileAssociation')) {
      const profile = resolveResource(pa, pa.properties.ProfileId, app);
      const vpc = resolveResource(pa, pa.properties.ResourceId, app);
      if (profile && loggingProfiles.has(resourceKey(profile)) && vpc?.type === 'AWS::EC2::VPC') keys.add(resourceKey(vpc));
    }
    return keys;
  });
}

function resolverEndpoint(r: ResourceView, app: AppView): RuleVerdict {
  const vpc = endpointVpc(r, app);
  if (!vpc) return unverifiable('the VPC of the endpoint (the VpcId of its security groups or subnets)', r.properties.SecurityGroupIds, 'SecurityGroupIds');
  if (queryLoggedVpcs(app).has(resourceKey(vpc))) return COMPLIANT;
  const direction = literalString(r.properties.Direction)?.toLowerCase() ?? 'resolver';
  return nonCompliant(`the ${direction} endpoint's queries are logged nowhere: no Resolver query logging configuration of the app is associated with its VPC ${vpc.path}`, 'SecurityGroupIds');
}
