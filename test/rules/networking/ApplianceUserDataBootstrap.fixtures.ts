import { aws_ec2 as ec2, CfnParameter, Fn } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';
import { applianceGroup } from './builders';

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'L2 appliance group behind an NLB with CDK\'s default empty user data',
      build: (app) => { applianceGroup(stackIn(app, 'S'), { userData: ec2.UserData.forLinux() }); },
      reason: /is an appliance \(launched by appliance group S\/Appliances\/ASG \(it is tagged cdk-competency:appliance\)\) but its user data is an empty script/,
    },
    {
      name: 'forwarding instance (SourceDestCheck false) without user data',
      build: (app) => { new ec2.CfnInstance(stackIn(app, 'S'), 'Router', { imageId: 'ami-12345678', instanceType: 'c6in.large', sourceDestCheck: false }); },
      reason: /SourceDestCheck is false\) but its user data is missing/,
    },
    {
      name: 'forwarding instance whose user data is a parameter (unverifiable)',
      build: (app) => {
        const s = stackIn(app, 'S');
        new ec2.CfnInstance(s, 'Router', { imageId: 'ami-12345678', instanceType: 'c6in.large', sourceDestCheck: false, userData: new CfnParameter(s, 'Boot').valueAsString });
      },
      reason: /could not verify the user data: .*Ref/,
    },
  ],
  compliant: [
    { name: 'L2 appliance group bootstrapping from S3 in user data', build: (app) => { applianceGroup(stackIn(app, 'S')); } },
    {
      name: 'forwarding instance with a user data script',
      build: (app) => {
        new ec2.CfnInstance(stackIn(app, 'S'), 'Router', { imageId: 'ami-12345678', instanceType: 'c6in.large', sourceDestCheck: false, userData: Fn.base64('#!/bin/bash\nsysctl -w net.ipv4.ip_forward=1') });
      },
    },
  ],
};
