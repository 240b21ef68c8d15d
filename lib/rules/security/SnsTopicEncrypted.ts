import { defineRule, NOT_APPLICABLE } from '../rule';
import { requirePresent } from '../utils/checks';

/**
 * Reads: `AWS::SNS::Topic`.
 * Fails when: the topic has no `KmsMasterKeyId`.
 * Fix: set `masterKey` to a KMS key (one that the publishing services may use).
 */
export const SnsTopicEncrypted = defineRule({
  name: 'SnsTopicEncrypted',
  description: 'SNS topics are encrypted at rest with KMS',
  fix: 'Set masterKey to a customer managed KMS key whose policy lets the publishing services (CloudWatch, EventBridge, Backup) use it',
  resourceTypes: ['AWS::SNS::Topic'],
  scope: 'resource',
  check(r) {
    if (r.type !== 'AWS::SNS::Topic') return NOT_APPLICABLE;
    return requirePresent(r, 'KmsMasterKeyId', 'the topic is not encrypted (no KmsMasterKeyId)');
  },
});
