import { App, aws_iam as iam, aws_kms as kms, aws_logs as logs } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';
import { lifecycleHandler } from './builders';

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'log group without a key', build: (app: App) => { new logs.LogGroup(stackIn(app, 'S'), 'L'); }, reason: /no KmsKeyId/ },
    {
      name: 'log group of a lifecycle-hook function that API Gateway may invoke too (its input may be customer data)',
      build: (app: App) => { lifecycleHandler(stackIn(app, 'S')).fn.addPermission('Api', { principal: new iam.ServicePrincipal('apigateway.amazonaws.com') }); },
      reason: /no KmsKeyId/,
    },
  ],
  compliant: [{
    name: 'log group with a customer key; the log group of a function only Auto Scaling lifecycle notifications invoke (the ECS drain hook\'s shape) holds no customer data',
    build: (app: App) => {
      const s = stackIn(app, 'S');
      new logs.LogGroup(s, 'L', { encryptionKey: new kms.Key(s, 'K', { enableKeyRotation: true }) });
      lifecycleHandler(s);
    },
  }],
};
