import { App, aws_ec2 as ec2 } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

const lt = (data: ec2.CfnLaunchTemplate.LaunchTemplateDataProperty) => (app: App) => {
  new ec2.CfnLaunchTemplate(stackIn(app, 'S'), 'Lt', { launchTemplateData: data });
};

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'unencrypted volume', build: (app) => { new ec2.CfnVolume(stackIn(app, 'S'), 'V', { availabilityZone: 'eu-west-1a', size: 10 }); }, reason: /volume is not encrypted/ },
    { name: 'launch template mapping not encrypted', build: lt({ blockDeviceMappings: [{ deviceName: '/dev/xvda', ebs: { volumeSize: 8 } }] }), reason: /\/dev\/xvda is not encrypted/ },
    { name: 'launch template without any EBS mapping', build: lt({ instanceType: 'c6i.large' }), reason: /root volume depends on the AMI/ },
    { name: 'instance with an unencrypted mapping', build: (app) => {
      new ec2.CfnInstance(stackIn(app, 'S'), 'I', { imageId: 'ami-12345678', blockDeviceMappings: [{ deviceName: '/dev/sda1', ebs: { encrypted: false } }] });
    } },
  ],
  compliant: [
    { name: 'encrypted volume', build: (app) => { new ec2.CfnVolume(stackIn(app, 'S'), 'V', { availabilityZone: 'eu-west-1a', size: 10, encrypted: true }); } },
    { name: 'launch template with encrypted root', build: lt({ blockDeviceMappings: [{ deviceName: '/dev/xvda', ebs: { volumeSize: 8, encrypted: true } }] }) },
  ],
};
