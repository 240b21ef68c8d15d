import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { isDeployTime } from '../../aws';

const TYPES = ['AWS::EC2::LaunchTemplate', 'AWS::EC2::Instance', 'AWS::AutoScaling::LaunchConfiguration'];

/** Every `Fn::If` branch of the metadata options at `path` of `from` must require tokens (or turn the endpoint off). */
function requireTokens(from: ResourceView, path: string, owner: string, location: string, app: AppView): RuleVerdict {
  const res = app.resolve(from, path);
  if (!res.ok) return unverifiable('MetadataOptions', res.unresolved, location);
  for (const { value } of res.values) {
    const options = value as { HttpEndpoint?: unknown; HttpTokens?: unknown } | undefined;
    if (isDeployTime(options)) return unverifiable('MetadataOptions', options, location);
    if (options?.HttpEndpoint === 'disabled') continue;
    const tokens = options?.HttpTokens;
    if (isDeployTime(tokens)) return unverifiable('HttpTokens', tokens, `${location}/HttpTokens`);
    if (tokens === 'required') continue;
    return nonCompliant(`${owner} leaves HttpTokens ${tokens === undefined ? 'unset (optional: IMDSv1 allowed)' : `'${tokens}'`}`, `${location}/HttpTokens`);
  }
  return COMPLIANT;
}

/**
 * Reads: `AWS::EC2::LaunchTemplate` (`LaunchTemplateData.MetadataOptions`),
 * `AWS::AutoScaling::LaunchConfiguration` (`MetadataOptions`) and `AWS::EC2::Instance`, which has no
 * metadata options of its own: the CDK sets them through a launch template (`LaunchTemplate` property,
 * followed by id, version attribute or name to the template, in any stack of the app).
 * Fails when: `HttpTokens` is not `required` (IMDSv1 stays available) in any `Fn::If` branch, or an instance uses
 * no launch template. `HttpEndpoint: disabled` (no metadata service at all) passes. A template not created in the
 * app, or options unknown at synth, are unverifiable.
 * Fix: `requireImdsv2: true` on `ec2.Instance` / `LaunchTemplate`, or `httpTokens: 'required'` on the L1.
 */
export const InstanceImdsV2Required = defineRule({
  name: 'InstanceImdsV2Required',
  description: 'EC2 instances require IMDSv2 (session tokens) for the instance metadata service',
  fix: "Set requireImdsv2: true on ec2.Instance, LaunchTemplate or AutoScalingGroup (MetadataOptions.HttpTokens: 'required' on the L1)",
  resourceTypes: TYPES,
  scope: 'app',
  check(r: ResourceView, app: AppView): RuleVerdict {
    if (!TYPES.includes(r.type)) return NOT_APPLICABLE;
    if (r.type === 'AWS::EC2::LaunchTemplate') return requireTokens(r, 'LaunchTemplateData/MetadataOptions', 'the launch template', 'LaunchTemplateData/MetadataOptions', app);
    if (r.type === 'AWS::AutoScaling::LaunchConfiguration') return requireTokens(r, 'MetadataOptions', 'the launch configuration', 'MetadataOptions', app);
    const launches = app.launches(r);
    if (!launches.ok) return unverifiable('the metadata options of the launch template', launches.unresolved, 'LaunchTemplate');
    for (const launch of launches.launches) {
      if (!launch.template) return nonCompliant('the instance uses no launch template, so nothing sets HttpTokens required (IMDSv1 allowed)', 'LaunchTemplate');
      const verdict = requireTokens(launch.template, 'LaunchTemplateData/MetadataOptions', `launch template ${launch.template.path}`, 'LaunchTemplate', app);
      if (verdict.status !== 'compliant') return verdict;
    }
    return COMPLIANT;
  },
});
