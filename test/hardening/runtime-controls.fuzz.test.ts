// RuntimeControls under arbitrary props: a template or a clear ValidationError (see fuzz-harness.ts).
import * as fc from 'fast-check';
import { RUNTIME_CONTROL_CATALOG, RuntimeControls, RuntimeControlsProps } from '../../constructs';
import { BAD_BUCKET_NAMES } from './arbitraries';
import { badAccountId, badRegion, describeFuzz, FieldSpec, oddString, unresolvedString, validAccountId, validRegion } from './fuzz-harness';

const RUNTIME_CONTROLS_PROPS = ['exclude', 'parameterOverrides', 'notificationTopic', 'globalRulesRegion', 'createRecorder', 'recorderDeliveryBucketName', 'aggregator'];
const IDS = RUNTIME_CONTROL_CATALOG.map((c) => c.identifier);
const REASON = 'Covered by the organization-wide conformance pack instead.';

const RUNTIME_CONTROLS_SPEC: { [prop: string]: FieldSpec } = {
  exclude: {
    valid: fc.subarray(IDS, { maxLength: 2 }).map((ids) => ids.map((identifier) => ({ identifier, reason: REASON }))),
    invalid: fc.oneof(
      fc.constantFrom('NOT_A_RULE', '', 'iam_root_access_key_check').map((identifier) => [{ identifier, reason: REASON }]),
      fc.constantFrom(IDS[0]).map((identifier) => [{ identifier, reason: REASON }, { identifier, reason: REASON }]),
      fc.oneof(fc.constantFrom('', 'n/a', '         x'), oddString).map((reason) => [{ identifier: IDS[1], reason }]),
    ),
    unresolved: unresolvedString.map((identifier) => [{ identifier, reason: REASON }]),
  },
  parameterOverrides: {
    valid: fc.constantFrom(...IDS).map((id) => ({ [id]: { MaxAccessKeyAge: '90' } })),
    invalid: fc.oneof(fc.constantFrom({ NOT_A_RULE: { a: 'b' } }, { '': {} }), oddString.map((id) => ({ [id]: { a: 'b' } }))),
  },
  globalRulesRegion: { valid: validRegion, invalid: badRegion, unresolved: unresolvedString },
  createRecorder: { valid: fc.boolean(), invalid: fc.constant(true) },
  recorderDeliveryBucketName: { valid: fc.constantFrom('config-delivery-123'), invalid: fc.oneof(BAD_BUCKET_NAMES, fc.constant(undefined)), unresolved: unresolvedString },
  aggregator: {
    valid: fc.oneof(
      fc.constant({ organization: true }),
      fc.record({ accountIds: fc.array(validAccountId, { minLength: 1, maxLength: 2 }), regions: fc.constantFrom(undefined, ['eu-west-1']) }),
    ),
    invalid: fc.oneof(
      fc.constantFrom({}, { organization: false }, { accountIds: [] }, { organization: true, regions: [] }),
      fc.array(badAccountId, { minLength: 1, maxLength: 2 }).map((accountIds) => ({ accountIds })),
      fc.array(badRegion, { minLength: 1, maxLength: 2 }).map((regions) => ({ organization: true, regions })),
    ),
    unresolved: unresolvedString.map((a) => ({ accountIds: [a] })),
  },
};

describeFuzz(
  { construct: 'RuntimeControls', props: RUNTIME_CONTROLS_PROPS },
  RUNTIME_CONTROLS_SPEC,
  {
    typed: 30,
    wrongTypes: 20,
  },
  (stack, props) => {
    new RuntimeControls(stack, 'Controls', props as RuntimeControlsProps);
  },
);
