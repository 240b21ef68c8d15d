import {
  CfnResource,
  Stack,
  Validations,
  aws_accessanalyzer as accessanalyzer,
  aws_iam as iam,
  aws_sns as sns,
  custom_resources as cr,
} from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { METADATA } from '../../lib/conventions';
import { EncryptedTopic, acknowledgeWildcards, checkPropTypes } from '../core';
import { PASSWORD_POLICY_DEFAULTS } from './defaults';
import { AccessAnalyzerType, AccountBaselineProps } from './props';
import { ACCOUNT_BASELINE_PROP_TYPES, validateAccountBaselineProps } from './validation';

const CR_PROVIDER_ID = `AWS${cr.AwsCustomResource.PROVIDER_FUNCTION_UUID.replace(/-/g, '')}`;

/**
 * Account settings a template cannot otherwise express (items 1.7, 1.17-1.19, 1.22, 2.4): a strong IAM password policy,
 * EBS encryption by default, account-level S3 Block Public Access (all three through `AwsCustomResource`, with
 * least-privilege policies and no Lambda code of our own), IAM Access Analyzer and a central KMS-encrypted alarm topic.
 */
export class AccountBaseline extends Construct {
  /** The central alarm topic (item 2.4). */
  public readonly alarmTopic: sns.ITopic;
  /** The IAM Access Analyzer, unless disabled. */
  public readonly analyzer?: accessanalyzer.CfnAnalyzer;

  constructor(scope: Construct, id: string, props: AccountBaselineProps = {}) {
    super(scope, id);
    checkPropTypes('AccountBaseline', props, ACCOUNT_BASELINE_PROP_TYPES);
    validateAccountBaselineProps(props);
    const stack = Stack.of(this);

    if (props.managePasswordPolicy !== false) {
      const p = { ...PASSWORD_POLICY_DEFAULTS, ...(props.passwordPolicy ?? {}) };
      const call: cr.AwsSdkCall = {
        service: 'IAM',
        action: 'updateAccountPasswordPolicy',
        parameters: {
          MinimumPasswordLength: p.minimumPasswordLength,
          RequireSymbols: true,
          RequireNumbers: true,
          RequireUppercaseCharacters: true,
          RequireLowercaseCharacters: true,
          AllowUsersToChangePassword: true,
          MaxPasswordAge: p.maxPasswordAge,
          PasswordReusePrevention: p.passwordReusePrevention,
          HardExpiry: p.hardExpiry,
        },
        physicalResourceId: cr.PhysicalResourceId.of('account-password-policy'),
      };
      this.sdkResource('PasswordPolicy', call, 'iam:UpdateAccountPasswordPolicy', ['1.7']);
    }

    if (props.ebsEncryptionByDefault !== false) {
      const call: cr.AwsSdkCall = {
        service: 'EC2',
        action: 'enableEbsEncryptionByDefault',
        parameters: {},
        physicalResourceId: cr.PhysicalResourceId.of('ebs-encryption-by-default'),
      };
      this.sdkResource('EbsEncryptionByDefault', call, 'ec2:EnableEbsEncryptionByDefault', ['1.22']);
    }

    if (props.s3AccountPublicAccessBlock !== false) {
      const call: cr.AwsSdkCall = {
        service: 'S3Control',
        action: 'putPublicAccessBlock',
        parameters: {
          AccountId: stack.account,
          PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
        },
        physicalResourceId: cr.PhysicalResourceId.of('s3-account-public-access-block'),
      };
      this.sdkResource('S3AccountPublicAccessBlock', call, 's3:PutAccountPublicAccessBlock', ['1.18']);
    }

    if (props.accessAnalyzer !== false) {
      this.analyzer = new accessanalyzer.CfnAnalyzer(this, 'AccessAnalyzer', { type: props.accessAnalyzerType ?? AccessAnalyzerType.ACCOUNT });
      this.analyzer.addMetadata(METADATA.RUNTIME_CONTROL, 'ACCESS_ANALYZER');
      this.analyzer.addMetadata(METADATA.CHECKLIST_ITEMS, ['1.17', '1.19']);
    }

    this.alarmTopic = new EncryptedTopic(this, 'AlarmTopic', { displayName: 'Central alarms', emailSubscriptions: props.alarmEmails }).topic;
    (this.alarmTopic.node.defaultChild as CfnResource).addMetadata(METADATA.CHECKLIST_ITEMS, ['2.4']);
  }

  /** One `AwsCustomResource` calling `call` on create and update, allowed exactly `action` (never reverted on delete). */
  private sdkResource(id: string, call: cr.AwsSdkCall, action: string, checklistItems: string[]): cr.AwsCustomResource {
    const resource = new cr.AwsCustomResource(this, id, {
      onCreate: call,
      onUpdate: call,
      installLatestAwsSdk: false,
      // These account settings have no resource-level permissions: the action only accepts '*'.
      policy: cr.AwsCustomResourcePolicy.fromStatements([new iam.PolicyStatement({ actions: [action], resources: ['*'] })]),
    });
    const cfn = resource.node.findChild('Resource').node.defaultChild as CfnResource;
    cfn.addMetadata(METADATA.CHECKLIST_ITEMS, checklistItems);
    acknowledgeWildcards(resource, { resources: ['*'], reason: `${action} does not support resource-level permissions; the policy allows only this one action.` });
    this.acknowledgeProvider();
    return resource;
  }

  /** The shared provider function of `AwsCustomResource` lives at stack level, outside this construct. */
  private acknowledgeProvider(): void {
    const provider: IConstruct | undefined = Stack.of(this).node.tryFindChild(CR_PROVIDER_ID);
    if (!provider || provider.node.metadata.some((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)) return;
    Validations.of(provider).acknowledge(
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: 'The AwsCustomResource provider writes its logs with the AWS-maintained basic execution policy; its API permissions are separate least-privilege policies.',
      },
      {
        id: 'AwsSolutions-L1',
        reason: 'The AwsCustomResource provider runtime is chosen and upgraded by aws-cdk-lib, not by this library.',
      },
    );
  }
}
