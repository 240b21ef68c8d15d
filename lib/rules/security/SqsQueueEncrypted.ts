import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, unverifiable } from '../rule';
import { isFalse, isIntrinsic } from '../../aws';

/**
 * Reads: `AWS::SQS::Queue`.
 * Fails when: the queue has no KMS key and turns SQS-managed encryption off (`SqsManagedSseEnabled: false`).
 * Fix: set `encryption: QueueEncryption.KMS` (or leave SQS-managed encryption on).
 */
export const SqsQueueEncrypted = defineRule({
  name: 'SqsQueueEncrypted',
  description: 'SQS queues are encrypted at rest',
  fix: 'Set encryption: QueueEncryption.KMS with a customer managed key, or keep SqsManagedSseEnabled on',
  resourceTypes: ['AWS::SQS::Queue'],
  scope: 'resource',
  check(r) {
    if (r.type !== 'AWS::SQS::Queue') return NOT_APPLICABLE;
    if (r.properties.KmsMasterKeyId !== undefined) return COMPLIANT;
    const managed = r.properties.SqsManagedSseEnabled;
    if (isIntrinsic(managed)) return unverifiable('SqsManagedSseEnabled', managed, 'SqsManagedSseEnabled');
    return isFalse(managed) ? nonCompliant('the queue has no KMS key and SQS-managed encryption is off', 'SqsManagedSseEnabled') : COMPLIANT;
  },
});
