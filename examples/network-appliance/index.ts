import { Stage } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { centralLogDestinationArn, ReferenceConfig } from '../config';
import { ReferenceDeployment } from '../reference-deployment';
import { NetworkApplianceStack } from './stack';

export * from './stack';

/** Reference deployment: autoscaled network appliances behind a Gateway Load Balancer (Networking checklist). */
export const deployment: ReferenceDeployment = {
  name: 'network-appliance',
  stageId: 'NetworkAppliance',
  title: 'Autoscaled ENA network appliances behind a Gateway Load Balancer, bootstrapped from S3, with custom metrics and alarms',
  claims: {
    checklist: 'networking',
    deploymentModels: ['saas', 'customer-deployed-on-aws'],
    categories: ['network-connectivity', 'load-balancers'],
  },
  build(scope: Construct, config: ReferenceConfig): Stage {
    const env = { account: config.workloadAccount, region: config.primaryRegion };
    const stage = new Stage(scope, 'NetworkAppliance', { env });
    new NetworkApplianceStack(stage, 'Appliances', {
      env,
      availabilityZones: config.availabilityZones[config.primaryRegion],
      centralLogDestinationArn: centralLogDestinationArn(config),
    });
    return stage;
  },
};
