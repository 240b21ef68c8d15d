import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { BaselineStackSet, BaselineStackSetProps } from '../../../constructs/baseline-stack-set';
import { RUNTIME_CONTROL_CATALOG } from '../../../constructs/runtime-controls';
import { awsSolutionsViolations, competencyFindings, stableTemplate, stackSetTemplate, withoutAssetHashes } from '../governance-test-utils';

const ADMIN = { account: '555555555555', region: 'eu-west-1' };
const PROPS: BaselineStackSetProps = {
  organizationalUnitIds: ['ou-ab12-cd34ef56'],
  regions: ['eu-west-1', 'eu-central-1'],
  assetBucketPrefix: 'acme-stackset-assets',
};

function build(props: Partial<BaselineStackSetProps> = {}) {
  const stack = new Stack(new App(), 'Admin', { env: ADMIN });
  const construct = new BaselineStackSet(stack, 'Baseline', { ...PROPS, ...props });
  return { stack, construct, template: Template.fromStack(stack) };
}

describe('BaselineStackSet: defaults', () => {
  // GIVEN / WHEN
  const { stack, construct, template } = build();
  const inner = stackSetTemplate(construct.template);

  test('a service-managed StackSet auto-deploying to the OUs in every region', () => {
    // THEN
    template.hasResourceProperties('AWS::CloudFormation::StackSet', {
      PermissionModel: 'SERVICE_MANAGED',
      AutoDeployment: { Enabled: true, RetainStacksOnAccountRemoval: true },
      CallAs: 'DELEGATED_ADMIN',
      Capabilities: ['CAPABILITY_IAM'],
      StackInstancesGroup: [
        Match.objectLike({ DeploymentTargets: Match.objectLike({ OrganizationalUnitIds: ['ou-ab12-cd34ef56'] }), Regions: ['eu-west-1', 'eu-central-1'] }),
      ],
    });
  });

  test('the template holds the runtime controls, with global rules only in the first region, and the account baseline', () => {
    // THEN
    inner.resourceCountIs('AWS::Config::ConfigRule', RUNTIME_CONTROL_CATALOG.length);
    expect(Object.values(inner.toJSON().Conditions)).toEqual([{ 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'eu-west-1'] }]);
    inner.resourceCountIs('Custom::AWS', 3);
    inner.resourceCountIs('AWS::AccessAnalyzer::Analyzer', 1);
    inner.resourceCountIs('AWS::Backup::BackupVault', 0);
  });

  test('the custom resources load their code from the per-region asset buckets', () => {
    // THEN
    inner.hasResourceProperties('AWS::Lambda::Function', {
      Code: { S3Bucket: { 'Fn::Join': ['-', ['acme-stackset-assets', { Ref: 'AWS::Region' }]] } },
    });
  });

  test.each(['networking', 'microsoft-workloads'] as const)('is clean under CompetencyChecks (%s, strict)', (checklist) => {
    // THEN
    expect(competencyFindings(stack, checklist)).toEqual([]);
  });

  test('is nag-clean under AwsSolutionsChecks', () => {
    // THEN
    expect(awsSolutionsViolations(stack)).toEqual([]);
  });

  test('snapshot', () => {
    // THEN
    expect({ parent: stableTemplate(stack), stackSet: withoutAssetHashes(inner.toJSON()) }).toMatchSnapshot();
  });
});

describe('BaselineStackSet: overrides', () => {
  test('without custom resources no asset buckets are needed; a backup vault, exclusions, management-account deployment', () => {
    // GIVEN / WHEN
    const { construct, template } = build({
      assetBucketPrefix: undefined,
      accountBaseline: { managePasswordPolicy: false, ebsEncryptionByDefault: false, s3AccountPublicAccessBlock: false },
      backupDestinationVault: { organizationId: 'o-abcdef1234', vaultName: 'dr-vault' },
      runtimeControls: { globalRulesRegion: 'eu-central-1', exclude: [{ identifier: 'VPC_VPN_2_TUNNELS_UP', reason: 'No site-to-site VPN in member accounts.' }] },
      excludeAccounts: ['666666666666'],
      delegatedAdmin: false,
      retainStacksOnAccountRemoval: false,
      stackSetName: 'competency-baseline',
    });
    // THEN
    const inner = stackSetTemplate(construct.template);
    template.hasResourceProperties('AWS::CloudFormation::StackSet', {
      StackSetName: 'competency-baseline',
      CallAs: 'SELF',
      AutoDeployment: { Enabled: true, RetainStacksOnAccountRemoval: false },
      StackInstancesGroup: [Match.objectLike({ DeploymentTargets: Match.objectLike({ Accounts: ['666666666666'], AccountFilterType: 'DIFFERENCE' }) })],
    });
    template.resourceCountIs('Custom::CDKBucketDeployment', 0);
    inner.resourceCountIs('Custom::AWS', 0);
    inner.resourceCountIs('AWS::Backup::BackupVault', 1);
    inner.resourceCountIs('AWS::Config::ConfigRule', RUNTIME_CONTROL_CATALOG.length - 1);
    expect(Object.values(inner.toJSON().Conditions)).toEqual([{ 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'eu-central-1'] }]);
  });

  test('runtime controls only', () => {
    // GIVEN / WHEN
    const { construct } = build({ assetBucketPrefix: undefined, includeAccountBaseline: false });
    // THEN
    const inner = stackSetTemplate(construct.template);
    inner.resourceCountIs('AWS::AccessAnalyzer::Analyzer', 0);
    expect(construct.accountBaseline).toBeUndefined();
  });
});

describe('BaselineStackSet: validation', () => {
  test.each<[string, Partial<BaselineStackSetProps>, RegExp]>([
    ['OU ID', { organizationalUnitIds: ['r-ab12'] }, /BaselineStackSet: 'organizationalUnitIds' must list OU IDs like 'ou-ab12-cd34ef56', got 'r-ab12'/],
    ['empty OU list', { organizationalUnitIds: [] }, /'organizationalUnitIds' must list at least one organizational unit, got \[\]/],
    ['repeated OU', { organizationalUnitIds: ['ou-ab12-cd34ef56', 'ou-ab12-cd34ef56'] }, /'organizationalUnitIds' must not repeat an OU/],
    ['region', { regions: ['eu-west-1', 'europe'] }, /'regions' must list regions like 'us-east-1', got 'europe'/],
    ['empty region list', { regions: [] }, /'regions' must list at least one region, got \[\]/],
    ['repeated region', { regions: ['eu-west-1', 'eu-west-1'] }, /'regions' must not repeat a region/],
    ['excluded account', { excludeAccounts: ['66'] }, /'excludeAccounts' must list 12-digit account IDs, got '66'/],
    ['asset bucket prefix', { assetBucketPrefix: 'Assets_' }, /'assetBucketPrefix' must make valid bucket names '<prefix>-<region>' \(e.g. 'Assets_-eu-west-1'\), got 'Assets_'/],
    ['missing asset bucket prefix', { assetBucketPrefix: undefined }, /'assetBucketPrefix' must be given while the account baseline sets the password policy, EBS default encryption or S3 Block Public Access/],
    ['global rules region outside the targets', { runtimeControls: { globalRulesRegion: 'us-east-1' } }, /'runtimeControls.globalRulesRegion' must be one of the target regions \(eu-west-1, eu-central-1\).*got 'us-east-1'/],
  ])('rejects a wrong %s', (_, props, message) => {
    // GIVEN
    const stack = new Stack(new App(), 'Admin', { env: ADMIN });
    // WHEN / THEN
    expect(() => new BaselineStackSet(stack, 'Baseline', { ...PROPS, ...props })).toThrow(message);
  });
});
