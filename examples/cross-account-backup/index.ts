import { Stage } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ReferenceConfig } from '../config';
import { ReferenceDeployment } from '../reference-deployment';
import { DrVaultStack } from './dr-vault-stack';
import { drVaultArn } from './settings';
import { BackupWorkloadStack } from './workload-stack';

export * from './data-stores';
export * from './dr-vault-stack';
export * from './settings';
export * from './workload-stack';

/** The stacks of the stage, for tests and the evidence pack. */
export interface CrossAccountBackupStage {
  readonly stage: Stage;
  readonly drVault: DrVaultStack;
  readonly drSecondaryVault: DrVaultStack;
  readonly workload: BackupWorkloadStack;
}

/** Builds the stage: DR vaults in the DR account (both regions), the workload and its backups in the workload account. */
export function buildCrossAccountBackup(scope: Construct, config: ReferenceConfig): CrossAccountBackupStage {
  const stage = new Stage(scope, 'CrossAccountBackup');
  const dr = (region: string) => ({ account: config.drAccount, region });
  const drVault = new DrVaultStack(stage, 'DrVault', { env: dr(config.primaryRegion), sourceAccount: config.workloadAccount });
  const drSecondaryVault = new DrVaultStack(stage, 'DrVaultSecondaryRegion', { env: dr(config.secondaryRegion), sourceAccount: config.workloadAccount });
  const workload = new BackupWorkloadStack(stage, 'Workload', {
    env: { account: config.workloadAccount, region: config.primaryRegion },
    availabilityZone: config.availabilityZones[config.primaryRegion][0],
    drAccount: config.drAccount,
    drVaultArn: drVaultArn(config.drAccount, config.primaryRegion),
    drSecondaryVaultArn: drVaultArn(config.drAccount, config.secondaryRegion),
  });
  for (const v of [drVault, drSecondaryVault]) workload.addStackDependency(v, 'recovery points are copied into the DR vaults, which must exist first');
  return { stage, drVault, drSecondaryVault, workload };
}

/** Reference deployment: backups copied to the DR account (and region), restore testing, declared RPO/RTO. */
export const deployment: ReferenceDeployment = {
  name: 'cross-account-backup',
  stageId: 'CrossAccountBackup',
  title: 'Tagged, encrypted data stores backed up into a locked DR-account vault in two regions, with restore testing and RPO/RTO',
  claims: { checklist: 'networking', deploymentModels: ['saas'], categories: [] },
  build(scope: Construct, config: ReferenceConfig): Stage {
    return buildCrossAccountBackup(scope, config).stage;
  },
};
