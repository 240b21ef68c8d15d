import { defineRule, NOT_APPLICABLE } from '../rule';
import { requirePresent } from '../utils/checks';
import { noCustomerDataReason } from '../utils/customer-data';

/**
 * Reads: `AWS::SNS::Topic` (and, across the app, the lifecycle hooks that notify a topic, the alarms that act on it and
 * everything else that references it or grants publishing to it).
 * Fails when: the topic has no `KmsMasterKeyId`. Amazon SNS stores messages on encrypted disks without it, so
 * item 1.22 uses this rule as a recommendation: server-side encryption encrypts each message under a key policy.
 * A topic that only relays Auto Scaling lifecycle notifications (CDK's lifecycle-hook targets), or that only CloudWatch
 * alarms publish to (alarm actions name it, and no other resource, grant or topic policy of the app can publish to it),
 * carries no customer data: not applicable.
 * Fix: set `masterKey` to a KMS key (one that the publishing services may use).
 */
export const SnsTopicEncrypted = defineRule({
  name: 'SnsTopicEncrypted',
  description: 'SNS topics that may carry customer data use server-side encryption with KMS',
  fix: 'Set masterKey to a customer managed KMS key whose policy lets the publishing services (CloudWatch, EventBridge, Backup) use it',
  resourceTypes: ['AWS::SNS::Topic'],
  scope: 'app',
  check(r, app) {
    if (r.type !== 'AWS::SNS::Topic' || noCustomerDataReason(r, app)) return NOT_APPLICABLE;
    return requirePresent(r, 'KmsMasterKeyId', 'the topic has no server-side encryption (no KmsMasterKeyId)', app);
  },
});
