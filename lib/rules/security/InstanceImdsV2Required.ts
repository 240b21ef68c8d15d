import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { isIntrinsic } from '../../aws';
import { launchTemplateOf } from '../utils/instances';

const TYPES = ['AWS::EC2::LaunchTemplate', 'AWS::EC2::Instance', 'AWS::AutoScaling::LaunchConfiguration'];

function requireTokens(options: any, prefix: string, owner: string): RuleVerdict {
  if (isIntrinsic(options)) return unverifiable('MetadataOptions', options, prefix);
  if (options?.HttpEndpoint === 'disabled') return COMPLIANT;
  const tokens = options?.HttpTokens;
  if (isIntrinsic(tokens)) return unverifiable('HttpTokens', tokens, `${prefix}/HttpTokens`);
  if (tokens === 'required') return COMPLIANT;
  return nonCompliant(`${owner} leaves HttpTokens ${tokens === undefined ? 'unset (optional: IMDSv1 allowed)' : `'${tokens}'`}`, `${prefix}/HttpTokens`);
}

/**
 * Reads: `AWS::EC2::LaunchTemplate` (`LaunchTemplateData.MetadataOptions`),
 * `AWS::AutoScaling::LaunchConfiguration` (`MetadataOptions`) and `AWS::EC2::Instance`, which has no
 * metadata options of its own: the CDK sets them through a launch template (`LaunchTemplate` property,
 * followed by id, version attribute or name to the template of the stack).
 * Fails when: `HttpTokens` is not `required` (IMDSv1 stays available), or an instance uses no launch
 * template. `HttpEndpoint: disabled` (no metadata service at all) passes. A template not created in the
 * stack, or options unknown at synth, are unverifiable.
 * Fix: `requireImdsv2: true` on `ec2.Instance` / `LaunchTemplate`, or `httpTokens: 'required'` on the L1.
 */
export const InstanceImdsV2Required = defineRule({
  name: 'InstanceImdsV2Required',
  description: 'EC2 instances require IMDSv2 (session tokens) for the instance metadata service',
  fix: "Set requireImdsv2: true on ec2.Instance, LaunchTemplate or AutoScalingGroup (MetadataOptions.HttpTokens: 'required' on the L1)",
  resourceTypes: TYPES,
  scope: 'stack',
  check(r: ResourceView, app: AppView): RuleVerdict {
    if (!TYPES.includes(r.type)) return NOT_APPLICABLE;
    if (r.type === 'AWS::EC2::LaunchTemplate') return requireTokens(r.properties.LaunchTemplateData?.MetadataOptions, 'LaunchTemplateData/MetadataOptions', 'the launch template');
    if (r.type === 'AWS::AutoScaling::LaunchConfiguration') return requireTokens(r.properties.MetadataOptions, 'MetadataOptions', 'the launch configuration');
    const lt = launchTemplateOf(r, app);
    if (lt.kind === 'none') return nonCompliant('the instance uses no launch template, so nothing sets HttpTokens required (IMDSv1 allowed)', 'LaunchTemplate');
    if (lt.kind === 'unresolved') {
      if (typeof lt.value === 'string') return nonCompliant(`could not verify the metadata options: launch template ${lt.value} is not created in this stack`, 'LaunchTemplate');
      return unverifiable('the launch template of the instance', lt.value, 'LaunchTemplate');
    }
    return requireTokens(lt.template.properties.LaunchTemplateData?.MetadataOptions, 'LaunchTemplate', `launch template ${lt.template.path}`);
  },
});
