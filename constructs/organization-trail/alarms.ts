/**
 * The CIS-style CloudTrail metric filters of `OrganizationTrail` (items 1.1, 1.3, 1.4, 1.9, 1.13, 1.16, 2.4).
 * One table: the runtime-control id written to the alarm's metadata, the filter pattern and a description.
 */
export interface TrailAlarmDefinition {
  /** Construct id of the filter and alarm. */
  readonly id: string;
  /** Value of the `METADATA.RUNTIME_CONTROL` metadata written on the alarm. */
  readonly runtimeControl: string;
  /** Checklist items the alarm provides evidence for. */
  readonly checklistItems: readonly string[];
  /** CloudWatch Logs filter pattern. */
  readonly pattern: string;
  /** Alarm description. */
  readonly description: string;
}

export const TRAIL_ALARMS: readonly TrailAlarmDefinition[] = [
  {
    id: 'RootActivity',
    runtimeControl: 'ROOT_ACTIVITY_ALARM',
    checklistItems: ['1.1', '1.3'],
    pattern: '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
    description: 'The root user was used (CIS 3.3).',
  },
  {
    id: 'ConsoleSignInWithoutMfa',
    runtimeControl: 'CONSOLE_SIGNIN_WITHOUT_MFA_ALARM',
    checklistItems: ['1.4'],
    pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',
    description: 'An IAM user signed in to the console without MFA (CIS 3.2).',
  },
  {
    id: 'IamPolicyChange',
    runtimeControl: 'IAM_POLICY_CHANGE_ALARM',
    checklistItems: ['1.9'],
    pattern:
      '{ ($.eventSource = iam.amazonaws.com) && (($.eventName = DeleteGroupPolicy) || ($.eventName = DeleteRolePolicy) || ($.eventName = DeleteUserPolicy) || ' +
      '($.eventName = PutGroupPolicy) || ($.eventName = PutRolePolicy) || ($.eventName = PutUserPolicy) || ($.eventName = CreatePolicy) || ($.eventName = DeletePolicy) || ' +
      '($.eventName = CreatePolicyVersion) || ($.eventName = DeletePolicyVersion) || ($.eventName = AttachRolePolicy) || ($.eventName = DetachRolePolicy) || ' +
      '($.eventName = AttachUserPolicy) || ($.eventName = DetachUserPolicy) || ($.eventName = AttachGroupPolicy) || ($.eventName = DetachGroupPolicy)) }',
    description: 'An IAM policy was created, changed, attached or detached (CIS 3.4).',
  },
  {
    id: 'CloudTrailChange',
    runtimeControl: 'CLOUDTRAIL_CHANGE_ALARM',
    checklistItems: ['1.13'],
    pattern: '{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }',
    description: 'A CloudTrail trail was created, changed, deleted, started or stopped (CIS 3.5).',
  },
  {
    id: 'SecurityGroupChange',
    runtimeControl: 'SECURITY_GROUP_CHANGE_ALARM',
    checklistItems: ['1.16'],
    pattern:
      '{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ' +
      '($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) }',
    description: 'A security group was created, changed or deleted (CIS 3.10).',
  },
  {
    id: 'NaclChange',
    runtimeControl: 'NACL_CHANGE_ALARM',
    checklistItems: ['1.16'],
    pattern:
      '{ ($.eventName = CreateNetworkAcl) || ($.eventName = CreateNetworkAclEntry) || ($.eventName = DeleteNetworkAcl) || ($.eventName = DeleteNetworkAclEntry) || ' +
      '($.eventName = ReplaceNetworkAclEntry) || ($.eventName = ReplaceNetworkAclAssociation) }',
    description: 'A network ACL was created, changed or deleted (CIS 3.11).',
  },
  {
    id: 'UnauthorizedApiCalls',
    runtimeControl: 'UNAUTHORIZED_API_CALLS_ALARM',
    checklistItems: ['1.9'],
    pattern: '{ (($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*")) && ($.sourceIPAddress != "delivered.logs.amazonaws.com") && ($.eventName != "HeadBucket") }',
    description: 'API calls were refused for lack of permission (CIS 3.1).',
  },
];
