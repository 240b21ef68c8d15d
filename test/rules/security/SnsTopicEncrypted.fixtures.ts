import { App, aws_kms as kms, aws_sns as sns } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

export const fixtures: RuleFixtures = {
  noncompliant: [{ name: 'unencrypted topic', build: (app: App) => { new sns.Topic(stackIn(app, 'S'), 'T'); }, reason: /no KmsMasterKeyId/ }],
  compliant: [{ name: 'topic with a customer key', build: (app: App) => {
    const s = stackIn(app, 'S');
    new sns.Topic(s, 'T', { masterKey: new kms.Key(s, 'K', { enableKeyRotation: true }) });
  } }],
};
