import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView } from '../rule';
import { asList } from '../../aws';

const TYPES = ['AWS::Config::ConfigRule', 'AWS::Config::DeliveryChannel'];

/** Logical ids a resource depends on, directly or through other resources of its stack. */
function dependencies(r: ResourceView): Set<string> {
  const seen = new Set<string>();
  const visit = (x: ResourceView) => {
    for (const id of asList<string>((x.stack.template.Resources?.[x.logicalId] as any)?.DependsOn)) {
      if (seen.has(id)) continue;
      seen.add(id);
      const next = x.stack.resources.get(id);
      if (next) visit(next);
    }
  };
  visit(r);
  return seen;
}

/**
 * Reads: `AWS::Config::ConfigRule` and `AWS::Config::DeliveryChannel`, and the `AWS::Config::ConfigurationRecorder`
 * of their stack.
 * Fails when: the stack has a recorder and the rule or channel does not depend on it (CloudFormation may create them
 * first: "Before you can create a delivery channel, you must create a configuration recorder", and rules evaluate
 * nothing without one); or the stack has Config rules but no recorder, so they rely on one that nothing in the app
 * creates (the management account has none unless created: service-managed StackSets never deploy there).
 * Fix: create the recorder in the stack (`RuntimeControls` `createRecorder`) — it adds the dependencies — or, where
 * the accounts already record (AWS Control Tower members), acknowledge the finding saying so.
 */
export const ConfigRecorderFirst = defineRule({
  name: 'ConfigRecorderFirst',
  description: 'AWS Config rules and delivery channels are created after a configuration recorder of their stack',
  fix: "Create the recorder in the same stack and make rules and the delivery channel depend on it (RuntimeControls createRecorder: true); acknowledge where the account's recorder comes from elsewhere",
  resourceTypes: TYPES,
  scope: 'stack',
  check(r) {
    if (!TYPES.includes(r.type)) return NOT_APPLICABLE;
    const recorders = r.stack.ofType('AWS::Config::ConfigurationRecorder');
    const what = r.type === 'AWS::Config::ConfigRule' ? 'Config rule' : 'delivery channel';
    if (recorders.length === 0) {
      return nonCompliant(`${what} ${r.path}: no configuration recorder in stack ${r.stack.path}, and nothing in the app says where the account's recorder comes from`);
    }
    const deps = dependencies(r);
    return recorders.some((rec) => deps.has(rec.logicalId))
      ? COMPLIANT
      : nonCompliant(`${what} ${r.path} does not depend on recorder ${recorders[0].path}: CloudFormation may create it first`, 'DependsOn');
  },
});
