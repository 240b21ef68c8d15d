import { Stage } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { centralLogDestinationArn, ReferenceConfig } from '../config';
import { ReferenceDeployment } from '../reference-deployment';
import { drVaultArn, WindowsDrVaultStack, WindowsWorkloadStack } from './stack';

export * from './fleet';
export * from './operations';
export * from './stack';

/** Reference deployment: a Windows Server fleet operated by Systems Manager (Microsoft Workloads checklist). */
export const deployment: ReferenceDeployment = {
  name: 'windows-workload',
  stageId: 'WindowsWorkload',
  title: 'Windows Server fleet with Patch Manager, Inventory, State Manager, CloudWatch agent and cross-account backups',
  claims: {
    checklist: 'microsoft-workloads',
    deploymentModels: ['customer-deployed-on-aws', 'single-tenant-saas'],
    subcategories: ['ms-operational-optimization.availability', 'ms-operational-optimization.management'],
  },
  build(scope: Construct, config: ReferenceConfig): Stage {
    const stage = new Stage(scope, 'WindowsWorkload');
    const region = config.primaryRegion;
    const drVault = new WindowsDrVaultStack(stage, 'DrVault', {
      env: { account: config.drAccount, region },
      sourceAccount: config.workloadAccount,
    });
    const workload = new WindowsWorkloadStack(stage, 'Workload', {
      env: { account: config.workloadAccount, region },
      availabilityZones: config.availabilityZones[region],
      drVaultArn: drVaultArn(config.drAccount, region),
      centralLogDestinationArn: centralLogDestinationArn(config),
    });
    workload.addStackDependency(drVault, 'recovery points are copied into the DR vault, which must exist first');
    return stage;
  },
};
