import { App, aws_kms as kms, aws_logs as logs } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

export const fixtures: RuleFixtures = {
  noncompliant: [{ name: 'log group without a key', build: (app: App) => { new logs.LogGroup(stackIn(app, 'S'), 'L'); }, reason: /no KmsKeyId/ }],
  compliant: [{ name: 'log group with a customer key', build: (app: App) => {
    const s = stackIn(app, 'S');
    new logs.LogGroup(s, 'L', { encryptionKey: new kms.Key(s, 'K', { enableKeyRotation: true }) });
  } }],
};
