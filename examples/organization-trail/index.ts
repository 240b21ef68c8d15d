import { Stage } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { CENTRAL_LOG_DESTINATION_NAME, ReferenceConfig } from '../config';
import { ReferenceDeployment } from '../reference-deployment';
import { AuditLogStack } from './audit-stack';
import { OrganizationBaselineStack } from './baseline-stack';
import { auditBucketName, BASELINE_ORGANIZATIONAL_UNITS, configBucketName, SECURITY_ALERT_EMAILS, TRAIL_NAME } from './settings';
import { OrganizationTrailStack } from './trail-stack';

export * from './audit-stack';
export * from './baseline-stack';
export * from './settings';
export * from './trail-stack';

/** The stacks of the stage, for tests and the evidence pack. */
export interface OrganizationTrailStage {
  readonly stage: Stage;
  readonly audit: AuditLogStack;
  readonly trail: OrganizationTrailStack;
  readonly baseline: OrganizationBaselineStack;
}

/** Builds the stage: audit bucket (audit account), trail and baseline StackSet (management account). */
export function buildOrganizationTrail(scope: Construct, config: ReferenceConfig): OrganizationTrailStage {
  const stage = new Stage(scope, 'OrganizationTrail');
  const region = config.primaryRegion;
  const management = { account: config.managementAccount, region };
  const bucketName = auditBucketName(config);

  const audit = new AuditLogStack(stage, 'Audit', {
    env: { account: config.auditAccount, region },
    organizationId: config.organizationId,
    managementAccount: config.managementAccount,
    trailName: TRAIL_NAME,
    bucketName,
    centralLogDestinationName: CENTRAL_LOG_DESTINATION_NAME,
    configBucketName: configBucketName(config),
  });
  const trail = new OrganizationTrailStack(stage, 'Trail', {
    env: management,
    auditAccount: config.auditAccount,
    bucketName,
    trailName: TRAIL_NAME,
    alarmEmails: SECURITY_ALERT_EMAILS,
  });
  trail.addStackDependency(audit, 'the trail delivers to the audit bucket, which must exist (and admit it) first');

  const baseline = new OrganizationBaselineStack(stage, 'Baseline', {
    env: management,
    organizationalUnitIds: BASELINE_ORGANIZATIONAL_UNITS,
    regions: [config.primaryRegion, config.secondaryRegion],
    alarmEmails: SECURITY_ALERT_EMAILS,
    configBucketName: configBucketName(config),
  });
  baseline.addStackDependency(audit, 'the management account\'s AWS Config recorder delivers to the audit account\'s Config bucket, which must exist (and admit it) first');
  return { stage, audit, trail, baseline };
}

/** Reference deployment: the organization trail into the audit account, CIS-style alarms, and the org-wide baseline. */
export const deployment: ReferenceDeployment = {
  name: 'organization-trail',
  stageId: 'OrganizationTrail',
  title: 'Organization trail into a locked audit-account bucket, CIS-style alarms, and an org-wide baseline StackSet',
  claims: { checklist: 'networking', deploymentModels: ['saas'], categories: [] },
  build(scope: Construct, config: ReferenceConfig): Stage {
    return buildOrganizationTrail(scope, config).stage;
  },
};
