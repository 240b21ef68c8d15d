import { CfnResourceJson } from '../../aws';

/**
 * CloudFormation resource type → official AWS architecture icon (from the `aws-icons` package,
 * paths relative to `aws-icons/icons/`) and how the diagram names it.
 *
 * Types in {@link PLUMBING_TYPES} are never drawn. Types in neither table fall back to the service
 * icon of their namespace ({@link SERVICE_ICONS}), then to a generic icon, so that nothing
 * meaningful silently disappears from the diagram.
 */

/** How one kind of resource appears in the diagram. */
export interface ResourceKind {
  /** Icon file, relative to `aws-icons/icons/`. */
  readonly icon: string;
  /** Singular label, e.g. `S3 bucket`. */
  readonly label: string;
  /** Plural label for a grouped icon (`S3 buckets ×3`). */
  readonly plural: string;
  /** Property holding the resource's literal name, shown under the label. */
  readonly nameProperty?: string;
}

const kind = (icon: string, label: string, plural: string, nameProperty?: string): ResourceKind => ({ icon, label, plural, nameProperty });

export const RESOURCE_KINDS: { readonly [cfnType: string]: ResourceKind } = {
  // Networking
  'AWS::EC2::InternetGateway': kind('resource/AmazonVPCInternetGateway.svg', 'Internet gateway', 'Internet gateways'),
  'AWS::EC2::EgressOnlyInternetGateway': kind('resource/AmazonVPCInternetGateway.svg', 'Egress-only IGW', 'Egress-only IGWs'),
  'AWS::EC2::NatGateway': kind('resource/AmazonVPCNATGateway.svg', 'NAT gateway', 'NAT gateways'),
  'AWS::EC2::VPNGateway': kind('resource/AmazonVPCVPNGateway.svg', 'Virtual private gateway', 'Virtual private gateways'),
  'AWS::EC2::CustomerGateway': kind('resource/AmazonVPCCustomerGateway.svg', 'Customer gateway', 'Customer gateways'),
  'AWS::EC2::VPNConnection': kind('resource/AmazonVPCVPNConnection.svg', 'Site-to-Site VPN', 'Site-to-Site VPNs'),
  'AWS::EC2::TransitGateway': kind('architecture-service/AWSTransitGateway.svg', 'Transit gateway', 'Transit gateways'),
  'AWS::EC2::TransitGatewayPeeringAttachment': kind('resource/AWSTransitGatewayAttachment.svg', 'TGW peering', 'TGW peerings'),
  'AWS::EC2::VPCPeeringConnection': kind('resource/AmazonVPCPeeringConnection.svg', 'VPC peering', 'VPC peerings'),
  'AWS::EC2::FlowLog': kind('resource/AmazonVPCFlowLogs.svg', 'VPC Flow Logs', 'Flow logs'),
  'AWS::EC2::NetworkAcl': kind('resource/AmazonVPCNetworkAccessControlList.svg', 'Network ACL', 'Network ACLs'),
  'AWS::EC2::ClientVpnEndpoint': kind('architecture-service/AWSClientVPN.svg', 'Client VPN', 'Client VPN endpoints'),
  'AWS::EC2::PrefixList': kind('resource/AmazonVPCRouter.svg', 'Prefix list', 'Prefix lists'),
  'AWS::DirectConnect::DirectConnectGateway': kind('resource/AWSDirectConnectGateway.svg', 'Direct Connect gateway', 'Direct Connect gateways', 'DirectConnectGatewayName'),
  'AWS::DirectConnect::Connection': kind('architecture-service/AWSDirectConnect.svg', 'Direct Connect', 'Direct Connect connections', 'ConnectionName'),
  'AWS::DirectConnect::Lag': kind('architecture-service/AWSDirectConnect.svg', 'Direct Connect LAG', 'Direct Connect LAGs', 'LagName'),
  'AWS::NetworkFirewall::Firewall': kind('resource/AWSNetworkFirewallEndpoints.svg', 'Network Firewall', 'Network Firewalls', 'FirewallName'),
  'AWS::NetworkFirewall::FirewallPolicy': kind('architecture-service/AWSNetworkFirewall.svg', 'Firewall policy', 'Firewall policies', 'FirewallPolicyName'),
  'AWS::NetworkFirewall::RuleGroup': kind('architecture-service/AWSNetworkFirewall.svg', 'Firewall rule group', 'Firewall rule groups', 'RuleGroupName'),
  'AWS::NetworkManager::GlobalNetwork': kind('architecture-service/AWSCloudWAN.svg', 'Global network', 'Global networks'),
  'AWS::NetworkManager::CoreNetwork': kind('architecture-service/AWSCloudWAN.svg', 'Cloud WAN core network', 'Cloud WAN core networks'),
  'AWS::Route53::HostedZone': kind('resource/AmazonRoute53HostedZone.svg', 'Hosted zone', 'Hosted zones', 'Name'),
  'AWS::Route53Resolver::ResolverEndpoint': kind('resource/AmazonRoute53Resolver.svg', 'Resolver endpoint', 'Resolver endpoints', 'Name'),
  'AWS::Route53Resolver::ResolverRule': kind('resource/AmazonRoute53Resolver.svg', 'Resolver rule', 'Resolver rules', 'Name'),
  'AWS::Route53Resolver::FirewallRuleGroup': kind('resource/AmazonRoute53ResolverDNSFirewall.svg', 'DNS Firewall rule group', 'DNS Firewall rule groups', 'Name'),
  'AWS::Route53Resolver::ResolverQueryLoggingConfig': kind('resource/AmazonRoute53ResolverQueryLogging.svg', 'Resolver query logging', 'Resolver query logging configs', 'Name'),
  'AWS::GlobalAccelerator::Accelerator': kind('architecture-service/AWSGlobalAccelerator.svg', 'Global Accelerator', 'Global Accelerators', 'Name'),
  'AWS::CloudFront::Distribution': kind('resource/AmazonCloudFrontDownloadDistribution.svg', 'CloudFront distribution', 'CloudFront distributions'),
  'AWS::RAM::ResourceShare': kind('architecture-service/AWSResourceAccessManager.svg', 'RAM share', 'RAM shares', 'Name'),
  'AWS::ElasticLoadBalancing::LoadBalancer': kind('resource/ElasticLoadBalancingClassicLoadBalancer.svg', 'Classic Load Balancer', 'Classic Load Balancers', 'LoadBalancerName'),
  'AWS::ElasticLoadBalancingV2::TargetGroup': kind('architecture-service/ElasticLoadBalancing.svg', 'Target group', 'Target groups', 'Name'),
  // Compute
  'AWS::EC2::Instance': kind('resource/AmazonEC2Instance.svg', 'EC2 instance', 'EC2 instances'),
  'AWS::AutoScaling::AutoScalingGroup': kind('resource/AmazonEC2AutoScaling.svg', 'Auto Scaling group', 'Auto Scaling groups', 'AutoScalingGroupName'),
  'AWS::EC2::Volume': kind('resource/AmazonElasticBlockStoreVolume.svg', 'EBS volume', 'EBS volumes'),
  'AWS::Lambda::Function': kind('resource/AWSLambdaLambdaFunction.svg', 'Lambda function', 'Lambda functions', 'FunctionName'),
  'AWS::ECS::Cluster': kind('architecture-service/AmazonElasticContainerService.svg', 'ECS cluster', 'ECS clusters', 'ClusterName'),
  'AWS::ECS::Service': kind('resource/AmazonElasticContainerServiceService.svg', 'ECS service', 'ECS services', 'ServiceName'),
  'AWS::EKS::Cluster': kind('architecture-service/AmazonElasticKubernetesService.svg', 'EKS cluster', 'EKS clusters', 'Name'),
  'AWS::ImageBuilder::ImagePipeline': kind('architecture-service/AmazonEC2ImageBuilder.svg', 'Image pipeline', 'Image pipelines', 'Name'),
  // Storage and databases
  'AWS::S3::Bucket': kind('resource/AmazonSimpleStorageServiceBucket.svg', 'S3 bucket', 'S3 buckets', 'BucketName'),
  'AWS::EFS::FileSystem': kind('resource/AmazonElasticFileSystemFileSystem.svg', 'EFS file system', 'EFS file systems'),
  'AWS::FSx::FileSystem': kind('architecture-service/AmazonFSx.svg', 'FSx file system', 'FSx file systems'),
  'AWS::RDS::DBInstance': kind('resource/AmazonAuroraAmazonRDSInstance.svg', 'RDS instance', 'RDS instances', 'DBInstanceIdentifier'),
  'AWS::RDS::DBCluster': kind('resource/AmazonRDSMultiAZDBCluster.svg', 'RDS cluster', 'RDS clusters', 'DBClusterIdentifier'),
  'AWS::DynamoDB::Table': kind('resource/AmazonDynamoDBTable.svg', 'DynamoDB table', 'DynamoDB tables', 'TableName'),
  'AWS::DynamoDB::GlobalTable': kind('resource/AmazonDynamoDBTable.svg', 'DynamoDB global table', 'DynamoDB global tables', 'TableName'),
  'AWS::ElastiCache::ReplicationGroup': kind('architecture-service/AmazonElastiCache.svg', 'ElastiCache', 'ElastiCache groups'),
  'AWS::DirectoryService::MicrosoftAD': kind('resource/AWSDirectoryServiceAWSManagedMicrosoftAD.svg', 'Managed Microsoft AD', 'Managed Microsoft ADs', 'Name'),
  'AWS::DirectoryService::SimpleAD': kind('resource/AWSDirectoryServiceSimpleAD.svg', 'Simple AD', 'Simple ADs', 'Name'),
  // Security, identity, compliance
  'AWS::KMS::Key': kind('architecture-service/AWSKeyManagementService.svg', 'KMS key', 'KMS keys'),
  'AWS::SecretsManager::Secret': kind('architecture-service/AWSSecretsManager.svg', 'Secret', 'Secrets', 'Name'),
  'AWS::CertificateManager::Certificate': kind('architecture-service/AWSCertificateManager.svg', 'Certificate', 'Certificates', 'DomainName'),
  'AWS::WAFv2::WebACL': kind('architecture-service/AWSWAF.svg', 'WAF web ACL', 'WAF web ACLs', 'Name'),
  'AWS::GuardDuty::Detector': kind('architecture-service/AmazonGuardDuty.svg', 'GuardDuty', 'GuardDuty detectors'),
  'AWS::SecurityHub::Hub': kind('architecture-service/AWSSecurityHub.svg', 'Security Hub', 'Security Hubs'),
  'AWS::AccessAnalyzer::Analyzer': kind('resource/AWSIdentityAccessManagementIAMAccessAnalyzer.svg', 'IAM Access Analyzer', 'Access analyzers', 'AnalyzerName'),
  'AWS::Inspector::AssessmentTemplate': kind('architecture-service/AmazonInspector.svg', 'Inspector', 'Inspector templates'),
  'AWS::Macie::Session': kind('architecture-service/AmazonMacie.svg', 'Macie', 'Macie sessions'),
  'AWS::Shield::Protection': kind('architecture-service/AWSShield.svg', 'Shield Advanced protection', 'Shield Advanced protections', 'Name'),
  'AWS::FMS::Policy': kind('architecture-service/AWSFirewallManager.svg', 'Firewall Manager policy', 'Firewall Manager policies', 'PolicyName'),
  'AWS::SSO::Instance': kind('architecture-service/AWSIAMIdentityCenter.svg', 'IAM Identity Center', 'IAM Identity Center instances'),
  // Management, governance, logging
  'AWS::CloudTrail::Trail': kind('architecture-service/AWSCloudTrail.svg', 'CloudTrail trail', 'CloudTrail trails', 'TrailName'),
  'AWS::CloudTrail::EventDataStore': kind('resource/AWSCloudTrailCloudTrailLake.svg', 'CloudTrail Lake', 'CloudTrail Lake stores', 'Name'),
  'AWS::Config::ConfigRule': kind('architecture-service/AWSConfig.svg', 'Config rule', 'Config rules', 'ConfigRuleName'),
  'AWS::Config::OrganizationConfigRule': kind('architecture-service/AWSConfig.svg', 'Org Config rule', 'Org Config rules', 'OrganizationConfigRuleName'),
  'AWS::Config::ConformancePack': kind('architecture-service/AWSConfig.svg', 'Conformance pack', 'Conformance packs', 'ConformancePackName'),
  'AWS::Config::OrganizationConformancePack': kind('architecture-service/AWSConfig.svg', 'Org conformance pack', 'Org conformance packs', 'OrganizationConformancePackName'),
  'AWS::Config::ConfigurationRecorder': kind('architecture-service/AWSConfig.svg', 'Config recorder', 'Config recorders'),
  'AWS::Config::DeliveryChannel': kind('architecture-service/AWSConfig.svg', 'Config delivery channel', 'Config delivery channels'),
  'AWS::Config::ConfigurationAggregator': kind('architecture-service/AWSConfig.svg', 'Config aggregator', 'Config aggregators', 'ConfigurationAggregatorName'),
  'AWS::CloudWatch::Alarm': kind('resource/AmazonCloudWatchAlarm.svg', 'CloudWatch alarm', 'CloudWatch alarms', 'AlarmName'),
  'AWS::CloudWatch::CompositeAlarm': kind('resource/AmazonCloudWatchAlarm.svg', 'Composite alarm', 'Composite alarms', 'AlarmName'),
  'AWS::CloudWatch::Dashboard': kind('architecture-service/AmazonCloudWatch.svg', 'CloudWatch dashboard', 'CloudWatch dashboards', 'DashboardName'),
  'AWS::Logs::LogGroup': kind('resource/AmazonCloudWatchLogs.svg', 'Log group', 'Log groups', 'LogGroupName'),
  'AWS::Logs::MetricFilter': kind('resource/AmazonCloudWatchMetricsInsights.svg', 'Metric filter', 'Metric filters', 'FilterName'),
  'AWS::Logs::SubscriptionFilter': kind('resource/AmazonCloudWatchLogs.svg', 'Log subscription', 'Log subscriptions', 'FilterName'),
  'AWS::Logs::Destination': kind('resource/AmazonCloudWatchCrossaccountObservability.svg', 'Log destination', 'Log destinations', 'DestinationName'),
  'AWS::Events::Rule': kind('resource/AmazonEventBridgeRule.svg', 'EventBridge rule', 'EventBridge rules', 'Name'),
  'AWS::Events::EventBus': kind('resource/AmazonEventBridgeCustomEventBus.svg', 'Event bus', 'Event buses', 'Name'),
  'AWS::Scheduler::Schedule': kind('resource/AmazonEventBridgeScheduler.svg', 'Schedule', 'Schedules', 'Name'),
  'AWS::SNS::Topic': kind('resource/AmazonSimpleNotificationServiceTopic.svg', 'SNS topic', 'SNS topics', 'TopicName'),
  'AWS::SQS::Queue': kind('resource/AmazonSimpleQueueServiceQueue.svg', 'SQS queue', 'SQS queues', 'QueueName'),
  'AWS::SSM::Parameter': kind('resource/AWSSystemsManagerParameterStore.svg', 'SSM parameter', 'SSM parameters', 'Name'),
  'AWS::SSM::Document': kind('resource/AWSSystemsManagerDocuments.svg', 'SSM document', 'SSM documents', 'Name'),
  'AWS::SSM::Association': kind('resource/AWSSystemsManagerStateManager.svg', 'SSM association', 'SSM associations', 'AssociationName'),
  'AWS::SSM::PatchBaseline': kind('resource/AWSSystemsManagerPatchManager.svg', 'Patch baseline', 'Patch baselines', 'Name'),
  'AWS::SSM::MaintenanceWindow': kind('resource/AWSSystemsManagerMaintenanceWindows.svg', 'Maintenance window', 'Maintenance windows', 'Name'),
  'AWS::Backup::BackupVault': kind('resource/AWSBackupBackupVault.svg', 'Backup vault', 'Backup vaults', 'BackupVaultName'),
  'AWS::Backup::BackupPlan': kind('resource/AWSBackupBackupPlan.svg', 'Backup plan', 'Backup plans'),
  'AWS::Backup::RestoreTestingPlan': kind('resource/AWSBackupBackupRestore.svg', 'Restore testing plan', 'Restore testing plans', 'RestoreTestingPlanName'),
  'AWS::EC2::VPCEndpointService': kind('resource/AmazonVPCEndpoints.svg', 'Endpoint service', 'Endpoint services'),
  'AWS::Backup::Framework': kind('resource/AWSBackupComplianceReporting.svg', 'Backup audit framework', 'Backup audit frameworks', 'FrameworkName'),
  'AWS::Backup::ReportPlan': kind('resource/AWSBackupComplianceReporting.svg', 'Backup report plan', 'Backup report plans', 'ReportPlanName'),
  'AWS::Organizations::Organization': kind('architecture-service/AWSOrganizations.svg', 'Organization', 'Organizations'),
  'AWS::Organizations::Account': kind('resource/AWSOrganizationsAccount.svg', 'Member account', 'Member accounts', 'AccountName'),
  'AWS::Organizations::OrganizationalUnit': kind('resource/AWSOrganizationsOrganizationalUnit.svg', 'Organizational unit', 'Organizational units', 'Name'),
  'AWS::Organizations::Policy': kind('architecture-service/AWSOrganizations.svg', 'Organizations policy', 'Organizations policies', 'Name'),
  'AWS::CloudFormation::StackSet': kind('architecture-service/AWSCloudFormation.svg', 'StackSet', 'StackSets', 'StackSetName'),
  'AWS::CloudFormation::Stack': kind('resource/AWSCloudFormationStack.svg', 'Nested stack', 'Nested stacks'),
  'AWS::ServiceCatalog::Portfolio': kind('architecture-service/AWSServiceCatalog.svg', 'Service Catalog portfolio', 'Service Catalog portfolios', 'DisplayName'),
  'AWS::KinesisFirehose::DeliveryStream': kind('architecture-service/AmazonDataFirehose.svg', 'Firehose stream', 'Firehose streams', 'DeliveryStreamName'),
  'AWS::Kinesis::Stream': kind('architecture-service/AmazonKinesisDataStreams.svg', 'Kinesis stream', 'Kinesis streams', 'Name'),
  'AWS::StepFunctions::StateMachine': kind('architecture-service/AWSStepFunctions.svg', 'State machine', 'State machines', 'StateMachineName'),
  'AWS::ApiGateway::RestApi': kind('architecture-service/AmazonAPIGateway.svg', 'API Gateway', 'API Gateways', 'Name'),
  'AWS::ApiGatewayV2::Api': kind('architecture-service/AmazonAPIGateway.svg', 'API Gateway', 'API Gateways', 'Name'),
  'AWS::ECR::Repository': kind('resource/AmazonElasticContainerRegistryRegistry.svg', 'ECR repository', 'ECR repositories', 'RepositoryName'),
};

/** Load balancers by their `Type` (`application` is the default). */
export const LOAD_BALANCER_KINDS: { readonly [type: string]: ResourceKind } = {
  application: kind('resource/ElasticLoadBalancingApplicationLoadBalancer.svg', 'Application LB', 'Application LBs', 'Name'),
  network: kind('resource/ElasticLoadBalancingNetworkLoadBalancer.svg', 'Network LB', 'Network LBs', 'Name'),
  gateway: kind('resource/ElasticLoadBalancingGatewayLoadBalancer.svg', 'Gateway LB', 'Gateway LBs', 'Name'),
};

/** VPC endpoints by their `VpcEndpointType` (`Gateway` is the default). */
export const VPC_ENDPOINT_KINDS: { readonly [type: string]: ResourceKind } = {
  Gateway: kind('resource/AmazonVPCEndpoints.svg', 'Gateway endpoint', 'Gateway endpoints'),
  Interface: kind('resource/AmazonVPCEndpoints.svg', 'Interface endpoint', 'Interface endpoints'),
  GatewayLoadBalancer: kind('resource/AmazonVPCEndpoints.svg', 'GWLB endpoint', 'GWLB endpoints'),
};

/** Things that are not CloudFormation resources but appear in the diagram. */
export const SPECIAL_ICONS = {
  internet: 'resource/Internet.svg',
  onPremisesRouter: 'resource/AmazonVPCCustomerGateway.svg',
  generic: 'resource/Gear.svg',
} as const;

/** Group icons at the top-left of the boxes (AWS architecture "groups"). */
export const GROUP_ICONS = {
  account: 'architecture-group/AWSAccount.svg',
  region: 'architecture-group/Region.svg',
  vpc: 'architecture-group/VirtualprivatecloudVPC.svg',
  public: 'architecture-group/Publicsubnet.svg',
  private: 'architecture-group/Privatesubnet.svg',
  isolated: 'architecture-group/Privatesubnet.svg',
  onPremises: 'architecture-group/Corporatedatacenter.svg',
  global: 'architecture-group/AWSCloud.svg',
} as const;

/** Fallback icon per CloudFormation namespace (`AWS::<Service>::...`). */
export const SERVICE_ICONS: { readonly [service: string]: string } = {
  EC2: 'architecture-service/AmazonEC2.svg',
  S3: 'architecture-service/AmazonSimpleStorageService.svg',
  Lambda: 'architecture-service/AWSLambda.svg',
  RDS: 'architecture-service/AmazonRDS.svg',
  DynamoDB: 'architecture-service/AmazonDynamoDB.svg',
  CloudWatch: 'architecture-service/AmazonCloudWatch.svg',
  Logs: 'architecture-service/AmazonCloudWatch.svg',
  Events: 'architecture-service/AmazonEventBridge.svg',
  SNS: 'architecture-service/AmazonSimpleNotificationService.svg',
  SQS: 'architecture-service/AmazonSimpleQueueService.svg',
  KMS: 'architecture-service/AWSKeyManagementService.svg',
  Config: 'architecture-service/AWSConfig.svg',
  CloudTrail: 'architecture-service/AWSCloudTrail.svg',
  Backup: 'architecture-service/AWSBackup.svg',
  SSM: 'architecture-service/AWSSystemsManager.svg',
  ECS: 'architecture-service/AmazonElasticContainerService.svg',
  EKS: 'architecture-service/AmazonElasticKubernetesService.svg',
  ElasticLoadBalancingV2: 'architecture-service/ElasticLoadBalancing.svg',
  Route53: 'architecture-service/AmazonRoute53.svg',
  Route53Resolver: 'architecture-service/AmazonRoute53.svg',
  DirectConnect: 'architecture-service/AWSDirectConnect.svg',
  NetworkFirewall: 'architecture-service/AWSNetworkFirewall.svg',
  NetworkManager: 'architecture-service/AWSCloudWAN.svg',
  WAFv2: 'architecture-service/AWSWAF.svg',
  SecretsManager: 'architecture-service/AWSSecretsManager.svg',
  GuardDuty: 'architecture-service/AmazonGuardDuty.svg',
  SecurityHub: 'architecture-service/AWSSecurityHub.svg',
  Organizations: 'architecture-service/AWSOrganizations.svg',
  CloudFormation: 'architecture-service/AWSCloudFormation.svg',
  FSx: 'architecture-service/AmazonFSx.svg',
  EFS: 'architecture-service/AmazonEFS.svg',
  DirectoryService: 'architecture-service/AWSDirectoryService.svg',
  ElastiCache: 'architecture-service/AmazonElastiCache.svg',
  CloudFront: 'architecture-service/AmazonCloudFront.svg',
  ApiGateway: 'architecture-service/AmazonAPIGateway.svg',
  ApiGatewayV2: 'architecture-service/AmazonAPIGateway.svg',
  StepFunctions: 'architecture-service/AWSStepFunctions.svg',
  Kinesis: 'architecture-service/AmazonKinesis.svg',
  KinesisFirehose: 'architecture-service/AmazonDataFirehose.svg',
  ECR: 'architecture-service/AmazonElasticContainerRegistry.svg',
  AutoScaling: 'architecture-service/AmazonEC2AutoScaling.svg',
  RAM: 'architecture-service/AWSResourceAccessManager.svg',
  SSO: 'architecture-service/AWSIAMIdentityCenter.svg',
};

/**
 * Plumbing: never drawn. Their effect shows elsewhere (a route table association in a subnet's type,
 * a gateway attachment by the gateway sitting in its VPC, an EIP by its NAT gateway...).
 */
export const PLUMBING_TYPES: ReadonlySet<string> = new Set([
  'AWS::CDK::Metadata',
  'AWS::CloudFormation::CustomResource',
  'AWS::CloudFormation::WaitCondition',
  'AWS::CloudFormation::WaitConditionHandle',
  'AWS::EC2::Subnet', // drawn as a box
  'AWS::EC2::VPC', // drawn as a box
  'AWS::EC2::VPCCidrBlock',
  'AWS::EC2::SubnetCidrBlock',
  'AWS::EC2::RouteTable',
  'AWS::EC2::Route',
  'AWS::EC2::SubnetRouteTableAssociation',
  'AWS::EC2::GatewayRouteTableAssociation',
  'AWS::EC2::VPCGatewayAttachment',
  'AWS::EC2::VPNGatewayRoutePropagation',
  'AWS::EC2::VPNConnectionRoute',
  'AWS::EC2::TransitGatewayAttachment', // drawn as an edge
  'AWS::EC2::TransitGatewayVpcAttachment', // drawn as an edge
  'AWS::EC2::TransitGatewayRouteTable',
  'AWS::EC2::TransitGatewayRoute',
  'AWS::EC2::TransitGatewayRouteTableAssociation',
  'AWS::EC2::TransitGatewayRouteTablePropagation',
  'AWS::EC2::SecurityGroup',
  'AWS::EC2::SecurityGroupIngress',
  'AWS::EC2::SecurityGroupEgress',
  'AWS::EC2::NetworkAclEntry',
  'AWS::EC2::SubnetNetworkAclAssociation',
  'AWS::EC2::EIP',
  'AWS::EC2::EIPAssociation',
  'AWS::EC2::NetworkInterface',
  'AWS::EC2::NetworkInterfaceAttachment',
  'AWS::EC2::LaunchTemplate',
  'AWS::EC2::KeyPair',
  'AWS::EC2::VPCDHCPOptionsAssociation',
  'AWS::EC2::DHCPOptions',
  'AWS::EC2::VolumeAttachment',
  'AWS::EC2::VPCEndpointServicePermissions',
  'AWS::AutoScaling::LaunchConfiguration',
  'AWS::AutoScaling::ScalingPolicy',
  'AWS::AutoScaling::ScheduledAction',
  'AWS::AutoScaling::LifecycleHook',
  'AWS::ApplicationAutoScaling::ScalableTarget',
  'AWS::ApplicationAutoScaling::ScalingPolicy',
  'AWS::ElasticLoadBalancingV2::Listener',
  'AWS::ElasticLoadBalancingV2::ListenerRule',
  'AWS::ElasticLoadBalancingV2::ListenerCertificate',
  'AWS::DirectConnect::PrivateVirtualInterface', // drawn as an edge
  'AWS::DirectConnect::TransitVirtualInterface', // drawn as an edge
  'AWS::DirectConnect::PublicVirtualInterface', // drawn as an edge
  'AWS::DirectConnect::DirectConnectGatewayAssociation', // drawn as an edge
  'AWS::IAM::Role',
  'AWS::IAM::Policy',
  'AWS::IAM::ManagedPolicy',
  'AWS::IAM::InstanceProfile',
  'AWS::IAM::ServiceLinkedRole',
  'AWS::IAM::User',
  'AWS::IAM::Group',
  'AWS::IAM::UserToGroupAddition',
  'AWS::IAM::AccessKey',
  'AWS::Lambda::Permission',
  'AWS::Lambda::Version',
  'AWS::Lambda::Alias',
  'AWS::Lambda::EventSourceMapping',
  'AWS::Lambda::LayerVersion',
  'AWS::Lambda::Url',
  'AWS::S3::BucketPolicy',
  'AWS::SNS::TopicPolicy',
  'AWS::SNS::Subscription',
  'AWS::SQS::QueuePolicy',
  'AWS::KMS::Alias',
  'AWS::Events::Archive',
  'AWS::Logs::LogStream',
  'AWS::Logs::ResourcePolicy',
  'AWS::Backup::BackupSelection',
  'AWS::Backup::RestoreTestingSelection', // its plan is drawn
  'AWS::RDS::DBSubnetGroup',
  'AWS::RDS::DBParameterGroup',
  'AWS::RDS::DBClusterParameterGroup',
  'AWS::RDS::OptionGroup',
  'AWS::ElastiCache::SubnetGroup',
  'AWS::EFS::MountTarget',
  'AWS::ECS::TaskDefinition',
  'AWS::ECS::ClusterCapacityProviderAssociations',
  'AWS::ApiGateway::Deployment',
  'AWS::ApiGateway::Stage',
  'AWS::ApiGateway::Method',
  'AWS::ApiGateway::Resource',
  'AWS::ApiGateway::Account',
  'AWS::Route53::RecordSet',
  'AWS::Route53Resolver::ResolverRuleAssociation',
  'AWS::Route53Resolver::ResolverQueryLoggingConfigAssociation',
  'AWS::Route53Resolver::FirewallRuleGroupAssociation',
  'AWS::Route53Resolver::FirewallDomainList',
  'AWS::NetworkFirewall::LoggingConfiguration',
  'AWS::SSM::ResourceDataSync',
  'AWS::Organizations::ResourcePolicy',
  'AWS::RAM::Permission',
  'AWS::Config::RemediationConfiguration',
  'AWS::CloudWatch::AnomalyDetector',
  'AWS::SecretsManager::RotationSchedule',
  'AWS::SecretsManager::SecretTargetAttachment',
  'AWS::SecretsManager::ResourcePolicy',
  'AWS::WAFv2::WebACLAssociation',
  'AWS::WAFv2::IPSet',
  'AWS::GuardDuty::Member',
  'AWS::SecurityHub::Standard',
  'AWS::ServiceCatalog::PortfolioProductAssociation',
  'AWS::ServiceCatalog::PortfolioPrincipalAssociation',
]);

/**
 * How a resource is drawn and named, or undefined when it is plumbing (see {@link PLUMBING_TYPES}).
 * Unknown types fall back to the service icon of their namespace, then to a generic icon.
 */
export function resourceKind(resource: CfnResourceJson): ResourceKind | undefined {
  const type = resource.Type;
  if (PLUMBING_TYPES.has(type) || type.startsWith('Custom::')) return undefined;
  const props = resource.Properties ?? {};
  if (type === 'AWS::ElasticLoadBalancingV2::LoadBalancer') {
    return LOAD_BALANCER_KINDS[typeof props.Type === 'string' ? props.Type : 'application'] ?? LOAD_BALANCER_KINDS.application;
  }
  if (type === 'AWS::EC2::VPCEndpoint') {
    return VPC_ENDPOINT_KINDS[typeof props.VpcEndpointType === 'string' ? props.VpcEndpointType : 'Gateway'] ?? VPC_ENDPOINT_KINDS.Gateway;
  }
  const known = RESOURCE_KINDS[type];
  if (known) return known;
  const [, service = '', name = type] = type.split('::');
  const label = name.replace(/([a-z])([A-Z])/g, '$1 $2');
  const plural = /[^aeiou]y$/.test(label) ? `${label.slice(0, -1)}ies` : /(s|x|ch|sh)$/.test(label) ? `${label}es` : `${label}s`;
  return { icon: SERVICE_ICONS[service] ?? SPECIAL_ICONS.generic, label: `${service} ${label}`, plural: `${service} ${plural}` };
}
