/**
 * Where each type that carries traffic keeps the log of that traffic, as item 2.3 ("All log information from the
 * application, and from the AWS infrastructure, should be consolidated") asks: the service's own access log and the
 * property that turns it on, or the reason the type has no log of its own.
 *
 * Sources: the CloudFormation resource reference and each service's documentation of access logging (Elastic Load
 * Balancing access logs, CloudFront standard logs, API Gateway access logging, S3 server access logging, AppSync
 * logging, Site-to-Site VPN tunnel logs, Transfer Family server and connector logging, Client VPN connection logging,
 * AWS Network Firewall logging, AWS WAF web ACL logging, Route 53 Resolver query logging, Global Accelerator flow logs,
 * Amazon EKS control plane logging).
 */

/** How a type logs the traffic it carries. */
export type TrafficLog =
  /** The service writes an access log when the template turns it on; `how` says where (read by the rule). */
  | { readonly kind: 'access-log'; readonly how: string }
  /**
   * The type writes no log of its own: the traffic through it is recorded elsewhere (`where`): by the resource that
   * owns it (a listener by its load balancer, an API by its stages) or by flow logs.
   */
  | { readonly kind: 'elsewhere'; readonly where: string };

const FLOW_LOGS = 'the flow logs of the VPCs (or transit gateway) it connects, the only log of this traffic (recommended by VpcFlowLogsEnabled)';

/** Every traffic type item 2.3's access-log rule reads, by CloudFormation type. */
export const TRAFFIC_LOGS: { readonly [type: string]: TrafficLog } = {
  'AWS::ElasticLoadBalancingV2::LoadBalancer': {
    kind: 'access-log',
    how: 'LoadBalancerAttributes access_logs.s3.enabled (Application and Network Load Balancers; a Network Load Balancer logs TLS listeners only; Gateway Load Balancers have no access log)',
  },
  'AWS::ElasticLoadBalancing::LoadBalancer': { kind: 'access-log', how: 'AccessLoggingPolicy.Enabled' },
  'AWS::CloudFront::Distribution': {
    kind: 'access-log',
    how: 'DistributionConfig.Logging (standard logs to S3), or an AWS::Logs::DeliverySource of the distribution with LogType ACCESS_LOGS and a delivery',
  },
  'AWS::ApiGateway::Stage': { kind: 'access-log', how: 'AccessLogSetting.DestinationArn' },
  'AWS::ApiGateway::Deployment': { kind: 'access-log', how: 'StageDescription.AccessLogSetting.DestinationArn, for the stage the deployment creates (StageName)' },
  'AWS::ApiGatewayV2::Stage': { kind: 'access-log', how: 'AccessLogSettings.DestinationArn' },
  'AWS::ApiGatewayV2::Api': { kind: 'access-log', how: 'a quick-create API (Target) makes a $default stage without access logs; otherwise its stages are read' },
  'AWS::AppSync::GraphQLApi': { kind: 'access-log', how: 'LogConfig.FieldLogLevel other than NONE' },
  'AWS::S3::Bucket': { kind: 'access-log', how: 'LoggingConfiguration.DestinationBucketName (server access logs)' },
  'AWS::EC2::VPNConnection': { kind: 'access-log', how: 'VpnTunnelOptionsSpecifications[].LogOptions.CloudwatchLogOptions.LogEnabled (tunnel activity logs), for each of the two tunnels' },
  'AWS::Transfer::Server': {
    kind: 'access-log',
    how: 'StructuredLogDestinations (the log groups the server sends its logs to) or LoggingRole ("allows a server to turn on Amazon CloudWatch logging ... When set, you can view user activity in your CloudWatch logs", AWS Transfer Family API reference, LoggingConfiguration)',
  },
  'AWS::Transfer::Connector': { kind: 'access-log', how: 'LoggingRole ("allows a connector to turn on CloudWatch logging for Amazon S3 events. When set, you can view connector activity in your CloudWatch logs", CloudFormation reference)' },
  'AWS::EC2::ClientVpnEndpoint': {
    kind: 'access-log',
    how: 'ConnectionLogOptions.Enabled ("Indicates whether connection logging is enabled", EC2 API reference, ConnectionLogOptions: the client connection log, to a CloudWatch Logs log group)',
  },
  'AWS::NetworkFirewall::Firewall': {
    kind: 'access-log',
    how: 'an AWS::NetworkFirewall::LoggingConfiguration of the firewall with at least one LogDestinationConfigs entry ("The stateful rules engine records flow logs for all network traffic that it receives. It records alert logs for traffic that matches stateful rules", CloudFormation reference, LogDestinationConfig)',
  },
  'AWS::Route53Resolver::ResolverEndpoint': {
    kind: 'access-log',
    how: 'an AWS::Route53Resolver::ResolverQueryLoggingConfigAssociation of the endpoint\'s VPC, directly or through a Route 53 Profile associated with the VPC (Resolver query logging logs "Queries from on-premises resources that use an inbound Resolver endpoint" and "Queries that use an outbound Resolver endpoint for recursive DNS resolution", Route 53 Developer Guide, Resolver query logging)',
  },
  'AWS::GlobalAccelerator::Accelerator': {
    kind: 'access-log',
    how: 'FlowLogsEnabled (default false) with FlowLogsS3Bucket ("Global Accelerator flow logs enable you to capture information about the IP address traffic going to and from network interfaces in your accelerator", Global Accelerator Developer Guide, Flow logs)',
  },
  'AWS::WAFv2::WebACL': {
    kind: 'access-log',
    how: 'an AWS::WAFv2::LoggingConfiguration of the web ACL (ResourceArn) with a LogDestinationConfigs entry ("AWS WAF logs include information about the traffic that is analyzed by your web ACL, such as the time that AWS WAF received the request from your AWS resource, detailed information about the request, and the action for the rule that each request matched", Amazon Athena User Guide, "Query AWS WAF logs"; "You can define one logging destination per web ACL", AWS WAF API Reference, LoggingConfiguration)',
  },
  'AWS::EKS::Cluster': {
    kind: 'access-log',
    how: 'Logging.ClusterLogging.EnabledTypes (api, audit, authenticator, controllerManager, scheduler): the Kubernetes API server\'s audit and diagnostic logs of every call to the cluster\'s endpoint ("Amazon EKS control plane logging provides audit and diagnostic logs directly from the Amazon EKS control plane to CloudWatch Logs in your account"; "By default, cluster control plane logs aren\'t sent to CloudWatch Logs", Amazon EKS User Guide, "Send control plane logs to CloudWatch Logs")',
  },
  // A DMS endpoint is a connection of the replication instance, whose network interface is in the VPC: its traffic is in
  // the VPC's flow logs; what the replication does is in each task's log (ReplicationTaskSettings Logging).
  'AWS::DMS::Endpoint': { kind: 'elsewhere', where: FLOW_LOGS },
  'AWS::GlobalAccelerator::Listener': { kind: 'elsewhere', where: 'the flow logs of its accelerator' },
  'AWS::GlobalAccelerator::EndpointGroup': { kind: 'elsewhere', where: 'the flow logs of its accelerator' },
  'AWS::NetworkFirewall::VpcEndpointAssociation': { kind: 'elsewhere', where: 'the logging configuration of its firewall' },
  'AWS::ElasticLoadBalancingV2::Listener': { kind: 'elsewhere', where: 'the access log of its load balancer' },
  'AWS::ApiGateway::RestApi': { kind: 'elsewhere', where: 'the access logs of its stages' },
  'AWS::ApiGatewayV2::DomainName': { kind: 'elsewhere', where: 'the access logs of the stages it maps' },
  'AWS::ApiGateway::DomainName': { kind: 'elsewhere', where: 'the access logs of the stages it maps' },
  'AWS::Lambda::Url': { kind: 'elsewhere', where: 'the log group of its function, which records every invocation' },
  'AWS::EC2::VPCEndpointService': { kind: 'elsewhere', where: 'the access log of the Network or Gateway Load Balancer behind it' },
  'AWS::EC2::InternetGateway': { kind: 'elsewhere', where: FLOW_LOGS },
  'AWS::EC2::EgressOnlyInternetGateway': { kind: 'elsewhere', where: FLOW_LOGS },
  'AWS::EC2::VPCGatewayAttachment': { kind: 'elsewhere', where: FLOW_LOGS },
  'AWS::EC2::NatGateway': { kind: 'elsewhere', where: FLOW_LOGS },
  'AWS::EC2::VPCEndpoint': { kind: 'elsewhere', where: FLOW_LOGS },
  'AWS::EC2::VPNGateway': { kind: 'elsewhere', where: `${FLOW_LOGS}, and the tunnel logs of its VPN connections` },
  'AWS::EC2::CustomerGateway': { kind: 'elsewhere', where: 'the tunnel logs of its VPN connections (a customer gateway is a record of the customer\'s device)' },
  'AWS::EC2::VPCPeeringConnection': { kind: 'elsewhere', where: FLOW_LOGS },
  'AWS::EC2::TransitGateway': { kind: 'elsewhere', where: FLOW_LOGS },
  'AWS::EC2::TransitGatewayAttachment': { kind: 'elsewhere', where: FLOW_LOGS },
  'AWS::EC2::TransitGatewayVpcAttachment': { kind: 'elsewhere', where: FLOW_LOGS },
  'AWS::EC2::TransitGatewayPeeringAttachment': { kind: 'elsewhere', where: FLOW_LOGS },
};

/** How a traffic type logs its traffic, or undefined for a type the table does not list. */
export function trafficLogOf(type: string): TrafficLog | undefined {
  return Object.prototype.hasOwnProperty.call(TRAFFIC_LOGS, type) ? TRAFFIC_LOGS[type] : undefined;
}
