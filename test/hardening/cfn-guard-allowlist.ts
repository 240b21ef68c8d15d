// AWS Control Tower proactive controls (cfn-guard rules bundled with @cdklabs/cdk-validator-cfnguard) that the
// reference deployments fail on purpose or that cannot judge our templates. Every entry names the control, the
// resources (a pattern over `<Stage>/<template>/<logicalId>`) and why. test/hardening/cfn-guard.test.ts fails on a
// finding no entry covers, and on an entry that no longer matches anything (remove it then).
//
// "OPEN FINDING" marks a real gap reported to the construct's owner (see HARDENING.md): allowlisted so the suite
// guards everything else, to be removed when fixed.

/** One accepted Control Tower finding. */
export interface GuardAllowance {
  /** The control id, e.g. `CT.KMS.PR.3`. */
  readonly control: string;
  /** The resources it covers: matched against `<Stage>/<template>/<logicalId>`. */
  readonly resource: RegExp;
  /** Why the finding is accepted. */
  readonly reason: string;
}

export const CFN_GUARD_ALLOWLIST: readonly GuardAllowance[] = [
  {
    control: 'CT.KMS.PR.3',
    resource: /\/[A-Za-z0-9]*Key[0-9A-F]{8}$/,
    reason:
      "Every customer managed key keeps aws-cdk-lib's default key-policy statement (account root: kms:*), the AWS default key policy that delegates key use to IAM; the control wants kms:CreateGrant limited by kms:GrantIsForAWSResource. Service principals get their own scoped statements.",
  },
  {
    control: 'CT.CLOUDTRAIL.PR.1',
    resource: /^OrganizationTrail\/[^/]+\/OrganizationTrail[0-9A-F]{8}$/,
    reason: "The trail's KMSKeyId is the audit account's key ARN passed as a stack parameter (a Ref): the guard rule only accepts a literal string. OrganizationTrail validates the ARN and sets it.",
  },
  {
    control: 'CT.LAMBDA.PR.3',
    resource: /\/(CustomVpcRestrictDefaultSGCustomResourceProviderHandler|AWS679f53fac002430cb0da5b7982bd2287)[0-9A-F]{8}$/,
    reason: 'Singleton provider functions of aws-cdk-lib (restricting the default security group, AwsCustomResource): they call AWS APIs only, and aws-cdk-lib gives no way to place them in a VPC.',
  },
  {
    control: 'CT.AUTOSCALING.PR.1',
    resource: /\/(Appliances|Fleet)AutoScalingGroupASG[0-9A-F]{8}$/,
    reason:
      "The groups span every AZ through VPCZoneIdentifier (one subnet per AZ, references); the guard rule looks for AvailabilityZones. NetworkApplianceGroup refuses fewer than 2 AZs and CompetencyChecks' AutoScalingGroupMultiAz checks the subnets.",
  },
  {
    control: 'CT.AUTOSCALING.PR.6',
    resource: /\/(Appliances|Fleet)AutoScalingGroupASG[0-9A-F]{8}$/,
    reason: 'One instance type per group on purpose: an appliance vendor image is licensed and tested per type (and its ENA support is validated), the Windows fleet is sized per type.',
  },
  {
    control: 'CT.S3.PR.2',
    resource: /\/(AuditLogAccessLogs|CentralLogsAccessLogs|DataAccessLogs)[0-9A-F]{8}$/,
    reason: 'Server access log destinations: logging them to themselves would loop, and another bucket would only move the question.',
  },
  {
    control: 'CT.S3.PR.5',
    resource: /\/(AuditLogAccessLogs|CentralLogsAccessLogs|DataAccessLogs)[0-9A-F]{8}$/,
    reason: "Server access log destinations keep ACLs available: S3 picks ACL or bucket-policy log delivery from the app's feature flag, and ACL delivery needs them.",
  },
  {
    control: 'CT.S3.PR.10',
    resource: /\/(AuditLogAccessLogs|CentralLogsAccessLogs|DataAccessLogs)[0-9A-F]{8}$/,
    reason: 'S3 server access logging cannot deliver to a bucket encrypted with SSE-KMS: the access-log buckets use SSE-S3.',
  },
  {
    control: 'CT.S3.PR.9',
    resource: /\/(AuditLogAccessLogs|CentralLogsAccessLogs|DataAccessLogs|DataDocuments)[0-9A-F]{8}$/,
    reason:
      "Object Lock only where the checklist asks for immutability: the audit log bucket has it, and the central log bucket has it enabled (deletes denied by policy). Access-log buckets cannot take a default retention (S3 refuses them as log destinations); the example's document bucket is versioned and protected by AWS Backup's locked vaults instead.",
  },
  {
    control: 'CT.S3.PR.9',
    resource: /\/ConfigDelivery(Bucket)?[0-9A-F]{8}$/,
    reason: 'AWS Config does not support a delivery channel to a bucket with S3 Object Lock (AWS::Config::DeliveryChannel, CloudFormation template reference): the Config delivery bucket is versioned and its policy denies deleting objects instead.',
  },
  {
    control: 'CT.S3.PR.2',
    resource: /\/ConfigDelivery(Bucket)?[0-9A-F]{8}$/,
    reason: 'AWS Config writes its configuration history there; every access is recorded by the organization trail, and server access logs would add a third copy of the same facts.',
  },
  {
    control: 'CT.S3.PR.10',
    resource: /\/ConfigDelivery(Bucket)?[0-9A-F]{8}$/,
    reason: "The management account's recorder delivers across accounts; SSE-S3 needs no key policy the recorder's account must be admitted to. The bucket is TLS-only, non-public and deletion is denied.",
  },
  {
    control: 'CT.S3.PR.4',
    resource: /\/ConfigDelivery(Bucket)?[0-9A-F]{8}$/,
    reason: 'No consumer of S3 event notifications for the configuration history; AWS Config itself notifies through its delivery channel.',
  },
  {
    control: 'CT.S3.PR.4',
    resource: /\/(AuditLogAccessLogs|AuditLogBucket|CentralLogsAccessLogs|CentralLogsBucket|DataAccessLogs|DataDocuments)[0-9A-F]{8}$/,
    reason: 'No consumer of S3 event notifications in the reference deployments; changes to the log and data buckets are recorded by the organization trail and AWS Config.',
  },
];
