import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, RuleVerdict } from '../rule';

/**
 * Reads: `AWS::SecretsManager::Secret`.
 * Fails when: the secret sets no `KmsKeyId` (it is then encrypted with the AWS managed key
 * `aws/secretsmanager`, whose policy the partner cannot scope), or names that key explicitly.
 * A key given as a reference passes: the key exists, and 1.23's rules check its rotation and policy.
 * Secrets Manager always encrypts secrets at rest, so item 1.11 uses this rule as a recommendation.
 * Fix: `new secretsmanager.Secret(this, 'S', { encryptionKey: key })`.
 */
export const SecretsEncryptedWithCustomerKey = defineRule({
  name: 'SecretsEncryptedWithCustomerKey',
  description: 'Secrets Manager secrets are encrypted with a customer managed KMS key',
  fix: 'Give the secret a customer managed key: new Secret(this, id, { encryptionKey }) or KmsKeyId on the L1',
  resourceTypes: ['AWS::SecretsManager::Secret'],
  scope: 'resource',
  check(r): RuleVerdict {
    if (r.type !== 'AWS::SecretsManager::Secret') return NOT_APPLICABLE;
    const key = r.properties.KmsKeyId;
    if (key === undefined || key === null || key === '') return nonCompliant('the secret sets no KmsKeyId, so it is encrypted with the AWS managed key aws/secretsmanager', 'KmsKeyId');
    if (typeof key === 'string' && /alias\/aws\/secretsmanager$/.test(key)) return nonCompliant(`KmsKeyId ${key} is the AWS managed key, not a customer managed one`, 'KmsKeyId');
    return COMPLIANT;
  },
});
