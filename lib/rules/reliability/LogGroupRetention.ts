import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { isCustomResourceHandler, logGroupOfFunction } from '../utils/customer-data';
import { resourceKey } from '../utils/references';
import { isDeployTime, isIntrinsic, literalNumber, literalString, ResourceValue, Text } from '../../aws';

/** The shortest retention accepted: three months of logs immediately available (as PCI DSS 10.5.1 asks). */
export const MIN_LOG_RETENTION_DAYS = 90;

/**
 * Reads: `AWS::Logs::LogGroup` (`RetentionInDays`), and `AWS::Lambda::Function`s with no log group of the app (no
 * `LoggingConfig.LogGroup`, no group named `/aws/lambda/<function>`): CloudWatch Logs creates their group at run time,
 * whose retention only a custom resource can set: CDK's `Custom::LogRetention` (the `logRetention` prop) naming
 * `/aws/lambda/<function>` counts, with its `RetentionInDays`. Functions that handle custom resources (deployment
 * helpers) are not applicable.
 * Fails when: `RetentionInDays` is absent ("never expire": retention nobody decided, and cost that only grows) or below
 * 90 days (too short to investigate an incident; the long-term archive belongs in the central log store, see
 * LogGroupShippedCentrally); for a function, when nothing sets the retention of the group it writes to. Retention
 * unknown at synth is reported. The AWS Config rule CW_LOGGROUP_RETENTION_PERIOD_CHECK watches the same at run time.
 * Fix: set `retention` (CDK L2 defaults to two years) to at least `RetentionDays.THREE_MONTHS`; give functions a
 * `logGroup` with that retention.
 */
export const LogGroupRetention = defineRule({
  name: 'LogGroupRetention',
  description: `CloudWatch log groups, including those Lambda creates at run time, have a deliberate retention of at least ${MIN_LOG_RETENTION_DAYS} days`,
  fix: 'Set RetentionInDays (CDK: retention: RetentionDays.THREE_MONTHS or longer) on the log group, and give each Lambda function a logGroup with that retention; archive beyond that in the central log store',
  resourceTypes: ['AWS::Logs::LogGroup', 'AWS::Lambda::Function'],
  scope: 'app',
  check(r, app) {
    if (r.type === 'AWS::Logs::LogGroup') return retention(r.properties.RetentionInDays, 'RetentionInDays', 'the log group has no RetentionInDays, so its logs never expire and nobody decided how long to keep them');
    if (r.type !== 'AWS::Lambda::Function') return NOT_APPLICABLE;
    if (logGroupOfFunction(r, app) || r.properties.LoggingConfig?.LogGroup !== undefined || isCustomResourceHandler(r, app)) return NOT_APPLICABLE;
    const setter = retentionSetters(app).get(resourceKey(r));
    if (!setter) return nonCompliant(`the function writes to /aws/lambda/${literalString(r.properties.FunctionName) ?? '<its name>'}, which CloudWatch Logs creates at run time with no retention, and no custom resource sets one`, 'LoggingConfig');
    const verdict = retention(setter.properties.RetentionInDays, 'RetentionInDays', `${setter.path} sets no RetentionInDays on the function's log group`);
    return verdict.status === 'non-compliant' ? nonCompliant(`the function's log group (retained by ${setter.path}): ${verdict.reason}`, 'LoggingConfig') : verdict;
  },
});

function retention(value: unknown, location: string, absent: string): RuleVerdict {
  if (value === undefined) return nonCompliant(absent, location);
  if (isIntrinsic(value)) return unverifiable('RetentionInDays', value, location);
  const days = literalNumber(value);
  if (days === undefined) return nonCompliant(`RetentionInDays is ${JSON.stringify(value)}, not a number of days`, location);
  if (days < MIN_LOG_RETENTION_DAYS) return nonCompliant(`logs are kept ${days} days, less than ${MIN_LOG_RETENTION_DAYS}`, location);
  return COMPLIANT;
}

/** The `Custom::LogRetention` resources by the function whose `/aws/lambda/<function>` group they name, indexed once per pass. */
function retentionSetters(app: AppView): ReadonlyMap<string, ResourceView> {
  return app.memo('log-retention-custom-resources', () => {
    const m = new Map<string, ResourceView>();
    const byName = new Map<string, ResourceView>();
    for (const fn of app.ofType('AWS::Lambda::Function')) {
      const name = literalString(fn.properties.FunctionName);
      if (name !== undefined) byName.set(`${fn.stack.path}|${name}`, fn);
    }
    for (const stack of app.stacks) {
      for (const cr of stack.ofType('Custom::LogRetention')) {
        const res = app.resolve(cr, 'LogGroupName');
        if (!res.ok || res.values.length !== 1) continue;
        const v = res.values[0].value;
        if (isDeployTime(v) && v instanceof Text && v.literals().join('') === '/aws/lambda/') {
          const ref = v.parts.find((p): p is ResourceValue => p instanceof ResourceValue);
          if (ref?.resource.type === 'AWS::Lambda::Function') m.set(resourceKey(ref.resource as ResourceView), cr);
        } else if (typeof v === 'string' && v.startsWith('/aws/lambda/')) {
          const fn = byName.get(`${cr.stack.path}|${v.slice('/aws/lambda/'.length)}`);
          if (fn) m.set(resourceKey(fn), cr);
        }
      }
    }
    return m;
  });
}
