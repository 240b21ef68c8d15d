import { App, aws_ec2 as ec2, CfnParameter } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

const instance = (requireImdsv2: boolean) => (app: App) => {
  const s = stackIn(app, 'S');
  new ec2.Instance(s, 'I', { vpc: new ec2.Vpc(s, 'V', { maxAzs: 1, natGateways: 0 }), instanceType: new ec2.InstanceType('t3.micro'), machineImage: ec2.MachineImage.latestAmazonLinux2023(), requireImdsv2 });
};

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'L2 instance without requireImdsv2 (no launch template)', build: instance(false), reason: /uses no launch template/ },
    { name: 'L1 launch template with HttpTokens optional', build: (app) => { new ec2.CfnLaunchTemplate(stackIn(app, 'S'), 'Lt', { launchTemplateData: { metadataOptions: { httpTokens: 'optional' } } }); }, reason: /launch template leaves HttpTokens 'optional'/ },
    {
      name: 'L1 instance whose launch template does not set HttpTokens',
      build: (app) => {
        const s = stackIn(app, 'S');
        const lt = new ec2.CfnLaunchTemplate(s, 'Lt', { launchTemplateData: { instanceType: 't3.micro' } });
        new ec2.CfnInstance(s, 'I', { imageId: 'ami-12345678', launchTemplate: { launchTemplateId: lt.ref, version: lt.attrLatestVersionNumber } });
      },
      reason: /launch template S\/Lt leaves HttpTokens unset/,
    },
    {
      name: 'HttpTokens from a parameter (unverifiable)',
      build: (app) => {
        const s = stackIn(app, 'S');
        new ec2.CfnLaunchTemplate(s, 'Lt', { launchTemplateData: { metadataOptions: { httpTokens: new CfnParameter(s, 'Tokens').valueAsString } } });
      },
      reason: /could not verify HttpTokens.*\(Ref\)/,
    },
  ],
  compliant: [
    { name: 'L2 instance with requireImdsv2 (through its launch template, by name)', build: instance(true) },
    { name: 'L1 launch template requiring tokens', build: (app) => { new ec2.CfnLaunchTemplate(stackIn(app, 'S'), 'Lt', { launchTemplateData: { metadataOptions: { httpTokens: 'required', httpPutResponseHopLimit: 1 } } }); } },
  ],
};
