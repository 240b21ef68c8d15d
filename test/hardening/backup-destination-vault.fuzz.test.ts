// BackupDestinationVault under arbitrary props: a template or a clear ValidationError (see fuzz-harness.ts).
import * as fc from 'fast-check';
import { BackupDestinationVault, BackupDestinationVaultProps } from '../../constructs';
import { BAD_VAULT_NAMES, VAULT_LOCK } from './arbitraries';
import { badAccountId, badOrganizationId, describeFuzz, FieldSpec, FUZZ_ENV, unresolvedList, unresolvedString, validAccountId, validOrganizationId } from './fuzz-harness';

const PROPS = ['vaultName', 'vaultLock', 'organizationId', 'sourceAccountIds', 'notificationTopic'];

const SPEC: { [prop: string]: FieldSpec } = {
  vaultName: { valid: fc.constantFrom('dr-copies', 'v_1'), invalid: BAD_VAULT_NAMES, unresolved: unresolvedString },
  vaultLock: VAULT_LOCK,
  // Valid cases always name the organization; faults remove it, break it, or add bad source accounts.
  organizationId: { valid: validOrganizationId, invalid: fc.oneof(badOrganizationId, fc.constant(undefined)), unresolved: unresolvedString, required: true },
  sourceAccountIds: {
    valid: fc.array(validAccountId, { maxLength: 2 }),
    invalid: fc.oneof(fc.constantFrom([], [FUZZ_ENV.account], ['222222222222', FUZZ_ENV.account]), fc.array(badAccountId, { minLength: 1, maxLength: 2 })),
    unresolved: fc.oneof(unresolvedList, unresolvedString.map((a) => [a])),
  },
};

describeFuzz(
  { construct: 'BackupDestinationVault', props: PROPS },
  SPEC,
  {
    typed: 40,
    wrongTypes: 25,
  },
  (stack, props) => {
    new BackupDestinationVault(stack, 'Copies', props as unknown as BackupDestinationVaultProps);
  },
);
