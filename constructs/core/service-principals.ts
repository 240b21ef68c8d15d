import { DefaultStackSynthesizer, Stack, aws_iam as iam } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { declareDeploymentPrerequisite } from '../../lib/declarations';

/**
 * The regional name of a service in the scope's stack, `<service>.<region>.<URL suffix>` (e.g.
 * `logs.eu-west-1.amazonaws.com`, `s3.cn-north-1.amazonaws.com.cn`): what CloudWatch Logs key policies name as
 * principal and what `kms:ViaService` compares with. Region and suffix come from the stack, never written out.
 *
 * @param region another region than the stack's (`'*'` in a `StringLike` condition matches every region)
 */
export function regionalServiceName(scope: IConstruct, service: string, region?: string): string {
  const stack = Stack.of(scope);
  return `${service}.${region ?? stack.region}.${stack.urlSuffix}`;
}

/**
 * The regional service principal of a service in the scope's stack. CloudWatch Logs needs it in key policies
 * ("Encrypt log data in CloudWatch Logs using AWS Key Management Service", CloudWatch Logs user guide).
 */
export function regionalServicePrincipal(scope: IConstruct, service: string): iam.ServicePrincipal {
  return iam.ServicePrincipal.fromStaticServicePrincipleName(regionalServiceName(scope, service));
}

/** ARN of a service-linked role of the scope's account, e.g. `role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`. */
export function serviceLinkedRoleArn(scope: IConstruct, servicePrincipal: string, roleName: string): string {
  return Stack.of(scope).formatArn({ service: 'iam', region: '', resource: 'role', resourceName: `aws-service-role/${servicePrincipal}/${roleName}` });
}

/**
 * The service-linked role EC2 Auto Scaling launches instances and publishes notifications with, for a policy of the
 * scope's stack. KMS rejects a key policy naming a role that does not exist, so the stack's template also records the
 * deployment prerequisite that the role exists (the deployment guide lists it).
 */
export function autoScalingServiceLinkedRoleArn(scope: IConstruct): string {
  declareDeploymentPrerequisite(scope, 'The EC2 Auto Scaling service-linked role AWSServiceRoleForAutoScaling exists in the account (a key policy of this stack names it, and KMS rejects policies naming a role that does not exist): `aws iam create-service-linked-role --aws-service-name autoscaling.amazonaws.com` once per account (an "already exists" error is fine).');
  return serviceLinkedRoleArn(scope, 'autoscaling.amazonaws.com', 'AWSServiceRoleForAutoScaling');
}

/**
 * Key policy statements letting EC2 Auto Scaling launch instances whose EBS volumes this key encrypts: the
 * service-linked role may use the key, and create grants only for AWS resources ("Required AWS KMS key policy for
 * use with encrypted volumes", EC2 Auto Scaling user guide).
 */
export function autoScalingVolumeKeyStatements(scope: IConstruct): iam.PolicyStatement[] {
  const role = new iam.ArnPrincipal(autoScalingServiceLinkedRoleArn(scope));
  return [
    new iam.PolicyStatement({
      sid: 'AllowAutoScalingServiceLinkedRoleToUseKey',
      principals: [role],
      actions: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
      resources: ['*'],
    }),
    new iam.PolicyStatement({
      sid: 'AllowAutoScalingServiceLinkedRoleToAttachVolumes',
      principals: [role],
      actions: ['kms:CreateGrant'],
      resources: ['*'],
      conditions: { Bool: { 'kms:GrantIsForAWSResource': true } },
    }),
  ];
}

/**
 * Key policy statements letting another account copy recovery points encrypted with this key (AWS Backup
 * cross-account copy, "Creating backup copies across AWS accounts", AWS Backup developer guide): the account
 * may use the key only through AWS Backup or Amazon EC2 (`kms:ViaService`, any region, so cross-region copies
 * work too), and create grants only for AWS resources (`kms:GrantIsForAWSResource`).
 */
export function backupCopyKeyStatements(scope: IConstruct, account: string, sidPrefix = 'AllowCopyTargetAccount'): iam.PolicyStatement[] {
  const principal = new iam.AccountPrincipal(account);
  return [
    new iam.PolicyStatement({
      sid: `${sidPrefix}ToUseKeyThroughBackup`,
      principals: [principal],
      actions: ['kms:Decrypt', 'kms:DescribeKey', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'],
      resources: ['*'],
      conditions: { StringLike: { 'kms:ViaService': [regionalServiceName(scope, 'backup', '*'), regionalServiceName(scope, 'ec2', '*')] } },
    }),
    new iam.PolicyStatement({
      sid: `${sidPrefix}ToCreateGrantsForBackup`,
      principals: [principal],
      actions: ['kms:CreateGrant'],
      resources: ['*'],
      conditions: { Bool: { 'kms:GrantIsForAWSResource': true } },
    }),
  ];
}

/**
 * Lets an AWS service publish to a topic for resources of the topic's account only (`aws:SourceAccount`,
 * "Example cases for Amazon SNS access control", Amazon SNS developer guide), and use the topic's key for it.
 */
export function grantServicePublish(topic: { addToResourcePolicy(s: iam.PolicyStatement): unknown; readonly topicArn: string }, scope: IConstruct, service: string, sourceArn?: string): void {
  const conditions: Record<string, Record<string, string>> = { StringEquals: { 'aws:SourceAccount': Stack.of(scope).account } };
  if (sourceArn) conditions.ArnEquals = { 'aws:SourceArn': sourceArn };
  topic.addToResourcePolicy(new iam.PolicyStatement({
    principals: [new iam.ServicePrincipal(service)],
    actions: ['sns:Publish'],
    resources: [topic.topicArn],
    conditions,
  }));
}

/** Context key the CDK reads for the bootstrap qualifier. */
const BOOTSTRAP_QUALIFIER_CONTEXT = '@aws-cdk/core:bootstrapQualifier';

/**
 * The CloudFormation execution role that `cdk deploy` hands to CloudFormation for stacks of the default synthesizer
 * (`DefaultStackSynthesizer.DEFAULT_CLOUDFORMATION_ROLE_ARN`), or undefined for synthesizers without one.
 */
export function cloudFormationExecutionRoleArn(scope: IConstruct): string | undefined {
  const stack = Stack.of(scope);
  if (!(stack.synthesizer instanceof DefaultStackSynthesizer)) return undefined;
  const qualifier = (stack.synthesizer as unknown as { qualifier?: string }).qualifier
    ?? stack.node.tryGetContext(BOOTSTRAP_QUALIFIER_CONTEXT) ?? DefaultStackSynthesizer.DEFAULT_QUALIFIER;
  return stack.formatArn({ service: 'iam', region: '', resource: 'role', resourceName: `cdk-${qualifier}-cfn-exec-role-${stack.account}-${stack.region}` });
}
