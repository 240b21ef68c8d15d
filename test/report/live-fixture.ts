/**
 * A small partner-style app that deploys one control of each kind `report --live` reads, synthesized for the
 * live tests, and an AWS double built from its templates with aws-sdk-client-mock (every stack deployed, every
 * control healthy), which each test then changes.
 */
import * as path from 'path';
import { AccessAnalyzerClient, ListAnalyzersCommand, ListFindingsCommand } from '@aws-sdk/client-accessanalyzer';
import { BackupClient, DescribeBackupVaultCommand, GetRestoreTestingPlanCommand, ListBackupJobsCommand, ListCopyJobsCommand, ListRestoreJobsCommand } from '@aws-sdk/client-backup';
import { CloudFormationClient, ListStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { CloudTrailClient, GetTrailStatusCommand } from '@aws-sdk/client-cloudtrail';
import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { ConfigServiceClient, DescribeConfigRulesCommand, DescribeConfigurationRecorderStatusCommand, GetComplianceDetailsByConfigRuleCommand } from '@aws-sdk/client-config-service';
import { DescribeRuleCommand, EventBridgeClient, ListTargetsByRuleCommand } from '@aws-sdk/client-eventbridge';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { App, CfnResource, Stack } from 'aws-cdk-lib';
import * as accessanalyzer from 'aws-cdk-lib/aws-accessanalyzer';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as config from 'aws-cdk-lib/aws-config';
import * as events from 'aws-cdk-lib/aws-events';
import { mockClient } from 'aws-sdk-client-mock';
import { METADATA } from '../../lib/conventions';
import { LoadedAssembly, loadAssembly } from '../../lib/report';
import { tmpDir } from './helpers';

export const ACCOUNT = '111111111111';
export const REGION = 'eu-west-1';
/** "Now" of the live tests: the report's clock and the time of every result. */
export const LIVE_NOW = new Date('2025-06-01T12:00:00Z');
export const EVALUATED = new Date('2025-06-01T09:30:00Z');

/** Synthesizes the app into a temporary cdk.out and returns its directory. */
export function synthLiveApp(): string {
  const outdir = path.join(tmpDir('cdk-competency-live-'), 'cdk.out');
  const app = new App({ outdir });
  const stack = new Stack(app, 'Controls', { env: { account: ACCOUNT, region: REGION }, stackName: 'partner-controls' });
  new config.ManagedRule(stack, 'RootMfa', { identifier: 'ROOT_ACCOUNT_MFA_ENABLED' });
  new config.ManagedRule(stack, 'KeysRotated', { identifier: 'ACCESS_KEYS_ROTATED', inputParameters: { maxAccessKeyAge: 90 } });
  new config.CfnConfigurationRecorder(stack, 'Recorder', { roleArn: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig` });
  const alarm = new cloudwatch.CfnAlarm(stack, 'RootActivity', {
    comparisonOperator: 'GreaterThanOrEqualToThreshold', evaluationPeriods: 1, threshold: 1, metricName: 'RootActivity', namespace: 'CIS', period: 300, statistic: 'Sum',
    alarmActions: [`arn:aws:sns:${REGION}:${ACCOUNT}:security`],
  });
  alarm.addMetadata(METADATA.RUNTIME_CONTROL, 'ROOT_ACTIVITY_ALARM');
  const rule = new events.CfnRule(stack, 'ComplianceChange', { eventPattern: { source: ['aws.config'] }, targets: [{ id: 'topic', arn: `arn:aws:sns:${REGION}:${ACCOUNT}:security` }] });
  rule.addMetadata(METADATA.RUNTIME_CONTROL, 'CONFIG_COMPLIANCE_CHANGE_NOTIFICATION');
  new cloudtrail.CfnTrail(stack, 'Trail', { isLogging: true, s3BucketName: 'audit-logs-222222222222', isMultiRegionTrail: true });
  new accessanalyzer.CfnAnalyzer(stack, 'Analyzer', { type: 'ACCOUNT' });
  const plan = new backup.CfnBackupPlan(stack, 'Plan', {
    backupPlan: { backupPlanName: 'daily', backupPlanRule: [{ ruleName: 'daily', targetBackupVault: 'workload', scheduleExpression: 'cron(0 3 * * ? *)' }] },
  });
  plan.addMetadata(METADATA.RUNTIME_CONTROL, 'BACKUP_CROSS_ACCOUNT_COPY');
  const testing = new CfnResource(stack, 'RestoreTesting', {
    type: 'AWS::Backup::RestoreTestingPlan',
    properties: { RestoreTestingPlanName: 'weekly_restore', ScheduleExpression: 'cron(0 5 ? * 1 *)', RecoveryPointSelection: { Algorithm: 'LATEST_WITHIN_WINDOW', IncludeVaults: ['*'], RecoveryPointTypes: ['SNAPSHOT'] } },
  });
  testing.addMetadata(METADATA.RUNTIME_CONTROL, 'BACKUP_RESTORE_TESTING');
  app.synth();
  return outdir;
}

/** Physical id of a logical id in the AWS double: names for named things, an ARN for the analyzer. */
export function physicalIdOf(logicalId: string, type: string): string {
  if (type === 'AWS::AccessAnalyzer::Analyzer') return `arn:aws:access-analyzer:${REGION}:${ACCOUNT}:analyzer/${logicalId}`;
  if (type === 'AWS::Backup::BackupPlan') return `plan-${logicalId}`;
  return `${logicalId}-phys`;
}

/** The AWS double: one mock per client class, healthy answers derived from the assembly. Reset it in afterEach. */
export function mockAws(assembly: LoadedAssembly) {
  const m = {
    sts: mockClient(STSClient), cfn: mockClient(CloudFormationClient), config: mockClient(ConfigServiceClient), cw: mockClient(CloudWatchClient),
    events: mockClient(EventBridgeClient), trail: mockClient(CloudTrailClient), backup: mockClient(BackupClient), aa: mockClient(AccessAnalyzerClient),
  };
  m.sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT, Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/auditor/session` });
  m.cfn.on(ListStackResourcesCommand).callsFake((input: { StackName: string }) => {
    const stack = assembly.stacks.find((s) => s.stackName === input.StackName);
    if (!stack) throw Object.assign(new Error(`Stack with id ${input.StackName} does not exist`), { name: 'ValidationError' });
    return {
      StackResourceSummaries: Object.entries(stack.template.Resources ?? {}).map(([id, r]) => ({
        LogicalResourceId: id, PhysicalResourceId: physicalIdOf(id, r.Type), ResourceType: r.Type, ResourceStatus: 'CREATE_COMPLETE',
      })),
    };
  });
  m.config.on(GetComplianceDetailsByConfigRuleCommand).callsFake((input: { ConfigRuleName: string }) => ({
    EvaluationResults: [evaluation(input.ConfigRuleName, 'AWS::::Account', ACCOUNT, 'COMPLIANT')],
  }));
  m.config.on(DescribeConfigRulesCommand).resolves({ ConfigRules: [] });
  m.config.on(DescribeConfigurationRecorderStatusCommand).callsFake((input: { ConfigurationRecorderNames: string[] }) => ({
    ConfigurationRecordersStatus: [{ name: input.ConfigurationRecorderNames[0], recording: true, lastStatus: 'SUCCESS', lastStartTime: new Date('2025-01-10T08:00:00Z'), lastStatusChangeTime: EVALUATED }],
  }));
  m.cw.on(DescribeAlarmsCommand).callsFake((input: { AlarmNames: string[] }) => ({
    MetricAlarms: input.AlarmNames.map((n) => ({ AlarmName: n, ActionsEnabled: true, AlarmActions: [`arn:aws:sns:${REGION}:${ACCOUNT}:security`], StateValue: 'OK', StateUpdatedTimestamp: new Date('2025-05-20T10:00:00Z'), StateReason: 'Threshold Crossed: no datapoints' })),
  }));
  m.events.on(DescribeRuleCommand).callsFake((input: { Name: string }) => ({ Name: input.Name, State: 'ENABLED' }));
  m.events.on(ListTargetsByRuleCommand).resolves({ Targets: [{ Id: 'topic', Arn: `arn:aws:sns:${REGION}:${ACCOUNT}:security` }] });
  m.trail.on(GetTrailStatusCommand).resolves({ IsLogging: true, LatestDeliveryTime: new Date('2025-06-01T11:55:00Z'), StartLoggingTime: new Date('2025-01-10T08:00:00Z') });
  m.aa.on(ListAnalyzersCommand).resolves({ analyzers: [{ arn: physicalIdOf('Analyzer', 'AWS::AccessAnalyzer::Analyzer'), name: 'Analyzer', type: 'ACCOUNT', status: 'ACTIVE', createdAt: EVALUATED, lastResourceAnalyzed: undefined, lastResourceAnalyzedAt: undefined, tags: {} } as any] });
  m.aa.on(ListFindingsCommand).resolves({ findings: [] });
  m.backup.on(ListBackupJobsCommand).resolves({ BackupJobs: [] });
  m.backup.on(DescribeBackupVaultCommand).resolves({ BackupVaultName: 'workload', Locked: true, MinRetentionDays: 35, LockDate: new Date('2025-01-13T08:00:00Z') });
  m.backup.on(ListCopyJobsCommand).resolves({
    CopyJobs: [{ CopyJobId: 'c1', ResourceArn: `arn:aws:ec2:${REGION}:${ACCOUNT}:volume/vol-1`, State: 'COMPLETED', CreationDate: new Date('2025-06-01T03:10:00Z'), CompletionDate: new Date('2025-06-01T03:40:00Z'),
      DestinationBackupVaultArn: 'arn:aws:backup:eu-west-1:444444444444:backup-vault:dr', CreatedBy: { BackupPlanId: physicalIdOf('Plan', 'AWS::Backup::BackupPlan') } }],
  });
  m.backup.on(GetRestoreTestingPlanCommand).callsFake((input: { RestoreTestingPlanName: string }) => ({
    RestoreTestingPlan: { RestoreTestingPlanName: input.RestoreTestingPlanName, RestoreTestingPlanArn: `arn:aws:backup:${REGION}:${ACCOUNT}:restore-testing-plan:${input.RestoreTestingPlanName}` },
  }));
  m.backup.on(ListRestoreJobsCommand).resolves({
    RestoreJobs: [{ RestoreJobId: 'r1', ResourceType: 'EBS', SourceResourceArn: `arn:aws:ec2:${REGION}:${ACCOUNT}:volume/vol-1`, Status: 'COMPLETED', ValidationStatus: 'SUCCESSFUL',
      CreationDate: new Date('2025-05-26T05:00:00Z'), CompletionDate: new Date('2025-05-26T05:20:00Z') }],
  });
  return { ...m, reset: () => Object.values(m).forEach((c) => c.reset()), restore: () => Object.values(m).forEach((c) => c.restore()) };
}

export function evaluation(rule: string, resourceType: string, resourceId: string, compliance: string, at = EVALUATED) {
  return {
    EvaluationResultIdentifier: { EvaluationResultQualifier: { ConfigRuleName: rule, ResourceType: resourceType, ResourceId: resourceId }, OrderingTimestamp: at },
    ComplianceType: compliance as any, ResultRecordedTime: at, ConfigRuleInvokedTime: at,
  };
}

export { loadAssembly };
