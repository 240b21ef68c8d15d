import { Stack, StackProps, Tags, Validations } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { AccountBaseline } from '../../constructs/account-baseline';
import { BaselineStackSet } from '../../constructs/baseline-stack-set';
import { RuntimeControls } from '../../constructs/runtime-controls';

/** Props of {@link OrganizationBaselineStack}. */
export interface OrganizationBaselineStackProps extends StackProps {
  /** OUs whose accounts receive the baseline. */
  readonly organizationalUnitIds: readonly string[];
  /** Regions the baseline is deployed to in every account (the first gets the rules on global resources). */
  readonly regions: readonly string[];
  /** Addresses subscribed to the central alarm topics. */
  readonly alarmEmails: readonly string[];
  /**
   * Bucket (audit account, `ConfigDeliveryBucket`) the management account's AWS Config recorder delivers to. Service-managed
   * StackSets never deploy to the management account, so its recorder is created here: without a recorder its Config
   * rules evaluate nothing.
   */
  readonly configBucketName: string;
}

/**
 * The organization-wide controls, from the management account: a service-managed StackSet rolling `RuntimeControls`
 * (AWS Config managed rules for every item a template cannot show, compliance changes to SNS) and `AccountBaseline`
 * (IAM Access Analyzer, central encrypted alarm topic) out to every current and future account of the OUs, in both
 * regions; and the full `AccountBaseline` plus `RuntimeControls` for the management account itself, which
 * service-managed StackSets never deploy to.
 *
 * The StackSet's `AccountBaseline` leaves out its three `AwsCustomResource` settings (password policy, EBS encryption
 * by default, account S3 Block Public Access): their Lambda code is a file asset, and cdk-stacksets 0.0.153 builds the
 * asset path from the App's output directory, which is wrong for a stack inside a Stage (`Cannot find asset at
 * <outdir>/../asset.<hash>`). The StackSet's AWS Config rules `IAM_PASSWORD_POLICY`, `EC2_EBS_ENCRYPTION_BY_DEFAULT`
 * and `S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS_PERIODIC` still report every member account that lacks them; the README
 * shows how to turn them on (a stack outside a Stage, with asset buckets).
 */
export class OrganizationBaselineStack extends Stack {
  public readonly stackSet: BaselineStackSet;
  public readonly managementControls: RuntimeControls;
  public readonly managementBaseline: AccountBaseline;

  constructor(scope: Construct, id: string, props: OrganizationBaselineStackProps) {
    super(scope, id, { description: 'cdk-competency reference: account baseline StackSet for the OUs, and the management account baseline', ...props });
    const alarmEmails = [...props.alarmEmails];
    this.stackSet = new BaselineStackSet(this, 'Baseline', {
      organizationalUnitIds: [...props.organizationalUnitIds],
      regions: [...props.regions],
      stackSetName: 'cdk-competency-account-baseline',
      delegatedAdmin: false, // deployed from the management account itself
      accountBaseline: { alarmEmails, managePasswordPolicy: false, ebsEncryptionByDefault: false, s3AccountPublicAccessBlock: false },
    });
    // The member accounts record through AWS Control Tower (or a recorder per account and region created before the
    // StackSet, see the README): an account has one recorder per region, which this template must not try to own.
    Validations.of(this.stackSet.runtimeControls).acknowledge({
      id: 'DeploymentReadiness-ConfigRecorderFirst',
      reason: 'Member accounts of the OUs record with the AWS Control Tower recorder (deployment guide prerequisite); one recorder per account and region exists before the StackSet deploys these rules.',
    });
    this.managementBaseline = new AccountBaseline(this, 'ManagementAccountBaseline', { alarmEmails });
    this.managementControls = new RuntimeControls(this, 'ManagementAccountControls', {
      notificationTopic: this.managementBaseline.alarmTopic,
      createRecorder: true,
      recorderDeliveryBucketName: props.configBucketName,
    });
    Tags.of(this).add('Workload', 'competency-organization-trail');
  }
}
