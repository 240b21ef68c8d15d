import { aws_kms as kms, CfnParameter } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'L2 key without rotation', build: (app) => { new kms.Key(stackIn(app, 'S'), 'K'); }, reason: /does not set EnableKeyRotation: true/ },
    { name: 'L1 SYMMETRIC_DEFAULT with rotation off', build: (app) => { new kms.CfnKey(stackIn(app, 'S'), 'K', { keySpec: 'SYMMETRIC_DEFAULT', enableKeyRotation: false }); }, reason: /EnableKeyRotation/ },
    {
      name: 'rotation flag from a parameter (unverifiable)',
      build: (app) => {
        const s = stackIn(app, 'S');
        new kms.CfnKey(s, 'K', { enableKeyRotation: new CfnParameter(s, 'Rotate', { type: 'String' }).valueAsString as any });
      },
      reason: /could not verify EnableKeyRotation.*\(Ref\)/,
    },
  ],
  compliant: [
    { name: 'L2 key with rotation', build: (app) => { new kms.Key(stackIn(app, 'S'), 'K', { enableKeyRotation: true }); } },
    { name: 'L1 key with rotation', build: (app) => { new kms.CfnKey(stackIn(app, 'S'), 'K', { enableKeyRotation: true }); } },
  ],
};
