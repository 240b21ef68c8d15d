import { defineRule, NOT_APPLICABLE } from '../rule';
import { requireTrue } from '../utils/checks';

/**
 * Reads: `AWS::RDS::DBInstance` (not cluster members: their cluster is read) and `AWS::RDS::DBCluster`.
 * Fails when: `StorageEncrypted` is not true.
 * Fix: set `storageEncrypted: true` (with a customer managed key).
 */
export const RdsStorageEncrypted = defineRule({
  name: 'RdsStorageEncrypted',
  description: 'RDS instances and clusters encrypt their storage',
  fix: 'Set storageEncrypted: true, with storageEncryptionKey set to a customer managed key',
  resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
  scope: 'resource',
  check(r, app) {
    if (!this.resourceTypes.includes(r.type)) return NOT_APPLICABLE;
    if (r.type === 'AWS::RDS::DBInstance' && r.properties.DBClusterIdentifier !== undefined) return NOT_APPLICABLE;
    return requireTrue(r, 'StorageEncrypted', 'storage encryption is off', app);
  },
});
