import { Applicability, CHECKLIST_ITEMS, ChecklistId, getItem, itemApplicability, parseSelection, resourceClassesOf, ruleUsesOf, ruleUsesUnder } from '../../lib/checklist';

const USES = CHECKLIST_ITEMS.flatMap((item) => ruleUsesOf(item).map((use) => ({ item, use })));

describe('every rule use names its kind and the seed sentence it rests on', () => {
  test.each(USES.map(({ item, use }) => [item.id, use.kind, use.rule, use]))('%s %s %s: the sentence is verbatim in the item\'s seed text', (_id, _kind, _rule, use) => {
    // GIVEN: the seed's own words of the item, per checklist that prints it (fit: lib/checklist `seed`)
    const item = USES.find((u) => u.use === use)!.item;
    const sentence = use.kind === 'required' ? use.seedSentence : use.beyond;
    const texts = Object.entries(item.seed) as [ChecklistId, { text: string }][];
    // THEN
    expect(sentence.trim().length).toBeGreaterThan(6);
    expect(texts.length).toBeGreaterThan(0);
    for (const [checklist, seed] of texts) expect({ checklist, found: seed.text.includes(sentence) }).toEqual({ checklist, found: true });
  });

  test('recommended uses say why they are good practice beyond the sentence', () => {
    const recommended = USES.filter(({ use }) => use.kind === 'recommended');
    expect(recommended.length).toBeGreaterThan(10);
    for (const { item, use } of recommended) {
      expect({ id: item.id, rule: use.rule, why: use.kind === 'recommended' && use.why.length > 40 }).toEqual({ id: item.id, rule: use.rule, why: true });
    }
  });

  test('an item uses a rule once', () => {
    for (const item of CHECKLIST_ITEMS) {
      const names = ruleUsesOf(item).map((u) => u.rule);
      expect({ id: item.id, names: new Set(names).size }).toEqual({ id: item.id, names: names.length });
    }
  });
});

describe('a column whose cell limits an item is checked by the uses written for its condition', () => {
  test('every use written for a condition names a condition a cell of the item prints', () => {
    for (const { item, use } of USES.filter(({ use: u }) => u.onlyWhere !== undefined)) {
      const conditions = item.kind === 'technical' ? Object.values(item.appliesTo).flatMap((row) => Object.values(row as { [model: string]: Applicability }).map((c) => c.condition)) : [];
      expect({ id: item.id, rule: use.rule, found: conditions.includes(use.onlyWhere) }).toEqual({ id: item.id, rule: use.rule, found: true });
    }
  });

  test.each([
    // "Yes (credentials used to integration with AWS should be easily changed and not hard coded)": a database password is not one
    ['1.10', 'networking', 'customer-deployed-on-aws', ['NoHardcodedAwsCredentials']],
    ['1.10', 'microsoft-workloads', 'customer-deployed-on-premises', ['NoHardcodedAwsCredentials']],
    ['1.10', 'networking', 'saas', ['NoHardcodedCredentials']],
    ['1.10', 'microsoft-workloads', 'single-tenant-saas', ['NoHardcodedCredentials']],
    // "Yes (credentials stored in APN Partner solution used to integrate with AWS should be encrypted)"
    ['1.11', 'networking', 'customer-deployed-on-aws', ['AwsCredentialsEncryptedAtRest']],
    ['1.11', 'microsoft-workloads', 'customer-deployed-on-aws', ['AwsCredentialsEncryptedAtRest']],
    ['1.11', 'networking', 'saas', ['SecretsEncryptedWithCustomerKey', 'CredentialsEncryptedAtRest', 'SecretParametersNotPlainText']],
    // "Yes (for credentials used to integrate with AWS)": a database or directory password in Secrets Manager is not one,
    // so its rotation is not recommended there; an access key the template creates is one
    ['1.5', 'microsoft-workloads', 'customer-deployed-on-aws', ['NoIamAccessKeys']],
    ['1.5', 'networking', 'customer-deployed-on-aws', ['NoIamAccessKeys']],
    ['1.5', 'microsoft-workloads', 'multi-tenant-saas', ['SecretsRotated']],
  ] as const)('%s in %s / %s', (id, checklist, deploymentModel, rules) => {
    const item = getItem(id);
    const { condition } = itemApplicability(item, parseSelection({ checklist, deploymentModel }));
    expect(ruleUsesUnder(item, condition).map((u) => u.rule)).toEqual(rules);
  });

  test('strict mode and cells without uses of their own run the uses written for no condition', () => {
    expect(ruleUsesUnder(getItem('1.10'), undefined).map((u) => u.rule)).toEqual(['NoHardcodedCredentials']);
    const s3 = getItem('1.17');
    const { condition } = itemApplicability(s3, parseSelection({ checklist: 'networking', deploymentModel: 'customer-deployed-on-aws' }));
    expect(condition).toBeDefined();
    expect(ruleUsesUnder(s3, condition)).toEqual(ruleUsesOf(s3));
  });
});

describe('rules that ask more than the checklist are recommendations', () => {
  const kindOf = (id: string, rule: string) => ruleUsesOf(getItem(id)).find((u) => u.rule === rule)?.kind;

  test.each([
    // customer managed keys where the seed asks only for encryption (the services encrypt at rest anyway)
    ['1.11', 'SecretsEncryptedWithCustomerKey'],
    ['1.22', 'S3BucketEncrypted'],
    ['1.22', 'DynamoDbTableEncrypted'],
    ['1.22', 'SnsTopicEncrypted'],
    ['1.22', 'LogGroupEncrypted'],
    // hardening, not detection of changes to OS and application files
    ['1.20', 'InstanceImdsV2Required'],
    ['1.20', 'InstanceManagedBySsm'],
    // rotation: the seed asks for protected keys and controlled use
    ['1.23', 'KmsKeyRotationEnabled'],
    // TLS on traffic that never crosses a VPC boundary
    ['1.24', 'InternalListenerTls'],
    // TLS 1.2 where API Gateway already accepts HTTPS only
    ['1.24', 'ApiGatewayTls12'],
    // BGP: 2.1 asks for redundant connections (BGP is network-connectivity.7's)
    ['2.1', 'VpnBgpRouting'],
    // Parquet flow logs, and no overlap where the product is asked to alert on overlaps
    ['network-management.2', 'FlowLogsQueryable'],
    ['network-management.2', 'NoOverlappingVpcCidrs'],
  ])('%s %s is recommended', (id, rule) => {
    expect(kindOf(id, rule)).toBe('recommended');
  });

  test.each([
    ['1.22', 'EbsVolumeEncrypted'],
    ['1.23', 'KmsKeyPolicyNoWildcard'],
    ['1.24', 'LoadBalancerListenerTls'],
    ['1.24', 'CloudFrontViewerHttps'],
    ['1.24', 'CloudFrontOriginHttps'],
    ['1.24', 'ApiGatewayIntegrationTls'],
    ['1.9', 'ResourcePolicyNoPublicPrincipal'],
    ['1.10', 'NoHardcodedCredentials'],
    ['1.11', 'SecretParametersNotPlainText'],
    ['1.16', 'SecurityGroupNoAllPortsRule'],
    ['2.1', 'VpnConnectionsRedundant'],
    ['2.10', 'RecoveryObjectivesDeclared'],
    ['network-connectivity.7', 'VpnBgpRouting'],
  ])('%s %s is required', (id, rule) => {
    expect(kindOf(id, rule)).toBe('required');
  });
});

describe('the classes of resource types an item is about rest on a seed sentence', () => {
  const CLASS_USES = CHECKLIST_ITEMS.flatMap((item) => resourceClassesOf(item).map((use) => ({ item, use })));

  test.each(CLASS_USES.map(({ item, use }) => [item.id, use.resourceClass, item, use.seedSentence]))('%s touches %s: the sentence is verbatim in the item\'s seed text', (_id, _class, item, sentence) => {
    // GIVEN
    const texts = Object.entries((item as typeof CHECKLIST_ITEMS[number]).seed) as [ChecklistId, { text: string }][];
    // THEN
    expect(texts.length).toBeGreaterThan(0);
    for (const [checklist, seed] of texts) expect({ checklist, found: seed.text.includes(sentence as string) }).toEqual({ checklist, found: true });
  });

  test('the parts of a sentence are words of it, and each names required rules of the item; every required rule of the item verifies a part', () => {
    const withParts = CLASS_USES.filter(({ use }) => use.parts);
    expect(withParts.map(({ item, use }) => `${item.id} ${use.resourceClass}`)).toEqual(['1.22 data']);
    for (const { item, use } of withParts) {
      const required = ruleUsesOf(item).filter((u) => u.kind === 'required').map((u) => u.rule);
      for (const part of use.parts!) {
        expect({ part: part.name, inSentence: use.seedSentence.includes(part.name) }).toEqual({ part: part.name, inSentence: true });
        expect({ part: part.name, notRequired: part.rules.filter((r) => !required.includes(r)) }).toEqual({ part: part.name, notRequired: [] });
        expect(part.rules.length).toBeGreaterThan(0);
      }
      expect(required.filter((r) => !use.parts!.some((p) => p.rules.includes(r)))).toEqual([]);
    }
    expect(getItem('1.22').verification.resourceClasses?.[0].parts?.map((p) => p.name)).toEqual(['at rest', 'in transit']);
  });

  test('data stores touch classification, encryption and backups; capacity scaling and zones; traffic the central logs', () => {
    const byClass = (c: string) => CLASS_USES.filter(({ use }) => use.resourceClass === c).map(({ item }) => item.id).sort();
    expect(byClass('data')).toEqual(['1.21', '1.22', '2.6']);
    expect(byClass('capacity')).toEqual(['2.2', '2.8']);
    expect(byClass('traffic')).toEqual(expect.arrayContaining(['2.3']));
    expect(byClass('protocol')).toEqual(['1.24']);
  });
});
