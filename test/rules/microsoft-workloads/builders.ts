import { aws_autoscaling as autoscaling, aws_ec2 as ec2, aws_ssm as ssm, Stack, Tags } from 'aws-cdk-lib';

/** A partner-style Windows fleet: L2 VPC and Auto Scaling group on the latest Windows Server 2022, tagged `Patch Group: windows-prod`. */
export function windowsFleet(s: Stack, userData?: ec2.UserData) {
  const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2, natGateways: 0 });
  const asg = new autoscaling.AutoScalingGroup(s, 'Fleet', {
    vpc,
    instanceType: new ec2.InstanceType('m6i.large'),
    machineImage: ec2.MachineImage.latestWindows(ec2.WindowsVersion.WINDOWS_SERVER_2022_ENGLISH_FULL_BASE),
    userData,
  });
  Tags.of(asg).add('Patch Group', 'windows-prod');
  return asg;
}

/** An L1 Windows instance recognised by the `OS: windows` tag (literal AMI id). */
export function taggedWindowsInstance(s: Stack, tags: { [key: string]: string } = {}) {
  return new ec2.CfnInstance(s, 'Server', {
    imageId: 'ami-0123456789abcdef0',
    instanceType: 'm6i.large',
    tags: Object.entries({ OS: 'windows', ...tags }).map(([key, value]) => ({ key, value })),
  });
}

/** A Linux instance (not applicable to the Windows rules). */
export function linuxInstance(s: Stack) {
  return new ec2.Instance(s, 'Linux', { vpc: new ec2.Vpc(s, 'LinuxVpc', { natGateways: 0 }), instanceType: new ec2.InstanceType('t3.micro'), machineImage: ec2.MachineImage.latestAmazonLinux2023() });
}

/** Windows patch baseline. */
export function windowsBaseline(s: Stack, props: Partial<ssm.CfnPatchBaselineProps> = {}) {
  return new ssm.CfnPatchBaseline(s, 'Baseline', { name: 'windows', operatingSystem: 'WINDOWS', ...props });
}
