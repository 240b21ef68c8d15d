import { aws_autoscaling as autoscaling, aws_ec2 as ec2, CfnParameter } from 'aws-cdk-lib';
import { TAGS } from '../../../lib/conventions';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';
import { applianceGroup } from './builders';

/** The appliance marker: on an instance, on a launch template's instances, on an Auto Scaling group. */
const TAG = { key: TAGS.APPLIANCE, value: 'true' };
const LT_TAGS = [{ resourceType: 'instance', tags: [TAG] }];

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'L2 appliance group on t2.medium', build: (app) => { applianceGroup(stackIn(app, 'S'), { instanceType: 't2.medium' }); }, reason: /instance type t2\.medium has no enhanced networking: neither ENA nor the Intel 82599 VF interface \(ixgbevf\)/ },
    { name: 'instance without InstanceType (defaults to m1.small)', build: (app) => { new ec2.CfnInstance(stackIn(app, 'S'), 'I', { imageId: 'ami-12345678', tags: [TAG] }); }, reason: /default m1\.small/ },
    { name: 'launch template on m3.medium (no enhanced networking)', build: (app) => { new ec2.CfnLaunchTemplate(stackIn(app, 'S'), 'Lt', { launchTemplateData: { instanceType: 'm3.medium', tagSpecifications: LT_TAGS } }); }, reason: /m3\.medium has no enhanced networking/ },
    { name: 'family not in the table', build: (app) => { new ec2.CfnLaunchTemplate(stackIn(app, 'S'), 'Lt', { launchTemplateData: { instanceType: 'q9z.large', tagSpecifications: LT_TAGS } }); }, reason: /q9z\.large: its family is not in the instance-type table/ },
    {
      name: 'attribute-based selection without AllowedInstanceTypes',
      build: (app) => {
        new ec2.CfnLaunchTemplate(stackIn(app, 'S'), 'Lt', { launchTemplateData: { instanceRequirements: { vCpuCount: { min: 2 }, memoryMiB: { min: 4096 } }, tagSpecifications: LT_TAGS } });
      },
      reason: /can pick any type/,
    },
    {
      name: 'instance type from a parameter (unverifiable)',
      build: (app) => {
        const s = stackIn(app, 'S');
        new ec2.CfnInstance(s, 'I', { imageId: 'ami-12345678', instanceType: new CfnParameter(s, 'Type', { default: 'c6in.large' }).valueAsString, tags: [TAG] });
      },
      reason: /could not verify the instance type: .*Ref/,
    },
    {
      name: 'mixed instances policy overriding with t2.large',
      build: (app) => {
        const s = stackIn(app, 'S');
        const lt = new ec2.CfnLaunchTemplate(s, 'Lt', { launchTemplateData: { imageId: 'ami-12345678' } });
        new autoscaling.CfnAutoScalingGroup(s, 'Asg', {
          minSize: '2', maxSize: '4', availabilityZones: ['eu-west-1a', 'eu-west-1b'], tags: [{ ...TAG, propagateAtLaunch: true }],
          mixedInstancesPolicy: { launchTemplate: { launchTemplateSpecification: { launchTemplateId: lt.ref, version: lt.attrLatestVersionNumber }, overrides: [{ instanceType: 'c6in.large' }, { instanceType: 't2.large' }] } },
        });
      },
      reason: /t2\.large has no enhanced networking/,
    },
  ],
  compliant: [
    { name: 'L2 appliance group on c6in.large', build: (app) => { applianceGroup(stackIn(app, 'S')); } },
    { name: 'L2 appliance group on c4.xlarge (Intel 82599 VF, the ixgbevf driver)', build: (app) => { applianceGroup(stackIn(app, 'S'), { instanceType: 'c4.xlarge' }); } },
    {
      name: 'ixgbevf families and mixed ENA / ixgbevf overrides (m4.large, d2.xlarge, c6in.large)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const lt = new ec2.CfnLaunchTemplate(s, 'Lt', { launchTemplateData: { imageId: 'ami-12345678', instanceType: 'd2.xlarge', tagSpecifications: LT_TAGS } });
        new autoscaling.CfnAutoScalingGroup(s, 'Asg', {
          minSize: '2', maxSize: '4', availabilityZones: ['eu-west-1a', 'eu-west-1b'], tags: [{ ...TAG, propagateAtLaunch: true }],
          mixedInstancesPolicy: { launchTemplate: { launchTemplateSpecification: { launchTemplateId: lt.ref, version: lt.attrLatestVersionNumber }, overrides: [{ instanceType: 'c6in.large' }, { instanceType: 'm4.large' }] } },
        });
      },
    },
    {
      name: 'Xen types with ENA and Nitro oddities (m4.16xlarge, r4, p6-b200, u-6tb1, mac2-m2pro)',
      build: (app) => {
        const s = stackIn(app, 'S');
        ['m4.16xlarge', 'r4.large', 'p6-b200.48xlarge', 'u-6tb1.metal', 'mac2-m2pro.metal', 'im4gn.large'].forEach((t, i) =>
          new ec2.CfnLaunchTemplate(s, `Lt${i}`, { launchTemplateData: { instanceType: t, tagSpecifications: LT_TAGS } }));
      },
    },
    {
      name: 'attribute-based selection restricted to ENA families',
      build: (app) => {
        new ec2.CfnLaunchTemplate(stackIn(app, 'S'), 'Lt', { launchTemplateData: { instanceRequirements: { vCpuCount: { min: 2 }, memoryMiB: { min: 4096 }, allowedInstanceTypes: ['c7gn.*', 'm6in*', 'r5.large', 'c4.*'] }, tagSpecifications: LT_TAGS } });
      },
    },
  ],
};
