/**
 * Security 1.13–1.25: audit trail, network and bucket exposure, change detection, data protection,
 * incident response.
 */
import { alarm, configRule, eventRule, mechanism, required, service, SHARED_CONTROLS } from '../controls';
import { BY_ATTESTATION, BY_TEMPLATE, BY_TEMPLATE_AND_ATTESTATION, BY_TEMPLATE_OR_ATTESTATION, BY_TEMPLATE_OR_RUNTIME } from '../decision';
import { CONDITIONS, matrix, NO, noUnless, PRINTED, S3_RESOURCE_TYPES, YES } from '../matrix';
import { recommends, requires, touches } from '../rule-uses';
import { TechnicalItem } from '../types';

/** 1.17–1.19 "No (unless ... requires the S3 service)": they apply when the app creates S3 buckets. */
const MS_S3_CELL = noUnless(CONDITIONS.SOLUTION_USES_S3, PRINTED.MS_SOLUTION_USES_S3, S3_RESOURCE_TYPES);
const NET_S3_CELL = noUnless(CONDITIONS.SOLUTION_USES_S3, PRINTED.NET_SOLUTION_USES_S3, S3_RESOURCE_TYPES);

export const SECURITY_DETECTION_AND_DATA_ITEMS: readonly TechnicalItem[] = [
  {
    kind: 'technical',
    id: '1.13',
    pillar: 'security',
    title: 'CloudTrail in every account and region',
    requirement: 'AWS CloudTrail records API activity in all AWS accounts and all regions, so every action can be traced to who did it, on what and when.',
    level: 'must',
    modal: 'must',
    seed: {
      'microsoft-workloads': {
        ref: '1.13',
        title: 'AWS CloudTrail is enabled for all AWS accounts in every region',
        text: 'AWS CloudTrail must be enabled on all AWS accounts and in every region. Visibility into your AWS account activity is a key aspect of security and operational best practices. You can use AWS CloudTrail to view, search, download, archive, analyze, and respond to account activity across your AWS infrastructure. You can identify who or what took which action, what resources were acted upon, when the event occurred, and other details to help you analyze and respond to activity in your AWS account.',
      },
      networking: {
        ref: '1.13',
        title: 'CloudTrail is enabled for all AWS accounts in every region',
        text: 'AWS CloudTrail must be enabled on all AWS accounts and in every region. Visibility into your AWS account activity is a key aspect of security and operational best practices. You can use CloudTrail to view, search, download, archive, analyze, and respond to account activity across your AWS infrastructure. You can identify who or what took which action, what resources were acted upon, when the event occurred, and other details to help you analyze and respond to activity in your AWS account.',
      },
    },
    appliesTo: matrix([YES, YES, NO, NO], [YES, NO]),
    verification: {
      decidedBy: BY_TEMPLATE_OR_RUNTIME,
      decisionNote: 'The template shows the item when every account the app deploys to (the account of each stack, each environment-agnostic stack, each StackSet target account or OU) is recorded by a logging multi-region trail of the app deployed in that account, or by an organization trail, which records every member account of its organization (the template cannot show that the app\'s accounts belong to it). An account no trail of the app covers is no finding, since a trail managed outside the app (AWS Control Tower\'s organization trail) meets the sentence too: the result of MULTI_REGION_CLOUD_TRAIL_ENABLED in each account decides then. An environment-agnostic stack\'s account is known only at deploy time, so only a trail of its own stack or an organization trail can be shown to cover it.',
      rules: [
        requires('TrailCoversEveryAccount', 'AWS CloudTrail must be enabled on all AWS accounts and in every region'),
        recommends('TrailMultiRegion', 'must be enabled on all AWS accounts and in every region',
          'A trail that records one region, or leaves out global service events, leaves the rest to another trail; the sentence is met when every account is recorded in every region (TrailCoversEveryAccount), by an organization trail or a trail managed outside the app as well, so one such trail is no breach by itself.'),
        recommends('TrailLogFileValidation', 'must be enabled on all AWS accounts and in every region',
          'Log file integrity validation lets an investigator prove that delivered logs were not changed or deleted; the item asks that CloudTrail record every account and region, not that its files be validated.'),
      ],
      runtimeControls: [
        required(configRule('MULTI_REGION_CLOUD_TRAIL_ENABLED', 'Flags an account without at least one multi-region trail.')),
        configRule('CLOUD_TRAIL_ENABLED', 'Flags an account without an active trail.'),
        configRule('CLOUDTRAIL_SECURITY_TRAIL_ENABLED', 'Flags an account without a trail following security best practice (multi-region, management events, validation, encryption).'),
        configRule('CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED', 'Flags trails without log file integrity validation.'),
        configRule('CLOUD_TRAIL_ENCRYPTION_ENABLED', 'Flags trails whose logs are not encrypted with a KMS key.'),
        alarm('CLOUDTRAIL_CHANGE_ALARM', 'Alarms when CloudTrail records a trail being created, updated, stopped or deleted.'),
        service('CLOUDTRAIL_LOGGING', 'Each trail of the app is logging and delivers its log files without error.', ['AWS::CloudTrail::Trail']),
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
    modal: 'must',
    seed: {
      'microsoft-workloads': {
        ref: '1.14',
        title: 'AWS CloudTrail logs are stored in an Amazon S3 bucket owned by another AWS account',
        text: 'AWS CloudTrail logs must be emplaced in a bucket owned by another AWS account configured for extremely limited access, such as audit and recovery only.',
      },
      networking: {
        ref: '1.14',
        title: 'CloudTrail logs are stored in an Amazon S3 bucket owned by another AWS account',
        text: 'CloudTrail logs must be emplaced in a bucket owned by another AWS account configured for extremely limited access, such as audit and recovery only.',
      },
    },
    appliesTo: matrix([YES, YES, NO, NO], [YES, NO]),
    verification: {
      decidedBy: BY_TEMPLATE_OR_ATTESTATION,
      rules: [
        requires('TrailBucketInAnotherAccount', 'logs must be emplaced in a bucket owned by another AWS account'),
      ],
      attestation: {
        evidence: 'For a trail the template does not hold (e.g. an AWS Control Tower organization trail): the trail, its bucket, the account that owns the bucket, and the bucket policy limiting access to audit and recovery.',
      },
    },
  },
  {
    kind: 'technical',
    id: '1.15',
    pillar: 'security',
    title: 'Trail bucket protected against deletion',
    requirement: 'The CloudTrail log bucket keeps prior object versions (versioning) or requires MFA to delete, so logs cannot be silently removed.',
    level: 'must',
    modal: 'must',
    seed: {
      'microsoft-workloads': {
        ref: '1.15',
        title: 'AWS CloudTrail Amazon S3 log bucket has Versioning or MFA Delete enabled',
        text: 'AWS CloudTrail log bucket contents must be protected with versioning or MFA Delete.',
      },
      networking: {
        ref: '1.15',
        title: 'CloudTrail Amazon S3 log bucket has Versioning or MFA Delete enabled',
        text: 'CloudTrail log bucket contents must be protected with versioning or MFA Delete .',
      },
    },
    appliesTo: matrix([YES, YES, NO, NO], [YES, NO]),
    verification: {
      decidedBy: BY_TEMPLATE_OR_ATTESTATION,
      rules: [
        requires('TrailBucketVersioned', 'log bucket contents must be protected with versioning or MFA Delete'),
      ],
      attestation: {
        evidence: 'For a trail bucket the template does not hold: its versioning (or MFA delete / Object Lock) configuration.',
      },
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
    modal: 'should',
    seed: {
      'microsoft-workloads': {
        ref: '1.16',
        title: 'Amazon EC2 security groups are tightly scoped',
        text: 'All Amazon EC2 security groups should restrict access to the greatest degree possible. This includes at least 1. Implementing Security Groups to restrict traffic between Internet and Amazon VPC, 2. Implementing Security Groups to restrict traffic within the Amazon VPC, and 3. In all cases, allow only the most restrictive possible settings.',
      },
      networking: {
        ref: '1.16',
        title: 'Amazon EC2 security groups are tightly scoped',
        text: 'All Amazon EC2 security groups should restrict access to the greatest degree possible. This includes at least 1. Implementing AWS security groups to restrict traffic between Internet and VPC, 2. Implementing AWS security groups to restrict traffic within the VPC, and 3. In all cases, allow only the most restrictive possible settings.',
      },
    },
    appliesTo: matrix([YES, YES, NO, YES], [YES, YES]),
    verification: {
      decidedBy: BY_TEMPLATE,
      rules: [
        requires('SecurityGroupNoOpenIngress', 'should restrict access to the greatest degree possible'),
        requires('SecurityGroupNoAllPortsRule', 'allow only the most restrictive possible settings'),
        requires('SecurityGroupEgressRestricted', 'should restrict access to the greatest degree possible'),
        requires('VpcDefaultSecurityGroupRestricted', 'to restrict traffic within the'),
      ],
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
    modal: 'must',
    seed: {
      'microsoft-workloads': {
        ref: '1.17',
        title: 'Amazon S3 buckets within your account have appropriate levels of access',
        text: 'You must ensure that the appropriate controls are in place to control access to each Amazon S3 bucket. When using AWS, it\'s best practice to restrict access to your resources to the people that absolutely need it (the principle of least privilege).',
      },
      networking: {
        ref: '1.17',
        title: 'S3 buckets within your account have appropriate levels of access',
        text: 'You must ensure that the appropriate controls are in place to control access to each S3 bucket. When using AWS, it\'s best practice to restrict access to your resources to the people that absolutely need it (the principle of least privilege).',
      },
    },
    appliesTo: matrix([YES, YES, NO, MS_S3_CELL], [YES, NET_S3_CELL]),
    verification: {
      decidedBy: BY_TEMPLATE,
      rules: [
        requires('BucketPolicyNoPublicPrincipal', 'You must ensure that the appropriate controls are in place to control access to each'),
      ],
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
    modal: 'must',
    seed: {
      'microsoft-workloads': {
        ref: '1.18',
        title: 'Amazon S3 buckets have not been misconfigured to allow public access.',
        text: 'You must ensure that buckets that should not allow public access are properly configured to prevent public access. By default, all Amazon S3 buckets are private, and can only be accessed by users that have been explicitly granted access. Most use cases won\'t require broad-ranging public access to read files from your Amazon S3 buckets, unless you\'re using Amazon S3 to host public assets (for example, to host images for use on a public website), and it\'s best practice to never open access to the public.',
      },
      networking: {
        ref: '1.18',
        title: 'S3 buckets have not been misconfigured to allow public access.',
        text: 'You must ensure that buckets that should not allow public access are properly configured to prevent public access . By default, all S3 buckets are private, and can only be accessed by users that have been explicitly granted access. Most use cases won\'t require broad-ranging public access to read files from your S3 buckets, unless you\'re using S3 to host public assets (for example, to host images for use on a public website), and it\'s best practice to never open access to the public.',
      },
    },
    appliesTo: matrix([YES, YES, NO, MS_S3_CELL], [YES, NET_S3_CELL]),
    verification: {
      decidedBy: BY_TEMPLATE,
      rules: [
        requires('BucketBlockPublicAccess', 'buckets that should not allow public access are properly configured to prevent public access'),
        requires('BucketNoPublicAcl', 'buckets that should not allow public access are properly configured to prevent public access'),
      ],
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
    modal: 'must',
    seed: {
      'microsoft-workloads': {
        ref: '1.19',
        title: 'A monitoring mechanism is in place to detect when Amazon S3 buckets or objects become public',
        text: 'You must have monitoring or alerting in place to identify when Amazon S3 buckets become public. One option for this is to use AWS Trusted Advisor. AWS Trusted Advisor checks buckets in Amazon S3 that have open access permissions. Bucket permissions that grant list access to everyone can result in higher than expected charges if objects in the bucket are listed by unintended users at a high frequency. Bucket permissions that grant Upload/Delete access to everyone create potential security vulnerabilities by allowing anyone to add, modify, or remove items in a bucket. The AWS Trusted Advisor check examines explicit bucket permissions and associated bucket policies that might override the bucket permissions.',
      },
      networking: {
        ref: '1.19',
        title: 'A monitoring mechanism is in place to detect when S3 buckets or objects become public',
        text: 'You must have monitoring or alerting in place to identify when S3 buckets become public. One option for this is to use AWS Trusted Advisor. Trusted Advisor checks buckets in Amazon S3 that have open access permissions. Bucket permissions that grant access to everyone can result in higher than expected charges if objects in the bucket are listed by unintended users at a high frequency. Bucket permissions that grant upload/delete access to everyone create potential security vulnerabilities by allowing anyone to add, modify, or remove items in a bucket. The Trusted Advisor check examines explicit bucket permissions and associated bucket policies that might override the bucket permissions.',
      },
    },
    appliesTo: matrix([YES, YES, YES, MS_S3_CELL], [YES, NET_S3_CELL]),
    verification: {
      decidedBy: BY_TEMPLATE,
      runtimeControls: [
        mechanism(SHARED_CONTROLS.S3_BUCKET_PUBLIC_READ_PROHIBITED),
        mechanism(SHARED_CONTROLS.S3_BUCKET_PUBLIC_WRITE_PROHIBITED),
        SHARED_CONTROLS.S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED,
        mechanism(eventRule('CONFIG_COMPLIANCE_CHANGE_NOTIFICATION', 'Sends a notification when an AWS Config rule on bucket exposure turns NON_COMPLIANT.')),
        service('ACCESS_ANALYZER', 'IAM Access Analyzer reports buckets shared outside the account or organization.', ['AWS::AccessAnalyzer::Analyzer']),
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
    modal: 'must',
    seed: {
      'microsoft-workloads': {
        ref: '1.20',
        title: 'A monitoring mechanism is in place to detect changes in Amazon EC2 instances and Containers',
        text: 'Any changes to your Amazon EC2 instances or Containers may indicate unauthorized activity, and must at a minimum be logged to a durable location to allow for future forensic investigation. The mechanism employed for this purpose must at least: 1. Detect any changes to the OS or application files in the Amazon EC2 instances or Containers used in the solution. 2 Store data recording these changes in a durable location, external to the Amazon EC2 instance or Container. Examples of suitable mechanisms include: a. Deployment of file integrity checking via scheduled configuration management (e.g. Chef, Puppet, etc.) or a specialized tool (e.g. OSSEC, Tripwire or similar), or b. Extending configuration management tooling to validate Amazon EC2 host configuration, and alert on updates to key configuration files or packages with \'canary\' (logged no-op) events configured to ensure the service remains operational on all in-scope hosts during runtime, or c. Deploying a Host Intrusion Detection System such as an open source solution like OSSEC with ElasticSearch and Kibana or using a partner solution. Note that the following mechanism does not meet this requirement: a. Frequently cycling Amazon EC2 instances or Containers.',
      },
      networking: {
        ref: '1.20',
        title: 'A monitoring mechanism is in place to detect changes in AMAZON EC2 instances and Containers',
        text: 'Any changes to your Amazon EC2 instances or Containers may indicate unauthorized activity, and must at a minimum be logged to a durable location to allow for future forensic investigation. The mechanism employed for this purpose must at least: 1. Detect any changes to the OS or application files in the Amazon EC2 instances or Containers used in the solution. 2 Store data recording these changes in a durable location, external to the Amazon EC2 instance or Container. Examples of suitable mechanisms include: a. Deployment of file integrity checking via scheduled configuration management (e.g. Chef, Puppet, etc.) or a specialized tool (e.g. OSSEC, Tripwire or similar), or b. Extending configuration management tooling to validate Amazon EC2 host configuration, and alert on updates to key configuration files or packages with \'canary\' (logged no-op) events configured to ensure the service remains operational on all in-scope hosts during runtime, or c. Deploying a Host Intrusion Detection System such as an open source solution like OSSEC with Amazon Elasticsearch Service and Kibana or using a APN Partner solution. Note that the following mechanism does not meet this requirement: a. Frequently cycling Amazon EC2 instances or Containers.',
      },
    },
    appliesTo: matrix([YES, YES, NO, NO], [YES, NO]),
    verification: {
      decidedBy: BY_ATTESTATION,
      rules: [
        recommends('InstanceManagedBySsm', 'Detect any changes to the OS or application files',
          'Systems Manager lets State Manager and Inventory run scheduled configuration checks on the instance, one of the mechanisms the item names; the item accepts any file integrity, configuration management or host intrusion detection tool, which a template cannot show.'),
        recommends('InstanceImdsV2Required', 'Detect any changes to the OS or application files',
          'IMDSv2 protects the instance role\'s credentials from SSRF and open proxies; it hardens the instance but detects no change to its files.'),
      ],
      runtimeControls: [
        SHARED_CONTROLS.EC2_INSTANCE_MANAGED_BY_SSM,
        configRule('EC2_MANAGEDINSTANCE_ASSOCIATION_COMPLIANCE_STATUS_CHECK', 'Flags managed instances whose State Manager associations are not compliant.'),
        service('CONFIG_RECORDER', 'AWS Config records configuration changes of the in-scope resources.', ['AWS::Config::ConfigurationRecorder']),
        service('GUARDDUTY_RUNTIME_MONITORING', 'GuardDuty runtime monitoring watches instance and container activity.'),
        service('INSPECTOR', 'Amazon Inspector scans instances and container images.'),
      ],
      attestation: {
        evidence: 'The mechanism that detects changes to OS and application files on the in-scope instances and containers (file integrity checking such as OSSEC or Tripwire, configuration management that alerts on changed files or packages, or a host intrusion detection system): what it watches, the durable store outside the host where its records go, and a sample record or alert.',
      },
      decisionNote: 'Systems Manager management and IMDSv2 in the template make a mechanism possible but do not detect file changes; the mechanism itself is attested.',
    },
  },
  {
    kind: 'technical',
    id: '1.21',
    pillar: 'security',
    title: 'Data classified',
    requirement: 'All customer data the workload processes or stores has been assessed and classified by sensitivity, which decides how it is handled.',
    level: 'must',
    modal: 'none',
    levelReason: 'The seed states it as a fact to be true of the workload ("All customer data ... is considered and classified"), with no modal verb; a line of the technical checklist that is met or not is read as must.',
    seed: {
      'microsoft-workloads': {
        ref: '1.21',
        title: 'All data is classified',
        text: 'All customer data processed and stored in the workload is considered and classified to determine its sensitivity and the appropriate methods to use when handling it.',
      },
      networking: {
        ref: '1.21',
        title: 'All data is classified',
        text: 'All customer data processed and stored in the workload is considered and classified to determine its sensitivity and the appropriate methods to use when handling it.',
      },
    },
    appliesTo: matrix([YES, YES, NO, NO], [YES, NO]),
    verification: {
      decidedBy: BY_TEMPLATE_AND_ATTESTATION,
      rules: [
        requires('DataStoreClassified', 'All customer data processed and stored in the workload is considered and classified'),
      ],
      resourceClasses: [touches('data', 'All customer data processed and stored in the workload is considered and classified')],
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
    modal: 'none',
    levelReason: 'The seed states it as a fact to be true of the workload ("All customer data classified as sensitive is encrypted"), with no modal verb; a line of the technical checklist that is met or not is read as must.',
    seed: {
      'microsoft-workloads': {
        ref: '1.22',
        title: 'All sensitive data is encrypted',
        text: 'All customer data classified as sensitive is encrypted in transit and at rest.',
      },
      networking: {
        ref: '1.22',
        title: 'All sensitive data is encrypted',
        text: 'All customer data classified as sensitive is encrypted in transit and at rest.',
      },
    },
    appliesTo: matrix([YES, YES, NO, NO], [YES, NO]),
    verification: {
      decidedBy: BY_TEMPLATE,
      rules: [
        requires('EbsVolumeEncrypted', 'All customer data classified as sensitive is encrypted in transit and at rest'),
        requires('DataStoreEncryptedAtRest', 'All customer data classified as sensitive is encrypted in transit and at rest'),
        requires('DataStoreEncryptedInTransit', 'All customer data classified as sensitive is encrypted in transit and at rest'),
        // Amazon S3 accepts HTTP as well as HTTPS: a bucket's data travels encrypted only where its policy refuses the rest.
        requires('S3BucketTlsOnly', 'All customer data classified as sensitive is encrypted in transit and at rest'),
        recommends('S3BucketEncrypted', 'All customer data classified as sensitive is encrypted in transit and at rest',
          'Amazon S3 encrypts every new object at rest (SSE-S3) whether or not the template says so, which meets the sentence; declaring default encryption, preferably SSE-KMS with a customer managed key, records the choice and adds a key policy the partner controls.'),
        recommends('DynamoDbTableEncrypted', 'All customer data classified as sensitive is encrypted in transit and at rest',
          'DynamoDB encrypts every table at rest, with an AWS owned key by default, which meets the sentence; a KMS key the account controls adds a key policy and a CloudTrail record of each use.'),
        recommends('SnsTopicEncrypted', 'All customer data classified as sensitive is encrypted in transit and at rest',
          'Amazon SNS stores messages on encrypted disks by default, which meets the sentence; server-side encryption with a KMS key encrypts each message and puts its use under a key policy.'),
        recommends('LogGroupEncrypted', 'All customer data classified as sensitive is encrypted in transit and at rest',
          'CloudWatch Logs always encrypts log data at rest, which meets the sentence; a customer managed key lets the partner restrict and audit who reads logs that may carry customer data.'),
      ],
      // Two parts, each read by its own rules: a store encrypted at rest whose clients may still reach it in clear (or
      // the reverse) does not meet the sentence. An encrypted EBS volume also encrypts "all data moving between the
      // volume and the instance" (Amazon EBS User Guide, "How Amazon EBS encryption works"), so EbsVolumeEncrypted
      // shows both parts for the volumes of instances and groups.
      resourceClasses: [touches('data', 'All customer data classified as sensitive is encrypted in transit and at rest', {
        parts: {
          'at rest': ['EbsVolumeEncrypted', 'DataStoreEncryptedAtRest'],
          'in transit': ['EbsVolumeEncrypted', 'DataStoreEncryptedInTransit', 'S3BucketTlsOnly'],
        },
      })],
      // Not listed for the in-transit half: REDSHIFT_REQUIRE_TLS_SSL and DOCDB_CLUSTER_ENCRYPTED_IN_TRANSIT exist, but AWS
      // Config does not offer them in every region (each managed-rule page lists the exceptions: Mexico (Central) for the
      // first, a dozen regions for the second), and RuntimeControls deploys every rule in whatever region its stack is in.
      // AWS Config has no managed rule for Neptune or Amazon MQ in transit.
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
    requirement: 'Every cryptographic key is encrypted at rest and in transit, and its use is controlled through a key management solution such as AWS KMS or a partner vault.',
    level: 'must',
    modal: 'none',
    levelReason: 'The seed states it as a fact to be true of the workload ("All cryptographic keys are encrypted ... and access ... is controlled"), with no modal verb; a line of the technical checklist that is met or not is read as must.',
    seed: {
      'microsoft-workloads': {
        ref: '1.23',
        title: 'Cryptographic keys are managed securely',
        text: 'All cryptographic keys are encrypted at rest and in transit, and access to use the keys is controlled using an AWS solution such as KMS or an APN Partner solution such as HashiCorp Vault.',
      },
      networking: {
        ref: '1.23',
        title: 'Cryptographic keys are managed securely',
        text: 'All cryptographic keys are encrypted at rest and in transit, and access to use the keys is controlled using an AWS solution such as AWS Key Management Service (AWS KMS) or an APN Partner solution such as HashiCorp Vault.',
      },
    },
    appliesTo: matrix([YES, YES, YES, YES], [YES, YES]),
    verification: {
      decidedBy: BY_TEMPLATE_OR_ATTESTATION,
      rules: [
        recommends('KmsKeyRotationEnabled', 'All cryptographic keys are encrypted at rest and in transit',
          'Automatic rotation limits how much data one key version protects; the item asks that keys be protected and their use controlled, not rotated. Imported key material (BYOK) cannot rotate automatically and is not asked to.'),
        requires('KmsKeyPolicyNoWildcard', 'access to use the keys is controlled using an AWS solution such as'),
      ],
      runtimeControls: [
        configRule('KMS_CMK_NOT_SCHEDULED_FOR_DELETION', 'Flags customer managed KMS keys scheduled for deletion.'),
        configRule('CMK_BACKING_KEY_ROTATION_ENABLED', 'Flags customer managed KMS keys without automatic rotation.'),
      ],
      attestation: {
        evidence: 'For keys the template does not hold (e.g. in a partner solution such as HashiCorp Vault, or on premises): how they are encrypted at rest and in transit and how access to use them is controlled.',
      },
      decisionNote: 'The template decides it for the KMS keys it holds; keys managed elsewhere ("an APN Partner solution such as HashiCorp Vault") are attested.',
    },
  },
  {
    kind: 'technical',
    id: '1.24',
    pillar: 'security',
    title: 'Data in transit encrypted',
    requirement: 'Every data flow that crosses a VPC boundary is encrypted.',
    level: 'must',
    modal: 'none',
    levelReason: 'The seed states it as a fact to be true of the workload ("All data in transit across a VPC boundary is encrypted"), with no modal verb; a line of the technical checklist that is met or not is read as must.',
    seed: {
      'microsoft-workloads': {
        ref: '1.24',
        title: 'All data in transit is encrypted',
        text: 'All data in transit across a VPC boundary is encrypted.',
      },
      networking: {
        ref: '1.24',
        title: 'All data in transit is encrypted',
        text: 'All data in transit across a VPC boundary is encrypted.',
      },
    },
    appliesTo: matrix([YES, YES, YES, YES], [YES, YES]),
    verification: {
      decidedBy: BY_TEMPLATE_OR_ATTESTATION,
      rules: [
        requires('S3BucketTlsOnly', 'All data in transit across a VPC boundary is encrypted'),
        requires('LoadBalancerListenerTls', 'All data in transit across a VPC boundary is encrypted'),
        recommends('InternalListenerTls', 'All data in transit across a VPC boundary is encrypted',
          'TLS on listeners whose traffic stays inside the VPC also protects it from anything else in the VPC; the sentence asks only for traffic that crosses a VPC boundary.'),
        requires('CustomerGatewayUsesVpn', 'All data in transit across a VPC boundary is encrypted'),
        requires('SecurityGroupNoPlaintextFromInternet', 'All data in transit across a VPC boundary is encrypted'),
        requires('EndpointProtocolEncrypted', 'All data in transit across a VPC boundary is encrypted'),
        requires('CloudFrontViewerHttps', 'All data in transit across a VPC boundary is encrypted'),
        requires('CloudFrontOriginHttps', 'All data in transit across a VPC boundary is encrypted'),
        requires('ApiGatewayIntegrationTls', 'All data in transit across a VPC boundary is encrypted'),
        requires('DmsEndpointTls', 'All data in transit across a VPC boundary is encrypted'),
        recommends('ApiGatewayTls12', 'All data in transit across a VPC boundary is encrypted',
          'API Gateway accepts HTTPS only, so traffic to it is encrypted whatever its security policy; refusing TLS 1.0 (TLS_1_2 or an enhanced policy) keeps clients off protocol versions with known weaknesses, which the sentence does not ask.'),
      ],
      runtimeControls: [
        configRule('S3_BUCKET_SSL_REQUESTS_ONLY', 'Flags buckets whose policy does not deny requests made without TLS.'),
        configRule('ELB_TLS_HTTPS_LISTENERS_ONLY', 'Flags Classic Load Balancers with listeners that are not TLS or HTTPS.'),
        configRule('ALB_HTTP_TO_HTTPS_REDIRECTION_CHECK', 'Flags Application Load Balancer HTTP listeners that do not redirect to HTTPS.'),
        configRule('ACM_CERTIFICATE_EXPIRATION_CHECK', 'Flags ACM certificates close to expiry.'),
      ],
      attestation: {
        evidence: 'For data flows the template does not hold (e.g. between on-premises components and AWS): each flow crossing a VPC boundary and how it is encrypted (TLS version, VPN).',
      },
      decisionNote: 'The template decides it for the endpoints it holds; flows it does not hold are attested.',
      resourceClasses: [touches('protocol', 'All data in transit across a VPC boundary is encrypted')],
    },
  },
  {
    kind: 'technical',
    id: '1.25',
    pillar: 'security',
    title: 'Incident response defined and rehearsed',
    requirement: 'A security incident response process (e.g. for a compromised account) is written down and rehearsed, for instance in a security game day, at least once every 12 months to prove people, access and tools are ready.',
    level: 'must',
    modal: 'must',
    seed: {
      'microsoft-workloads': {
        ref: '1.25',
        title: 'Security incident response process is defined and rehearsed',
        text: 'A security incident response process must be defined for handling incidents such as AWS account compromises. This process must be tested by implementing procedures to rehearse the incident response process, e.g. by completing a security game day exercise. A rehearsal must have been held within the last 12 months to confirm that: a. The appropriate people have access to the environment. b. The appropriate tools are available. c. The appropriate people know what to do to respond to the various security incidents outlined in the plan.',
      },
      networking: {
        ref: '1.25',
        title: 'Security incident response process is defined and rehearsed',
        text: 'A security incident response process must be defined for handling incidents such as AWS account compromises. This process must be tested by implementing procedures to rehearse the incident response process, e.g. by completing a security game day exercise. A rehearsal must have been held within the last 12 months to confirm that: a. The appropriate people have access to the environment. b. The appropriate tools are available. c. The appropriate people know what to do to respond to the various security incidents outlined in the plan.',
      },
    },
    appliesTo: matrix([YES, YES, NO, NO], [YES, NO]),
    verification: {
      decidedBy: BY_ATTESTATION,
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
