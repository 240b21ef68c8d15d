/**
 * Security 1.13–1.25: audit trail, network and bucket exposure, change detection, data protection,
 * incident response.
 */
import { alarm, configRule, eventRule, required, service, SHARED_CONTROLS } from '../controls';
import { CONDITIONS, matrix, NO, noUnless, YES } from '../matrix';
import { TechnicalItem } from '../types';

export const SECURITY_DETECTION_AND_DATA_ITEMS: readonly TechnicalItem[] = [
  {
    kind: 'technical',
    id: '1.13',
    pillar: 'security',
    title: 'CloudTrail in every account and region',
    requirement: 'AWS CloudTrail records API activity in all AWS accounts and all regions, so every action can be traced to who did it, on what and when.',
    level: 'must',
    appliesTo: matrix([YES, YES, NO, NO], [YES, NO]),
    verification: {
      rules: ['TrailMultiRegion', 'TrailLogFileValidation'],
      runtimeControls: [
        configRule('MULTI_REGION_CLOUD_TRAIL_ENABLED', 'Flags an account without at least one multi-region trail.'),
        configRule('CLOUD_TRAIL_ENABLED', 'Flags an account without an active trail.'),
        configRule('CLOUDTRAIL_SECURITY_TRAIL_ENABLED', 'Flags an account without a trail following security best practice (multi-region, management events, validation, encryption).'),
        configRule('CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED', 'Flags trails without log file integrity validation.'),
        configRule('CLOUD_TRAIL_ENCRYPTION_ENABLED', 'Flags trails whose logs are not encrypted with a KMS key.'),
        alarm('CLOUDTRAIL_CHANGE_ALARM', 'Alarms when CloudTrail records a trail being created, updated, stopped or deleted.'),
      ],
    },
  },
  {
    kind: 'technical',
    id: '1.14',
    pillar: 'security',
    title: 'Trail logs land in a separate account',
    requirement: 'CloudTrail writes to an S3 bucket owned by a different AWS account whose access is limited to audit and recovery.',
    level: 'must',
    appliesTo: matrix([YES, YES, NO, NO], [YES, NO]),
    verification: {
      rules: ['TrailBucketInAnotherAccount'],
    },
  },
  {
    kind: 'technical',
    id: '1.15',
    pillar: 'security',
    title: 'Trail bucket protected against deletion',
    requirement: 'The CloudTrail log bucket keeps prior object versions (versioning) or requires MFA to delete, so logs cannot be silently removed.',
    level: 'must',
    appliesTo: matrix([YES, YES, NO, NO], [YES, NO]),
    verification: {
      rules: ['TrailBucketVersioned'],
      runtimeControls: [
        configRule('S3_BUCKET_VERSIONING_ENABLED', 'Flags buckets without versioning.'),
        configRule('S3_BUCKET_DEFAULT_LOCK_ENABLED', 'Flags buckets without S3 Object Lock on by default (the template-friendly counterpart of MFA delete).'),
      ],
    },
  },
  {
    kind: 'technical',
    id: '1.16',
    pillar: 'security',
    title: 'Tightly scoped security groups',
    requirement: 'Security groups allow only the narrowest traffic possible, both between the internet and the VPC and inside the VPC.',
    level: 'should',
    appliesTo: matrix([YES, YES, NO, YES], [YES, YES]),
    verification: {
      rules: ['SecurityGroupNoOpenIngress', 'SecurityGroupNoAllPortsRule', 'SecurityGroupEgressRestricted', 'VpcDefaultSecurityGroupRestricted'],
      runtimeControls: [
        configRule('INCOMING_SSH_DISABLED', 'Flags security groups that allow SSH from anywhere.'),
        configRule('RESTRICTED_INCOMING_TRAFFIC', 'Flags security groups that open common risky ports to anywhere.'),
        configRule('VPC_SG_OPEN_ONLY_TO_AUTHORIZED_PORTS', 'Flags security groups open to 0.0.0.0/0 on ports outside an authorised list.'),
        configRule('VPC_DEFAULT_SECURITY_GROUP_CLOSED', 'Flags default security groups that allow any inbound or outbound traffic.'),
        alarm('SECURITY_GROUP_CHANGE_ALARM', 'Alarms when CloudTrail records a security group being changed.'),
        alarm('NACL_CHANGE_ALARM', 'Alarms when CloudTrail records a network ACL being changed.'),
      ],
    },
  },
  {
    kind: 'technical',
    id: '1.17',
    pillar: 'security',
    title: 'Appropriate access to each S3 bucket',
    requirement: 'Every bucket has access controls that grant only the principals that truly need it.',
    level: 'must',
    appliesTo: matrix([YES, YES, NO, noUnless(CONDITIONS.SOLUTION_USES_S3)], [YES, noUnless(CONDITIONS.SOLUTION_USES_S3)]),
    verification: {
      rules: ['BucketPolicyNoPublicPrincipal'],
      runtimeControls: [
        configRule('S3_BUCKET_POLICY_GRANTEE_CHECK', 'Flags bucket policies that grant principals outside an allowed list.'),
        configRule('S3_BUCKET_ACL_PROHIBITED', 'Flags buckets that still use ACLs for access control.'),
      ],
    },
  },
  {
    kind: 'technical',
    id: '1.18',
    pillar: 'security',
    title: 'No unintended public buckets',
    requirement: 'Buckets that are not meant to be public are configured so they cannot become public; public access is reserved for deliberate public assets.',
    level: 'must',
    appliesTo: matrix([YES, YES, NO, noUnless(CONDITIONS.SOLUTION_USES_S3)], [YES, noUnless(CONDITIONS.SOLUTION_USES_S3)]),
    verification: {
      rules: ['BucketBlockPublicAccess', 'BucketNoPublicAcl'],
      runtimeControls: [
        SHARED_CONTROLS.S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED,
        configRule('S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS_PERIODIC', 'Flags an account whose account-level Block Public Access settings are not all on.'),
        SHARED_CONTROLS.S3_BUCKET_PUBLIC_READ_PROHIBITED,
        SHARED_CONTROLS.S3_BUCKET_PUBLIC_WRITE_PROHIBITED,
      ],
    },
  },
  {
    kind: 'technical',
    id: '1.19',
    pillar: 'security',
    title: 'Alerting when a bucket becomes public',
    requirement: 'A monitoring mechanism detects buckets or objects that become publicly accessible and raises an alert.',
    level: 'must',
    appliesTo: matrix([YES, YES, YES, noUnless(CONDITIONS.SOLUTION_USES_S3)], [YES, noUnless(CONDITIONS.SOLUTION_USES_S3)]),
    verification: {
      runtimeControls: [
        required(SHARED_CONTROLS.S3_BUCKET_PUBLIC_READ_PROHIBITED),
        required(SHARED_CONTROLS.S3_BUCKET_PUBLIC_WRITE_PROHIBITED),
        SHARED_CONTROLS.S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED,
        required(eventRule('CONFIG_COMPLIANCE_CHANGE_NOTIFICATION', 'Sends a notification when an AWS Config rule on bucket exposure turns NON_COMPLIANT.')),
        service('ACCESS_ANALYZER', 'IAM Access Analyzer reports buckets shared outside the account or organization.'),
      ],
    },
  },
  {
    kind: 'technical',
    id: '1.20',
    pillar: 'security',
    title: 'Change detection on instances and containers',
    requirement: 'Changes to OS and application files on instances and containers are detected and recorded in durable storage outside the host (file integrity monitoring, configuration management or host intrusion detection; frequent replacement alone does not count).',
    level: 'must',
    appliesTo: matrix([YES, YES, NO, NO], [YES, NO]),
    verification: {
      rules: ['InstanceManagedBySsm', 'InstanceImdsV2Required'],
      runtimeControls: [
        SHARED_CONTROLS.EC2_INSTANCE_MANAGED_BY_SSM,
        configRule('EC2_MANAGEDINSTANCE_ASSOCIATION_COMPLIANCE_STATUS_CHECK', 'Flags managed instances whose State Manager associations are not compliant.'),
        service('CONFIG_RECORDER', 'AWS Config records configuration changes of the in-scope resources.'),
        service('GUARDDUTY_RUNTIME_MONITORING', 'GuardDuty runtime monitoring watches instance and container activity.'),
        service('INSPECTOR', 'Amazon Inspector scans instances and container images.'),
      ],
    },
  },
  {
    kind: 'technical',
    id: '1.21',
    pillar: 'security',
    title: 'Data classified',
    requirement: 'All customer data the workload processes or stores has been assessed and classified by sensitivity, which decides how it is handled.',
    level: 'must',
    appliesTo: matrix([YES, YES, NO, NO], [YES, NO]),
    verification: {
      rules: ['DataStoreClassified'],
      runtimeControls: [
        configRule('MACIE_STATUS_CHECK', 'Flags an account or region where Amazon Macie is not enabled to discover sensitive data.'),
      ],
      attestation: {
        evidence: 'The data classification scheme (levels and handling rules per level) and who owns it.',
      },
    },
  },
  {
    kind: 'technical',
    id: '1.22',
    pillar: 'security',
    title: 'Sensitive data encrypted',
    requirement: 'Any customer data rated sensitive by the classification is protected by encryption at rest and in transit.',
    level: 'must',
    appliesTo: matrix([YES, YES, NO, NO], [YES, NO]),
    verification: {
      rules: [
        'S3BucketEncrypted', 'EbsVolumeEncrypted', 'RdsStorageEncrypted', 'DynamoDbTableEncrypted',
        'EfsFileSystemEncrypted', 'SqsQueueEncrypted', 'SnsTopicEncrypted', 'LogGroupEncrypted',
      ],
      runtimeControls: [
        configRule('ENCRYPTED_VOLUMES', 'Flags attached EBS volumes that are not encrypted.'),
        configRule('EC2_EBS_ENCRYPTION_BY_DEFAULT', 'Flags a region where EBS encryption by default is off.'),
        configRule('RDS_STORAGE_ENCRYPTED', 'Flags RDS DB instances with unencrypted storage.'),
        configRule('S3_DEFAULT_ENCRYPTION_KMS', 'Flags buckets not encrypted by default with a KMS key.'),
        configRule('DYNAMODB_TABLE_ENCRYPTED_KMS', 'Flags DynamoDB tables not encrypted with a KMS key.'),
        configRule('EFS_ENCRYPTED_CHECK', 'Flags EFS file systems that are not encrypted.'),
        configRule('CLOUDWATCH_LOG_GROUP_ENCRYPTED', 'Flags log groups not encrypted with a KMS key.'),
      ],
    },
  },
  {
    kind: 'technical',
    id: '1.23',
    pillar: 'security',
    title: 'Cryptographic keys managed securely',
    requirement: 'Keys are protected at rest and in transit, and their use is controlled through a key management service such as AWS KMS or a partner vault.',
    level: 'must',
    appliesTo: matrix([YES, YES, YES, YES], [YES, YES]),
    verification: {
      rules: ['KmsKeyRotationEnabled', 'KmsKeyPolicyNoWildcard'],
      runtimeControls: [
        configRule('KMS_CMK_NOT_SCHEDULED_FOR_DELETION', 'Flags customer managed KMS keys scheduled for deletion.'),
        configRule('CMK_BACKING_KEY_ROTATION_ENABLED', 'Flags customer managed KMS keys without automatic rotation.'),
      ],
    },
  },
  {
    kind: 'technical',
    id: '1.24',
    pillar: 'security',
    title: 'Data in transit encrypted',
    requirement: 'Every data flow that crosses a VPC boundary is encrypted.',
    level: 'must',
    appliesTo: matrix([YES, YES, YES, YES], [YES, YES]),
    verification: {
      rules: ['S3BucketTlsOnly', 'LoadBalancerListenerTls', 'CustomerGatewayUsesVpn'],
      runtimeControls: [
        configRule('S3_BUCKET_SSL_REQUESTS_ONLY', 'Flags buckets whose policy does not deny requests made without TLS.'),
        configRule('ELB_TLS_HTTPS_LISTENERS_ONLY', 'Flags Classic Load Balancers with listeners that are not TLS or HTTPS.'),
        configRule('ALB_HTTP_TO_HTTPS_REDIRECTION_CHECK', 'Flags Application Load Balancer HTTP listeners that do not redirect to HTTPS.'),
        configRule('ACM_CERTIFICATE_EXPIRATION_CHECK', 'Flags ACM certificates close to expiry.'),
      ],
    },
  },
  {
    kind: 'technical',
    id: '1.25',
    pillar: 'security',
    title: 'Incident response defined and rehearsed',
    requirement: 'A security incident response process (e.g. for a compromised account) is written down and rehearsed, for instance in a security game day, at least once every 12 months to prove people, access and tools are ready.',
    level: 'must',
    appliesTo: matrix([YES, YES, NO, NO], [YES, NO]),
    verification: {
      runtimeControls: [
        configRule('SECURITYHUB_ENABLED', 'Flags an account where AWS Security Hub is not enabled (a prerequisite for detection).'),
        configRule('GUARDDUTY_ENABLED_CENTRALIZED', 'Flags an account where GuardDuty is not enabled or not centrally administered.'),
        alarm('UNAUTHORIZED_API_CALLS_ALARM', 'Alarms when CloudTrail records a burst of access-denied or unauthorized API calls.'),
      ],
      attestation: {
        evidence: 'The incident response plan and the record of the last rehearsal: date, scenario, participants, confirmation that access and tools worked, and follow-up actions.',
        maxAgeMonths: 12,
      },
    },
  },
];
