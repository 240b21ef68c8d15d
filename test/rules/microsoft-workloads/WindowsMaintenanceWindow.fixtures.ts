import { aws_ssm as ssm, Stack } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';
import { taggedWindowsInstance, windowsFleet } from './builders';

function window(s: Stack, tagValue: string, task: 'on-target' | 'other-document' | 'none') {
  const mw = new ssm.CfnMaintenanceWindow(s, 'Mw', { name: 'patching', schedule: 'cron(0 3 ? * SUN *)', duration: 3, cutoff: 1, allowUnassociatedTargets: false });
  const target = new ssm.CfnMaintenanceWindowTarget(s, 'MwTarget', { windowId: mw.ref, resourceType: 'INSTANCE', targets: [{ key: 'tag:Patch Group', values: [tagValue] }] });
  if (task === 'none') return;
  new ssm.CfnMaintenanceWindowTask(s, 'Patch', {
    windowId: mw.ref, taskType: 'RUN_COMMAND', priority: 1, maxConcurrency: '50%', maxErrors: '10%',
    taskArn: task === 'on-target' ? 'AWS-RunPatchBaseline' : 'AWS-RunPowerShellScript',
    targets: [{ key: 'WindowTargetIds', values: [target.ref] }],
    taskInvocationParameters: { maintenanceWindowRunCommandParameters: { parameters: { Operation: ['Install'] } } },
  });
}

/** A State Manager association of a patch-baseline document on the `Patch Group` tag. */
function association(s: Stack, opts: { document?: string; operation?: string; schedule?: string | false } = {}) {
  new ssm.CfnAssociation(s, 'Patching', {
    name: opts.document ?? 'AWS-RunPatchBaseline',
    targets: [{ key: 'tag:Patch Group', values: ['windows-prod'] }],
    parameters: { Operation: [opts.operation ?? 'Install'], RebootOption: ['RebootIfNeeded'] },
    ...(opts.schedule === false ? {} : { scheduleExpression: opts.schedule ?? 'cron(0 3 ? * SUN *)' }),
  });
}

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'L2 Windows fleet with no maintenance window', build: (app) => { windowsFleet(stackIn(app, 'S')); }, reason: /no AWS::SSM::MaintenanceWindowTarget selects/ },
    { name: 'window targets another patch group', build: (app) => { const s = stackIn(app, 'S'); windowsFleet(s); window(s, 'windows-test', 'on-target'); }, reason: /no AWS::SSM::MaintenanceWindowTarget selects/ },
    { name: 'window target without an AWS-RunPatchBaseline task', build: (app) => { const s = stackIn(app, 'S'); windowsFleet(s); window(s, 'windows-prod', 'other-document'); }, reason: /no task of its window runs AWS-RunPatchBaseline/ },
    { name: 'association that only scans', build: (app) => { const s = stackIn(app, 'S'); windowsFleet(s); association(s, { operation: 'Scan' }); }, reason: /without Operation Install \(it only scans\)/ },
    {
      name: 'association on another Auto Scaling group\'s name (aws:autoscaling:groupName)',
      build: (app) => {
        const s = stackIn(app, 'S');
        windowsFleet(s);
        new ssm.CfnAssociation(s, 'Patching', { name: 'AWS-RunPatchBaseline', targets: [{ key: 'tag:aws:autoscaling:groupName', values: ['another-group'] }], parameters: { Operation: ['Install'] }, scheduleExpression: 'cron(0 3 ? * SUN *)' });
      },
      reason: /no State Manager association of AWS-RunPatchBaseline selects these Windows instances/,
    },
    { name: 'association on no schedule (runs once)', build: (app) => { const s = stackIn(app, 'S'); windowsFleet(s); association(s, { schedule: false }); }, reason: /runs AWS-RunPatchBaseline once, on no schedule/ },
  ],
  compliant: [
    { name: 'L2 Windows fleet patched in a window by Patch Group tag', build: (app) => { const s = stackIn(app, 'S'); windowsFleet(s); window(s, 'windows-prod', 'on-target'); } },
    { name: 'tagged L1 Windows instance patched in a window', build: (app) => { const s = stackIn(app, 'S'); taggedWindowsInstance(s, { 'Patch Group': 'windows-prod' }); window(s, 'windows-prod', 'on-target'); } },
    { name: 'L2 Windows fleet patched by a State Manager association of AWS-RunPatchBaseline', build: (app) => { const s = stackIn(app, 'S'); windowsFleet(s); association(s); } },
    {
      name: 'L2 Windows fleet patched by an association on the group\'s own tag (tag:aws:autoscaling:groupName, as partners target a group)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const fleet = windowsFleet(s);
        new ssm.CfnAssociation(s, 'Patching', { name: 'AWS-RunPatchBaseline', targets: [{ key: 'tag:aws:autoscaling:groupName', values: [fleet.autoScalingGroupName] }], parameters: { Operation: ['Install'] }, scheduleExpression: 'cron(0 3 ? * SUN *)' });
      },
    },
    {
      name: 'L1 group with a literal name, patched by an association naming it',
      build: (app) => {
        const s = stackIn(app, 'S');
        const fleet = windowsFleet(s);
        (fleet.node.defaultChild as import('aws-cdk-lib').aws_autoscaling.CfnAutoScalingGroup).autoScalingGroupName = 'windows-web';
        new ssm.CfnAssociation(s, 'Patching', { name: 'AWS-RunPatchBaseline', targets: [{ key: 'tag:aws:autoscaling:groupName', values: ['windows-web'] }], parameters: { Operation: ['Install'] }, scheduleExpression: 'cron(0 3 ? * SUN *)' });
      },
    },
    {
      name: 'tagged L1 Windows instance patched by an association on its stack\'s name (tag:aws:cloudformation:stack-name)',
      build: (app) => {
        const s = stackIn(app, 'S');
        taggedWindowsInstance(s);
        new ssm.CfnAssociation(s, 'Patching', { name: 'AWS-RunPatchBaseline', targets: [{ key: 'tag:aws:cloudformation:stack-name', values: [s.stackName] }], parameters: { Operation: ['Install'] }, scheduleExpression: 'cron(0 3 ? * SUN *)' });
      },
    },
    { name: 'Quick Setup style association of AWS-RunPatchBaselineAssociation', build: (app) => { const s = stackIn(app, 'S'); windowsFleet(s); association(s, { document: 'AWS-RunPatchBaselineAssociation', schedule: 'rate(1 day)' }); } },
  ],
};
