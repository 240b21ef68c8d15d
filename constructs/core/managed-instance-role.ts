import { Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

/**
 * The instance role of EC2 fleets managed by Systems Manager only (no key pair, no SSH or RDP): the
 * AWS-maintained `AmazonSSMManagedInstanceCore` and `CloudWatchAgentServerPolicy` and nothing else, with the
 * cdk-nag acknowledgements of those two managed policies and their reasons (checklist 1.20, 2.3, 2.4, 3.1).
 */
export function createManagedInstanceRole(scope: Construct, id: string, description: string): iam.Role {
  const role = new iam.Role(scope, id, {
    assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com'),
    description,
    managedPolicies: [
      iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonSSMManagedInstanceCore'),
      iam.ManagedPolicy.fromAwsManagedPolicyName('CloudWatchAgentServerPolicy'),
    ],
  });
  Validations.of(role).acknowledge(
    {
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/AmazonSSMManagedInstanceCore]',
      reason: 'AmazonSSMManagedInstanceCore is the AWS-maintained minimum for Systems Manager (Session Manager, Run Command, Patch Manager, Inventory), which replaces SSH and RDP: no key pair (checklist 1.20, 3.1).',
    },
    {
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/CloudWatchAgentServerPolicy]',
      reason: 'CloudWatchAgentServerPolicy is the AWS-maintained minimum for the CloudWatch agent to read its configuration and publish the custom metrics and logs (checklist 2.3, 2.4).',
    },
  );
  return role;
}
