import { aws_iam as iam, aws_kms as kms, CfnParameter } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

const key = (...statements: object[]) => (app: any) => {
  new kms.CfnKey(stackIn(app, 'S'), 'K', { enableKeyRotation: true, keyPolicy: { Version: '2012-10-17', Statement: statements.map((s) => ({ Resource: '*', ...s })) } });
};

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'kms:* to AnyPrincipal (L2 addToResourcePolicy)',
      build: (app) => {
        new kms.Key(stackIn(app, 'S'), 'K', { enableKeyRotation: true })
          .addToResourcePolicy(new iam.PolicyStatement({ actions: ['kms:*'], resources: ['*'], principals: [new iam.AnyPrincipal()] }));
      },
      reason: /statement 1 grants kms:\* to principal '\*'/,
    },
    {
      name: "kms:* to '*' even within the organization",
      build: key({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } }),
      reason: /grants kms:\* to principal '\*'/,
    },
    { name: "Decrypt to '*' without a condition", build: key({ Effect: 'Allow', Principal: '*', Action: ['kms:Decrypt'] }), reason: /grants kms:Decrypt to principal '\*' without a restricting condition/ },
    {
      name: 'principal from a parameter (unverifiable)',
      build: (app) => {
        const s = stackIn(app, 'S');
        new kms.CfnKey(s, 'K', { keyPolicy: { Statement: [{ Effect: 'Allow', Principal: { AWS: new CfnParameter(s, 'Admin').valueAsString }, Action: 'kms:*', Resource: '*' }] } });
      },
      reason: /could not verify the principal of statement 0.*\(parameter Admin of stack S\)/,
    },
  ],
  compliant: [
    { name: 'CDK default policy: kms:* to the account root (L2)', build: (app) => { new kms.Key(stackIn(app, 'S'), 'K', { enableKeyRotation: true }); } },
    {
      name: 'imported key material (bring your own key): no automatic rotation, access controlled by its policy (L1)',
      build: (app) => {
        const s = stackIn(app, 'S');
        new kms.CfnKey(s, 'K', {
          origin: 'EXTERNAL',
          keyPolicy: { Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${s.account}:root` }, Action: 'kms:*', Resource: '*' }] },
        });
      },
    },
    {
      name: "use through a service by callers of the account, like AWS managed keys (L1)",
      build: key({ Effect: 'Allow', Principal: { AWS: '*' }, Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey*'], Condition: { StringEquals: { 'kms:CallerAccount': '111111111111', 'kms:ViaService': 'ssm.eu-west-1.amazonaws.com' } } }),
    },
  ],
};
