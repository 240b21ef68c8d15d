import { AppView, COMPLIANT, nonCompliant, ResourceView, RuleVerdict } from '../rule';
import { asList, referencedLogicalId } from '../../aws';
import { defineWindowsRule, isDocument, ssmInAccountOf, targetsSelect } from '../utils/windows';

/**
 * Reads: Windows compute (see `utils/windows.ts`) and, in the same account, the
 * `AWS::SSM::MaintenanceWindowTarget`s and the `AWS::SSM::MaintenanceWindowTask`s of their windows.
 * Passes when a maintenance window target selects the instances (`tag:<key>`, `tag-key`, `InstanceIds`)
 * and a task of the same window runs `AWS-RunPatchBaseline` on that target (`WindowTargetIds`) or on
 * targets selecting the instances directly. Non-Windows compute is not applicable.
 * Fails when: no window target selects the instances; or the windows that do run no AWS-RunPatchBaseline on them.
 * Fix: register the instances (by tag) as a maintenance window target and add a RUN_COMMAND task AWS-RunPatchBaseline.
 */
export const WindowsMaintenanceWindow = defineWindowsRule({
  name: 'WindowsMaintenanceWindow',
  description: 'Windows instances are patched by AWS-RunPatchBaseline in a Systems Manager maintenance window',
  fix: 'Create an AWS::SSM::MaintenanceWindow, a MaintenanceWindowTarget selecting the instances by tag, and a RUN_COMMAND MaintenanceWindowTask running AWS-RunPatchBaseline (Operation Install) on that target',
  checkWindows(r, app, compute): RuleVerdict {
    const targets = ssmInAccountOf(r, app, 'AWS::SSM::MaintenanceWindowTarget').filter((t) => targetsSelect(t.properties.Targets, t, r, compute));
    if (targets.length === 0) return nonCompliant('no AWS::SSM::MaintenanceWindowTarget selects these Windows instances (by tag, tag-key or instance id)');
    const tasks = patchTasks(app);
    for (const target of targets) {
      const window = referencedLogicalId(target.properties.WindowId);
      for (const task of tasks.get(`${target.stack.path}|${window}`) ?? []) {
        const onTarget = asList<any>(task.properties.Targets).some((t) => t?.Key === 'WindowTargetIds' && asList(t.Values).some((v) => referencedLogicalId(v) === target.logicalId));
        if (onTarget || targetsSelect(task.properties.Targets, task, r, compute)) return COMPLIANT;
      }
    }
    return nonCompliant(`maintenance window target ${targets[0].path} selects these Windows instances, but no task of its window runs AWS-RunPatchBaseline on it`);
  },
});

/** AWS-RunPatchBaseline tasks by `<stack>|<window logical id>`, indexed once per pass. */
function patchTasks(app: AppView): ReadonlyMap<string, readonly ResourceView[]> {
  return app.memo('windows/run-patch-baseline-tasks', () => {
    const index = new Map<string, ResourceView[]>();
    for (const task of app.ofType('AWS::SSM::MaintenanceWindowTask')) {
      if (!isDocument(task.properties.TaskArn, 'AWS-RunPatchBaseline')) continue;
      const key = `${task.stack.path}|${referencedLogicalId(task.properties.WindowId)}`;
      const list = index.get(key);
      if (list) list.push(task); else index.set(key, [task]);
    }
    return index;
  });
}
