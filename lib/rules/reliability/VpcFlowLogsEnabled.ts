import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, unverifiable } from '../rule';
import { resourceKey, resolveResource } from '../utils/references';
import { isIntrinsic } from '../../aws';

/**
 * Reads: `AWS::EC2::VPC` and, across the app, the `AWS::EC2::FlowLog`s whose `ResourceId` references it
 * (`Ref` in the same stack or a cross-stack import) with `ResourceType: VPC`.
 * Fails when: no flow log references the VPC, or its flow logs record only ACCEPT or REJECT traffic. A flow
 * log of the same stack whose `ResourceId` or `TrafficType` is unknown at synth is reported.
 * Fix: `vpc.addFlowLog('FlowLog')` (CDK records ALL traffic by default), or `flowLogs` on `ec2.Vpc`.
 */
export const VpcFlowLogsEnabled = defineRule({
  name: 'VpcFlowLogsEnabled',
  description: 'Every VPC has a flow log recording all traffic',
  fix: "Add an AWS::EC2::FlowLog with ResourceType 'VPC' and TrafficType 'ALL' (CDK: vpc.addFlowLog('FlowLog'))",
  resourceTypes: ['AWS::EC2::VPC'],
  scope: 'app',
  check(r, app) {
    if (r.type !== 'AWS::EC2::VPC') return NOT_APPLICABLE;
    const { byVpc, unresolved } = flowLogsIndex(app);
    const logs = byVpc.get(resourceKey(r)) ?? [];
    for (const log of logs) {
      const traffic = log.properties.TrafficType;
      if (isIntrinsic(traffic)) return unverifiable(`the TrafficType of flow log ${log.path}`, traffic, '');
      if (traffic === 'ALL') return COMPLIANT;
    }
    if (logs.length > 0) return nonCompliant(`the VPC's flow logs record only ${logs.map((l) => l.properties.TrafficType ?? 'unset').join(', ')} traffic, not ALL`);
    const pending = unresolved.get(r.stack.path);
    if (pending) return unverifiable(`whether flow log ${pending.path} covers this VPC`, pending.properties.ResourceId, '');
    return nonCompliant(`no AWS::EC2::FlowLog references the VPC ${r.path}`);
  },
});

function flowLogsIndex(app: AppView): { byVpc: ReadonlyMap<string, readonly ResourceView[]>; unresolved: ReadonlyMap<string, ResourceView> } {
  return app.memo('flow-logs-by-vpc', () => {
    const byVpc = new Map<string, ResourceView[]>();
    const unresolved = new Map<string, ResourceView>();
    for (const log of app.ofType('AWS::EC2::FlowLog')) {
      if (log.properties.ResourceType !== 'VPC' && !isIntrinsic(log.properties.ResourceType)) continue;
      const target = resolveResource(log, log.properties.ResourceId, app);
      if (target?.type === 'AWS::EC2::VPC' && log.properties.ResourceType === 'VPC') { const list = byVpc.get(resourceKey(target)); if (list) list.push(log); else byVpc.set(resourceKey(target), [log]); }
      else if ((!target && isIntrinsic(log.properties.ResourceId)) || isIntrinsic(log.properties.ResourceType)) unresolved.set(log.stack.path, log);
    }
    return { byVpc, unresolved };
  });
}
