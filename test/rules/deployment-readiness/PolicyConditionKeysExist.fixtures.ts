import { App, aws_iam as iam, aws_kms as kms } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

function keyWith(conditions: Record<string, Record<string, unknown>>) {
  return (app: App) => {
    const key = new kms.Key(stackIn(app, 'Keys'), 'Key');
    key.addToResourcePolicy(new iam.PolicyStatement({ principals: [new iam.AccountPrincipal('444444444444')], actions: ['kms:Decrypt'], resources: ['*'], conditions }));
  };
}

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'a misspelt global key', build: keyWith({ StringEquals: { 'aws:SourceAcount': '111111111111' } }), reason: /'aws:SourceAcount' is not a global condition key/ },
    { name: 'a key the service does not have', build: keyWith({ StringEquals: { 'kms:ViaServices': 's3.eu-west-1.amazonaws.com' } }), reason: /'kms:ViaServices' is not a condition key of kms/ },
    {
      name: 'a misspelt key in a trust policy',
      build: (app) => {
        new iam.Role(stackIn(app, 'Roles'), 'Role', { assumedBy: new iam.ServicePrincipal('firehose.amazonaws.com', { conditions: { StringEquals: { 'sts:ExternalID2': '111111111111' } } }) });
      },
      reason: /'sts:ExternalID2' is not a condition key of sts/,
    },
  ],
  compliant: [
    {
      name: 'global keys, tag keys, service keys with variables (kms:EncryptionContext:<key>)',
      build: keyWith({
        StringEquals: { 'aws:SourceAccount': '111111111111', 'aws:PrincipalTag/team': 'ops' },
        StringLike: { 'kms:ViaService': 'backup.*.amazonaws.com', 'kms:EncryptionContext:aws:cloudtrail:arn': 'arn:aws:cloudtrail:*:111111111111:trail/*' },
        Bool: { 'kms:GrantIsForAWSResource': true },
      }),
    },
  ],
};
