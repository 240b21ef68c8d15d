import { defineRule, NOT_APPLICABLE } from '../rule';
import { requireTrue } from '../utils/checks';

/**
 * Reads: `AWS::DynamoDB::Table` and `AWS::DynamoDB::GlobalTable`.
 * Fails when: `SSESpecification.SSEEnabled` is not true, i.e. the table uses only the AWS-owned key,
 * which the account can neither audit nor control. DynamoDB encrypts every table at rest, so item 1.22 uses
 * this rule as a recommendation.
 * Fix: encrypt with a KMS key (`TableEncryption.CUSTOMER_MANAGED` or `AWS_MANAGED`).
 */
export const DynamoDbTableEncrypted = defineRule({
  name: 'DynamoDbTableEncrypted',
  description: 'DynamoDB tables are encrypted with a KMS key the account controls',
  fix: 'Set encryption: TableEncryption.CUSTOMER_MANAGED (SSESpecification.SSEEnabled: true)',
  resourceTypes: ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable'],
  scope: 'resource',
  check(r, app) {
    if (!this.resourceTypes.includes(r.type)) return NOT_APPLICABLE;
    return requireTrue(r, 'SSESpecification/SSEEnabled', 'the table is encrypted only with the AWS-owned key (SSESpecification.SSEEnabled is not true)', app);
  },
});
