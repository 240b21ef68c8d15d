import { App, aws_ec2 as ec2, CfnCondition, CfnParameter, Fn, NestedStack } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

const instance = (requireImdsv2: boolean) => (app: App) => {
  const s = stackIn(app, 'S');
  new ec2.Instance(s, 'I', { vpc: new ec2.Vpc(s, 'V', { maxAzs: 1, natGateways: 0 }), instanceType: new ec2.InstanceType('t3.micro'), machineImage: ec2.MachineImage.latestAmazonLinux2023(), requireImdsv2 });
};

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'metadata options chosen by Fn::If: one branch leaves IMDSv1 on',
      build: (app) => {
        const s = stackIn(app, 'S');
        const prod = new CfnCondition(s, 'Prod', { expression: Fn.conditionEquals(new CfnParameter(s, 'Env').valueAsString, 'prod') });
        new ec2.CfnLaunchTemplate(s, 'Lt', { launchTemplateData: { metadataOptions: Fn.conditionIf(prod.logicalId, { HttpTokens: 'required' }, { HttpTokens: 'optional' }) as any } });
      },
      reason: /the launch template leaves HttpTokens 'optional'/,
    },
    {
      name: 'instance launched from a template not in the app (literal id)',
      build: (app) => { new ec2.CfnInstance(stackIn(app, 'S'), 'I', { imageId: 'ami-12345678', launchTemplate: { launchTemplateId: 'lt-0123456789abcdef0', version: '1' } }); },
      reason: /could not verify the metadata options of the launch template: S\/I LaunchTemplate\/LaunchTemplateId: AWS::EC2::LaunchTemplate 'lt-0123456789abcdef0' is not part of the app/,
    },
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
      reason: /could not verify HttpTokens: its value is not known at synth \(parameter Tokens of stack S\)/,
    },
  ],
  compliant: [
    {
      name: 'instance in a nested stack launching from a template its parent passes as a parameter',
      build: (app) => {
        const s = stackIn(app, 'S');
        const t = new ec2.CfnLaunchTemplate(s, 'Lt', { launchTemplateData: { metadataOptions: { httpTokens: 'required' } } });
        new ec2.CfnInstance(new NestedStack(s, 'Workload'), 'I', { imageId: 'ami-12345678', launchTemplate: { launchTemplateId: t.ref, version: t.attrLatestVersionNumber } });
      },
    },
    { name: 'L2 instance with requireImdsv2 (through its launch template, by name)', build: instance(true) },
    { name: 'L1 launch template requiring tokens', build: (app) => { new ec2.CfnLaunchTemplate(stackIn(app, 'S'), 'Lt', { launchTemplateData: { metadataOptions: { httpTokens: 'required', httpPutResponseHopLimit: 1 } } }); } },
  ],
};
