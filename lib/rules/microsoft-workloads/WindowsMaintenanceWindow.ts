import { AppView, COMPLIANT, nonCompliant, ResourceView, RuleVerdict } from '../rule';
import { asList, isIntrinsic, referencedLogicalId } from '../../aws';
import { associationSelects, ComputeView, defineWindowsRule, isDocument, ssmInAccountOf, targetsSelect } from '../utils/windows';

/** SSM documents that install patches from the instance's patch baseline. */
const PATCH_DOCUMENTS = ['AWS-RunPatchBaseline', 'AWS-RunPatchBaselineAssociation', 'AWS-RunPatchBaselineWithHooks'];

/**
 * Reads: Windows compute (see `utils/windows.ts`) and, in the same account, the `AWS::SSM::Association`s, the
 * `AWS::SSM::MaintenanceWindowTarget`s and the `AWS::SSM::MaintenanceWindowTask`s of their windows.
 * Passes when the instances are patched on a schedule by a patch-baseline document (AWS-RunPatchBaseline,
 * -Association or -WithHooks), either way Systems Manager offers:
 * - a State Manager association of the document that selects the instances (`Targets` by tag, tag-key or
 *   instance ids, or `InstanceId`), with a `ScheduleExpression` and `Operation: Install`;
 * - a maintenance window target that selects them, with a task of the same window running the document on
 *   that target (`WindowTargetIds`) or on targets selecting the instances directly.
 * Non-Windows compute is not applicable.
 * Fails when: neither exists; the reason names what is missing (no schedule, Scan only, no task on the target).
 * Fix: a State Manager association of AWS-RunPatchBaseline (Operation Install) on a schedule, or a maintenance
 * window target and RUN_COMMAND task AWS-RunPatchBaseline.
 */
export const WindowsMaintenanceWindow = defineWindowsRule({
  name: 'WindowsMaintenanceWindow',
  description: 'Windows instances are patched on a schedule by AWS-RunPatchBaseline: a State Manager association or a maintenance window task',
  fix: 'Create an AWS::SSM::Association of AWS-RunPatchBaseline (Parameters Operation [Install], a ScheduleExpression) targeting the instances by tag, or a MaintenanceWindow with a target selecting them and a RUN_COMMAND task AWS-RunPatchBaseline on it',
  checkWindows(r, app, compute): RuleVerdict {
    const association = byAssociation(r, app, compute);
    if (association === true) return COMPLIANT;
    const window = byMaintenanceWindow(r, app, compute);
    if (window === true) return COMPLIANT;
    return nonCompliant([association, window].filter((x): x is string => typeof x === 'string').join('; '));
  },
});

/** True when a scheduled State Manager association installs patches on the instances; else why not. */
function byAssociation(r: ResourceView, app: AppView, compute: ComputeView): true | string {
  const associations = ssmInAccountOf(r, app, 'AWS::SSM::Association')
    .filter((a) => PATCH_DOCUMENTS.some((d) => isDocument(a.properties.Name, d)) && associationSelects(a, r, compute));
  if (associations.length === 0) return 'no State Manager association of AWS-RunPatchBaseline selects these Windows instances';
  for (const a of associations) {
    const operation = a.properties.Parameters?.Operation;
    const installs = !isIntrinsic(operation) && asList(operation).includes('Install');
    if (installs && a.properties.ScheduleExpression !== undefined) return true;
  }
  const a = associations[0];
  return a.properties.ScheduleExpression === undefined
    ? `association ${a.path} runs AWS-RunPatchBaseline once, on no schedule (no ScheduleExpression)`
    : `association ${a.path} runs AWS-RunPatchBaseline without Operation Install (it only scans)`;
}

/** True when a maintenance window runs a patch-baseline task on the instances; else why not. */
function byMaintenanceWindow(r: ResourceView, app: AppView, compute: ComputeView): true | string {
  const targets = ssmInAccountOf(r, app, 'AWS::SSM::MaintenanceWindowTarget').filter((t) => targetsSelect(t.properties.Targets, t, r, compute));
  if (targets.length === 0) return 'no AWS::SSM::MaintenanceWindowTarget selects these Windows instances (by tag, tag-key or instance id)';
  const tasks = patchTasks(app);
  for (const target of targets) {
    const window = referencedLogicalId(target.properties.WindowId);
    for (const task of tasks.get(`${target.stack.path}|${window}`) ?? []) {
      const onTarget = asList<any>(task.properties.Targets).some((t) => t?.Key === 'WindowTargetIds' && asList(t.Values).some((v) => referencedLogicalId(v) === target.logicalId));
      if (onTarget || targetsSelect(task.properties.Targets, task, r, compute)) return true;
    }
  }
  return `maintenance window target ${targets[0].path} selects these Windows instances, but no task of its window runs AWS-RunPatchBaseline on it`;
}

/** Patch-baseline tasks by `<stack>|<window logical id>`, indexed once per pass. */
function patchTasks(app: AppView): ReadonlyMap<string, readonly ResourceView[]> {
  return app.memo('windows/run-patch-baseline-tasks', () => {
    const index = new Map<string, ResourceView[]>();
    for (const task of app.ofType('AWS::SSM::MaintenanceWindowTask')) {
      if (!PATCH_DOCUMENTS.some((d) => isDocument(task.properties.TaskArn, d))) continue;
      const key = `${task.stack.path}|${referencedLogicalId(task.properties.WindowId)}`;
      const list = index.get(key);
      if (list) list.push(task); else index.set(key, [task]);
    }
    return index;
  });
}
