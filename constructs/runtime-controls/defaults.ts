/**
 * Every AWS Config managed rule `RuntimeControls` deploys, with the checklist items it watches. Read by the evidence
 * report to explain which runtime control covers which item. Parameters are checked against the AWS Config managed-rule
 * documentation; values are strings, as AWS Config passes them (booleans are lowercase `'true'` / `'false'`).
 */
export interface RuntimeControlDefinition {
  /** AWS Config managed rule identifier (`Source.SourceIdentifier`). */
  readonly identifier: string;
  /** Checklist items the rule provides evidence for. */
  readonly checklistItems: readonly string[];
  /** What the rule checks. */
  readonly description: string;
  /** Input parameters (defaults of this library; override with `parameterOverrides`). */
  readonly parameters?: Readonly<Record<string, string>>;
  /** The rule evaluates account-wide or IAM (global) resources: deploying it in one region is enough. */
  readonly global?: boolean;
}

export const RUNTIME_CONTROL_CATALOG: readonly RuntimeControlDefinition[] = [
  // Identity and access (1.1-1.12)
  { identifier: 'IAM_ROOT_ACCESS_KEY_CHECK', checklistItems: ['1.1'], description: 'The root user has no access keys.', global: true },
  { identifier: 'ROOT_ACCOUNT_MFA_ENABLED', checklistItems: ['1.2'], description: 'The root user has MFA.', global: true },
  { identifier: 'IAM_USER_MFA_ENABLED', checklistItems: ['1.4'], description: 'Every IAM user has MFA.', global: true },
  { identifier: 'MFA_ENABLED_FOR_IAM_CONSOLE_ACCESS', checklistItems: ['1.4'], description: 'Every IAM user with a console password has MFA.', global: true },
  {
    identifier: 'ACCESS_KEYS_ROTATED',
    checklistItems: ['1.5', '1.12'],
    description: 'Active access keys are rotated within maxAccessKeyAge days.',
    parameters: { maxAccessKeyAge: '90' },
    global: true,
  },
  {
    identifier: 'IAM_USER_UNUSED_CREDENTIALS_CHECK',
    checklistItems: ['1.5'],
    description: 'No password or access key has gone unused for maxCredentialUsageAge days.',
    parameters: { maxCredentialUsageAge: '90' },
    global: true,
  },
  {
    identifier: 'IAM_PASSWORD_POLICY',
    checklistItems: ['1.7'],
    description: 'The account password policy is strong (14+ characters, all character classes, 24 remembered, 90-day expiry).',
    parameters: {
      RequireUppercaseCharacters: 'true',
      RequireLowercaseCharacters: 'true',
      RequireSymbols: 'true',
      RequireNumbers: 'true',
      MinimumPasswordLength: '14',
      PasswordReusePrevention: '24',
      MaxPasswordAge: '90',
    },
    global: true,
  },
  { identifier: 'IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS', checklistItems: ['1.9'], description: "No customer-managed policy allows '*' on '*'.", global: true },
  // Logging (1.13-1.15)
  { identifier: 'CLOUD_TRAIL_ENABLED', checklistItems: ['1.13'], description: 'A CloudTrail trail is logging.', global: true },
  { identifier: 'MULTI_REGION_CLOUD_TRAIL_ENABLED', checklistItems: ['1.13'], description: 'At least one multi-region trail is logging.', global: true },
  { identifier: 'CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED', checklistItems: ['1.13'], description: 'Trails validate their log files.' },
  { identifier: 'CLOUD_TRAIL_ENCRYPTION_ENABLED', checklistItems: ['1.13', '1.22'], description: 'Trails encrypt with a KMS key.' },
  { identifier: 'S3_BUCKET_VERSIONING_ENABLED', checklistItems: ['1.15'], description: 'S3 buckets are versioned.' },
  // Data protection (1.16-1.24)
  {
    identifier: 'RESTRICTED_INCOMING_TRAFFIC',
    checklistItems: ['1.16'],
    description: 'No security group admits 0.0.0.0/0 on the blocked ports (20, 21, 3389, 3306, 4333).',
    parameters: { blockedPort1: '20', blockedPort2: '21', blockedPort3: '3389', blockedPort4: '3306', blockedPort5: '4333' },
  },
  { identifier: 'INCOMING_SSH_DISABLED', checklistItems: ['1.16'], description: 'No security group admits 0.0.0.0/0 on port 22.' },
  { identifier: 'VPC_DEFAULT_SECURITY_GROUP_CLOSED', checklistItems: ['1.16'], description: 'Default security groups allow no traffic.' },
  { identifier: 'S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS_PERIODIC', checklistItems: ['1.18'], description: 'Account-level S3 Block Public Access is on.', global: true },
  { identifier: 'S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED', checklistItems: ['1.18', '1.19'], description: 'Every bucket blocks public access.' },
  { identifier: 'S3_BUCKET_PUBLIC_READ_PROHIBITED', checklistItems: ['1.18', '1.19'], description: 'No bucket allows public read.' },
  { identifier: 'S3_BUCKET_PUBLIC_WRITE_PROHIBITED', checklistItems: ['1.18', '1.19'], description: 'No bucket allows public write.' },
  { identifier: 'EC2_INSTANCE_MANAGED_BY_SSM', checklistItems: ['1.20'], description: 'EC2 instances are managed by Systems Manager.' },
  { identifier: 'ENCRYPTED_VOLUMES', checklistItems: ['1.22'], description: 'Attached EBS volumes are encrypted.' },
  { identifier: 'EC2_EBS_ENCRYPTION_BY_DEFAULT', checklistItems: ['1.22'], description: 'EBS encryption by default is on.' },
  { identifier: 'KMS_CMK_NOT_SCHEDULED_FOR_DELETION', checklistItems: ['1.23'], description: 'No customer key is scheduled for deletion.' },
  { identifier: 'CMK_BACKING_KEY_ROTATION_ENABLED', checklistItems: ['1.23'], description: 'Customer keys rotate.' },
  { identifier: 'S3_BUCKET_SSL_REQUESTS_ONLY', checklistItems: ['1.24'], description: 'Bucket policies refuse requests without TLS.' },
  // Reliability and operations (2.1-2.6)
  { identifier: 'VPC_VPN_2_TUNNELS_UP', checklistItems: ['2.1'], description: 'Both tunnels of every site-to-site VPN are up.' },
  { identifier: 'VPC_FLOW_LOGS_ENABLED', checklistItems: ['2.3'], description: 'Every VPC has flow logs.' },
  { identifier: 'CW_LOGGROUP_RETENTION_PERIOD_CHECK', checklistItems: ['2.3'], description: 'Log groups keep logs for at least 365 days (rule default).' },
  {
    identifier: 'CLOUDWATCH_ALARM_ACTION_CHECK',
    checklistItems: ['2.4'],
    description: 'Every CloudWatch alarm has an alarm action.',
    parameters: { alarmActionRequired: 'true', insufficientDataActionRequired: 'false', okActionRequired: 'false' },
  },
  { identifier: 'CLOUDFORMATION_STACK_DRIFT_DETECTION_CHECK', checklistItems: ['2.5'], description: 'CloudFormation stacks have not drifted (parameter cloudformationRoleArn is filled in by RuntimeControls).' },
  {
    identifier: 'BACKUP_PLAN_MIN_FREQUENCY_AND_MIN_RETENTION_CHECK',
    checklistItems: ['2.6'],
    description: 'Backup plans run at least daily and keep recovery points at least 35 days.',
    parameters: { requiredFrequencyValue: '1', requiredFrequencyUnit: 'days', requiredRetentionDays: '35' },
  },
  { identifier: 'BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED', checklistItems: ['2.6'], description: 'Backup vault policies refuse manual deletion of recovery points.' },
];

/** Identifier of the drift-detection rule, whose role parameter `RuntimeControls` provides. */
export const DRIFT_DETECTION_RULE = 'CLOUDFORMATION_STACK_DRIFT_DETECTION_CHECK';
/**
 * Identifier of the rule reading the Deny statement of backup vault access policies, whose `principalArnList`
 * `RuntimeControls` fills in with the principals the vaults exempt.
 */
export const VAULT_DELETION_RULE = 'BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED';
/**
 * How many principals `principalArnList` may exempt: "The control BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED allows
 * you to exempt up to five IAM roles that can still manually delete recovery points" (AWS Backup developer guide, "Using
 * AWS Backup Audit Manager with CloudFormation"). The AWS Config page of the rule names no limit.
 */
export const VAULT_DELETION_EXEMPTIONS_MAX = 5;
/** Runtime-control id written on the EventBridge rule that forwards compliance changes (item 1.19). */
export const COMPLIANCE_CHANGE_NOTIFICATION = 'CONFIG_COMPLIANCE_CHANGE_NOTIFICATION';
