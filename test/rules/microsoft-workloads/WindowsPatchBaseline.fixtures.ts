import { CfnParameter } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { AUDIT, MANAGEMENT, stackIn } from '../fixture-stacks';
import { taggedWindowsInstance, windowsBaseline, windowsFleet } from './builders';

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'L2 Windows fleet with no patch baseline', build: (app) => { windowsFleet(stackIn(app, 'S')); }, reason: /no AWS::SSM::PatchBaseline with OperatingSystem WINDOWS/ },
    {
      name: 'Windows baseline only in another account',
      build: (app) => { windowsFleet(stackIn(app, 'Workload', MANAGEMENT)); windowsBaseline(stackIn(app, 'Other', AUDIT), { defaultBaseline: true }); },
      reason: /account 111111111111/,
    },
    {
      name: 'tagged Windows instance without a patch group, baseline not default',
      build: (app) => { const s = stackIn(app, 'S'); taggedWindowsInstance(s); windowsBaseline(s, { patchGroups: ['windows-prod'] }); },
      reason: /no 'Patch Group' tag and no Windows patch baseline .* is the default/,
    },
    {
      name: 'patch group registered only with a Linux baseline',
      build: (app) => {
        const s = stackIn(app, 'S');
        windowsFleet(s);
        windowsBaseline(s, { patchGroups: ['windows-test'] });
        windowsBaseline(stackIn(app, 'Linux'), { operatingSystem: 'AMAZON_LINUX_2023', patchGroups: ['windows-prod'] });
      },
      reason: /patch group 'windows-prod' .* is registered with no Windows patch baseline/,
    },
    {
      name: 'patch group tag from a parameter (unverifiable)',
      build: (app) => { const s = stackIn(app, 'S'); taggedWindowsInstance(s, { 'Patch Group': new CfnParameter(s, 'Pg').valueAsString }); windowsBaseline(s, { patchGroups: ['windows-prod'] }); },
      reason: /could not verify the 'Patch Group' tag: .*Ref/,
    },
  ],
  compliant: [
    { name: 'L2 Windows fleet whose Patch Group is registered', build: (app) => { const s = stackIn(app, 'S'); windowsFleet(s); windowsBaseline(s, { patchGroups: ['windows-prod'] }); } },
    { name: 'Windows baseline as default, in another stack of the same account', build: (app) => { taggedWindowsInstance(stackIn(app, 'W', MANAGEMENT)); windowsBaseline(stackIn(app, 'Ops', MANAGEMENT), { defaultBaseline: true }); } },
  ],
};
