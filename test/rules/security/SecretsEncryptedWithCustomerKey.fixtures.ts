import { aws_kms as kms, aws_secretsmanager as sm } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'secret without a key (L2 default)', build: (app) => { new sm.Secret(stackIn(app, 'S'), 'Sec'); }, reason: /sets no KmsKeyId.*aws\/secretsmanager/ },
    { name: 'the AWS managed key named explicitly', build: (app) => { new sm.CfnSecret(stackIn(app, 'S'), 'Sec', { kmsKeyId: 'alias/aws/secretsmanager' }); }, reason: /alias\/aws\/secretsmanager is the AWS managed key/ },
  ],
  compliant: [
    {
      name: 'customer managed key (L2)',
      build: (app) => {
        const s = stackIn(app, 'S');
        new sm.Secret(s, 'Sec', { encryptionKey: new kms.Key(s, 'K', { enableKeyRotation: true }) });
      },
    },
    { name: 'key ARN (L1)', build: (app) => { new sm.CfnSecret(stackIn(app, 'S'), 'Sec', { kmsKeyId: 'arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab' }); } },
  ],
};
