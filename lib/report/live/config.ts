/** AWS Config: rule compliance per resource, and the configuration recorder. */
import { isFailure } from './aws';
import { failed, iso, listed, Located, Outcome, Reader, when, where } from './reader';

const COMPLIANCE_TYPES = ['COMPLIANT', 'NON_COMPLIANT', 'NOT_APPLICABLE'];

/**
 * A Config rule (`AWS::Config::ConfigRule`: its name is the physical id) or an organization Config rule
 * (`AWS::Config::OrganizationConfigRule`: the rule it deploys into the account is `OrgConfigRule-<name>-<suffix>`):
 * NON_COMPLIANT on any resource fails it; COMPLIANT (or only NOT_APPLICABLE) verifies it; no evaluation yet
 * leaves it not verified.
 */
export const readConfigRule: Reader = async (aws, d) => {
  let names: string[];
  if (d.type === 'AWS::Config::ConfigRule') {
    names = [d.physicalId];
  } else if (d.type === 'AWS::Config::OrganizationConfigRule') {
    const pages = await aws.pages('config:DescribeConfigRules', d.env, 'DescribeConfigRulesCommand', {});
    if (isFailure(pages)) return failed('config:DescribeConfigRules', d.env, pages, `the member rule of organization rule ${d.physicalId}`);
    names = pages.flatMap((p) => p.ConfigRules ?? []).map((r: any) => r.ConfigRuleName as string)
      .filter((n) => typeof n === 'string' && n.startsWith(`OrgConfigRule-${d.physicalId}-`));
    if (names.length === 0) {
      return { state: 'missing', note: `organization rule ${d.physicalId} has no rule in ${where(d)}`, results: [], problems: [] };
    }
  } else {
    return { state: 'not-verified', note: `${d.logicalId} is a ${d.type}, not a Config rule: nothing to read`, results: [], problems: [] };
  }

  const results: Outcome['results'][number][] = [];
  for (const name of names) {
    const pages = await aws.pages('config:GetComplianceDetailsByConfigRule', d.env, 'GetComplianceDetailsByConfigRuleCommand',
      { ConfigRuleName: name, ComplianceTypes: COMPLIANCE_TYPES, Limit: 100 });
    if (isFailure(pages)) {
      if (pages.kind === 'not-found') return { state: 'missing', note: `rule ${name} not found in ${where(d)}`, results: [], problems: [] };
      return failed('config:GetComplianceDetailsByConfigRule', d.env, pages, `compliance of ${name}`);
    }
    for (const r of pages.flatMap((p) => p.EvaluationResults ?? [])) {
      const q = r.EvaluationResultIdentifier?.EvaluationResultQualifier ?? {};
      results.push({
        where: where(d),
        source: name,
        resource: `${q.ResourceType ?? '?'} ${q.ResourceId ?? '?'}`,
        state: String(r.ComplianceType ?? 'INSUFFICIENT_DATA'),
        ...(iso(r.ResultRecordedTime) ? { at: iso(r.ResultRecordedTime) } : {}),
        ...(r.Annotation ? { detail: String(r.Annotation) } : {}),
      });
    }
  }
  const latest = results.map((r) => r.at ?? '').sort().pop();
  const non = results.filter((r) => r.state === 'NON_COMPLIANT');
  if (non.length > 0) return { state: 'failing', note: `NON_COMPLIANT on ${listed(non.map((r) => r.resource!))}`, results, problems: [] };
  const ok = results.filter((r) => r.state === 'COMPLIANT');
  if (ok.length > 0) return { state: 'verified', note: `COMPLIANT on ${ok.length} resource${ok.length === 1 ? '' : 's'} (evaluated ${when(latest)})`, results, problems: [] };
  if (results.length > 0) return { state: 'verified', note: `no resource in scope (NOT_APPLICABLE, evaluated ${when(latest)})`, results, problems: [] };
  return { state: 'not-verified', note: `no evaluation yet in ${where(d)}`, results, problems: [] };
};

/** The configuration recorder: recording, and its last delivery status. */
export const readConfigRecorder: Reader = async (aws, d) => {
  if (d.type !== 'AWS::Config::ConfigurationRecorder') return notA(d, 'configuration recorder');
  const out = await aws.call('config:DescribeConfigurationRecorderStatus', d.env, 'DescribeConfigurationRecorderStatusCommand', { ConfigurationRecorderNames: [d.physicalId] });
  if (isFailure(out)) {
    if (out.kind === 'not-found') return { state: 'missing', note: `recorder ${d.physicalId} not found in ${where(d)}`, results: [], problems: [] };
    return failed('config:DescribeConfigurationRecorderStatus', d.env, out, `recorder ${d.physicalId}`);
  }
  const st = (out.ConfigurationRecordersStatus ?? [])[0];
  if (!st) return { state: 'missing', note: `recorder ${d.physicalId} not found in ${where(d)}`, results: [], problems: [] };
  const result = {
    where: where(d), source: String(st.name ?? d.physicalId), state: st.recording ? 'RECORDING' : 'STOPPED',
    ...(iso(st.lastStatusChangeTime) ? { at: iso(st.lastStatusChangeTime) } : {}),
    detail: `last status ${st.lastStatus ?? 'unknown'}${st.lastErrorMessage ? `: ${st.lastErrorMessage}` : ''}`,
  };
  if (!st.recording) return { state: 'failing', note: `recorder ${result.source} is not recording (stopped ${when(st.lastStopTime)})`, results: [result], problems: [] };
  if (String(st.lastStatus ?? '').toUpperCase() === 'FAILURE') {
    return { state: 'failing', note: `recorder ${result.source} records but its last delivery failed: ${st.lastErrorMessage ?? st.lastErrorCode ?? 'unknown error'}`, results: [result], problems: [] };
  }
  return { state: 'verified', note: `recording since ${when(st.lastStartTime)}`, results: [result], problems: [] };
};

export function notA(d: Located, what: string): Outcome {
  return { state: 'not-verified', note: `${d.logicalId} is a ${d.type}, not a ${what}: nothing to read`, results: [], problems: [] };
}
