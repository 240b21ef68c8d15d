import { valueAtPath } from '../intrinsics';
import { AssemblyResolver } from './resolver';
import { ResolvableResource, ResourceValue, Unresolved } from './values';

/**
 * What an EC2 instance is launched with, and where each setting comes from: an `AWS::EC2::Instance` (its own properties
 * over those of its launch template: "parameters specified on the instance override the launch template"), an
 * `AWS::AutoScaling::AutoScalingGroup` (its launch configuration, or its launch template with the instance types of
 * `MixedInstancesPolicy` overrides), or a launch template / launch configuration read on its own.
 */

/** The launch settings read through inheritance (`LaunchTemplateData` names; the same on instances and launch configurations). */
export const LAUNCH_SETTINGS = [
  'ImageId', 'InstanceType', 'InstanceRequirements', 'UserData', 'BlockDeviceMappings', 'MetadataOptions', 'IamInstanceProfile',
  'SecurityGroupIds', 'SecurityGroups', 'NetworkInterfaces', 'KeyName', 'Monitoring', 'EbsOptimized', 'TagSpecifications',
] as const;

/** One launch setting. */
export type LaunchSetting = typeof LAUNCH_SETTINGS[number];

/** Where an effective setting is: read it with `resolver.resolve(from, path)`. Its shape is that of `from.type`. */
export interface LaunchSource<R extends ResolvableResource = ResolvableResource> {
  readonly from: R;
  readonly path: string;
}

/** One way instances are launched (a group with mixed-instances overrides has one per override). */
export interface Launch<R extends ResolvableResource = ResolvableResource> {
  /** The resources read, nearest first: the instance or group, then its launch template or launch configuration. */
  readonly sources: readonly R[];
  /** The launch template or launch configuration, when there is one. */
  readonly template?: R;
  /** For a group's `MixedInstancesPolicy` override: its index. */
  readonly override?: number;
  /** Where each setting that someone sets comes from. */
  readonly settings: ReadonlyMap<LaunchSetting, LaunchSource<R>>;
}

/** Every way a resource launches instances, or what could not be followed (a template outside the app, an unknown id). */
export type LaunchResolution<R extends ResolvableResource = ResolvableResource> =
  | { readonly ok: true; readonly launches: readonly Launch<R>[] }
  | { readonly ok: false; readonly unresolved: Unresolved };

const INSTANCE = 'AWS::EC2::Instance';
const GROUP = 'AWS::AutoScaling::AutoScalingGroup';
const TEMPLATE = 'AWS::EC2::LaunchTemplate';
const CONFIGURATION = 'AWS::AutoScaling::LaunchConfiguration';

/** The types {@link launchesOf} reads. */
export const LAUNCH_TYPES = [INSTANCE, GROUP, TEMPLATE, CONFIGURATION];

const MEMO = new WeakMap<AssemblyResolver<any>, Map<ResolvableResource, LaunchResolution<any>>>();

/** How a resource launches instances (memoized per resolver). Not applicable types give no launch. */
export function launchesOf<R extends ResolvableResource>(resolver: AssemblyResolver<R>, resource: R): LaunchResolution<R> {
  let memo = MEMO.get(resolver);
  if (!memo) MEMO.set(resolver, memo = new Map());
  let result = memo.get(resource) as LaunchResolution<R> | undefined;
  if (!result) memo.set(resource, result = compute(resolver, resource));
  return result;
}

/** The settings a resource sets itself (under `prefix`: `LaunchTemplateData/` for a template), in any `Fn::If` branch. */
function own<R extends ResolvableResource>(resolver: AssemblyResolver<R>, resource: R, prefix: string): Map<LaunchSetting, LaunchSource<R>> {
  const settings = new Map<LaunchSetting, LaunchSource<R>>();
  const raw = prefix === '' ? resource.properties : resource.properties[prefix.replace(/\/$/, '')];
  let bases: unknown[] = [raw];
  if (raw && typeof raw === 'object' && !Array.isArray(raw) && Object.keys(raw).some((k) => k === 'Ref' || k.startsWith('Fn::'))) {
    const res = resolver.resolve(resource, prefix.replace(/\/$/, ''));
    // Data unknown at synth: every setting is read (and found unknown) rather than taken as unset.
    bases = res.ok && res.values.every((v) => v.value && typeof v.value === 'object' && !(v.value instanceof ResourceValue) && v.value.constructor === Object)
      ? res.values.map((v) => v.value)
      : [Object.fromEntries(LAUNCH_SETTINGS.map((k) => [k, true]))];
  }
  for (const base of bases) {
    if (!base || typeof base !== 'object') continue;
    for (const s of LAUNCH_SETTINGS) if ((base as any)[s] !== undefined) settings.set(s, { from: resource, path: `${prefix}${s}` });
  }
  return settings;
}

function compute<R extends ResolvableResource>(resolver: AssemblyResolver<R>, r: R): LaunchResolution<R> {
  switch (r.type) {
    case TEMPLATE: return { ok: true, launches: [{ sources: [r], template: r, settings: own(resolver, r, 'LaunchTemplateData/') }] };
    case CONFIGURATION: return { ok: true, launches: [{ sources: [r], template: r, settings: own(resolver, r, '') }] };
    case INSTANCE: {
      if (r.properties.LaunchTemplate === undefined) return { ok: true, launches: [{ sources: [r], settings: own(resolver, r, '') }] };
      const templates = templatesAt(resolver, r, 'LaunchTemplate');
      if (!templates.ok) return templates;
      return {
        ok: true,
        launches: templates.templates.map((t) => ({ sources: [r, t], template: t, settings: new Map([...own(resolver, t, 'LaunchTemplateData/'), ...own(resolver, r, '')]) })),
      };
    }
    case GROUP: return groupLaunches(resolver, r);
    default: return { ok: true, launches: [] };
  }
}

function groupLaunches<R extends ResolvableResource>(resolver: AssemblyResolver<R>, asg: R): LaunchResolution<R> {
  const p = asg.properties;
  if (p.LaunchConfigurationName !== undefined) {
    const found = designated(resolver, asg, 'LaunchConfigurationName', CONFIGURATION, 'LaunchConfigurationName');
    if (!found.ok) return found;
    return { ok: true, launches: found.templates.map((lc) => ({ sources: [asg, lc], template: lc, settings: own(resolver, lc, '') })) };
  }
  const mixed = p.MixedInstancesPolicy?.LaunchTemplate;
  const specPath = mixed ? 'MixedInstancesPolicy/LaunchTemplate/LaunchTemplateSpecification' : 'LaunchTemplate';
  if (!mixed && p.LaunchTemplate === undefined) return { ok: true, launches: [{ sources: [asg], settings: new Map() }] };
  const base = templatesAt(resolver, asg, specPath);
  if (!base.ok) return base;
  let overrides: unknown[] = [];
  if (mixed?.Overrides !== undefined) {
    const res = resolver.resolve(asg, 'MixedInstancesPolicy/LaunchTemplate/Overrides');
    if (!res.ok) return res;
    if (res.values.length !== 1 || !Array.isArray(res.values[0].value)) return unresolvedAt(asg, 'MixedInstancesPolicy/LaunchTemplate/Overrides', 'the overrides are not known at synth');
    overrides = res.values[0].value;
  }
  if (overrides.length === 0) {
    return { ok: true, launches: base.templates.map((t) => ({ sources: [asg, t], template: t, settings: own(resolver, t, 'LaunchTemplateData/') })) };
  }
  const launches: Launch<R>[] = [];
  for (const [i, o] of overrides.entries()) {
    const at = `MixedInstancesPolicy/LaunchTemplate/Overrides/${i}`;
    const spec = (o as any)?.LaunchTemplateSpecification;
    const templates = spec !== undefined ? templatesAt(resolver, asg, `${at}/LaunchTemplateSpecification`) : base;
    if (!templates.ok) return templates;
    for (const t of templates.templates) {
      const settings = own(resolver, t, 'LaunchTemplateData/');
      for (const s of ['InstanceType', 'InstanceRequirements'] as const) {
        if ((o as any)?.[s] !== undefined) {
          settings.delete('InstanceType');
          settings.delete('InstanceRequirements');
          settings.set(s, { from: asg, path: `${at}/${s}` });
        }
      }
      launches.push({ sources: [asg, t], template: t, override: i, settings });
    }
  }
  return { ok: true, launches };
}

type Templates<R> = { readonly ok: true; readonly templates: R[] } | { readonly ok: false; readonly unresolved: Unresolved };

/** The launch templates a `LaunchTemplateSpecification` at `path` designates: by id, by name, or by the version attribute. */
function templatesAt<R extends ResolvableResource>(resolver: AssemblyResolver<R>, r: R, path: string): Templates<R> {
  for (const field of ['LaunchTemplateId', 'LaunchTemplateName', 'Version']) {
    const raw = valueAtPath(r.properties, path)?.[field];
    if (raw === undefined) continue;
    // A literal version ('1', '$Latest') names no template: the template comes from the id or name.
    if (field === 'Version' && typeof raw !== 'object') continue;
    const found = designated(resolver, r, `${path}/${field}`, TEMPLATE, field === 'LaunchTemplateName' ? 'LaunchTemplateName' : undefined);
    if (!found.ok || field !== 'Version' || found.templates.length > 0) return found;
  }
  return unresolvedAt(r, path, 'the launch template specification names no launch template (LaunchTemplateId or LaunchTemplateName)');
}

/** The resources of `type` a property designates: references, or (with `nameProperty`) a literal name of a resource of the stack. */
function designated<R extends ResolvableResource>(resolver: AssemblyResolver<R>, r: R, path: string, type: string, nameProperty?: string): Templates<R> {
  const res = resolver.resolve(r, path);
  if (!res.ok) return res;
  const templates: R[] = [];
  for (const { value } of res.values) {
    if (value instanceof ResourceValue && value.resource.type === type) templates.push(value.resource as R);
    else if (typeof value === 'string' && nameProperty && resolver.byName(r.stack, type, nameProperty, value)) templates.push(resolver.byName(r.stack, type, nameProperty, value)!);
    else if (value instanceof ResourceValue) return unresolvedAt(r, path, `it designates ${value.resource.path} (${value.resource.type}), not an ${type}`);
    else if (typeof value === 'string') return unresolvedAt(r, path, `${type} '${value}' is not part of the app`);
    else return unresolvedAt(r, path, `the ${type} is not known at synth (${String(value)})`);
  }
  return { ok: true, templates: [...new Set(templates)] };
}

function unresolvedAt<R extends ResolvableResource>(r: R, path: string, reason: string): { ok: false; unresolved: Unresolved } {
  return {
    ok: false,
    unresolved: {
      stack: r.stack.path,
      logicalId: r.logicalId,
      resource: r.path,
      property: path,
      reason,
      value: valueAtPath(r.properties, path),
      message: `${r.path} ${path}: ${reason}`,
    },
  };
}
