import { defineRule, NOT_APPLICABLE } from '../rule';
import { requirePresent } from '../utils/checks';

/**
 * Reads: `AWS::Logs::LogGroup`.
 * Fails when: the log group has no `KmsKeyId` (logs may carry sensitive data: encrypt them with a key
 * the account controls and audits).
 * Fix: set `encryptionKey` to a customer managed KMS key whose policy admits the CloudWatch Logs service.
 */
export const LogGroupEncrypted = defineRule({
  name: 'LogGroupEncrypted',
  description: 'CloudWatch log groups are encrypted with a customer managed KMS key',
  fix: 'Set encryptionKey to a KMS key whose policy lets logs.<region>.amazonaws.com use it',
  resourceTypes: ['AWS::Logs::LogGroup'],
  scope: 'resource',
  check(r) {
    if (r.type !== 'AWS::Logs::LogGroup') return NOT_APPLICABLE;
    return requirePresent(r, 'KmsKeyId', 'the log group is not encrypted with a KMS key (no KmsKeyId)');
  },
});
