import { ACCOUNT_BASELINE_PROP_TYPES } from '../account-baseline/validation';
import { PropSchema, PropValidator, isAccountId, isBucketName, isOrganizationalUnitId, isRegion } from '../core';
import { BACKUP_DESTINATION_VAULT_PROP_TYPES } from '../cross-account-backup/validation';
import { RUNTIME_CONTROLS_PROP_TYPES } from '../runtime-controls/validation';
import { BaselineStackSetProps } from './props';

/**
 * JavaScript shapes of every prop of a `BaselineStackSet` (`checkPropTypes`, first statement of the constructor).
 * The props of the nested constructs are checked here too: this construct reads them before it creates them.
 */
export const BASELINE_STACK_SET_PROP_TYPES: PropSchema<BaselineStackSetProps> = {
  organizationalUnitIds: 'string[]!',
  regions: 'string[]!',
  excludeAccounts: 'string[]',
  runtimeControls: { type: 'object', fields: RUNTIME_CONTROLS_PROP_TYPES },
  includeAccountBaseline: 'boolean',
  accountBaseline: { type: 'object', fields: ACCOUNT_BASELINE_PROP_TYPES },
  backupDestinationVault: { type: 'object', fields: BACKUP_DESTINATION_VAULT_PROP_TYPES },
  assetBucketPrefix: 'string',
  stackSetName: 'string',
  delegatedAdmin: 'boolean',
  retainStacksOnAccountRemoval: 'boolean',
};

/** Whether the account baseline of these props deploys `AwsCustomResource`s (which need a Lambda code asset). */
export function baselineNeedsAssets(props: BaselineStackSetProps): boolean {
  if (props.includeAccountBaseline === false) return false;
  const b = props.accountBaseline ?? {};
  return b.managePasswordPolicy !== false || b.ebsEncryptionByDefault !== false || b.s3AccountPublicAccessBlock !== false;
}

/** Checks every prop of a `BaselineStackSet` and throws once listing every problem. */
export function validateBaselineStackSetProps(props: BaselineStackSetProps): void {
  const v = new PropValidator('BaselineStackSet');
  v.check(props.organizationalUnitIds.length > 0, 'organizationalUnitIds', 'must list at least one organizational unit', props.organizationalUnitIds);
  for (const ou of props.organizationalUnitIds) {
    v.check(isOrganizationalUnitId(ou), 'organizationalUnitIds', "must list OU IDs like 'ou-ab12-cd34ef56'", ou);
  }
  v.check(new Set(props.organizationalUnitIds).size === props.organizationalUnitIds.length, 'organizationalUnitIds', 'must not repeat an OU', props.organizationalUnitIds);
  v.check(props.regions.length > 0, 'regions', 'must list at least one region', props.regions);
  for (const r of props.regions) v.check(isRegion(r), 'regions', "must list regions like 'us-east-1'", r);
  v.check(new Set(props.regions).size === props.regions.length, 'regions', 'must not repeat a region', props.regions);
  for (const a of props.excludeAccounts ?? []) v.check(isAccountId(a), 'excludeAccounts', 'must list 12-digit account IDs', a);
  if (props.assetBucketPrefix !== undefined) {
    const sample = `${props.assetBucketPrefix}-${props.regions[0] ?? 'us-east-1'}`;
    v.check(isBucketName(sample) && sample.length <= 63, 'assetBucketPrefix', `must make valid bucket names '<prefix>-<region>' (e.g. '${sample}')`, props.assetBucketPrefix);
  } else if (baselineNeedsAssets(props)) {
    v.fail(
      'assetBucketPrefix',
      "must be given while the account baseline sets the password policy, EBS default encryption or S3 Block Public Access: their AwsCustomResource needs its Lambda code in a bucket '<prefix>-<region>' per target region (or turn those settings off)",
      props.assetBucketPrefix,
    );
  }
  const rcRegion = props.runtimeControls?.globalRulesRegion;
  if (rcRegion !== undefined && !props.regions.includes(rcRegion)) {
    v.fail('runtimeControls.globalRulesRegion', `must be one of the target regions (${props.regions.join(', ')}), or global rules would deploy nowhere`, rcRegion);
  }
  v.throwIfAny();
}
