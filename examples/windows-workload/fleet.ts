import { Duration, RemovalPolicy, Tags } from 'aws-cdk-lib';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { autoScalingVolumeKeyStatements, backupCopyKeyStatements, createManagedInstanceRole, createManagedLaunchTemplate } from '../../constructs/core';
import { TAGS } from '../../lib/conventions';

/** Tag Systems Manager reads for an instance's patch group (the patch baseline is registered for its value). */
export const PATCH_GROUP_TAG = 'PatchGroup';
/** The fleet's patch group. */
export const PATCH_GROUP = 'competency-windows-fleet';
/** The Windows image: Windows Server 2022, English, full base (an SSM public parameter, no lookup at synth). */
export const WINDOWS_VERSION = ec2.WindowsVersion.WINDOWS_SERVER_2022_ENGLISH_FULL_BASE;
/** The fleet's instance type (Nitro, x86_64). */
export const WINDOWS_INSTANCE_TYPE = 'm6i.large';

/** Props of {@link WindowsFleet}. */
export interface WindowsFleetProps {
  /** The VPC; the instances go into its private subnets with egress (Systems Manager over the NAT gateways). */
  readonly vpc: ec2.IVpc;
  /** Topic of the Auto Scaling notifications. */
  readonly notificationTopic: sns.ITopic;
  /**
   * The account AWS Backup copies the fleet's recovery points into: the volume key is shared with it (a cross-account
   * copy of EBS snapshots needs a customer managed key the destination can use).
   */
  readonly backupCopyAccount: string;
  /**
   * Minimum number of instances (one per AZ at least).
   * @default 2
   */
  readonly minCapacity?: number;
  /**
   * Maximum number of instances.
   * @default 6
   */
  readonly maxCapacity?: number;
}

/**
 * A Windows Server fleet managed by Systems Manager only: an Auto Scaling group across the VPC's AZs,
 * launched from a template with IMDSv2, an encrypted gp3 root volume, no inbound rule and no key pair
 * (Session Manager / Fleet Manager replace RDP), and an instance role with the SSM core and CloudWatch
 * agent policies. Instances and volumes are tagged for patching, backup and data classification.
 */
export class WindowsFleet extends Construct {
  public readonly autoScalingGroup: autoscaling.AutoScalingGroup;
  public readonly launchTemplate: ec2.LaunchTemplate;
  public readonly role: iam.Role;
  public readonly securityGroup: ec2.SecurityGroup;
  /**
   * The customer managed key of the instances' volumes. Not the AWS managed `aws/ebs` key: AWS Backup cannot copy
   * snapshots encrypted with an AWS managed key into another account ("Creating backup copies across AWS accounts",
   * AWS Backup developer guide). Its policy admits the Auto Scaling service-linked role that launches the instances
   * and the backup copy account (through AWS Backup and EC2 only).
   */
  public readonly volumeKey: kms.Key;

  constructor(scope: Construct, id: string, props: WindowsFleetProps) {
    super(scope, id);
    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: 'Windows fleet: no inbound rule (managed through Systems Manager); HTTPS out to AWS APIs and Windows Update',
      allowAllOutbound: false,
    });
    this.securityGroup.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS to Systems Manager, CloudWatch, S3 and Windows Update');
    this.securityGroup.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(80), 'HTTP to Windows Update content (signed packages) and CRL/OCSP endpoints');

    this.role = createManagedInstanceRole(this, 'InstanceRole', 'Windows fleet instances: Systems Manager and CloudWatch agent');

    this.volumeKey = new kms.Key(this, 'VolumeKey', {
      description: 'Encrypts the Windows fleet volumes and their snapshots',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
      pendingWindow: Duration.days(30),
    });
    for (const statement of autoScalingVolumeKeyStatements(this)) this.volumeKey.addToResourcePolicy(statement);
    for (const statement of backupCopyKeyStatements(this, props.backupCopyAccount, 'AllowBackupCopyAccount')) this.volumeKey.addToResourcePolicy(statement);

    this.launchTemplate = createManagedLaunchTemplate(this, 'LaunchTemplate', {
      instanceType: new ec2.InstanceType(WINDOWS_INSTANCE_TYPE),
      machineImage: ec2.MachineImage.latestWindows(WINDOWS_VERSION),
      role: this.role,
      securityGroup: this.securityGroup,
      rootVolume: { deviceName: '/dev/sda1', sizeGiB: 60, kmsKey: this.volumeKey },
    });
    // Instance and volume tags (the launch template's tag specifications): patch group, backup selection, OS and data classification.
    Tags.of(this.launchTemplate).add(PATCH_GROUP_TAG, PATCH_GROUP);
    Tags.of(this.launchTemplate).add(TAGS.BACKUP, 'true');
    Tags.of(this.launchTemplate).add(TAGS.DATA_CLASSIFICATION, 'confidential');
    Tags.of(this.launchTemplate).add('OS', 'windows');

    this.autoScalingGroup = new autoscaling.AutoScalingGroup(this, 'AutoScalingGroup', {
      vpc: props.vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      launchTemplate: this.launchTemplate,
      minCapacity: props.minCapacity ?? 2,
      maxCapacity: props.maxCapacity ?? 6,
      healthChecks: autoscaling.HealthChecks.ec2({ gracePeriod: Duration.minutes(15) }),
      updatePolicy: autoscaling.UpdatePolicy.rollingUpdate({ maxBatchSize: 1, minInstancesInService: props.minCapacity ?? 2, pauseTime: Duration.minutes(15) }),
      defaultInstanceWarmup: Duration.minutes(15),
      cooldown: Duration.minutes(10),
      groupMetrics: [autoscaling.GroupMetrics.all()],
      notifications: [{ topic: props.notificationTopic, scalingEvents: autoscaling.ScalingEvents.ALL }],
    });
    this.autoScalingGroup.scaleOnCpuUtilization('ScaleOnCpu', { targetUtilizationPercent: 60 });
    // The instances carry the same tags as the template (Auto Scaling propagates them at launch).
    Tags.of(this.autoScalingGroup).add(PATCH_GROUP_TAG, PATCH_GROUP, { applyToLaunchedInstances: true });
    Tags.of(this.autoScalingGroup).add(TAGS.BACKUP, 'true', { applyToLaunchedInstances: true });
    Tags.of(this.autoScalingGroup).add('OS', 'windows', { applyToLaunchedInstances: true });
  }
}
