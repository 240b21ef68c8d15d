import { Names, Stack, Validations, aws_iam as iam, aws_s3 as s3 } from 'aws-cdk-lib';
import { Capability, DeploymentType, RegionConcurrencyType, StackSet, StackSetStack, StackSetTarget, StackSetTemplate } from 'cdk-stacksets';
import { Construct, IConstruct } from 'constructs';
import { AccountBaseline } from '../account-baseline';
import { acknowledgeWildcards, checkPropTypes, nagFlatten } from '../core';
import { BackupDestinationVault } from '../cross-account-backup';
import { RuntimeControls } from '../runtime-controls';
import { BaselineStackSetProps } from './props';
import { BASELINE_STACK_SET_PROP_TYPES, baselineNeedsAssets, validateBaselineStackSetProps } from './validation';

/**
 * The account baseline (`RuntimeControls`, `AccountBaseline`, optionally `BackupDestinationVault`) as a service-managed
 * CloudFormation StackSet, deployed automatically to every current and future account of the given OUs in every given
 * region (via `cdk-stacksets`).
 */
export class BaselineStackSet extends Construct {
  /** The stack whose template the StackSet deploys. */
  public readonly template: StackSetStack;
  /** The StackSet. */
  public readonly stackSet: StackSet;
  /** The runtime controls inside the template. */
  public readonly runtimeControls: RuntimeControls;
  /** The account baseline inside the template, unless excluded. */
  public readonly accountBaseline?: AccountBaseline;
  /** The backup destination vault inside the template, when asked for. */
  public readonly backupDestinationVault?: BackupDestinationVault;

  constructor(scope: Construct, id: string, props: BaselineStackSetProps) {
    super(scope, id);
    checkPropTypes('BaselineStackSet', props, BASELINE_STACK_SET_PROP_TYPES);
    validateBaselineStackSetProps(props);
    const parent = Stack.of(this);

    const needsAssets = baselineNeedsAssets(props) && props.assetBucketPrefix !== undefined;
    const assetBuckets = needsAssets
      ? props.regions.map((r) => s3.Bucket.fromBucketName(this, `AssetBucket-${r}`, `${props.assetBucketPrefix}-${r}`))
      : undefined;
    this.template = new StackSetStack(this, 'Template', needsAssets ? { assetBuckets, assetBucketPrefix: props.assetBucketPrefix } : {});

    this.runtimeControls = new RuntimeControls(this.template, 'RuntimeControls', {
      globalRulesRegion: props.regions[0],
      ...(props.runtimeControls ?? {}),
    });
    if (props.includeAccountBaseline !== false) {
      this.accountBaseline = new AccountBaseline(this.template, 'AccountBaseline', props.accountBaseline);
    }
    if (props.backupDestinationVault) {
      this.backupDestinationVault = new BackupDestinationVault(this.template, 'BackupDestinationVault', props.backupDestinationVault);
    }

    this.stackSet = new StackSet(this, 'StackSet', {
      stackSetName: props.stackSetName,
      description: 'cdk-competency account baseline: AWS Config runtime controls, account settings, alarm topic',
      template: StackSetTemplate.fromStackSetStack(this.template),
      target: StackSetTarget.fromOrganizationalUnits({
        organizationalUnits: props.organizationalUnitIds,
        regions: props.regions,
        excludeAccounts: props.excludeAccounts,
      }),
      deploymentType: DeploymentType.serviceManaged({
        autoDeployEnabled: true,
        autoDeployRetainStacks: props.retainStacksOnAccountRemoval ?? true,
        delegatedAdmin: props.delegatedAdmin ?? true,
      }),
      capabilities: [Capability.IAM],
      managedExecution: true,
      operationPreferences: { regionConcurrencyType: RegionConcurrencyType.PARALLEL, maxConcurrentPercentage: 25, failureTolerancePercentage: 10 },
    });

    if (needsAssets) this.acknowledgeAssetDeployment(parent);
  }

  /**
   * cdk-stacksets copies the template's Lambda code into the asset buckets with a `BucketDeployment` it creates in the
   * parent stack; its provider function and role are outside this construct, and its policy is `grantReadWrite`'s.
   */
  private acknowledgeAssetDeployment(parent: Stack): void {
    const prefix = `${Names.uniqueId(this.template)}-AssetBucketDeployment-`;
    const targets: IConstruct[] = parent.node.children.filter((c) => c.node.id.startsWith(prefix) || c.node.id.startsWith('Custom::CDKBucketDeployment'));
    for (const t of targets) {
      Validations.of(t).acknowledge(
        {
          id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
          reason: 'BucketDeployment (created by cdk-stacksets to publish StackSet assets) logs with the AWS-maintained basic execution policy.',
        },
        { id: 'AwsSolutions-L1', reason: 'The BucketDeployment provider runtime is chosen by aws-cdk-lib.' },
      );
      const policy = t.node.tryFindChild('ServiceRole')?.node.tryFindChild('DefaultPolicy');
      if (policy instanceof iam.Policy) {
        const statements: Array<{ Action?: string | string[]; Resource?: unknown }> = parent.resolve(policy.document.toJSON())?.Statement ?? [];
        const list = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);
        acknowledgeWildcards(policy, {
          actions: [...new Set(statements.flatMap((st) => list(st.Action)).filter((a) => a.includes('*')))],
          resources: [...new Set(statements.flatMap((st) => list(st.Resource)).filter((r) => nagFlatten(parent, r).includes('*')))] as string[],
          reason: "BucketDeployment's grantRead/grantReadWrite on the CDK asset bucket and the StackSet asset buckets: it copies objects whose keys are content hashes.",
        });
      }
    }
  }
}
