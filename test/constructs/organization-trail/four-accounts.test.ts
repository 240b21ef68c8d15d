// The README's "four accounts in under 50 lines" example, checked: it synthesizes, and every stack is clean under
// AwsSolutionsChecks and under CompetencyChecks in strict mode (the cross-account rules see the whole app).
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import {
  AccountBaseline,
  AuditLogBucket,
  BackupDestinationVault,
  CrossAccountBackup,
  OrganizationTrail,
  RUNTIME_CONTROL_CATALOG,
  RuntimeControls,
} from '../../../constructs';
import { awsSolutionsViolations, competencyFindings } from '../governance-test-utils';

function fourAccounts(): Stack[] {
  // ---- begin README example ----
  const app = new App();
  const org = { organizationId: 'o-abcdef1234', region: 'eu-west-1' };
  const accounts = { management: '111111111111', audit: '222222222222', workload: '333333333333', dr: '444444444444' };
  const env = (account: string) => ({ account, region: org.region });

  const audit = new Stack(app, 'Audit', { env: env(accounts.audit) });
  const logs = new AuditLogBucket(audit, 'AuditLogs', {
    organizationId: org.organizationId,
    managementAccountId: accounts.management,
    bucketName: 'acme-org-audit-logs',
  });
  new RuntimeControls(audit, 'RuntimeControls', { aggregator: { organization: true } });

  const management = new Stack(app, 'Management', { env: env(accounts.management) });
  new OrganizationTrail(management, 'Trail', {
    bucketName: 'acme-org-audit-logs',
    kmsKeyArn: `arn:aws:kms:${org.region}:${accounts.audit}:key/1234abcd-12ab-34cd-56ef-1234567890ab`, // logs.keyArn, after deploying Audit
    auditAccountId: accounts.audit,
    cloudWatchLogs: {},
  });

  const dr = new Stack(app, 'Dr', { env: env(accounts.dr) });
  new BackupDestinationVault(dr, 'Copies', { organizationId: org.organizationId, vaultName: 'dr-copies' });

  const workload = new Stack(app, 'Workload', { env: env(accounts.workload) });
  new AccountBaseline(workload, 'Baseline', { alarmEmails: ['ops@example.com'] });
  new RuntimeControls(workload, 'RuntimeControls');
  new CrossAccountBackup(workload, 'Backup', {
    rpo: Duration.hours(24),
    rto: Duration.hours(4),
    copyTo: { vaultArn: `arn:aws:backup:${org.region}:${accounts.dr}:backup-vault:dr-copies` },
  });
  // ---- end README example ----
  void logs;
  return [audit, management, dr, workload];
}

describe('four accounts: management, audit, workload, DR', () => {
  // GIVEN / WHEN
  const stacks = fourAccounts();

  test('synthesizes the org trail, the locked audit bucket, locked cross-account backups with restore testing and runtime controls', () => {
    // THEN
    const [audit, management, dr, workload] = stacks.map((s) => Template.fromStack(s));
    audit.hasResourceProperties('AWS::S3::Bucket', { BucketName: 'acme-org-audit-logs', ObjectLockEnabled: true });
    management.hasResourceProperties('AWS::CloudTrail::Trail', { IsOrganizationTrail: true, S3BucketName: 'acme-org-audit-logs' });
    dr.hasResourceProperties('AWS::Backup::BackupVault', { BackupVaultName: 'dr-copies' });
    workload.resourceCountIs('AWS::Backup::RestoreTestingPlan', 1);
    workload.resourceCountIs('AWS::Config::ConfigRule', RUNTIME_CONTROL_CATALOG.length);
  });

  test('every stack is nag-clean under AwsSolutionsChecks', () => {
    // THEN
    expect(stacks.flatMap(awsSolutionsViolations)).toEqual([]);
  });

  test.each(['networking', 'microsoft-workloads'] as const)('every stack is clean under CompetencyChecks (%s, strict)', (checklist) => {
    // THEN
    expect(stacks.flatMap((s) => competencyFindings(s, checklist))).toEqual([]);
  });
});
