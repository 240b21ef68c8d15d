import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

/** The root volume of a {@link createManagedLaunchTemplate} template. */
export interface ManagedRootVolume {
  /** Device name of the image's root volume: `/dev/xvda` (Amazon Linux), `/dev/sda1` (Windows). */
  readonly deviceName: string;
  /** Size in GiB. */
  readonly sizeGiB: number;
  /**
   * The customer managed key encrypting the volume (needed to copy its snapshots into another account).
   * @default - the account's default EBS key
   */
  readonly kmsKey?: kms.IKey;
}

/** What differs between the fleets launched by {@link createManagedLaunchTemplate}. */
export interface ManagedLaunchTemplateOptions {
  /** The instance type. */
  readonly instanceType: ec2.InstanceType;
  /** The image. */
  readonly machineImage: ec2.IMachineImage;
  /** The instance role (see `createManagedInstanceRole`). */
  readonly role: iam.IRole;
  /** The instances' security group. */
  readonly securityGroup: ec2.ISecurityGroup;
  /**
   * The user data.
   * @default - the image's default (none for Linux, an empty PowerShell script for Windows)
   */
  readonly userData?: ec2.UserData;
  /** The root volume, always gp3, encrypted and deleted with the instance. */
  readonly rootVolume: ManagedRootVolume;
}

/**
 * The launch template of EC2 fleets managed through Systems Manager (no key pair): IMDSv2 required with a hop limit of
 * 1 (checklist 1.20, and no container on the instance can reach the instance role's credentials), detailed monitoring
 * (one-minute metrics for scaling and alarms, 2.4), EBS-optimized, and an encrypted gp3 root volume deleted with the
 * instance (1.22). `NetworkApplianceGroup` and the Windows fleet of the reference deployments share it.
 */
export function createManagedLaunchTemplate(scope: Construct, id: string, options: ManagedLaunchTemplateOptions): ec2.LaunchTemplate {
  return new ec2.LaunchTemplate(scope, id, {
    instanceType: options.instanceType,
    machineImage: options.machineImage,
    userData: options.userData,
    role: options.role,
    securityGroup: options.securityGroup,
    requireImdsv2: true,
    httpPutResponseHopLimit: 1,
    detailedMonitoring: true,
    ebsOptimized: true,
    blockDevices: [{
      deviceName: options.rootVolume.deviceName,
      volume: ec2.BlockDeviceVolume.ebs(options.rootVolume.sizeGiB, {
        volumeType: ec2.EbsDeviceVolumeType.GP3,
        encrypted: true,
        kmsKey: options.rootVolume.kmsKey,
        deleteOnTermination: true,
      }),
    }],
  });
}
