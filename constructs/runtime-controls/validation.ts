import { Token } from 'aws-cdk-lib';
import { parseArn } from '../../lib/aws';
import { PropSchema, PropValidator, isAccountId, isBucketName, isRegion } from '../core';
import { RUNTIME_CONTROL_CATALOG, VAULT_DELETION_RULE } from './defaults';
import { ConfigDeliveryBucketProps, RuntimeControlsProps } from './props';

/** JavaScript shapes of every prop of a `RuntimeControls` (`checkPropTypes`, first statement of the constructor). */
export const RUNTIME_CONTROLS_PROP_TYPES: PropSchema<RuntimeControlsProps> = {
  exclude: { type: 'object[]', fields: { identifier: 'string!', reason: 'string!' } },
  parameterOverrides: { type: 'object', values: { type: 'object', values: 'string' } },
  notificationTopic: 'construct',
  globalRulesRegion: 'string',
  createRecorder: 'boolean',
  recorderDeliveryBucketName: 'string',
  aggregator: { type: 'object', fields: { organization: 'boolean', accountIds: 'string[]', regions: 'string[]' } },
};

/** Checks every prop of `RuntimeControls` and throws once listing every problem. */
export function validateRuntimeControlsProps(props: RuntimeControlsProps): void {
  const v = new PropValidator('RuntimeControls');
  const known = new Set(RUNTIME_CONTROL_CATALOG.map((c) => c.identifier));
  const seen = new Set<string>();
  for (const ex of props.exclude ?? []) {
    v.check(known.has(ex.identifier), 'exclude', 'must name rules of RUNTIME_CONTROL_CATALOG', ex.identifier);
    v.check(!seen.has(ex.identifier), 'exclude', 'must name each rule once', ex.identifier);
    v.check(ex.reason.trim().length >= 10, `exclude[${ex.identifier}].reason`, 'must explain the exclusion (at least 10 characters): it goes into the evidence pack', ex.reason);
    seen.add(ex.identifier);
  }
  for (const id of Object.keys(props.parameterOverrides ?? {})) {
    v.check(known.has(id), 'parameterOverrides', 'must name rules of RUNTIME_CONTROL_CATALOG', id);
    v.check(!seen.has(id), 'parameterOverrides', 'must not name an excluded rule', id);
  }
  // The rule's parameter is of type CSV: one string of IAM principal ARNs separated by commas (not a JSON array).
  const exempted = props.parameterOverrides?.[VAULT_DELETION_RULE]?.principalArnList;
  if (exempted !== undefined && !Token.isUnresolved(exempted)) {
    const iamPrincipal = (a: string) => { const arn = parseArn(a); return arn?.service === 'iam' && /^(role|user)\/./.test(arn.resource); };
    v.check(exempted.split(',').every((a) => iamPrincipal(a.trim())), `parameterOverrides.${VAULT_DELETION_RULE}.principalArnList`,
      'must be IAM role or user ARNs separated by commas (the parameter is of type CSV)', exempted);
  }
  if (props.globalRulesRegion !== undefined) v.check(isRegion(props.globalRulesRegion), 'globalRulesRegion', "must be a region like 'us-east-1'", props.globalRulesRegion);
  if (props.createRecorder) {
    if (props.recorderDeliveryBucketName === undefined) v.fail('recorderDeliveryBucketName', 'must be given when createRecorder is true (the delivery channel needs a bucket)', undefined);
    else v.check(isBucketName(props.recorderDeliveryBucketName), 'recorderDeliveryBucketName', 'must be a valid S3 bucket name', props.recorderDeliveryBucketName);
  } else if (props.recorderDeliveryBucketName !== undefined) {
    v.fail('recorderDeliveryBucketName', 'is used only with createRecorder: true (no recorder is created, so it would be ignored)', props.recorderDeliveryBucketName);
  }
  const agg = props.aggregator;
  if (agg) {
    const accounts = agg.accountIds ?? [];
    v.check(agg.organization === true || accounts.length > 0, 'aggregator', "must set 'organization: true' or list 'accountIds'", agg);
    for (const a of accounts) v.check(isAccountId(a), 'aggregator.accountIds', 'must list 12-digit account IDs', a);
    for (const r of agg.regions ?? []) v.check(isRegion(r), 'aggregator.regions', "must list regions like 'us-east-1'", r);
    if (agg.regions !== undefined) v.check(agg.regions.length > 0, 'aggregator.regions', 'must not be empty (omit it for all regions)', agg.regions);
  }
  v.throwIfAny();
}

/** JavaScript shapes of every prop of a `ConfigDeliveryBucket` (`checkPropTypes`, first statement of the constructor). */
export const CONFIG_DELIVERY_BUCKET_PROP_TYPES: PropSchema<ConfigDeliveryBucketProps> = { sourceAccountIds: 'string[]!', bucketName: 'string' };

/** Checks every prop of a `ConfigDeliveryBucket` and throws once listing every problem. */
export function validateConfigDeliveryBucketProps(props: ConfigDeliveryBucketProps): void {
  const v = new PropValidator('ConfigDeliveryBucket');
  v.check(props.sourceAccountIds.length > 0, 'sourceAccountIds', 'must name at least one account', props.sourceAccountIds);
  for (const a of props.sourceAccountIds) v.check(isAccountId(a), 'sourceAccountIds', 'must be 12-digit account IDs', a);
  v.throwIfAny();
}
