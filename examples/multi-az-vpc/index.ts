import { Stage } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { centralLogDestinationArn, ReferenceConfig } from '../config';
import { ReferenceDeployment } from '../reference-deployment';
import { MultiAzVpcStack } from './stack';

export * from './stack';

/** Reference deployment: the Multi-AZ VPC of the Networking checklist (network connectivity and management). */
export const deployment: ReferenceDeployment = {
  name: 'multi-az-vpc',
  stageId: 'MultiAzVpc',
  title: 'Multi-AZ VPC with flow logs, VPC endpoints and redundant BGP site-to-site VPN',
  claims: {
    checklist: 'networking',
    deploymentModels: ['saas', 'customer-deployed-on-aws'],
    categories: ['network-connectivity', 'network-management'],
  },
  build(scope: Construct, config: ReferenceConfig): Stage {
    const env = { account: config.workloadAccount, region: config.primaryRegion };
    const stage = new Stage(scope, 'MultiAzVpc', { env });
    new MultiAzVpcStack(stage, 'Network', {
      env,
      availabilityZones: config.availabilityZones[config.primaryRegion],
      centralLogDestinationArn: centralLogDestinationArn(config),
    });
    return stage;
  },
};
