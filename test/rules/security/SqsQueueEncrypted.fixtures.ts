import { App, aws_sqs as sqs } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

const queue = (props: Partial<sqs.CfnQueueProps>) => (app: App) => { new sqs.CfnQueue(stackIn(app, 'S'), 'Q', props); };

export const fixtures: RuleFixtures = {
  noncompliant: [{ name: 'SQS-managed encryption turned off, no key', build: queue({ sqsManagedSseEnabled: false }), reason: /no KMS key/ }],
  compliant: [
    { name: 'KMS key', build: queue({ kmsMasterKeyId: 'alias/aws/sqs' }) },
    { name: 'SQS-managed encryption (default)', build: queue({}) },
  ],
};
