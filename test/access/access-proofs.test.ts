// Access proofs: each cross-account or service flow of the reference deployments, evaluated with
// @cloud-copilot/iam-simulate against the synthesized identity, resource and key policies together; and the denials
// that make the evidence worth anything. Set-up (synth once, resolve the templates) in ./simulation.ts.
import {
  administrator, AppResource, arnOf, bucketPolicyOf, CONFIG, evaluate, identityPoliciesOf, managedPolicyDocument, OUTSIDER, policyOf, resource, stacks,
} from './simulation';

// The synth of the whole app (every pack) runs once, before the first proof.
beforeAll(() => { stacks(); }, 120_000);

const { managementAccount: MGMT, auditAccount: AUDIT, workloadAccount: WORKLOAD, drAccount: DR, organizationId: ORG, primaryRegion: REGION } = CONFIG;

// GIVEN the reference app as bin/app.ts builds it (synthesized once, on first use)
const audit = () => ({
  bucket: resource(/^OrganizationTrail\/Audit$/, 'AWS::S3::Bucket', /^AuditLogBucket/),
  key: resource(/^OrganizationTrail\/Audit$/, 'AWS::KMS::Key', /^AuditLogKey/),
});
const trailArn = () => `arn:aws:cloudtrail:${REGION}:${MGMT}:trail/${resource(/^OrganizationTrail\/Trail$/, 'AWS::CloudTrail::Trail').properties.TrailName}`;
const central = () => ({
  bucket: resource(/^OrganizationTrail\/Audit$/, 'AWS::S3::Bucket', /^CentralLogsBucket/),
  key: resource(/^OrganizationTrail\/Audit$/, 'AWS::KMS::Key', /^CentralLogsKey/),
  deliveryRole: resource(/^OrganizationTrail\/Audit$/, 'AWS::IAM::Role', /^CentralLogsDeliveryRole/),
  subscriptionRole: resource(/^OrganizationTrail\/Audit$/, 'AWS::IAM::Role', /^CentralLogsSubscriptionRole/),
  stream: resource(/^OrganizationTrail\/Audit$/, 'AWS::KinesisFirehose::DeliveryStream'),
  destination: resource(/^OrganizationTrail\/Audit$/, 'AWS::Logs::Destination'),
});
const backups = () => ({
  drVault: resource(/^CrossAccountBackup\/DrVault$/, 'AWS::Backup::BackupVault'),
  drKey: resource(/^CrossAccountBackup\/DrVault$/, 'AWS::KMS::Key', /^VaultVaultKey/),
  sourceVault: resource(/^CrossAccountBackup\/Workload$/, 'AWS::Backup::BackupVault'),
  sourceKey: resource(/^CrossAccountBackup\/Workload$/, 'AWS::KMS::Key', /^BackupVaultKey/),
  dataKey: resource(/^CrossAccountBackup\/Workload$/, 'AWS::KMS::Key', /^DataDataKey/),
  selectionRole: resource(/^CrossAccountBackup\/Workload$/, 'AWS::IAM::Role', /^BackupPlanSelectionRole/),
  windowsDrVault: resource(/^WindowsWorkload\/DrVault$/, 'AWS::Backup::BackupVault'),
  windowsVault: resource(/^WindowsWorkload\/Workload$/, 'AWS::Backup::BackupVault'),
});
const fleet = () => ({
  volumeKey: resource(/^WindowsWorkload\/Workload$/, 'AWS::KMS::Key', /^FleetVolumeKey/),
  topicKey: resource(/^WindowsWorkload\/Workload$/, 'AWS::KMS::Key', /^NotificationsKey/),
  topic: resource(/^WindowsWorkload\/Workload$/, 'AWS::SNS::Topic'),
});

const arn = (r: AppResource) => arnOf(r.stack, r.logicalId);
const keyPolicy = (k: AppResource) => policyOf(k, 'KeyPolicy');
const vaultPolicy = (v: AppResource) => policyOf(v, 'AccessPolicy');
const trustPolicy = (role: AppResource) => policyOf(role, 'AssumeRolePolicyDocument');
const serviceLinkedRole = (account: string, service: string, name: string) => `arn:aws:iam::${account}:role/aws-service-role/${service}/${name}`;
/** The AWS managed policy of a service-linked role, as AWS publishes it. */
const slrPolicy = (name: string) => [{ name, policy: managedPolicyDocument(`arn:aws:iam::aws:policy/aws-service-role/${name}`) }];
const recoveryPoint = (account: string) => `arn:aws:backup:${REGION}:${account}:recovery-point:11111111-2222-3333-4444-555555555555`;

describe('flows that must be allowed', () => {
  describe('CloudTrail writes the organization trail into the audit bucket with the audit key', () => {
    const context = () => ({ 'aws:SourceArn': trailArn(), 'aws:SourceAccount': MGMT });

    test('s3:GetBucketAcl and s3:PutObject under AWSLogs/<org>/ with bucket-owner-full-control', async () => {
      const { bucket } = audit();
      const policy = bucketPolicyOf(bucket);
      expect(await evaluate({ principal: 'cloudtrail.amazonaws.com', action: 's3:GetBucketAcl', resource: arn(bucket), resourceAccount: AUDIT, resourcePolicy: policy, context: context() })).toBe('Allowed');
      expect(await evaluate({
        principal: 'cloudtrail.amazonaws.com', action: 's3:PutObject', resource: `${arn(bucket)}/AWSLogs/${ORG}/${WORKLOAD}/CloudTrail/${REGION}/2026/01/01/log.json.gz`,
        resourceAccount: AUDIT, resourcePolicy: policy, context: { ...context(), 's3:x-amz-acl': 'bucket-owner-full-control' },
      })).toBe('Allowed');
    });

    test('kms:GenerateDataKey with the trail as encryption context, and kms:Decrypt for the Bucket Key', async () => {
      const { key } = audit();
      const base = { principal: 'cloudtrail.amazonaws.com', resource: arn(key), resourceAccount: AUDIT, resourcePolicy: keyPolicy(key) };
      expect(await evaluate({ ...base, action: 'kms:GenerateDataKey', context: { ...context(), 'kms:EncryptionContext:aws:cloudtrail:arn': trailArn() } })).toBe('Allowed');
      expect(await evaluate({ ...base, action: 'kms:Decrypt', context: context() })).toBe('Allowed');
      expect(await evaluate({ ...base, action: 'kms:DescribeKey', context: context() })).toBe('Allowed');
    });
  });

  describe('AWS Backup copies into the DR vault with its key', () => {
    test("the workload account's selection role may copy into the DR account's vault (vault access policy and its managed policy)", async () => {
      const { drVault, selectionRole } = backups();
      expect(await evaluate({
        principal: arn(selectionRole), action: 'backup:CopyIntoBackupVault', resource: arn(drVault), resourceAccount: DR,
        resourcePolicy: vaultPolicy(drVault), identityPolicies: identityPoliciesOf(selectionRole),
      })).toBe('Allowed');
    });

    test("the DR account's AWS Backup re-encrypts the copy with the DR vault key", async () => {
      const { drKey } = backups();
      const principal = serviceLinkedRole(DR, 'backup.amazonaws.com', 'AWSServiceRoleForBackup');
      expect(await evaluate({
        principal, action: 'kms:GenerateDataKeyWithoutPlaintext', resource: arn(drKey), resourceAccount: DR, resourcePolicy: keyPolicy(drKey),
        identityPolicies: slrPolicy('AWSBackupServiceLinkedRolePolicyForBackup'), context: { 'kms:ViaService': `ec2.${REGION}.amazonaws.com` },
      })).toBe('Allowed');
    });

    test("the DR account's AWS Backup reads the source snapshots' key (the workload data key) through EC2, and creates grants for AWS resources", async () => {
      const { dataKey } = backups();
      const base = {
        principal: serviceLinkedRole(DR, 'backup.amazonaws.com', 'AWSServiceRoleForBackup'), resource: arn(dataKey), resourceAccount: WORKLOAD,
        resourcePolicy: keyPolicy(dataKey), identityPolicies: slrPolicy('AWSBackupServiceLinkedRolePolicyForBackup'),
      };
      expect(await evaluate({ ...base, action: 'kms:ReEncryptFrom', context: { 'kms:ViaService': `ec2.${REGION}.amazonaws.com` } })).toBe('Allowed');
      expect(await evaluate({ ...base, action: 'kms:CreateGrant', context: { 'kms:ViaService': `ec2.${REGION}.amazonaws.com`, 'kms:GrantIsForAWSResource': 'true' } })).toBe('Allowed');
    });

    test('the same reads pass whichever region a cross-region copy reaches the key from (kms:ViaService ec2.*, the form of AWS Backup\'s own service-linked role policy)', async () => {
      const { dataKey } = backups();
      const { volumeKey } = fleet();
      const slr = { principal: serviceLinkedRole(DR, 'backup.amazonaws.com', 'AWSServiceRoleForBackup'), identityPolicies: slrPolicy('AWSBackupServiceLinkedRolePolicyForBackup') };
      for (const key of [dataKey, volumeKey]) {
        for (const via of [`ec2.${REGION}`, `ec2.${CONFIG.secondaryRegion}`]) {
          const result = await evaluate({ ...slr, action: 'kms:ReEncryptFrom', resource: arn(key), resourceAccount: WORKLOAD, resourcePolicy: keyPolicy(key), context: { 'kms:ViaService': `${via}.amazonaws.com` } });
          expect(`${key.logicalId} via ${via}: ${result}`).toBe(`${key.logicalId} via ${via}: Allowed`);
        }
        // Through AWS Backup of either region, the key policy admits the DR account too (its own IAM policy decides the rest).
        for (const via of [`backup.${REGION}`, `backup.${CONFIG.secondaryRegion}`]) {
          const result = await evaluate({ ...administrator(DR), action: 'kms:Decrypt', resource: arn(key), resourceAccount: WORKLOAD, resourcePolicy: keyPolicy(key), context: { 'kms:ViaService': `${via}.amazonaws.com` } });
          expect(`${key.logicalId} via ${via}: ${result}`).toBe(`${key.logicalId} via ${via}: Allowed`);
        }
      }
    });
  });

  describe('Firehose writes the central logs', () => {
    test('firehose.amazonaws.com assumes the delivery role with the account as external id', async () => {
      const { deliveryRole } = central();
      expect(await evaluate({
        principal: 'firehose.amazonaws.com', action: 'sts:AssumeRole', resource: arn(deliveryRole), resourceAccount: AUDIT,
        resourcePolicy: trustPolicy(deliveryRole), context: { 'sts:ExternalId': AUDIT },
      })).toBe('Allowed');
    });

    test('the delivery role puts objects into the central bucket and encrypts them with the key through S3', async () => {
      const { deliveryRole, bucket, key } = central();
      const identityPolicies = identityPoliciesOf(deliveryRole);
      expect(await evaluate({
        principal: arn(deliveryRole), action: 's3:PutObject', resource: `${arn(bucket)}/cloudwatch-logs/2026/01/01/batch`, resourceAccount: AUDIT,
        resourcePolicy: bucketPolicyOf(bucket), identityPolicies,
      })).toBe('Allowed');
      expect(await evaluate({
        principal: arn(deliveryRole), action: 'kms:GenerateDataKey', resource: arn(key), resourceAccount: AUDIT, resourcePolicy: keyPolicy(key),
        identityPolicies, context: { 'kms:ViaService': `s3.${REGION}.amazonaws.com` },
      })).toBe('Allowed');
    });
  });

  describe('CloudWatch Logs of a member account subscribes to the destination', () => {
    test('a principal of the workload account (in the organization) may put a subscription filter on the destination', async () => {
      const { destination } = central();
      expect(await evaluate({
        principal: `arn:aws:iam::${WORKLOAD}:role/cdk-hnb659fds-cfn-exec-role-${WORKLOAD}-${REGION}`, action: 'logs:PutSubscriptionFilter',
        resource: `arn:aws:logs:${REGION}:${AUDIT}:destination:${destination.properties.DestinationName}`, resourceAccount: AUDIT,
        resourcePolicy: policyOf(destination, 'DestinationPolicy'), identityPolicies: administrator(WORKLOAD).identityPolicies,
      })).toBe('Allowed');
    });

    test("CloudWatch Logs assumes the subscription role for the workload account's log groups and puts the events into the stream", async () => {
      const { subscriptionRole, stream } = central();
      expect(await evaluate({
        principal: 'logs.amazonaws.com', action: 'sts:AssumeRole', resource: arn(subscriptionRole), resourceAccount: AUDIT,
        resourcePolicy: trustPolicy(subscriptionRole), context: { 'aws:SourceArn': `arn:aws:logs:${REGION}:${WORKLOAD}:log-group:/aws/vpc/flow-logs` },
      })).toBe('Allowed');
      expect(await evaluate({
        principal: arn(subscriptionRole), action: 'firehose:PutRecordBatch', resource: arn(stream), resourceAccount: AUDIT, identityPolicies: identityPoliciesOf(subscriptionRole),
      })).toBe('Allowed');
    });
  });

  describe('Auto Scaling launches encrypted volumes and publishes encrypted notifications', () => {
    const asg = () => serviceLinkedRole(WORKLOAD, 'autoscaling.amazonaws.com', 'AWSServiceRoleForAutoScaling');

    test('the Auto Scaling service-linked role uses the volume key and creates grants for the instances\' volumes', async () => {
      const { volumeKey } = fleet();
      const base = { principal: asg(), resource: arn(volumeKey), resourceAccount: WORKLOAD, resourcePolicy: keyPolicy(volumeKey), identityPolicies: slrPolicy('AutoScalingServiceRolePolicy') };
      for (const action of ['kms:GenerateDataKeyWithoutPlaintext', 'kms:Decrypt', 'kms:ReEncryptFrom', 'kms:DescribeKey']) {
        expect(`${action}: ${await evaluate({ ...base, action })}`).toBe(`${action}: Allowed`);
      }
      expect(await evaluate({ ...base, action: 'kms:CreateGrant', context: { 'kms:GrantIsForAWSResource': 'true' } })).toBe('Allowed');
    });

    test('the Auto Scaling service-linked role publishes to the encrypted topic (sns:Publish and the topic key)', async () => {
      const { topicKey, topic } = fleet();
      const identityPolicies = slrPolicy('AutoScalingServiceRolePolicy');
      expect(await evaluate({ principal: asg(), action: 'sns:Publish', resource: arn(topic), resourceAccount: WORKLOAD, identityPolicies, resourcePolicy: topicPolicyOf(topic) })).toBe('Allowed');
      expect(await evaluate({ principal: asg(), action: 'kms:GenerateDataKey', resource: arn(topicKey), resourceAccount: WORKLOAD, resourcePolicy: keyPolicy(topicKey), identityPolicies })).toBe('Allowed');
    });

    test('the vault access policy can still be changed, by the CloudFormation execution role only (the documented path)', async () => {
      const { windowsVault } = backups();
      const execRole = administrator(WORKLOAD, `cdk-hnb659fds-cfn-exec-role-${WORKLOAD}-${REGION}`);
      expect(await evaluate({ ...execRole, action: 'backup:PutBackupVaultAccessPolicy', resource: arn(windowsVault), resourceAccount: WORKLOAD, resourcePolicy: vaultPolicy(windowsVault) })).toBe('Allowed');
    });
  });
});

describe('AWS Config runs CloudFormation drift detection with the drift-detection role (CLOUDFORMATION_STACK_DRIFT_DETECTION_CHECK)', () => {
  const driftRole = () => resource(/^OrganizationTrail\/Baseline$/, 'AWS::IAM::Role', /^ManagementAccountControlsDriftDetectionRole/);

  test('config.amazonaws.com assumes it for this account, with or without aws:SourceAccount in the request; never for another account', async () => {
    const role = driftRole();
    const assume = (context: Record<string, string>) => evaluate({ principal: 'config.amazonaws.com', action: 'sts:AssumeRole', resource: arn(role), resourceAccount: MGMT, resourcePolicy: trustPolicy(role), context });
    expect(await assume({ 'aws:SourceAccount': MGMT, 'aws:SourceArn': `arn:aws:config:${REGION}:${MGMT}:config-rule/config-rule-abcdef` })).toBe('Allowed');
    expect(await assume({})).toBe('Allowed');
    expect(await assume({ 'aws:SourceAccount': OUTSIDER, 'aws:SourceArn': `arn:aws:config:${REGION}:${OUTSIDER}:config-rule/config-rule-abcdef` })).not.toBe('Allowed');
  });

  test('the role may run drift detection and read the configuration of the stacks\' resources (ReadOnlyAccess as AWS publishes it), but no data', async () => {
    const role = driftRole();
    const identityPolicies = identityPoliciesOf(role);
    const as = (action: string, resource: string) => evaluate({ principal: arn(role), action, resource, resourceAccount: MGMT, identityPolicies });
    const stack = `arn:aws:cloudformation:${REGION}:${MGMT}:stack/Workload/11111111-2222-3333-4444-555555555555`;
    for (const [action, resource] of [
      ['cloudformation:DetectStackDrift', stack], ['cloudformation:DetectStackResourceDrift', stack], ['cloudformation:DescribeStackDriftDetectionStatus', '*'],
      ['cloudformation:DescribeStackResourceDrifts', stack], ['cloudformation:DescribeStacks', stack],
      ['ec2:DescribeInstances', '*'], ['s3:GetBucketPolicy', 'arn:aws:s3:::workload-documents'], ['iam:GetRole', `arn:aws:iam::${MGMT}:role/any`],
    ] as const) {
      expect(`${action}: ${await as(action, resource)}`).toBe(`${action}: Allowed`);
    }
    for (const [action, resource] of [
      ['s3:GetObject', 'arn:aws:s3:::workload-documents/report.pdf'], ['dynamodb:Scan', `arn:aws:dynamodb:${REGION}:${MGMT}:table/tenants`],
      ['secretsmanager:GetSecretValue', `arn:aws:secretsmanager:${REGION}:${MGMT}:secret:db-AbCdEf`], ['kms:Decrypt', `arn:aws:kms:${REGION}:${MGMT}:key/11111111-2222-3333-4444-555555555555`],
    ] as const) {
      expect(`${action}: ${await as(action, resource)}`).toBe(`${action}: ExplicitlyDenied`);
    }
  });
});

/** The topic policy of a topic, from the `AWS::SNS::TopicPolicy` that names it. */
function topicPolicyOf(topic: AppResource): any {
  const found = Object.values(topic.stack.template.Resources).filter((r) => r.Type === 'AWS::SNS::TopicPolicy' && (r.Properties?.Topics ?? []).some((t: any) => t?.Ref === topic.logicalId));
  if (found.length !== 1) throw new Error(`expected one topic policy for ${topic.logicalId}`);
  return policyOf({ ...topic, properties: found[0].Properties }, 'PolicyDocument');
}

describe('what must be denied', () => {
  test('no principal of the workload or management account, administrators included, can delete audit log objects (nor can the audit account\'s)', async () => {
    const { bucket } = audit();
    const object = `${arn(bucket)}/AWSLogs/${ORG}/${WORKLOAD}/CloudTrail/${REGION}/2026/01/01/log.json.gz`;
    for (const account of [WORKLOAD, MGMT, AUDIT]) {
      for (const action of ['s3:DeleteObject', 's3:DeleteObjectVersion']) {
        const result = await evaluate({ ...administrator(account), action, resource: object, resourceAccount: AUDIT, resourcePolicy: bucketPolicyOf(bucket) });
        expect(`${account} ${action}: ${result}`).toBe(`${account} ${action}: ExplicitlyDenied`);
      }
    }
  });

  test('no principal of the workload or management account can delete or shorten recovery points, in the source or the DR vault', async () => {
    const { drVault, sourceVault, windowsVault } = backups();
    const execRole = administrator(WORKLOAD, `cdk-hnb659fds-cfn-exec-role-${WORKLOAD}-${REGION}`);
    for (const [vault, account] of [[sourceVault, WORKLOAD], [windowsVault, WORKLOAD], [drVault, DR]] as const) {
      for (const who of [administrator(WORKLOAD), administrator(MGMT), execRole]) {
        for (const action of ['backup:DeleteRecoveryPoint', 'backup:UpdateRecoveryPointLifecycle']) {
          const result = await evaluate({ ...who, action, resource: recoveryPoint(account), resourceAccount: account, resourcePolicy: vaultPolicy(vault) });
          expect(`${who.principal} ${action} ${vault.stack.path}: ${result}`).toMatch(/: (ExplicitlyDenied|ImplicitlyDenied)$/);
          if (account === WORKLOAD && who.principal.includes(`::${WORKLOAD}:`)) expect(result).toBe('ExplicitlyDenied');
        }
      }
    }
  });

  test('nobody, the CloudFormation execution role included, can delete the Vault Lock; only that role may change the access policy', async () => {
    const { sourceVault, windowsVault } = backups();
    const execRole = administrator(WORKLOAD, `cdk-hnb659fds-cfn-exec-role-${WORKLOAD}-${REGION}`);
    for (const vault of [sourceVault, windowsVault]) {
      for (const who of [administrator(WORKLOAD), execRole]) {
        expect(await evaluate({ ...who, action: 'backup:DeleteBackupVaultLockConfiguration', resource: arn(vault), resourceAccount: WORKLOAD, resourcePolicy: vaultPolicy(vault) })).toBe('ExplicitlyDenied');
      }
      for (const action of ['backup:PutBackupVaultAccessPolicy', 'backup:DeleteBackupVaultAccessPolicy']) {
        expect(await evaluate({ ...administrator(WORKLOAD), action, resource: arn(vault), resourceAccount: WORKLOAD, resourcePolicy: vaultPolicy(vault) })).toBe('ExplicitlyDenied');
      }
    }
  });

  test('an account outside the organization cannot subscribe to the log destination', async () => {
    const { destination } = central();
    expect(await evaluate({
      ...administrator(OUTSIDER), action: 'logs:PutSubscriptionFilter', resource: `arn:aws:logs:${REGION}:${AUDIT}:destination:${destination.properties.DestinationName}`,
      resourceAccount: AUDIT, resourcePolicy: policyOf(destination, 'DestinationPolicy'),
    })).not.toBe('Allowed');
  });

  test('CloudWatch Logs cannot assume the subscription role for log groups of another region', async () => {
    const { subscriptionRole } = central();
    expect(await evaluate({
      principal: 'logs.amazonaws.com', action: 'sts:AssumeRole', resource: arn(subscriptionRole), resourceAccount: AUDIT,
      resourcePolicy: trustPolicy(subscriptionRole), context: { 'aws:SourceArn': `arn:aws:logs:${CONFIG.secondaryRegion}:${WORKLOAD}:log-group:x` },
    })).not.toBe('Allowed');
  });

  test('an account outside the organization (or any account but the workload one) cannot copy into the DR vaults', async () => {
    const { drVault, windowsDrVault } = backups();
    for (const vault of [drVault, windowsDrVault]) {
      for (const account of [OUTSIDER, MGMT]) {
        const result = await evaluate({ ...administrator(account), action: 'backup:CopyIntoBackupVault', resource: arn(vault), resourceAccount: DR, resourcePolicy: vaultPolicy(vault) });
        expect(`${account}: ${result}`).not.toBe(`${account}: Allowed`);
      }
    }
  });

  test("the DR account cannot use the workload's data key outside AWS Backup and EC2, nor create grants for non-AWS resources", async () => {
    const { dataKey } = backups();
    const base = { ...administrator(DR), resource: arn(dataKey), resourceAccount: WORKLOAD, resourcePolicy: keyPolicy(dataKey) };
    expect(await evaluate({ ...base, action: 'kms:Decrypt' })).not.toBe('Allowed');
    expect(await evaluate({ ...base, action: 'kms:CreateGrant', context: { 'kms:GrantIsForAWSResource': 'false' } })).not.toBe('Allowed');
    // Another service of the same regions (S3, RDS) is refused: the wildcard stands for the region only.
    for (const via of [`s3.${REGION}.amazonaws.com`, `rds.${CONFIG.secondaryRegion}.amazonaws.com`]) {
      expect(`${via}: ${await evaluate({ ...base, action: 'kms:Decrypt', context: { 'kms:ViaService': via } })}`).toBe(`${via}: ImplicitlyDenied`);
    }
  });
});
