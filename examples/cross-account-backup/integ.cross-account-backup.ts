// Integration test of the cross-account-backup reference deployment: the DR vaults (DR account, both regions) and
// the workload with its backups (workload account), deployed into the accounts of cdk.json, then checked from the
// workload account: an on-demand backup of the table completes, its copies land in the DR account's vaults (same
// region, and the secondary region), and the restore testing plan exists.
//   npx cdk deploy --app 'npx tsx examples/cross-account-backup/integ.cross-account-backup.ts' --all
// Prerequisites (see the README): cross-account backup enabled in AWS Organizations and AWS Backup's advanced
// DynamoDB features turned on in the workload account.
import * as fs from 'fs';
import * as path from 'path';
import { App, Duration, Stack } from 'aws-cdk-lib';
import { ExpectedResult, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import { CONFIG_CONTEXT_KEY, ReferenceConfig, referenceConfigFrom } from '../config';
import { DrVaultStack } from './dr-vault-stack';
import { COPY_RETENTION, drVaultArn, SOURCE_RETENTION } from './settings';
import { BackupWorkloadStack } from './workload-stack';

/** Names of the integ deployment, distinct from the reference deployment's so both can live in the same accounts. */
export const INTEG_DR_VAULT_NAME = 'cdk-competency-integ-dr-vault';
export const INTEG_SOURCE_VAULT_NAME = 'cdk-competency-integ-workload-vault';
export const INTEG_RESTORE_TESTING_PLAN_NAME = 'cdk_competency_integ_restore_tests';

/** The reference configuration: from the app's context (cdk CLI), else from cdk.json (offline snapshot tests). */
function integConfig(app: App): ReferenceConfig {
  if (app.node.tryGetContext(CONFIG_CONTEXT_KEY)) return referenceConfigFrom(app);
  const cdkJson = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'cdk.json'), 'utf-8'));
  return referenceConfigFrom(new App({ context: cdkJson.context }));
}

export function build(app: App): IntegTest {
  const config = integConfig(app);
  const region = config.primaryRegion;
  const vaultArn = (r: string) => drVaultArn(config.drAccount, r, INTEG_DR_VAULT_NAME);
  const drVault = new DrVaultStack(app, 'CrossAccountBackupIntegDrVault', {
    env: { account: config.drAccount, region },
    sourceAccount: config.workloadAccount,
    vaultName: INTEG_DR_VAULT_NAME,
  });
  const drSecondaryVault = new DrVaultStack(app, 'CrossAccountBackupIntegDrVaultSecondaryRegion', {
    env: { account: config.drAccount, region: config.secondaryRegion },
    sourceAccount: config.workloadAccount,
    vaultName: INTEG_DR_VAULT_NAME,
  });
  const workloadEnv = { account: config.workloadAccount, region };
  const workload = new BackupWorkloadStack(app, 'CrossAccountBackupIntegWorkload', {
    env: workloadEnv,
    availabilityZone: config.availabilityZones[region][0],
    drAccount: config.drAccount,
    drVaultArn: vaultArn(region),
    drSecondaryVaultArn: vaultArn(config.secondaryRegion),
    sourceVaultName: INTEG_SOURCE_VAULT_NAME,
    restoreTestingPlanName: INTEG_RESTORE_TESTING_PLAN_NAME,
  });
  for (const v of [drVault, drSecondaryVault]) workload.addStackDependency(v, 'copies go into the DR vaults');
  // The assertions run in the workload account, where the backups and copy jobs start.
  const assertionStack = new Stack(app, 'CrossAccountBackupIntegAssertions', { env: workloadEnv });
  const integ = new IntegTest(app, 'CrossAccountBackupInteg', { testCases: [drVault, drSecondaryVault, workload], assertionStack, diffAssets: false });
  const retry = { totalTimeout: Duration.minutes(90), interval: Duration.minutes(2) };
  const role = workload.selectionRole.roleArn;

  // The source vault is under Vault Lock (2.6).
  integ.assertions
    .awsApiCall('Backup', 'describeBackupVault', { BackupVaultName: INTEG_SOURCE_VAULT_NAME })
    .expect(ExpectedResult.objectLike({ BackupVaultName: INTEG_SOURCE_VAULT_NAME, MinRetentionDays: 7, MaxRetentionDays: 365 }));

  // An on-demand backup of the table, with the plan's role and vault, completes (2.6).
  const start = integ.assertions.awsApiCall('Backup', 'startBackupJob', {
    BackupVaultName: INTEG_SOURCE_VAULT_NAME,
    ResourceArn: workload.data.table.tableArn,
    IamRoleArn: role,
    Lifecycle: { DeleteAfterDays: SOURCE_RETENTION.toDays() },
  }, ['BackupJobId']);
  start.provider.addToRolePolicy({ Effect: 'Allow', Action: ['iam:PassRole'], Resource: [role] });
  const job = integ.assertions
    .awsApiCall('Backup', 'describeBackupJob', { BackupJobId: start.getAttString('BackupJobId') })
    .expect(ExpectedResult.objectLike({ State: 'COMPLETED', BackupVaultName: INTEG_SOURCE_VAULT_NAME }))
    .waitForAssertions(retry);
  start.next(job);

  // The recovery point is copied into the DR account's vault, in this region and in the secondary region (2.13).
  for (const r of [region, config.secondaryRegion]) {
    const copy = integ.assertions.awsApiCall('Backup', 'startCopyJob', {
      RecoveryPointArn: job.getAttString('RecoveryPointArn'),
      SourceBackupVaultName: INTEG_SOURCE_VAULT_NAME,
      DestinationBackupVaultArn: vaultArn(r),
      IamRoleArn: role,
      Lifecycle: { DeleteAfterDays: COPY_RETENTION.toDays() },
    }, ['CopyJobId']);
    const copied = integ.assertions
      .awsApiCall('Backup', 'describeCopyJob', { CopyJobId: copy.getAttString('CopyJobId') })
      .expect(ExpectedResult.objectLike({ CopyJob: Match.objectLike({ State: 'COMPLETED', DestinationBackupVaultArn: vaultArn(r) }) }))
      .waitForAssertions(retry);
    const listed = integ.assertions
      .awsApiCall('Backup', 'listCopyJobs', { ByDestinationVaultArn: vaultArn(r), ByResourceArn: workload.data.table.tableArn, ByState: 'COMPLETED' })
      .expect(ExpectedResult.objectLike({ CopyJobs: Match.arrayWith([Match.objectLike({ State: 'COMPLETED', DestinationBackupVaultArn: vaultArn(r) })]) }));
    job.next(copy).next(copied).next(listed);
  }

  // Restore testing is scheduled for the table, volume and bucket (2.7).
  integ.assertions
    .awsApiCall('Backup', 'getRestoreTestingPlan', { RestoreTestingPlanName: INTEG_RESTORE_TESTING_PLAN_NAME })
    .expect(ExpectedResult.objectLike({ RestoreTestingPlan: Match.objectLike({ RestoreTestingPlanName: INTEG_RESTORE_TESTING_PLAN_NAME, ScheduleExpression: Match.stringLikeRegexp('^cron\\(') }) }));
  integ.assertions
    .awsApiCall('Backup', 'listRestoreTestingSelections', { RestoreTestingPlanName: INTEG_RESTORE_TESTING_PLAN_NAME })
    .expect(ExpectedResult.objectLike({
      RestoreTestingSelections: Match.arrayWith([
        Match.objectLike({ ProtectedResourceType: 'DynamoDB' }),
        Match.objectLike({ ProtectedResourceType: 'EBS' }),
        Match.objectLike({ ProtectedResourceType: 'S3' }),
      ]),
    }));
  return integ;
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
