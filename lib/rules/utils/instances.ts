import { AppView, ResourceView } from '../rule';
import { parseArn } from '../../aws';
import { byLiteralProperty, designations, referrers, referrersOf, resourceKey } from './references';

/**
 * The EKS managed node groups (`AWS::EKS::Nodegroup`) that launch their nodes from a launch template (`LaunchTemplate`
 * `Id` or `Name`). Amazon EKS builds the nodes' instance profile from the node group's `NodeRole` and bootstraps them
 * into the cluster itself (Amazon EKS User Guide, "Customize managed nodes with launch templates": `IamInstanceProfile`
 * is prohibited in the launch template of a managed node group).
 */
export function nodegroupsOf(template: ResourceView, app: AppView): readonly ResourceView[] {
  return [
    ...referrersOf(template, referrers(app, { key: 'nodegroups-by-launch-template-id', fromType: 'AWS::EKS::Nodegroup', targetType: 'AWS::EC2::LaunchTemplate', path: 'LaunchTemplate/Id' })),
    ...referrersOf(template, referrers(app, {
      key: 'nodegroups-by-launch-template-name', fromType: 'AWS::EKS::Nodegroup', targetType: 'AWS::EC2::LaunchTemplate', path: 'LaunchTemplate/Name',
      byLiteral: (from, literal) => byLiteralProperty(app, 'AWS::EC2::LaunchTemplate', 'LaunchTemplateName', from, literal),
    })),
  ];
}

/** Launch templates that instances (`AWS::EC2::Instance`) of the app launch from, by {@link resourceKey}, indexed once per pass. */
export function templatesUsedByInstances(app: AppView): ReadonlySet<string> {
  return app.memo('launch-templates-used-by-instances', () => {
    const used = new Set<string>();
    for (const i of app.ofType('AWS::EC2::Instance')) {
      const launches = app.launches(i);
      if (launches.ok) for (const l of launches.launches) if (l.template) used.add(resourceKey(l.template));
    }
    return used;
  });
}

/** The role of an instance profile value (a reference to a profile, or a literal name or ARN of one in the stack). */
export type ProfileRole =
  | { readonly kind: 'found'; readonly role: ResourceView; readonly profile: ResourceView }
  | { readonly kind: 'no-role'; readonly profile: ResourceView }
  | { readonly kind: 'unresolved'; readonly what: string; readonly value: unknown };

/** The resource of `type` a value designates: through the resolver, or by a literal name (or ARN ending in the name) of the stack. */
function designated(from: ResourceView, value: unknown, path: string, type: string, nameProperty: string, arnResourceType: string, app: AppView): { resource?: ResourceView; value: unknown } {
  const ds = designations(from, value, path, app);
  if (ds.length !== 1) return { value: ds.find((d) => d.kind === 'unknown')?.value ?? value };
  const d = ds[0];
  if (d.kind === 'resource') return d.resource.type === type ? { resource: d.resource, value } : { value };
  if (d.kind === 'unknown') return { value: d.value };
  const arn = parseArn(d.value);
  const name = arn ? arn.resource.replace(new RegExp(`^${arnResourceType}/(?:.*/)?`), '') : d.value;
  return { resource: byLiteralProperty(app, type, nameProperty, from, name), value: d.value };
}

/** The role of the instance profile a value of `from` (at `path`) designates. */
export function roleOfInstanceProfile(from: ResourceView, value: unknown, path: string, app: AppView): ProfileRole {
  const p = designated(from, value, path, 'AWS::IAM::InstanceProfile', 'InstanceProfileName', 'instance-profile', app);
  const profile = p.resource;
  if (!profile) return { kind: 'unresolved', what: 'the instance profile (it is not created in this stack)', value: p.value };
  const roleValue = (profile.properties.Roles ?? [])[0];
  if (roleValue === undefined) return { kind: 'no-role', profile };
  const r = designated(profile, roleValue, 'Roles/0', 'AWS::IAM::Role', 'RoleName', 'role', app);
  if (!r.resource) return { kind: 'unresolved', what: `the role of instance profile ${profile.path} (it is not created in this stack)`, value: r.value };
  return { kind: 'found', role: r.resource, profile };
}
