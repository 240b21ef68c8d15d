import { aws_ec2 as ec2, CfnResource, Fn } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'L2 VPC with restrictDefaultSecurityGroup: false', build: (app) => { new ec2.Vpc(stackIn(app, 'S'), 'V', { maxAzs: 1, natGateways: 0, restrictDefaultSecurityGroup: false }); }, reason: /no Custom::VpcRestrictDefaultSG removes the rules/ },
    { name: 'L1 VPC', build: (app) => { new ec2.CfnVPC(stackIn(app, 'S'), 'V', { cidrBlock: '10.0.0.0/16' }); }, reason: /default security group/ },
    {
      name: 'a restriction of the stack targets an imported group id (unverifiable)',
      build: (app) => {
        const s = stackIn(app, 'S');
        new ec2.CfnVPC(s, 'V', { cidrBlock: '10.0.0.0/16' });
        new CfnResource(s, 'Restrict', { type: 'Custom::VpcRestrictDefaultSG', properties: { ServiceToken: 'arn:aws:lambda:eu-west-1:111111111111:function:f', DefaultSecurityGroupId: Fn.importValue('DefaultSg') } });
      },
      reason: /could not verify whether .*Restrict restricts this VPC's default security group.*Fn::ImportValue/,
    },
  ],
  compliant: [
    { name: 'L2 VPC with restrictDefaultSecurityGroup: true', build: (app) => { new ec2.Vpc(stackIn(app, 'S'), 'V', { maxAzs: 1, natGateways: 0, restrictDefaultSecurityGroup: true }); } },
    {
      name: 'L1 VPC with the custom resource written by hand',
      build: (app) => {
        const s = stackIn(app, 'S');
        const vpc = new ec2.CfnVPC(s, 'V', { cidrBlock: '10.0.0.0/16' });
        new CfnResource(s, 'Restrict', { type: 'Custom::VpcRestrictDefaultSG', properties: { ServiceToken: 'arn:aws:lambda:eu-west-1:111111111111:function:f', DefaultSecurityGroupId: vpc.attrDefaultSecurityGroup } });
      },
    },
  ],
};
