import { DefaultStackSynthesizer, Stack, aws_iam as iam } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { declareDeploymentPrerequisite } from '../../lib/declarations';

/**
 * The regional name of a service in the scope's stack, `<service>.<region>.<URL suffix>` (e.g.
 * `logs.eu-west-1.amazonaws.com`, `logs.cn-north-1.amazonaws.com.cn`): what CloudWatch Logs key policies name as
 * principal. Region and suffix come from the stack, never written out. Not for `kms:ViaService`: see
 * {@link kmsViaServiceName}.
 *
 * @param region another region than the stack's
 */
export function regionalServiceName(scope: IConstruct, service: string, region?: string): string {
  const stack = Stack.of(scope);
  return `${service}.${region ?? stack.region}.${stack.urlSuffix}`;
}

/**
 * The value `kms:ViaService` has when a service calls AWS KMS for a principal, `<service>.<region>.amazonaws.com`, in
 * every partition: "Use the `.amazonaws.com` suffix of the AWS KMS ViaService name in all AWS partitions" (AWS KMS
 * developer guide, "AWS KMS condition keys", Services that support the kms:ViaService condition key). The stack's URL
 * suffix (`amazonaws.com.cn` in China) would never match there.
 *
 * @param region another region than the stack's; `'*'` in a `StringLike` condition matches every region (IAM's
 *   `StringLike` takes a multi-character wildcard anywhere in the value)
 */
export function kmsViaServiceName(scope: IConstruct, service: string, region?: string): string {
  return `${service}.${region ?? Stack.of(scope).region}.amazonaws.com`;
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
 * may use the key only through AWS Backup or Amazon EBS (`kms:ViaService` `backup.<region>.amazonaws.com` and
 * `ec2.<region>.amazonaws.com`, the names the KMS developer guide lists for AWS Backup and "Amazon Elastic Block Store
 * (EBS only)"), and create grants only for AWS resources (`kms:GrantIsForAWSResource`).
 *
 * The region position is `*`, the form AWS's own `AWSBackupServiceLinkedRolePolicyForBackup` grants the copy with
 * (`StringLike` `kms:ViaService` `ec2.*.amazonaws.com`, `rds.*…`, `fsx.*…`): AWS's documents do not say from which
 * region's endpoint a cross-region copy reaches the source key (the copy runs in the destination region, the key lives
 * in the source region), so the flow passes either way, and a call through any other service is still refused.
 */
export function backupCopyKeyStatements(scope: IConstruct, account: string, sidPrefix = 'AllowCopyTargetAccount'): iam.PolicyStatement[] {
  const principal = new iam.AccountPrincipal(account);
  return [
    new iam.PolicyStatement({
      sid: `${sidPrefix}ToUseKeyThroughBackup`,
      principals: [principal],
      actions: ['kms:Decrypt', 'kms:DescribeKey', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'],
      resources: ['*'],
      conditions: { StringLike: { 'kms:ViaService': [kmsViaServiceName(scope, 'backup', '*'), kmsViaServiceName(scope, 'ec2', '*')] } },
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
