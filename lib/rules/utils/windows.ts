import { AppView, CompetencyRule, defineRule, NOT_APPLICABLE, ResourceView, RuleVerdict } from '../rule';
import { asgsUsing } from './autoscaling';
import { asList, isIntrinsic, LaunchSource, literalString, referencedLogicalId, tagsOf, valueAtPath } from '../../aws';

/**
 * Windows compute as the Microsoft Workloads rules see it, and how SSM resources target it.
 *
 * A Windows instance is an `AWS::EC2::Instance`, `AWS::EC2::LaunchTemplate` or
 * `AWS::AutoScaling::LaunchConfiguration` whose image is a Windows AMI, recognised by its SSM public
 * parameter (`/aws/service/ami-windows-latest/...`, what `MachineImage.latestWindows()` synthesizes: a
 * template parameter of type `AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>` or a
 * `{{resolve:ssm:...}}` string), or which carries the tag {@link WINDOWS_OS_TAG} (`OS: windows`) for
 * images that cannot be recognised (a literal AMI id).
 */
export const WINDOWS_OS_TAG = { key: 'OS', value: 'windows' } as const;

/** The SSM public parameter path of Windows AMIs. */
const WINDOWS_AMI_PARAMETER = /ami-windows-latest|\/windows\//i;

/** Types that launch instances. */
export const COMPUTE_TYPES = ['AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate', 'AWS::AutoScaling::LaunchConfiguration'];

/** The launch data of compute: image, user data and the tags its instances carry. */
export interface ComputeView {
  /** The image id, raw (as written where it is set). */
  readonly imageId: unknown;
  /** The resource that sets the image id (the instance, or the launch template it launches from). */
  readonly imageFrom: ResourceView;
  readonly userData: unknown;
  /** The tags instances get: their own, the launch template's instance tag specification, propagated Auto Scaling group tags. */
  readonly tags: ReadonlyMap<string, unknown>;
  /**
   * The tags AWS itself puts on the instances, each with the values a template may use to name it (a literal, or a `Ref`
   * to the resource in the same stack): `aws:autoscaling:groupName` on instances an Auto Scaling group launches ("Auto
   * Scaling automatically tags each one with the group name. This tag can be identified by its key,
   * aws:autoscaling:groupName", EC2 Auto Scaling guide, "Tagging Auto Scaling groups and instances"), and the
   * `aws:cloudformation:stack-name` and `aws:cloudformation:logical-id` CloudFormation adds ("CloudFormation adds the
   * following tags to all Auto Scaling groups and associated instances", CloudFormation reference, TagProperty).
   */
  readonly awsTags: ReadonlyMap<string, readonly unknown[]>;
}

/** The AWS-assigned tags of instances launched from `r` (an instance, or the groups of a template or configuration). */
function awsTagsOf(r: ResourceView, groups: readonly ResourceView[]): Map<string, unknown[]> {
  const tags = new Map<string, unknown[]>();
  const add = (key: string, ...values: unknown[]) => tags.set(key, [...(tags.get(key) ?? []), ...values.filter((v) => v !== undefined)]);
  const launchers = r.type === 'AWS::EC2::Instance' ? [r] : groups;
  for (const l of launchers) {
    add('aws:cloudformation:logical-id', l.logicalId);
    add('aws:cloudformation:stack-name', l.stack.stackName, { Ref: 'AWS::StackName' });
  }
  for (const g of groups) add('aws:autoscaling:groupName', literalString(g.properties.AutoScalingGroupName), { Ref: g.logicalId });
  return tags;
}

/** The raw value a launch setting points at. */
function rawOf(source: LaunchSource<ResourceView> | undefined): unknown {
  return source ? valueAtPath(source.from.properties, source.path) : undefined;
}

/** The instance tags a launch template's `TagSpecifications` give. */
function templateInstanceTags(template: ResourceView, into: Map<string, unknown>): void {
  for (const spec of asList<any>(template.properties.LaunchTemplateData?.TagSpecifications)) {
    if (spec?.ResourceType === 'instance') for (const t of asList<any>(spec.Tags)) if (typeof t?.Key === 'string') into.set(t.Key, t.Value);
  }
}

/** Reads the launch data of an instance (with what it inherits from its launch template), launch template or launch configuration. */
export function computeOf(r: ResourceView, app: AppView): ComputeView | undefined {
  if (!COMPUTE_TYPES.includes(r.type)) return undefined;
  const tags = new Map<string, unknown>();
  if (r.type === 'AWS::EC2::Instance') {
    const launches = app.launches(r);
    const launch = launches.ok ? launches.launches[0] : undefined;
    if (launch?.template?.type === 'AWS::EC2::LaunchTemplate') templateInstanceTags(launch.template, tags);
    for (const [k, v] of tagsOf(r)) tags.set(k, v);
    const image = launch?.settings.get('ImageId');
    return { imageId: image ? rawOf(image) : r.properties.ImageId, imageFrom: image?.from ?? r, userData: rawOf(launch?.settings.get('UserData')) ?? r.properties.UserData, tags, awsTags: awsTagsOf(r, []) };
  }
  if (r.type === 'AWS::EC2::LaunchTemplate') templateInstanceTags(r, tags);
  const groups = asgsUsing(r, app);
  for (const asg of groups) {
    for (const t of asList<any>(asg.properties.Tags)) if (typeof t?.Key === 'string' && t.PropagateAtLaunch !== false && t.PropagateAtLaunch !== 'false') tags.set(t.Key, t.Value);
  }
  const data: any = r.type === 'AWS::EC2::LaunchTemplate' ? r.properties.LaunchTemplateData ?? {} : r.properties;
  return { imageId: data.ImageId, imageFrom: r, userData: data.UserData, tags, awsTags: awsTagsOf(r, groups) };
}

/** Whether the compute runs Windows (by image parameter or by the OS tag). */
export function isWindows(compute: ComputeView): boolean {
  const os = compute.tags.get(WINDOWS_OS_TAG.key);
  if (typeof os === 'string' && os.toLowerCase() === WINDOWS_OS_TAG.value) return true;
  const image = compute.imageId;
  if (typeof image === 'string') return /^\{\{resolve:ssm:/.test(image) && WINDOWS_AMI_PARAMETER.test(image);
  const ref = isIntrinsic(image) && typeof image.Ref === 'string' ? image.Ref : undefined;
  const param: any = ref ? compute.imageFrom.stack.template.Parameters?.[ref] : undefined;
  return typeof param?.Type === 'string' && param.Type.startsWith('AWS::SSM::Parameter::Value') && typeof param.Default === 'string' && WINDOWS_AMI_PARAMETER.test(param.Default);
}

/** The Windows compute of a resource, or undefined when it is not Windows compute. */
export function windowsCompute(r: ResourceView, app: AppView): ComputeView | undefined {
  const c = computeOf(r, app);
  return c && isWindows(c) ? c : undefined;
}

/** Groups resources by the account they deploy to (`env-agnostic` stacks group together: they deploy to one CLI environment). */
export function byAccount(resources: readonly ResourceView[]): ReadonlyMap<string, readonly ResourceView[]> {
  const index = new Map<string, ResourceView[]>();
  for (const r of resources) {
    const key = accountOf(r);
    const list = index.get(key);
    if (list) list.push(r); else index.set(key, [r]);
  }
  return index;
}

/** The account key of a resource's stack. */
export function accountOf(r: ResourceView): string {
  return r.stack.account ?? 'env-agnostic';
}

/**
 * Whether SSM `Targets` (`[{ Key, Values }]`, as on associations, maintenance window targets and tasks)
 * select instances of this compute: `InstanceIds` `*` or a `Ref` to the instance, `tag:<key>` with one of
 * the tag's values, or `tag-key` naming one of its tags; the tags AWS puts on the instances count
 * (`tag:aws:autoscaling:groupName` with the group's name, as partners target an Auto Scaling group's instances).
 */
export function targetsSelect(targets: unknown, owner: ResourceView, compute: ResourceView, view: ComputeView): boolean {
  return asList<any>(targets).some((t) => {
    const key = literalString(t?.Key);
    const values = asList<unknown>(t?.Values);
    if (key === 'InstanceIds') {
      return values.some((v) => v === '*' || (compute.type === 'AWS::EC2::Instance' && owner.stack === compute.stack && referencedLogicalId(v) === compute.logicalId));
    }
    if (key === 'tag-key') return values.some((v) => typeof v === 'string' && (view.tags.has(v) || (view.awsTags.get(v)?.length ?? 0) > 0));
    if (key?.startsWith('tag:')) {
      const name = key.slice(4);
      const tag = view.tags.get(name);
      // AWS's own tags name the resource as the template does: by `Ref` only from the stack that declares it.
      const aws = owner.stack === compute.stack ? view.awsTags.get(name) ?? [] : (view.awsTags.get(name) ?? []).filter((a) => typeof a === 'string');
      return values.some((v) => (tag !== undefined && JSON.stringify(v) === JSON.stringify(tag)) || aws.some((a) => JSON.stringify(v) === JSON.stringify(a)));
    }
    return false;
  });
}

/** Resources of one SSM type by account, indexed once per pass. */
export function ssmByAccount(app: AppView, type: string): ReadonlyMap<string, readonly ResourceView[]> {
  return app.memo(`windows/ssm-by-account/${type}`, () => byAccount(app.ofType(type)));
}

/** The SSM resources of one type in the account of a resource. */
export function ssmInAccountOf(r: ResourceView, app: AppView, type: string): readonly ResourceView[] {
  return ssmByAccount(app, type).get(accountOf(r)) ?? [];
}

/** Whether an `AWS::SSM::Association` applies to the compute: by `Targets`, or by `InstanceId` referencing the instance. */
export function associationSelects(association: ResourceView, compute: ResourceView, view: ComputeView): boolean {
  const p = association.properties;
  if (compute.type === 'AWS::EC2::Instance' && association.stack === compute.stack && referencedLogicalId(p.InstanceId) === compute.logicalId) return true;
  return targetsSelect(p.Targets, association, compute, view);
}

/** Whether an SSM document name (or ARN) is the given document. */
export function isDocument(name: unknown, document: string): boolean {
  return typeof name === 'string' && (name === document || name.endsWith(`/${document}`));
}

/** A rule about Windows compute: what {@link defineWindowsRule} takes. */
export interface WindowsRuleDefinition extends Omit<CompetencyRule, 'resourceTypes' | 'scope' | 'check'> {
  /** The check, for Windows compute only (everything else is not applicable). */
  checkWindows(r: ResourceView, app: AppView, compute: ComputeView): RuleVerdict;
}

/**
 * Declares a Microsoft Workloads rule: it reads the compute types, looks across the app (SSM resources of the
 * same account), and is not applicable to anything but Windows compute.
 */
export function defineWindowsRule(def: WindowsRuleDefinition): CompetencyRule {
  const { checkWindows, ...meta } = def;
  return defineRule({
    ...meta,
    resourceTypes: COMPUTE_TYPES,
    scope: 'app',
    check(r, app) {
      if (!COMPUTE_TYPES.includes(r.type)) return NOT_APPLICABLE;
      const compute = windowsCompute(r, app);
      return compute ? checkWindows(r, app, compute) : NOT_APPLICABLE;
    },
  });
}
