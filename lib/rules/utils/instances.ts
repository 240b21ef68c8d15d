import { AppView, ResourceView } from '../rule';
import { isIntrinsic, literalString } from '../../aws';
import { referencedResource } from './references';
import { byLiteralProperty, referrers, Referrers } from './references';

/** What an instance's `LaunchTemplate` property designates. */
export type LaunchTemplateLocation =
  | { readonly kind: 'none' }
  | { readonly kind: 'found'; readonly template: ResourceView }
  | { readonly kind: 'unresolved'; readonly value: unknown };

/**
 * The launch template an `AWS::EC2::Instance` is launched from: `LaunchTemplateId` (a Ref), the
 * `Version` (`Fn::GetAtt [Template, LatestVersionNumber]`, which is how the CDK's `Instance` points at the
 * template it creates) or a literal `LaunchTemplateName` of the same stack.
 */
export function launchTemplateOf(instance: ResourceView, app: AppView): LaunchTemplateLocation {
  const spec = instance.properties.LaunchTemplate;
  if (spec === undefined || spec === null) return { kind: 'none' };
  if (isIntrinsic(spec)) return { kind: 'unresolved', value: spec };
  for (const v of [spec.LaunchTemplateId, spec.Version, spec.LaunchTemplateName]) {
    const local = referencedResource(instance, v);
    if (local?.type === 'AWS::EC2::LaunchTemplate') return { kind: 'found', template: local };
  }
  const name = literalString(spec.LaunchTemplateName);
  const byName = name === undefined ? undefined : byLiteralProperty(app, 'AWS::EC2::LaunchTemplate', 'LaunchTemplateName', instance, name);
  if (byName) return { kind: 'found', template: byName };
  return { kind: 'unresolved', value: spec.LaunchTemplateId ?? spec.LaunchTemplateName };
}

/** Launch templates that instances of the app are launched from, indexed once per pass. */
export function templatesUsedByInstances(app: AppView): Referrers {
  return referrers(app, {
    key: 'launch-templates-by-instance',
    fromType: 'AWS::EC2::Instance',
    targetType: 'AWS::EC2::LaunchTemplate',
    values: (i) => {
      const loc = launchTemplateOf(i, app);
      return loc.kind === 'found' ? { Ref: loc.template.logicalId } : undefined;
    },
  });
}

/** The role of an instance profile value (`Ref`/`GetAtt` of a profile, or a literal name or ARN of one in the stack). */
export type ProfileRole =
  | { readonly kind: 'found'; readonly role: ResourceView; readonly profile: ResourceView }
  | { readonly kind: 'no-role'; readonly profile: ResourceView }
  | { readonly kind: 'unresolved'; readonly what: string; readonly value: unknown };

export function roleOfInstanceProfile(from: ResourceView, value: unknown, app: AppView): ProfileRole {
  let profile = referencedResource(from, value);
  const literal = literalString(value);
  if (!profile && literal !== undefined) {
    const name = literal.replace(/^arn:[^:]*:iam::[^:]*:instance-profile\/(?:.*\/)?/, '');
    profile = byLiteralProperty(app, 'AWS::IAM::InstanceProfile', 'InstanceProfileName', from, name);
  }
  if (!profile || profile.type !== 'AWS::IAM::InstanceProfile') return { kind: 'unresolved', what: 'the instance profile (it is not created in this stack)', value };
  const roleValue = (profile.properties.Roles ?? [])[0];
  if (roleValue === undefined) return { kind: 'no-role', profile };
  let role = referencedResource(profile, roleValue);
  const roleName = literalString(roleValue);
  if (!role && roleName !== undefined) role = byLiteralProperty(app, 'AWS::IAM::Role', 'RoleName', profile, roleName);
  if (!role || role.type !== 'AWS::IAM::Role') return { kind: 'unresolved', what: `the role of instance profile ${profile.path} (it is not created in this stack)`, value: roleValue };
  return { kind: 'found', role, profile };
}
