import { App, aws_dynamodb as ddb } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

const table = (props: Partial<ddb.CfnTableProps>) => (app: App) => {
  new ddb.CfnTable(stackIn(app, 'S'), 'T', { keySchema: [{ attributeName: 'pk', keyType: 'HASH' }], attributeDefinitions: [{ attributeName: 'pk', attributeType: 'S' }], billingMode: 'PAY_PER_REQUEST', ...props });
};

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'AWS-owned key only', build: table({}), reason: /AWS-owned key/ },
    { name: 'SSE explicitly off', build: table({ sseSpecification: { sseEnabled: false } }) },
  ],
  compliant: [
    { name: 'KMS encryption', build: table({ sseSpecification: { sseEnabled: true, sseType: 'KMS' } }) },
    { name: 'customer managed key (L2)', build: (app) => {
      new ddb.TableV2(stackIn(app, 'S'), 'T', { partitionKey: { name: 'pk', type: ddb.AttributeType.STRING }, encryption: ddb.TableEncryptionV2.awsManagedKey() });
    } },
  ],
};
