import { App, aws_autoscaling as autoscaling, aws_ec2 as ec2, CfnCondition, CfnParameter, Fn } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

const lt = (data: ec2.CfnLaunchTemplate.LaunchTemplateDataProperty) => (app: App) => {
  new ec2.CfnLaunchTemplate(stackIn(app, 'S'), 'Lt', { launchTemplateData: data });
};

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'encryption chosen by Fn::If: one branch leaves the volume unencrypted',
      build: (app) => {
        const s = stackIn(app, 'S');
        const prod = new CfnCondition(s, 'Prod', { expression: Fn.conditionEquals(new CfnParameter(s, 'Env').valueAsString, 'prod') });
        new ec2.CfnVolume(s, 'V', { availabilityZone: 'eu-west-1a', size: 10, encrypted: Fn.conditionIf(prod.logicalId, true, false) as any });
      },
      reason: /volume is not encrypted/,
    },
    {
      name: 'instance whose launch template maps an unencrypted root volume',
      build: (app) => {
        const s = stackIn(app, 'S');
        const t = new ec2.CfnLaunchTemplate(s, 'Lt', { launchTemplateData: { blockDeviceMappings: [{ deviceName: '/dev/xvda', ebs: { volumeSize: 8 } }] } });
        new ec2.CfnInstance(s, 'I', { imageId: 'ami-12345678', launchTemplate: { launchTemplateId: t.ref, version: t.attrLatestVersionNumber } });
      },
      reason: /EBS volume \/dev\/xvda is not encrypted/,
    },
    { name: 'unencrypted volume', build: (app) => { new ec2.CfnVolume(stackIn(app, 'S'), 'V', { availabilityZone: 'eu-west-1a', size: 10 }); }, reason: /volume is not encrypted/ },
    { name: 'launch template mapping not encrypted', build: lt({ blockDeviceMappings: [{ deviceName: '/dev/xvda', ebs: { volumeSize: 8 } }] }), reason: /\/dev\/xvda is not encrypted/ },
    { name: 'launch template without any EBS mapping', build: lt({ instanceType: 'c6i.large' }), reason: /root volume depends on the AMI/ },
    {
      name: 'L2 Auto Scaling group launching from an L2 launch template without block devices',
      build: (app) => {
        const s = stackIn(app, 'S', '111111111111');
        const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'P', subnetType: ec2.SubnetType.PUBLIC }] });
        const launchTemplate = new ec2.LaunchTemplate(s, 'Lt', { instanceType: new ec2.InstanceType('t3.micro'), machineImage: ec2.MachineImage.latestAmazonLinux2023() });
        new autoscaling.AutoScalingGroup(s, 'Asg', { vpc, launchTemplate });
      },
      reason: /no EBS block device mapping sets Encrypted in S\/Lt\/Resource/,
    },
    { name: 'instance with an unencrypted mapping', build: (app) => {
      new ec2.CfnInstance(stackIn(app, 'S'), 'I', { imageId: 'ami-12345678', blockDeviceMappings: [{ deviceName: '/dev/sda1', ebs: { encrypted: false } }] });
    } },
  ],
  compliant: [
    {
      name: 'instance that inherits its encrypted root volume from a launch template of another stack (import)',
      build: (app) => {
        const shared = stackIn(app, 'Shared', '111111111111');
        const t = new ec2.CfnLaunchTemplate(shared, 'Lt', { launchTemplateData: { blockDeviceMappings: [{ deviceName: '/dev/xvda', ebs: { volumeSize: 8, encrypted: true } }] } });
        new ec2.CfnInstance(stackIn(app, 'App', '111111111111'), 'I', { imageId: 'ami-12345678', launchTemplate: { launchTemplateId: t.ref, version: '1' } });
      },
    },
    {
      name: 'L2 Auto Scaling group whose launch template encrypts the root volume',
      build: (app) => {
        const s = stackIn(app, 'S', '111111111111');
        const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'P', subnetType: ec2.SubnetType.PUBLIC }] });
        const launchTemplate = new ec2.LaunchTemplate(s, 'Lt', {
          instanceType: new ec2.InstanceType('t3.micro'),
          machineImage: ec2.MachineImage.latestAmazonLinux2023(),
          blockDevices: [{ deviceName: '/dev/xvda', volume: ec2.BlockDeviceVolume.ebs(8, { encrypted: true }) }],
        });
        new autoscaling.AutoScalingGroup(s, 'Asg', { vpc, launchTemplate });
      },
    },
    { name: 'encrypted volume', build: (app) => { new ec2.CfnVolume(stackIn(app, 'S'), 'V', { availabilityZone: 'eu-west-1a', size: 10, encrypted: true }); } },
    { name: 'launch template with encrypted root', build: lt({ blockDeviceMappings: [{ deviceName: '/dev/xvda', ebs: { volumeSize: 8, encrypted: true } }] }) },
  ],
};
