import {
  Annotations,
  Aws,
  CfnCondition,
  CfnResource,
  Fn,
  Stack,
  Token,
  Validations,
  aws_config as config,
  aws_events as events,
  aws_iam as iam,
  aws_sns as sns,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { METADATA } from '../../lib/conventions';
import { declareDeploymentPrerequisite } from '../../lib/declarations';
import { EncryptedTopic, checkPropTypes, cloudFormationExecutionRoleArn, grantServicePublish, serviceLinkedRoleArn } from '../core';
import {
  COMPLIANCE_CHANGE_NOTIFICATION, DRIFT_DETECTION_RULE, RUNTIME_CONTROL_CATALOG, RuntimeControlDefinition, VAULT_DELETION_EXEMPTIONS_MAX, VAULT_DELETION_RULE,
} from './defaults';
import { RuntimeControlExclusion, RuntimeControlsAggregatorOptions, RuntimeControlsProps } from './props';
import { RUNTIME_CONTROLS_PROP_TYPES, validateRuntimeControlsProps } from './validation';

/**
 * Data reads drift detection never needs (every name exists in the IAM data). AWS asks of the drift-detection role
 * "Read permission for each resource that supports drift detection included in the stack", `DetectStackDrift` and
 * `DetectStackResourceDrift` ("Considerations when detecting drift", CloudFormation user guide): the configuration,
 * never the contents. ReadOnlyAccess allows all of these but `secretsmanager:GetSecretValue` and `kms:Decrypt`, which a
 * resource or key policy could still grant (an AWS managed key admits every principal of its account through its
 * service, e.g. a SecureString read with `ssm:GetParameter`, which ReadOnlyAccess allows).
 */
export const DRIFT_DETECTION_DATA_READS = [
  's3:GetObject', 's3:GetObjectVersion',
  'dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:GetRecords',
  'secretsmanager:GetSecretValue', 'kms:Decrypt', 'sqs:ReceiveMessage', 'kinesis:GetRecords',
  'logs:GetLogEvents', 'logs:FilterLogEvents', 'logs:StartQuery', 'logs:GetQueryResults',
] as const;

/**
 * AWS Config acting for the scope's account, as the principal of a role's trust policy. AWS documents the condition
 * for the role assigned to AWS Config ("You can use the AWS:SourceAccount condition in the IAM Role Trust relationship
 * above to restrict the Config service principal to only interact with the AWS IAM Role when performing operations on
 * behalf of specific accounts", AWS Config developer guide, "Permissions for the IAM Role Assigned to AWS Config"), but
 * not whether a managed rule (the `cloudformationRoleArn` of CLOUDFORMATION_STACK_DRIFT_DETECTION_CHECK) or an
 * aggregator passes the key when it assumes its role. `StringEqualsIfExists` holds under both readings: a request
 * carrying another account is refused, and one without the key still lets the rule run ("If the condition keys are
 * missing from a request context, the policy can fail the evaluation", IAM user guide, global condition context keys).
 */
function configPrincipal(scope: Construct): iam.ServicePrincipal {
  return new iam.ServicePrincipal('config.amazonaws.com', { conditions: { StringEqualsIfExists: { 'aws:SourceAccount': Stack.of(scope).account } } });
}

/**
 * The AWS Config managed rules watching every checklist item a template cannot show (see `RUNTIME_CONTROL_CATALOG`),
 * each marked with its runtime-control id and checklist items, plus an EventBridge rule sending every compliance change
 * to an SNS topic (item 1.19), an optional recorder and an optional aggregator.
 */
export class RuntimeControls extends Construct {
  /** The Config rules by identifier. */
  public readonly rules: Readonly<Record<string, config.ManagedRule>>;
  /** The topic compliance changes go to. */
  public readonly notificationTopic: sns.ITopic;
  /** The catalog rules left out, with reasons. */
  public readonly excluded: readonly RuntimeControlExclusion[];
  /** The aggregator, when asked for. */
  public readonly aggregator?: config.CfnConfigurationAggregator;

  constructor(scope: Construct, id: string, props: RuntimeControlsProps = {}) {
    super(scope, id);
    checkPropTypes('RuntimeControls', props, RUNTIME_CONTROLS_PROP_TYPES);
    validateRuntimeControlsProps(props);
    this.excluded = props.exclude ?? [];
    const excluded = new Set(this.excluded.map((e) => e.identifier));

    const recorderDependencies: CfnResource[] = [];
    if (props.createRecorder) {
      const recorder = new config.CfnConfigurationRecorder(this, 'Recorder', {
        roleArn: serviceLinkedRoleArn(this, 'config.amazonaws.com', 'AWSServiceRoleForConfig'),
        recordingGroup: { allSupported: true, includeGlobalResourceTypes: true },
      });
      declareDeploymentPrerequisite(this, `AWS Config: the service-linked role AWSServiceRoleForConfig exists in the account (\`aws iam create-service-linked-role --aws-service-name config.amazonaws.com\`, once per account; an "already exists" error is fine), no other configuration recorder or delivery channel exists in the region (one each per account and region: \`aws configservice describe-configuration-recorders\` lists none), and bucket ${props.recorderDeliveryBucketName} exists, without S3 Object Lock, admitting AWS Config of this account.`);
      recorder.addMetadata(METADATA.RUNTIME_CONTROL, 'CONFIG_RECORDER');
      recorder.addMetadata(METADATA.CHECKLIST_ITEMS, ['1.20']);
      const channel = new config.CfnDeliveryChannel(this, 'DeliveryChannel', { s3BucketName: props.recorderDeliveryBucketName! });
      // "Before you can create a delivery channel, you must create a configuration recorder" (AWS::Config::DeliveryChannel,
      // CloudFormation template reference).
      channel.addResourceDependency(recorder);
      recorderDependencies.push(recorder, channel);
    }

    const globalCondition = props.globalRulesRegion
      ? new CfnCondition(this, 'InGlobalRulesRegion', { expression: Fn.conditionEquals(Aws.REGION, props.globalRulesRegion) })
      : undefined;

    const rules: Record<string, config.ManagedRule> = {};
    for (const control of RUNTIME_CONTROL_CATALOG) {
      if (excluded.has(control.identifier)) continue;
      rules[control.identifier] = this.addRule(control, props, recorderDependencies, globalCondition);
    }
    this.rules = rules;
    for (const ex of this.excluded) {
      Annotations.of(this).addInfo(`RuntimeControls: ${ex.identifier} excluded: ${ex.reason}`);
    }

    this.notificationTopic = props.notificationTopic ?? new EncryptedTopic(this, 'NotificationTopic', { displayName: 'AWS Config compliance changes' }).topic;
    const complianceRule = new events.Rule(this, 'ComplianceChange', {
      description: 'Sends every AWS Config rule compliance change to the notification topic (checklist item 1.19)',
      eventPattern: { source: ['aws.config'], detailType: ['Config Rules Compliance Change'] },
    });
    // The topic admits EventBridge for this rule only (aws:SourceArn), rather than the unconditioned grant of the
    // SnsTopic target. The topic's key must admit events.amazonaws.com (EncryptedTopic's default).
    const topic = this.notificationTopic;
    complianceRule.addTarget({ bind: () => ({ arn: topic.topicArn }) });
    grantServicePublish(topic, this, 'events.amazonaws.com', complianceRule.ruleArn);
    const cfnRule = complianceRule.node.defaultChild as CfnResource;
    cfnRule.addMetadata(METADATA.RUNTIME_CONTROL, COMPLIANCE_CHANGE_NOTIFICATION);
    cfnRule.addMetadata(METADATA.CHECKLIST_ITEMS, ['1.19']);

    if (props.aggregator) this.aggregator = this.addAggregator(props.aggregator);
  }

  private addRule(
    control: RuntimeControlDefinition,
    props: RuntimeControlsProps,
    dependencies: CfnResource[],
    globalCondition: CfnCondition | undefined,
  ): config.ManagedRule {
    const parameters: Record<string, string> = { ...(control.parameters ?? {}), ...(props.parameterOverrides?.[control.identifier] ?? {}) };
    if (control.identifier === DRIFT_DETECTION_RULE) {
      parameters.cloudformationRoleArn = this.driftDetectionRole().roleArn;
    }
    // principalArnList: "Comma-separated list of AWS Identity and Access Management (IAM) Amazon Resource Names (ARNs) for
    // the rule to NOT check", type CSV (AWS Config developer guide, backup-recovery-point-manual-deletion-disabled);
    // "Up to 5 IAM roles that allow manual deletion of recovery points" (AWS Backup developer guide, "Choosing your
    // controls"). The vaults of CrossAccountBackup / BackupDestinationVault exempt the CloudFormation execution role
    // from the Deny statement the rule reads (the documented way to change the policy; a second Deny still refuses it
    // deletion): the rule is told the same principal, as one string, so it does not report the exemption.
    const execRole = cloudFormationExecutionRoleArn(this);
    if (control.identifier === VAULT_DELETION_RULE && execRole && parameters.principalArnList === undefined) {
      parameters.principalArnList = execRole;
    }
    const exempted = control.identifier === VAULT_DELETION_RULE ? parameters.principalArnList : undefined;
    if (exempted !== undefined && !Token.isUnresolved(exempted) && exempted.split(',').length > VAULT_DELETION_EXEMPTIONS_MAX) {
      Annotations.of(this).addWarningV2('cdk-competency:vault-deletion-exemptions',
        `RuntimeControls: ${VAULT_DELETION_RULE} exempts ${exempted.split(',').length} principals (principalArnList); AWS documents up to ${VAULT_DELETION_EXEMPTIONS_MAX} for this control.`);
    }
    const rule = new config.ManagedRule(this, control.identifier, {
      identifier: control.identifier,
      description: control.description,
      inputParameters: Object.keys(parameters).length > 0 ? parameters : undefined,
    });
    const cfn = rule.node.defaultChild as CfnResource;
    cfn.addMetadata(METADATA.RUNTIME_CONTROL, control.identifier);
    cfn.addMetadata(METADATA.CHECKLIST_ITEMS, [...control.checklistItems]);
    for (const d of dependencies) cfn.addResourceDependency(d);
    if (control.global && globalCondition) cfn.cfnOptions.condition = globalCondition;
    return rule;
  }

  private driftDetectionRole(): iam.Role {
    const role = new iam.Role(this, 'DriftDetectionRole', {
      // AWS Config acting for this account (configPrincipal). The rule's parameter is "the IAM role with policy
      // permissions to detect drift for CloudFormation stacks" (AWS Config developer guide,
      // cloudformation-stack-drift-detection-check): read permission for each resource type and Detect* (see
      // DRIFT_DETECTION_DATA_READS), which ReadOnlyAccess grants ("Ensure to attach config.amazonaws.com trusted
      // permissions and ReadOnlyAccess policy permissions", AWS CDK reference, CloudFormationStackDriftDetectionCheck).
      assumedBy: configPrincipal(this),
      description: 'Lets AWS Config run CloudFormation drift detection (CLOUDFORMATION_STACK_DRIFT_DETECTION_CHECK), reading configuration but no data',
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('ReadOnlyAccess')],
    });
    // Drift detection reads the configuration of every resource type a stack may hold, which ReadOnlyAccess covers;
    // it never needs their contents: objects, items, records, secrets, messages and log events stay out of reach.
    role.addToPolicy(new iam.PolicyStatement({
      sid: 'DenyReadingData',
      effect: iam.Effect.DENY,
      actions: [...DRIFT_DETECTION_DATA_READS],
      resources: ['*'],
    }));
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/ReadOnlyAccess]',
      reason: 'Drift detection reads the configuration of every resource type a stack may contain (the AWS CDK reference names ReadOnlyAccess for the role of CLOUDFORMATION_STACK_DRIFT_DETECTION_CHECK); an explicit deny keeps data reads out.',
    });
    return role;
  }

  private addAggregator(options: RuntimeControlsAggregatorOptions): config.CfnConfigurationAggregator {
    const regions = options.regions ? { awsRegions: options.regions } : { allAwsRegions: true };
    let organizationAggregationSource: config.CfnConfigurationAggregator.OrganizationAggregationSourceProperty | undefined;
    if (options.organization) {
      const role = new iam.Role(this, 'AggregatorRole', {
        assumedBy: configPrincipal(this),
        description: 'Lets the AWS Config aggregator read the organization',
        managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSConfigRoleForOrganizations')],
      });
      Validations.of(role).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSConfigRoleForOrganizations]',
        reason: 'AWSConfigRoleForOrganizations is the AWS-maintained, read-only Organizations policy required by organization aggregators.',
      });
      organizationAggregationSource = { roleArn: role.roleArn, ...regions };
    }
    return new config.CfnConfigurationAggregator(this, 'Aggregator', {
      organizationAggregationSource,
      accountAggregationSources: (options.accountIds ?? []).length > 0 ? [{ accountIds: options.accountIds!, ...regions }] : undefined,
    });
  }
}
