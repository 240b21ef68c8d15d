import { CATEGORY_REQUIREMENTS, CHECKLIST_ITEMS, getItem, ruleNamesOf, RuntimeControl } from '../../lib/checklist';

/** The synth-rule names each technical item is verified by: the contract with `lib/rules/`. */
const TECHNICAL_RULES: { readonly [id: string]: readonly string[] } = {
  '1.5': ['SecretsRotated', 'NoIamAccessKeys'],
  '1.9': ['IamNoWildcardPermissions', 'IamNoAdminManagedPolicies', 'IamNoPassRoleOnWildcard', 'ResourcePolicyNoPublicPrincipal', 'BucketPolicyNoPublicPrincipal', 'KmsKeyPolicyNoWildcard'],
  '1.10': ['NoHardcodedCredentials', 'NoHardcodedAwsCredentials'],
  '1.11': ['SecretsEncryptedWithCustomerKey', 'CredentialsEncryptedAtRest', 'SecretParametersNotPlainText', 'AwsCredentialsEncryptedAtRest'],
  '1.12': ['NoIamAccessKeys', 'NoIamUserCredentials'],
  '1.13': ['TrailCoversEveryAccount', 'TrailMultiRegion', 'TrailLogFileValidation'],
  '1.14': ['TrailBucketInAnotherAccount'],
  '1.15': ['TrailBucketVersioned'],
  '1.16': ['SecurityGroupNoOpenIngress', 'SecurityGroupNoAllPortsRule', 'SecurityGroupEgressRestricted', 'VpcDefaultSecurityGroupRestricted'],
  '1.17': ['BucketPolicyNoPublicPrincipal'],
  '1.18': ['BucketBlockPublicAccess', 'BucketNoPublicAcl'],
  '1.20': ['InstanceManagedBySsm', 'InstanceImdsV2Required'],
  '1.21': ['DataStoreClassified'],
  '1.22': ['EbsVolumeEncrypted', 'DataStoreEncryptedAtRest', 'DataStoreEncryptedInTransit', 'S3BucketTlsOnly', 'S3BucketEncrypted', 'DynamoDbTableEncrypted', 'SnsTopicEncrypted', 'LogGroupEncrypted'],
  '1.23': ['KmsKeyRotationEnabled', 'KmsKeyPolicyNoWildcard'],
  '1.24': ['S3BucketTlsOnly', 'LoadBalancerListenerTls', 'InternalListenerTls', 'CustomerGatewayUsesVpn', 'SecurityGroupNoPlaintextFromInternet', 'EndpointProtocolEncrypted', 'CloudFrontViewerHttps', 'CloudFrontOriginHttps', 'ApiGatewayIntegrationTls', 'DmsEndpointTls', 'ApiGatewayTls12'],
  '2.1': ['VpnConnectionsRedundant', 'EntryPointHighlyAvailable', 'VpnBgpRouting'],
  '2.2': ['AutoScalingGroupScalingPolicy', 'CapacityScalesAutomatically', 'AutoScalingGroupElbHealthCheck'],
  '2.3': ['LogGroupRetention', 'LogGroupShippedCentrally', 'AccessLogsEnabled', 'BucketAccessLogged', 'ApplicationLogsCollected', 'VpcFlowLogsEnabled'],
  '2.4': ['AlarmNotifiesOperations', 'AlarmHasAction'],
  '2.6': ['DataStoreBackedUp'],
  '2.7': ['BackupRestoreTested'],
  '2.8': ['LoadBalancerMultiAz', 'AutoScalingGroupMultiAz', 'NatGatewayPerAz', 'RdsMultiAz', 'ComputeMultiAz', 'DataStoreMultiAz', 'NetworkConnectionsMultiAz'],
  '2.10': ['RecoveryObjectivesDeclared', 'RpoWithinBackupFrequency'],
  '2.11': ['RtoUnder24Hours'],
  '2.12': ['BackupRestoreTested'],
  '2.13': ['BackupCopiesToAnotherAccount'],
  '3.1': ['PipelineDeploys', 'NoInteractiveSessionIngress'],
  '3.2': ['RunbookAndEscalationDefined'],
};

/** Rules each category (or subcategory) must use somewhere among its requirements. */
const CATEGORY_RULES: { readonly [group: string]: readonly string[] } = {
  'network-connectivity': ['AutoScalingGroupMultiAz', 'AutoScalingGroupScalingPolicy', 'ApplianceFailoverPath', 'VpnBgpRouting', 'ApplianceUserDataBootstrap', 'EnaInstanceType'],
  'load-balancers': ['ApplianceBehindLoadBalancer', 'ApplianceCustomMetricsAlarmed', 'AutoScalingGroupMultiAz'],
  'network-management': ['FlowLogsQueryable', 'NoOverlappingVpcCidrs', 'AlarmHasAction'],
  'ms-operational-optimization.management': ['WindowsPatchBaseline', 'WindowsMaintenanceWindow', 'InventoryAssociation', 'CloudWatchAgentConfigured'],
  'ms-operational-optimization.availability': ['DataStoreBackedUp'],
};

function controlsOf(id: string): readonly RuntimeControl[] {
  return getItem(id).verification.runtimeControls ?? [];
}

describe('synth rules: the names agreed with lib/rules/', () => {
  test.each(Object.entries(TECHNICAL_RULES))('%s', (id, rules) => {
    // WHEN
    const actual = ruleNamesOf(getItem(id));
    // THEN
    expect(actual).toEqual(rules);
  });

  test('technical items outside the table have no synth rule', () => {
    const withRules = CHECKLIST_ITEMS.filter((i) => i.kind === 'technical' && ruleNamesOf(i).length > 0).map((i) => i.id);
    expect(withRules).toEqual(Object.keys(TECHNICAL_RULES));
  });

  test.each(Object.entries(CATEGORY_RULES))('%s uses its rules', (group, rules) => {
    // GIVEN
    const reqs = CATEGORY_REQUIREMENTS.filter((r) => (r.subcategory ? `${r.category}.${r.subcategory}` : r.category) === group);
    // WHEN
    const used = new Set(reqs.flatMap((r) => ruleNamesOf(r)));
    // THEN
    for (const rule of rules) expect(used).toContain(rule);
  });

  test('each networking category rule sits on the requirement it proves', () => {
    expect(ruleNamesOf(getItem('network-connectivity.1'))).toEqual(['AutoScalingGroupScalingPolicy']);
    expect(ruleNamesOf(getItem('network-connectivity.4'))).toEqual(['AutoScalingGroupMultiAz', 'ApplianceFailoverPath']);
    expect(ruleNamesOf(getItem('network-connectivity.7'))).toEqual(['VpnBgpRouting']);
    expect(ruleNamesOf(getItem('network-connectivity.8'))).toEqual(['ApplianceUserDataBootstrap']);
    expect(ruleNamesOf(getItem('network-connectivity.9'))).toEqual(['EnaInstanceType']);
    expect(ruleNamesOf(getItem('load-balancers.5'))).toEqual(['ApplianceBehindLoadBalancer', 'AutoScalingGroupMultiAz']);
    expect(ruleNamesOf(getItem('load-balancers.8'))).toEqual(['ApplianceCustomMetricsAlarmed']);
  });
});

describe('runtime controls', () => {
  test.each([
    ['1.2', 'ROOT_ACCOUNT_MFA_ENABLED'],
    ['1.4', 'IAM_USER_MFA_ENABLED'],
    ['1.5', 'ACCESS_KEYS_ROTATED'],
    ['1.7', 'IAM_PASSWORD_POLICY'],
    ['1.13', 'MULTI_REGION_CLOUD_TRAIL_ENABLED'],
    ['2.5', 'CLOUDFORMATION_STACK_DRIFT_DETECTION_CHECK'],
  ])('%s: the result of %s decides its runtime path', (id, controlId) => {
    expect(controlsOf(id)).toContainEqual(expect.objectContaining({ id: controlId, required: true }));
    expect(getItem(id).verification.decidedBy).toContainEqual(['runtime']);
  });

  test('1.19 ("You must have monitoring or alerting in place"): the deployed mechanism decides it in the template', () => {
    for (const id of ['S3_BUCKET_PUBLIC_READ_PROHIBITED', 'S3_BUCKET_PUBLIC_WRITE_PROHIBITED', 'CONFIG_COMPLIANCE_CHANGE_NOTIFICATION']) {
      expect(controlsOf('1.19')).toContainEqual(expect.objectContaining({ id, mechanism: true }));
    }
    expect(getItem('1.19').verification.decidedBy).toEqual([['template']]);
  });

  test.each([
    ['1.1', 'cloudwatch-alarm', 'ROOT_ACTIVITY_ALARM'],
    ['1.3', 'cloudwatch-alarm', 'ROOT_ACTIVITY_ALARM'],
    ['1.4', 'cloudwatch-alarm', 'CONSOLE_SIGNIN_WITHOUT_MFA_ALARM'],
    ['1.9', 'cloudwatch-alarm', 'IAM_POLICY_CHANGE_ALARM'],
    ['1.13', 'cloudwatch-alarm', 'CLOUDTRAIL_CHANGE_ALARM'],
    ['1.16', 'cloudwatch-alarm', 'SECURITY_GROUP_CHANGE_ALARM'],
    ['1.16', 'cloudwatch-alarm', 'NACL_CHANGE_ALARM'],
    ['1.25', 'cloudwatch-alarm', 'UNAUTHORIZED_API_CALLS_ALARM'],
    ['1.19', 'eventbridge-rule', 'CONFIG_COMPLIANCE_CHANGE_NOTIFICATION'],
    ['1.19', 'service', 'ACCESS_ANALYZER'],
    ['1.12', 'config-rule', 'ACCESS_KEYS_ROTATED'],
  ])('%s has %s %s', (id, kind, controlId) => {
    expect(controlsOf(id)).toContainEqual(expect.objectContaining({ kind, id: controlId }));
  });
});

describe('what decides each item', () => {
  test.each(CHECKLIST_ITEMS.map((i) => [i.id, i] as const))('%s: every way to decide it has the evidence it names', (_id, item) => {
    const v = item.verification;
    expect(v.decidedBy.length).toBeGreaterThan(0);
    for (const path of v.decidedBy) {
      expect(path.length).toBeGreaterThan(0);
      expect(new Set(path).size).toBe(path.length);
      if (path.includes('template')) expect((v.rules ?? []).some((u) => u.kind === 'required') || (v.runtimeControls ?? []).some((c) => c.mechanism)).toBe(true);
      if (path.includes('runtime')) expect((v.runtimeControls ?? []).some((c) => c.required)).toBe(true);
      if (path.includes('attestation')) expect(v.attestation).toBeDefined();
    }
    // A mechanism only means something on a template path, a required control only on a runtime path.
    if ((v.runtimeControls ?? []).some((c) => c.mechanism)) expect(v.decidedBy.some((p) => p.includes('template'))).toBe(true);
    if ((v.runtimeControls ?? []).some((c) => c.required)) expect(v.decidedBy.some((p) => p.includes('runtime'))).toBe(true);
  });

  test.each([
    ['1.20', 'file-integrity monitoring is the partner\'s mechanism, not SSM management or IMDSv2'],
    ['ms-operational-optimization.availability.1', 'chaos engineering is the product\'s, not backup coverage'],
    ['ms-operational-optimization.availability.3', 'auto scaling with the workload is the product\'s'],
    ['ms-operational-optimization.management.1', 'inventory is the product\'s, not the customer\'s SSM Inventory'],
    ['ms-operational-optimization.management.7', 'performance analysis is the product\'s, not the customer\'s CloudWatch agent'],
    ['ms-operational-optimization.management.8', 'patching is the product\'s, not the customer\'s Patch Manager'],
    ['network-management.2', 'ingesting, visualizing and alerting are the product\'s, not the customer template\'s flow logs'],
    ['1.3', 'IAM users for routine work, not a root-activity alarm'],
    ['3.1', 'deployment practice'],
  ])('%s is decided by attestation alone (%s); its template evidence only supports', (id) => {
    expect(getItem(id).verification.decidedBy).toEqual([['attestation']]);
  });

  test('1.13 ("AWS CloudTrail must be enabled on all AWS accounts and in every region"): every account the app deploys to, shown by the template or by each account\'s control', () => {
    const v = getItem('1.13').verification;
    expect(getItem('1.13').seed.networking?.text).toMatch(/^AWS CloudTrail must be enabled on all AWS accounts and in every region\./);
    expect(v.rules).toContainEqual({ rule: 'TrailCoversEveryAccount', kind: 'required', seedSentence: 'AWS CloudTrail must be enabled on all AWS accounts and in every region' });
    // One trail's region is not the item's question: another trail (an organization trail) may record its account.
    expect(v.rules?.find((u) => u.rule === 'TrailMultiRegion')?.kind).toBe('recommended');
    expect(v.decidedBy).toEqual([['template'], ['runtime']]);
    expect(v.decisionNote).toMatch(/organization trail, which records every member account/);
  });

  test('2.4 ("monitored centrally, with alarms generated and sent to the appropriate operations staff"): the template or the account shows alarms sent, a person that the monitoring is central and the staff appropriate', () => {
    const v = getItem('2.4').verification;
    expect(getItem('2.4').seed.networking?.text).toBe('The application and the AWS infrastructure must be monitored centrally, with alarms generated and sent to the appropriate operations staff.');
    expect(v.rules).toContainEqual({ rule: 'AlarmNotifiesOperations', kind: 'required', seedSentence: 'with alarms generated and sent to the appropriate operations staff' });
    expect(v.rules?.find((u) => u.rule === 'AlarmHasAction')?.kind).toBe('recommended');
    expect(v.decidedBy).toEqual([['template', 'attestation'], ['runtime', 'attestation']]);
    expect(v.attestation?.evidence).toMatch(/monitored centrally.*who receives them/);
  });

  test('2.10 and 2.11 are not decided by self-declared metadata alone', () => {
    expect(getItem('2.10').verification.decidedBy).toEqual([['template', 'attestation']]);
    expect(getItem('2.11').verification.decidedBy).toEqual([['template', 'attestation']]);
  });
});

describe('attestations', () => {
  test.each(['1.25', '2.9', '2.13'])('%s must have happened within 12 months', (id) => {
    expect(getItem(id).verification.attestation).toEqual({ evidence: expect.any(String), maxAgeMonths: 12 });
  });

  test.each(['1.1', '1.3', '1.8', '2.10', '3.1', '3.2', '3.3'])('%s is attested by a person', (id) => {
    expect(getItem(id).verification.attestation?.evidence).toMatch(/\w{4}/);
  });

  test('every category requirement no rule can show is attested', () => {
    for (const req of CATEGORY_REQUIREMENTS) {
      if (ruleNamesOf(req).length === 0) expect({ id: req.id, attested: req.verification.attestation !== undefined }).toEqual({ id: req.id, attested: true });
    }
  });

  test('Direct Connect, migration and data/ML requirements are all attested', () => {
    const groups = ['direct-connect-integrated', 'direct-connect-infrastructure', 'ms-migration', 'ms-data-analytics-ml'];
    for (const req of CATEGORY_REQUIREMENTS.filter((r) => groups.includes(r.category))) {
      expect(req.verification.attestation).toBeDefined();
    }
  });
});
