// Integration test of the windows-workload reference deployment: deploys the fleet stack (account of the CLI's
// credentials, eu-west-1) and checks, after deployment, that Systems Manager manages, patches and inventories it.
// The DR vault is not deployed here (it lives in another account): the backup plan's copy target is the ARN
// given in the context key `drVaultArn`, by default the placeholder DR account's vault.
//   npx integ-runner --directory examples/windows-workload   (deploys for real; see README)
import { App, Duration, Stack } from 'aws-cdk-lib';
import { ExpectedResult, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import { PATCH_GROUP } from './fleet';
import { drVaultArn, WindowsWorkloadStack } from './stack';

export const INTEG_REGION = 'eu-west-1';
export const INTEG_AZS = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];

export function build(app: App): IntegTest {
  const vaultArn = app.node.tryGetContext('drVaultArn') ?? drVaultArn('444444444444', INTEG_REGION);
  const stack = new WindowsWorkloadStack(app, 'WindowsWorkloadIntegWorkload', { env: { region: INTEG_REGION }, availabilityZones: INTEG_AZS, drVaultArn: vaultArn });
  // The assertions read the stack's resources, so they live in the same region.
  const assertionStack = new Stack(app, 'WindowsWorkloadIntegAssertions', { env: { region: INTEG_REGION } });
  const integ = new IntegTest(app, 'WindowsWorkloadInteg', { testCases: [stack], assertionStack, diffAssets: false });
  const ops = stack.operations;
  const retry = { totalTimeout: Duration.minutes(30), interval: Duration.minutes(1) };

  // Both Windows instances (one per AZ at the minimum) are SSM-managed and online.
  integ.assertions
    .awsApiCall('SSM', 'describeInstanceInformation', { Filters: [{ Key: 'tag:PatchGroup', Values: [PATCH_GROUP] }] })
    .expect(ExpectedResult.objectLike({
      InstanceInformationList: [1, 2].map(() => Match.objectLike({ PingStatus: 'Online', PlatformType: 'Windows' })),
    }))
    .waitForAssertions(retry);

  // The patch baseline is registered for the fleet's patch group.
  integ.assertions
    .awsApiCall('SSM', 'getPatchBaselineForPatchGroup', { PatchGroup: PATCH_GROUP, OperatingSystem: 'WINDOWS' })
    .expect(ExpectedResult.objectLike({ BaselineId: ops.patchBaseline.ref, PatchGroup: PATCH_GROUP, OperatingSystem: 'WINDOWS' }));

  // The maintenance window runs AWS-RunPatchBaseline (Install) on its target.
  integ.assertions
    .awsApiCall('SSM', 'describeMaintenanceWindowTasks', { WindowId: ops.maintenanceWindow.ref })
    .expect(ExpectedResult.objectLike({
      Tasks: [Match.objectLike({ TaskArn: 'AWS-RunPatchBaseline', Type: 'RUN_COMMAND', Targets: [Match.objectLike({ Key: 'WindowTargetIds', Values: [ops.maintenanceWindowTarget.ref] })] })],
    }));

  // Inventory has been collected from the instances (the association succeeded at least once).
  integ.assertions
    .awsApiCall('SSM', 'describeAssociation', { AssociationId: ops.inventoryAssociation.attrAssociationId })
    .expect(ExpectedResult.objectLike({
      AssociationDescription: Match.objectLike({ Name: 'AWS-GatherSoftwareInventory', Overview: Match.objectLike({ Status: 'Success' }) }),
    }))
    .waitForAssertions(retry);

  // The CloudWatch agent was installed and configured by State Manager.
  integ.assertions
    .awsApiCall('SSM', 'describeAssociation', { AssociationId: ops.configureAgentAssociation.attrAssociationId })
    .expect(ExpectedResult.objectLike({
      AssociationDescription: Match.objectLike({ Name: 'AmazonCloudWatch-ManageAgent', Overview: Match.objectLike({ Status: 'Success' }) }),
    }))
    .waitForAssertions(retry);

  // The backup plan copies every recovery point to the DR account's vault.
  integ.assertions
    .awsApiCall('Backup', 'getBackupPlan', { BackupPlanId: stack.backup.plan.backupPlanId })
    .expect(ExpectedResult.objectLike({
      BackupPlan: Match.objectLike({ Rules: [Match.objectLike({ CopyActions: [Match.objectLike({ DestinationBackupVaultArn: vaultArn })] })] }),
    }));
  return integ;
}


if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
