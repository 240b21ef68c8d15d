/**
 * Every AWS API action `report --live` calls: read-only, one list, from which the README's table and IAM
 * policy are generated and against which every call is checked (a call outside this list is a bug).
 */

/** Action → what the report reads with it. */
export const LIVE_ACTIONS = {
  'sts:GetCallerIdentity': 'The account the credentials belong to (needs no permission).',
  'cloudformation:ListStackResources': "The physical ids of the app's controls in each deployed stack, and whether the stack is deployed.",
  'config:GetComplianceDetailsByConfigRule': 'Compliance of each AWS Config rule per resource, with the evaluation time.',
  'config:DescribeConfigRules': 'The member-account rules that organization Config rules deploy.',
  'config:DescribeConfigurationRecorderStatus': 'Whether the configuration recorder is recording, and its last status.',
  'cloudwatch:DescribeAlarms': 'State, actions and last state change of each alarm.',
  'events:DescribeRule': 'Whether each EventBridge rule is enabled.',
  'events:ListTargetsByRule': 'The targets of each EventBridge rule.',
  'cloudtrail:GetTrailStatus': 'Whether each trail is logging, its last delivery and delivery error.',
  'backup:ListBackupJobs': 'The backup jobs of each backup plan in the last 35 days.',
  'backup:DescribeBackupVault': 'The lock state of the vaults those jobs write to.',
  'backup:ListCopyJobs': 'The copy jobs of each backup plan in the last 35 days.',
  'backup:GetRestoreTestingPlan': 'The ARN of each restore testing plan.',
  'backup:ListRestoreJobs': 'The restore testing jobs of each plan in the last 35 days, with their validation result.',
  'access-analyzer:ListAnalyzers': 'Whether each IAM Access Analyzer is active.',
  'access-analyzer:ListFindings': 'The active findings of each analyzer (public and cross-account access).',
} as const;

export type LiveAction = keyof typeof LIVE_ACTIONS;

/** The IAM policy that lets `report --live` make every call it makes, and nothing else. */
export function liveIamPolicy(): { readonly Version: '2012-10-17'; readonly Statement: readonly object[] } {
  return {
    Version: '2012-10-17',
    Statement: [{
      Sid: 'CdkCompetencyLiveEvidenceReadOnly',
      Effect: 'Allow',
      Action: Object.keys(LIVE_ACTIONS).sort(),
      Resource: '*',
    }],
  };
}
