import { AppView, ResourceView, StackView } from '../rule';
import { asList, isDeployTime, isFalse, isObject, isTrue, literalString, Unresolved } from '../../aws';

/**
 * Which accounts an app deploys to, and which of them the template shows CloudTrail recording in every region: the
 * facts behind item 1.13 ("AWS CloudTrail must be enabled on all AWS accounts and in every region"), read once per pass.
 */

/** Somewhere the app deploys: an account, an environment-agnostic stack, or the accounts a StackSet targets. */
export interface DeploymentTarget {
  /** `account:<id>`, `stack:<path>` (environment-agnostic), `ou:<id>` or `stackset:<path>` (targets not known at synth). */
  readonly key: string;
  /** How the report names it. */
  readonly label: string;
}

/** What a trail of the app contributes: whether it records every region of its account(s), and if not why. */
export interface TrailReading {
  readonly trail: ResourceView;
  /** Logging, multi-region and with global service events in every `Fn::If` branch. */
  readonly counts: boolean;
  /** An organization trail: it records every account of the organization of the account it is deployed in. */
  readonly organization: boolean;
  /** Why it does not count (`counts: false`). */
  readonly why?: string;
  /** A value of the trail the resolver could not follow: the trail's own finding. */
  readonly unresolved?: Unresolved;
}

/** The app's trail coverage: every target, and those the template cannot show recorded. */
export interface TrailCoverage {
  readonly targets: readonly DeploymentTarget[];
  readonly uncovered: readonly DeploymentTarget[];
  /** What each trail of the app contributes. */
  readonly trails: ReadonlyMap<ResourceView, TrailReading>;
}

const FLAGS = ['IsLogging', 'IsMultiRegionTrail', 'IncludeGlobalServiceEvents', 'IsOrganizationTrail'] as const;

/** Reads one trail: its flags in every `Fn::If` branch. */
export function readTrail(trail: ResourceView, app: AppView): TrailReading {
  const values: { [K in typeof FLAGS[number]]?: unknown[] } = {};
  for (const flag of FLAGS) {
    const res = app.resolve(trail, flag);
    if (!res.ok) return { trail, counts: false, organization: false, why: res.unresolved.message, unresolved: res.unresolved };
    const unknown = res.values.find((a) => isDeployTime(a.value));
    if (unknown) return { trail, counts: false, organization: false, why: `trail ${trail.path} has ${flag} known only at deploy time (${String(unknown.value)})` };
    values[flag] = res.values.map((a) => a.value);
  }
  const all = (flag: typeof FLAGS[number], test: (v: unknown) => boolean) => values[flag]!.every(test);
  const organization = all('IsOrganizationTrail', isTrue);
  const why = !all('IsLogging', isTrue) ? `trail ${trail.path} does not log (IsLogging is not true)`
    : !all('IsMultiRegionTrail', isTrue) ? `trail ${trail.path} records only the region it is deployed in`
      : !all('IncludeGlobalServiceEvents', (v) => !isFalse(v)) ? `trail ${trail.path} leaves out global service events (IAM, STS)`
        : undefined;
  return { trail, counts: why === undefined, organization, ...(why ? { why } : {}) };
}

/** The stack a nested stack is deployed with (its account is its root's). */
function rootOf(stack: StackView, app: AppView): StackView {
  let s = stack;
  while (s.nestedIn) s = (app.resolver.stack(s.nestedIn.stack) as StackView | undefined) ?? s;
  return s;
}

/** The account unit a trail of this stack records: its account, or the stack itself when environment-agnostic. */
function unitOf(stack: StackView, app: AppView): string {
  const root = rootOf(stack, app);
  return root.account ? `account:${root.account}` : `stack:${root.path}`;
}

/** The targets of a StackSet: accounts, OUs, or a key standing for targets not known at synth. */
function stackSetTargets(set: ResourceView, app: AppView): DeploymentTarget[] {
  const unknown = (why: string): DeploymentTarget => ({ key: `stackset:${set.path}`, label: `the accounts StackSet ${set.path} deploys to (${why})` });
  const res = app.resolve(set, 'StackInstancesGroup');
  if (!res.ok) return [unknown(res.unresolved.message)];
  const out: DeploymentTarget[] = [];
  for (const { value } of res.values) {
    for (const group of asList(value)) {
      const targets = isObject(group) ? group.DeploymentTargets : undefined;
      if (!isObject(targets)) { out.push(unknown('its DeploymentTargets are not known at synth')); continue; }
      const filter = literalString(targets.AccountFilterType) ?? 'NONE';
      const ous = asList(targets.OrganizationalUnitIds);
      const accounts = ous.length === 0 || filter === 'INTERSECTION' || filter === 'UNION' ? asList(targets.Accounts) : [];
      if (targets.AccountsUrl !== undefined) out.push(unknown('its accounts are listed in the file at AccountsUrl'));
      for (const ou of filter === 'INTERSECTION' ? [] : ous) {
        const id = literalString(ou);
        out.push(id ? { key: `ou:${id}`, label: `the accounts of OU ${id} (StackSet ${set.path})` } : unknown('an OU id is known only at deploy time'));
      }
      for (const a of accounts) {
        const id = literalString(a);
        out.push(id ? { key: `account:${id}`, label: `account ${id} (StackSet ${set.path})` } : unknown('an account id is known only at deploy time'));
      }
    }
  }
  return out;
}

/** Whether a StackSet's own template (an inline `TemplateBody` in JSON) deploys a trail recording every region. */
function stackSetDeploysTrail(set: ResourceView): boolean {
  const body = literalString(set.properties.TemplateBody);
  if (body === undefined) return false;
  let template: any;
  try { template = JSON.parse(body); } catch { return false; }
  return Object.values<any>(isObject(template?.Resources) ? template.Resources : {}).some((r) => r?.Type === 'AWS::CloudTrail::Trail'
    && isTrue(r.Properties?.IsLogging) && isTrue(r.Properties?.IsMultiRegionTrail) && !isFalse(r.Properties?.IncludeGlobalServiceEvents));
}

/** The app's trail coverage, computed once per pass. */
export function trailCoverage(app: AppView): TrailCoverage {
  return app.memo('trail-coverage', () => {
    const targets = new Map<string, { label: string; stacks: string[] }>();
    const add = (t: DeploymentTarget, stack?: string) => {
      const known = targets.get(t.key) ?? { label: t.label, stacks: [] };
      if (stack) known.stacks.push(stack);
      targets.set(t.key, known);
    };
    // A stack defined inside another (a StackSet's template: cdk-stacksets' StackSetStack) deploys where its StackSet
    // says, which the StackSet's targets stand for; nested stacks deploy with their parent.
    const topLevel = app.stacks.filter((s) => !s.nestedIn);
    for (const stack of topLevel) {
      if (topLevel.some((o) => o !== stack && stack.path.startsWith(`${o.path}/`))) continue;
      add(stack.account ? { key: `account:${stack.account}`, label: `account ${stack.account}` } : { key: `stack:${stack.path}`, label: `environment-agnostic stack ${stack.path} (its account is known only at deploy time, so only a trail of its own or an organization trail can be shown to cover it)` }, stack.path);
    }
    const covered = new Set<string>();
    for (const set of app.ofType('AWS::CloudFormation::StackSet')) {
      const own = stackSetTargets(set, app);
      own.forEach((t) => add(t));
      if (stackSetDeploysTrail(set)) own.forEach((t) => covered.add(t.key));
    }
    const trails = new Map<ResourceView, TrailReading>();
    for (const trail of app.ofType('AWS::CloudTrail::Trail')) {
      const reading = readTrail(trail, app);
      trails.set(trail, reading);
      if (!reading.counts) continue;
      if (reading.organization) targets.forEach((_t, key) => covered.add(key));
      else covered.add(unitOf(trail.stack, app));
    }
    const all: DeploymentTarget[] = [...targets].map(([key, t]) => ({ key, label: t.stacks.length && key.startsWith('account:') ? `${t.label} (stack${t.stacks.length === 1 ? '' : 's'} ${t.stacks.join(', ')})` : t.label }));
    return { targets: all, uncovered: all.filter((t) => !covered.has(t.key)), trails };
  });
}
