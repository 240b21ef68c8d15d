import { defineRule, NOT_APPLICABLE } from '../rule';
import { requirePresent } from '../utils/checks';
import { noCustomerDataReason } from '../utils/customer-data';

/**
 * Reads: `AWS::Logs::LogGroup` (and, across the app, the Lambda functions writing to it, the custom resources calling
 * them, and everything else that invokes them).
 * Fails when: the log group has no `KmsKeyId`. CloudWatch Logs encrypts all log data at rest without it, so
 * item 1.22 uses this rule as a recommendation: a customer managed key restricts and audits who reads logs.
 * A log group written only by custom resource handlers (deployment helpers) or by functions that only Auto Scaling
 * lifecycle notifications invoke (aws-cdk-lib's ECS drain hook) carries no customer data: not applicable.
 * Fix: set `encryptionKey` to a customer managed KMS key whose policy admits the CloudWatch Logs service.
 */
export const LogGroupEncrypted = defineRule({
  name: 'LogGroupEncrypted',
  description: 'CloudWatch log groups that may carry customer data are encrypted with a customer managed KMS key',
  fix: 'Set encryptionKey to a KMS key whose policy lets logs.<region>.amazonaws.com use it',
  resourceTypes: ['AWS::Logs::LogGroup'],
  scope: 'app',
  check(r, app) {
    if (r.type !== 'AWS::Logs::LogGroup' || noCustomerDataReason(r, app)) return NOT_APPLICABLE;
    return requirePresent(r, 'KmsKeyId', 'the log group is not encrypted with a customer managed KMS key (no KmsKeyId)', app);
  },
});
