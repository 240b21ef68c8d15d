// BaselineStackSet under arbitrary props: a template or a clear ValidationError (see fuzz-harness.ts).
// Its nested constructs (RuntimeControls, AccountBaseline, BackupDestinationVault) report their own props' problems.
import * as fc from 'fast-check';
import { BaselineStackSet, BaselineStackSetProps } from '../../constructs';
import { badAccountId, badRegion, describeFuzz, FieldSpec, oddString, unresolvedString, validAccountId } from './fuzz-harness';

const PROPS = [
  'organizationalUnitIds', 'regions', 'excludeAccounts', 'runtimeControls', 'includeAccountBaseline', 'accountBaseline', 'backupDestinationVault',
  'assetBucketPrefix', 'stackSetName', 'delegatedAdmin', 'retainStacksOnAccountRemoval',
];

const SPEC: { [prop: string]: FieldSpec } = {
  organizationalUnitIds: {
    valid: fc.constantFrom(['ou-ab12-cd34ef56'], ['ou-ab12-cd34ef56', 'ou-ab12-zz99yy88']),
    invalid: fc.oneof(fc.constantFrom([], ['ou-ab12-cd34ef56', 'ou-ab12-cd34ef56'], ['r-ab12'], ['ou-x'], ['o-a1b2c3d4e5']), oddString.map((ou) => [ou])),
    unresolved: unresolvedString.map((ou) => [ou]),
    required: true,
  },
  regions: {
    valid: fc.constantFrom(['eu-west-1'], ['eu-west-1', 'us-east-1']),
    invalid: fc.oneof(fc.constantFrom([], ['eu-west-1', 'eu-west-1']), fc.array(badRegion, { minLength: 1, maxLength: 2 })),
    unresolved: unresolvedString.map((r) => [r]),
    required: true,
  },
  excludeAccounts: { valid: fc.array(validAccountId, { maxLength: 2 }), invalid: fc.array(badAccountId, { minLength: 1, maxLength: 2 }) },
  runtimeControls: {
    valid: fc.constantFrom({}, { globalRulesRegion: 'eu-west-1' }),
    invalid: fc.constantFrom({ globalRulesRegion: 'ap-south-1' }, { exclude: [{ identifier: 'NOT_A_RULE', reason: 'not needed in these accounts' }] }, { aggregator: {} }),
  },
  includeAccountBaseline: { valid: fc.boolean() },
  accountBaseline: {
    valid: fc.constantFrom({}, { passwordPolicy: { minimumPasswordLength: 16 } }, { managePasswordPolicy: false, ebsEncryptionByDefault: false, s3AccountPublicAccessBlock: false }),
    invalid: fc.constantFrom({ passwordPolicy: { minimumPasswordLength: 8 } }, { alarmEmails: ['nope'] }),
  },
  backupDestinationVault: {
    valid: fc.constantFrom({ organizationId: 'o-a1b2c3d4e5' }),
    invalid: fc.constantFrom({}, { organizationId: 'o-' }, { sourceAccountIds: ['1234'] }),
  },
  assetBucketPrefix: { valid: fc.constantFrom('org-stackset-assets'), invalid: fc.oneof(fc.constantFrom(undefined, 'Org_Assets', 'a'.repeat(60), '-assets'), oddString), unresolved: unresolvedString, required: true },
  stackSetName: { valid: fc.constantFrom('account-baseline', 'Baseline1'), invalid: fc.oneof(fc.constantFrom('has space', '1-starts-with-digit', 'x'.repeat(129)), oddString), unresolved: unresolvedString },
  delegatedAdmin: { valid: fc.boolean() },
  retainStacksOnAccountRemoval: { valid: fc.boolean() },
};

describeFuzz(
  {
    construct: 'BaselineStackSet',
    props: PROPS,
    nested: {
      RuntimeControls: ['exclude', 'parameterOverrides', 'notificationTopic', 'globalRulesRegion', 'createRecorder', 'recorderDeliveryBucketName', 'aggregator'],
      AccountBaseline: ['managePasswordPolicy', 'passwordPolicy', 'ebsEncryptionByDefault', 's3AccountPublicAccessBlock', 'accessAnalyzer', 'accessAnalyzerType', 'alarmEmails'],
      BackupDestinationVault: ['vaultName', 'vaultLock', 'organizationId', 'sourceAccountIds', 'notificationTopic'],
    },
  },
  SPEC,
  {
    typed: 8,
    wrongTypes: 4,
  },
  (stack, props) => {
    new BaselineStackSet(stack, 'Baseline', props as unknown as BaselineStackSetProps);
  },
);
