import { App, aws_iam as iam } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

function roleWith(...names: string[]) {
  return (app: App) => {
    new iam.Role(stackIn(app, 'Roles'), 'Role', {
      assumedBy: new iam.ServicePrincipal('backup.amazonaws.com'),
      managedPolicies: names.map((n) => iam.ManagedPolicy.fromAwsManagedPolicyName(n)),
    });
  };
}

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'the S3 backup policy under service-role/, where AWS does not publish it',
      build: roleWith('service-role/AWSBackupServiceRolePolicyForBackup', 'service-role/AWSBackupServiceRolePolicyForS3Backup'),
      reason: /'policy\/service-role\/AWSBackupServiceRolePolicyForS3Backup' does not exist: AWS publishes it as 'arn:<partition>:iam::aws:policy\/AWSBackupServiceRolePolicyForS3Backup'/,
    },
    { name: 'a policy name AWS does not have', build: roleWith('ReadOnlyAcess'), reason: /'policy\/ReadOnlyAcess' is not an AWS managed policy/ },
    { name: 'a path on a policy AWS publishes without one', build: roleWith('service-role/ReadOnlyAccess'), reason: /AWS publishes it as 'arn:<partition>:iam::aws:policy\/ReadOnlyAccess'/ },
  ],
  compliant: [
    { name: 'policies at their published paths', build: roleWith('service-role/AWSBackupServiceRolePolicyForBackup', 'AWSBackupServiceRolePolicyForS3Backup', 'AmazonSSMManagedInstanceCore') },
    {
      name: 'a customer managed policy of the stack beside an AWS one',
      build: (app) => {
        const stack = stackIn(app, 'Roles');
        const policy = new iam.ManagedPolicy(stack, 'Policy', { statements: [new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::bucket/*'] })] });
        new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com'), managedPolicies: [policy, iam.ManagedPolicy.fromAwsManagedPolicyName('CloudWatchAgentServerPolicy')] });
      },
    },
  ],
};
