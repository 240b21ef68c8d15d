/**
 * Rough monthly cost of the resource types reference deployments use, in USD, us-east-1 on-demand list
 * prices rounded, at idle or light use. For the deployment guide's "costs to expect" only: an order of
 * magnitude, not a quote. Types not listed are treated as free or usage-priced.
 */
export interface CostEstimate {
  /** USD per month per resource. */
  readonly monthlyUsd: number;
  /** What the figure assumes. */
  readonly basis: string;
}

export const MONTHLY_COSTS: { readonly [cfnType: string]: CostEstimate } = {
  'AWS::EC2::NatGateway': { monthlyUsd: 33, basis: '730 h at $0.045/h, before data processing' },
  'AWS::EC2::VPNConnection': { monthlyUsd: 37, basis: '730 h at $0.05/h per Site-to-Site VPN connection' },
  'AWS::EC2::TransitGateway': { monthlyUsd: 0, basis: 'charged per attachment' },
  'AWS::EC2::TransitGatewayAttachment': { monthlyUsd: 37, basis: '730 h at $0.05/h per attachment' },
  'AWS::EC2::TransitGatewayVpcAttachment': { monthlyUsd: 37, basis: '730 h at $0.05/h per attachment' },
  'AWS::EC2::VPCEndpoint': { monthlyUsd: 15, basis: 'interface endpoint, 2 AZs at $0.01/h each (gateway endpoints are free)' },
  'AWS::EC2::Instance': { monthlyUsd: 30, basis: 'a t3.medium-class instance, 730 h' },
  'AWS::AutoScaling::AutoScalingGroup': { monthlyUsd: 60, basis: 'two t3.medium-class instances' },
  'AWS::ElasticLoadBalancingV2::LoadBalancer': { monthlyUsd: 18, basis: '730 h at ~$0.0225/h, before capacity units' },
  'AWS::NetworkFirewall::Firewall': { monthlyUsd: 290, basis: '1 endpoint, 730 h at $0.395/h' },
  'AWS::DirectConnect::Connection': { monthlyUsd: 220, basis: '1 Gbps dedicated port, 730 h' },
  'AWS::CloudTrail::Trail': { monthlyUsd: 0, basis: 'first management-event trail free; data events extra' },
  'AWS::S3::Bucket': { monthlyUsd: 1, basis: 'light storage; grows with log volume' },
  'AWS::KMS::Key': { monthlyUsd: 1, basis: '$1 per customer managed key, before requests' },
  'AWS::Logs::LogGroup': { monthlyUsd: 3, basis: '~5 GB ingested at $0.50/GB' },
  'AWS::EC2::FlowLog': { monthlyUsd: 5, basis: 'a few GB of flow logs delivered' },
  'AWS::CloudWatch::Alarm': { monthlyUsd: 0.1, basis: 'standard-resolution metric alarm' },
  'AWS::Config::ConfigRule': { monthlyUsd: 2, basis: '~2,000 rule evaluations at $0.001' },
  'AWS::Config::ConfigurationRecorder': { monthlyUsd: 3, basis: '~1,000 configuration items recorded' },
  'AWS::GuardDuty::Detector': { monthlyUsd: 10, basis: 'small account, CloudTrail and flow-log analysis' },
  'AWS::SecurityHub::Hub': { monthlyUsd: 5, basis: 'a few thousand security checks' },
  'AWS::Backup::BackupVault': { monthlyUsd: 5, basis: '100 GB of warm backup storage at $0.05/GB' },
  'AWS::RDS::DBInstance': { monthlyUsd: 140, basis: 'db.t3.medium Multi-AZ, 20 GB' },
  'AWS::RDS::DBCluster': { monthlyUsd: 150, basis: 'two small Aurora instances' },
  'AWS::DynamoDB::Table': { monthlyUsd: 2, basis: 'on-demand, light use' },
  'AWS::SecretsManager::Secret': { monthlyUsd: 0.4, basis: '$0.40 per secret' },
  'AWS::Route53::HostedZone': { monthlyUsd: 0.5, basis: '$0.50 per hosted zone' },
  'AWS::Lambda::Function': { monthlyUsd: 0, basis: 'free tier at this volume' },
  'AWS::SNS::Topic': { monthlyUsd: 0, basis: 'free tier at this volume' },
  'AWS::FIS::ExperimentTemplate': { monthlyUsd: 0, basis: 'charged per action-minute when an experiment runs' },
};
