import { aws_ssm as ssm } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';
import { linuxInstance, taggedWindowsInstance, windowsFleet } from './builders';

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'L2 Windows fleet with no inventory association', build: (app) => { windowsFleet(stackIn(app, 'S')); }, reason: /no AWS::SSM::Association runs AWS-GatherSoftwareInventory/ },
    {
      name: 'inventory association targeting another tag',
      build: (app) => {
        const s = stackIn(app, 'S');
        windowsFleet(s);
        new ssm.CfnAssociation(s, 'Inventory', { name: 'AWS-GatherSoftwareInventory', scheduleExpression: 'rate(30 minutes)', targets: [{ key: 'tag:Patch Group', values: ['linux-prod'] }] });
      },
      reason: /select(s)? other instances/,
    },
  ],
  compliant: [
    {
      name: 'L2 Windows fleet, inventory on every managed instance (InstanceIds *)',
      build: (app) => {
        const s = stackIn(app, 'S');
        windowsFleet(s);
        new ssm.CfnAssociation(s, 'Inventory', { name: 'AWS-GatherSoftwareInventory', scheduleExpression: 'rate(30 minutes)', targets: [{ key: 'InstanceIds', values: ['*'] }] });
      },
    },
    {
      name: 'tagged Windows instance by InstanceId, next to a Linux instance (not applicable)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const server = taggedWindowsInstance(s);
        linuxInstance(s);
        new ssm.CfnAssociation(s, 'Inventory', { name: 'AWS-GatherSoftwareInventory', instanceId: server.ref });
      },
    },
  ],
};
