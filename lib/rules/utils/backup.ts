import { METADATA } from '../../conventions';
import { AppView, ResourceView, StackView } from '../rule';
import { asList, backupArnOf, dataStoreFacts, DeployTimeValue, isIntrinsic, literalString, partitionOf, ResourceValue, tagsOf, Text } from '../../aws';
import { storeTagSets } from './data-stores';
import { accountKeyOf, resourceKey } from './references';

/** Helpers for AWS Backup plans and selections, recovery objectives and schedules (checklist 2.6, 2.7, 2.10-2.13). */

/** The rules of an `AWS::Backup::BackupPlan`, or undefined when the plan document is an intrinsic. */
export function planRules(plan: ResourceView): readonly { readonly [key: string]: any }[] | undefined {
  const doc = plan.properties.BackupPlan;
  if (isIntrinsic(doc) || isIntrinsic(doc?.BackupPlanRule)) return undefined;
  return asList<any>(doc?.BackupPlanRule).map((r) => r ?? {});
}

type Objectives =
  | { readonly ok: true; readonly rpoMinutes: number; readonly rtoMinutes: number; readonly from?: string }
  | { readonly ok: false; readonly missing: boolean; readonly problem: string };

function readObjectives(stack: StackView): Objectives | undefined {
  const declared = stack.metadata[METADATA.RECOVERY_OBJECTIVES];
  if (declared === undefined) return undefined;
  const { rpoMinutes, rtoMinutes } = declared ?? {};
  const valid = (v: unknown) => typeof v === 'number' && isFinite(v) && v > 0;
  if (!valid(rpoMinutes) || !valid(rtoMinutes)) {
    return { ok: false, missing: false, problem: `stack ${stack.path} declares recovery objectives ${JSON.stringify(declared)}, which are not positive numbers of minutes (rpoMinutes, rtoMinutes)` };
  }
  return { ok: true, rpoMinutes, rtoMinutes };
}

/**
 * A stack's recovery objectives (template metadata `cdk-competency:recovery-objectives`), or why they cannot
 * be read. A stack that declares none uses the declaration of the other stacks of its stage, else of the app,
 * when those agree (one value); `from` then names where it was read. `missing` tells an absent declaration
 * from a malformed or ambiguous one.
 */
export function recoveryObjectivesOf(stack: StackView, app?: AppView): Objectives {
  const own = readObjectives(stack);
  if (own) return own;
  for (const scope of app ? [app.stacks.filter((s) => s !== stack && s.stage === stack.stage), app.stacks.filter((s) => s !== stack)] : []) {
    const declared = scope.map((s) => ({ s, o: readObjectives(s) })).filter((x): x is { s: StackView; o: Objectives } => x.o !== undefined);
    if (declared.length === 0) continue;
    const valid = declared.filter((x) => x.o.ok) as { s: StackView; o: Extract<Objectives, { ok: true }> }[];
    const values = new Set(valid.map((x) => `${x.o.rpoMinutes}/${x.o.rtoMinutes}`));
    if (valid.length === declared.length && values.size === 1) {
      return { ...valid[0].o, from: declared.map((x) => x.s.path).join(', ') };
    }
    return {
      ok: false,
      missing: false,
      problem: `stack ${stack.path} declares no recovery objectives, and the stacks that do (${declared.map((x) => x.s.path).join(', ')}) do not agree on one valid value`,
    };
  }
  return {
    ok: false,
    missing: true,
    problem: `no recovery objectives are declared for stack ${stack.path}, on it or elsewhere in the app (template metadata '${METADATA.RECOVERY_OBJECTIVES}')`,
  };
}

// ---- selections -------------------------------------------------------------------------------------

/** One `AWS::Backup::BackupSelection`, read once. */
interface Selection {
  readonly resource: ResourceView;
  readonly globs: readonly RegExp[];
  readonly notGlobs: readonly RegExp[];
  readonly notRefs: ReadonlySet<string>;
  /** `ListOfTags` (any of them selects). */
  readonly anyTags: readonly { readonly key: string; readonly value: string }[];
  /** `Conditions` (all of them must hold). */
  readonly conditions: readonly { readonly op: string; readonly key: string; readonly value: string }[];
  /** Whether the selection names resources at all (by ARN, reference or tags), rather than only conditions. */
  readonly names: boolean;
  /** Values of the selection that could not be read. */
  readonly unresolved: readonly unknown[];
}

interface SelectionIndex {
  /** Selections naming a resource by reference (or by a followed import): resource key → selections. */
  readonly byRef: ReadonlyMap<string, readonly Selection[]>;
  /** Selections that can match without a reference (ARN patterns, tags, conditions), by account key ({@link accountKeyOf}). */
  readonly byAccount: ReadonlyMap<string, readonly Selection[]>;
  /** The selections of each account key with a part that could not be read. */
  readonly unresolvedByAccount: ReadonlyMap<string, readonly ResourceView[]>;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v); else m.set(k, [v]);
}

const glob = (pattern: string) => new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);

/** Every backup selection of the app, indexed once per pass. */
export function backupSelections(app: AppView): SelectionIndex {
  return app.memo('backup-selections', () => {
    const byRef = new Map<string, Selection[]>();
    const byAccount = new Map<string, Selection[]>();
    const unresolvedByAccount = new Map<string, ResourceView[]>();
    for (const r of app.ofType('AWS::Backup::BackupSelection')) {
      const doc = r.properties.BackupSelection ?? {};
      const unresolved: unknown[] = [];
      const globs: RegExp[] = [];
      const refs: ResourceView[] = [];
      const notGlobs: RegExp[] = [];
      const notRefs = new Set<string>();
      const readArns = (path: string, intoGlobs: RegExp[], intoRefs: (t: ResourceView) => void) => {
        const res = app.resolve(r, path);
        if (!res.ok) { unresolved.push(res.unresolved); return; }
        // A list chosen by Fn::If selects different resources per branch: not read as one selection.
        if (res.values.length !== 1) { unresolved.push(r.properties.BackupSelection?.[path.split('/')[1]]); return; }
        for (const v of asList(res.values[0].value)) {
          if (v instanceof ResourceValue) { intoRefs(v.resource as ResourceView); continue; }
          if (typeof v === 'string') { intoGlobs.push(glob(v)); continue; }
          const refs = v instanceof Text ? v.parts.filter((p): p is ResourceValue => p instanceof ResourceValue).map((p) => p.resource as ResourceView).filter((x) => x.type !== 'AWS::Backup::BackupPlan') : [];
          if (refs.length > 0) refs.forEach(intoRefs);
          // An ARN pattern whose unknown parts are pseudo parameters (account, region, partition) matches them as wildcards.
          else if (v instanceof Text && v.parts.every((p) => typeof p === 'string' || (p instanceof DeployTimeValue && p.kind === 'pseudo'))) intoGlobs.push(glob(v.render(() => '*')));
          else if (v !== undefined) unresolved.push(v);
        }
      };
      if (isIntrinsic(doc)) unresolved.push(doc);
      readArns('BackupSelection/Resources', globs, (t) => refs.push(t));
      readArns('BackupSelection/NotResources', notGlobs, (t) => notRefs.add(resourceKey(t)));
      const anyTags = asList<any>(doc.ListOfTags).map((t) => ({ key: literalString(t?.ConditionKey), value: literalString(t?.ConditionValue) }));
      const conditions = Object.entries(isIntrinsic(doc.Conditions) ? {} : doc.Conditions ?? {}).flatMap(([op, list]) =>
        asList<any>(list).map((c) => ({ op, key: literalString(c?.ConditionKey)?.replace(/^aws:ResourceTag\//, ''), value: literalString(c?.ConditionValue) })));
      if (anyTags.some((t) => t.key === undefined || t.value === undefined) || conditions.some((c) => c.key === undefined || c.value === undefined)) unresolved.push(doc.ListOfTags ?? doc.Conditions);
      const sel: Selection = {
        resource: r,
        globs,
        notGlobs,
        notRefs,
        anyTags: anyTags.filter((t) => t.key !== undefined && t.value !== undefined) as Selection['anyTags'],
        conditions: conditions.filter((c) => c.key !== undefined && c.value !== undefined) as Selection['conditions'],
        names: globs.length + refs.length + anyTags.length > 0,
        unresolved,
      };
      for (const t of refs) push(byRef, resourceKey(t), sel);
      const ak = accountKeyOf(r.stack);
      if (globs.length > 0 || sel.anyTags.length > 0 || (!sel.names && sel.conditions.length > 0)) push(byAccount, ak, sel);
      if (unresolved.length > 0) push(unresolvedByAccount, ak, r);
    }
    return { byRef, byAccount, unresolvedByAccount };
  });
}

/** The ARN a data store will have, with generated names as `<generated>` (matched only by wildcards). */
export function arnOf(r: ResourceView): string | undefined {
  return backupArnOf(r.type, r.properties, { partition: r.stack.region ? partitionOf(r.stack.region)?.id : undefined, region: r.stack.region, account: r.stack.account });
}

/**
 * The tags a data store carries, as AWS Backup sees them: its tags property (`lib/aws/data-stores.ts`), with, for an
 * instance or Auto Scaling group, the tags its launch template gives the instances (a group counts the tags it
 * propagates to them); for a global table, the first replica's.
 */
export function dataStoreTags(r: ResourceView, app: AppView): ReadonlyMap<string, unknown> {
  const found = storeTagSets(r, app);
  if (found.ok && found.sets.length > 0) return found.sets[0].tags;
  return tagsOf(r, dataStoreFacts(r.type)?.tags.split('/')[0] ?? 'Tags');
}

/** Whether two stacks can be in the same region (an unknown region can be any). */
function sameRegion(a: StackView, b: StackView): boolean {
  return a.region === undefined || b.region === undefined || a.region === b.region;
}

function selects(sel: Selection, r: ResourceView, arn: string, tags: ReadonlyMap<string, unknown>, byRef: boolean): boolean {
  const included = byRef || sel.globs.some((g) => g.test(arn)) || sel.anyTags.some((t) => tags.get(t.key) === t.value) || (!sel.names && sel.conditions.length > 0);
  if (!included || sel.notRefs.has(resourceKey(r)) || sel.notGlobs.some((g) => g.test(arn))) return false;
  return sel.conditions.every(({ op, key, value }) => {
    const actual = tags.get(key);
    const eq = op.endsWith('Like') ? typeof actual === 'string' && glob(value).test(actual) : actual === value;
    return op.startsWith('StringNot') ? !eq : eq;
  });
}

/**
 * Whether an AWS Backup selection of the resource's own account and region covers it (a backup plan protects the
 * resources of its own region only; copies to another region are copies of what it backed up): by reference, by an
 * ARN (wildcards allowed), by `ListOfTags`, narrowed by `NotResources` and `Conditions`. When none does, `otherRegion`
 * names a selection of the account that would select it from another region.
 */
export function backupCoverage(r: ResourceView, app: AppView):
  | { readonly covered: true; readonly by: ResourceView }
  | { readonly covered: false; readonly unresolved?: ResourceView; readonly otherRegion?: ResourceView } {
  const index = backupSelections(app);
  const arn = arnOf(r) ?? '';
  const tags = dataStoreTags(r, app);
  let otherRegion: ResourceView | undefined;
  const candidates = [...(index.byRef.get(resourceKey(r)) ?? []).map((sel) => ({ sel, byRef: true })), ...(index.byAccount.get(accountKeyOf(r.stack)) ?? []).map((sel) => ({ sel, byRef: false }))];
  for (const { sel, byRef } of candidates) {
    if (!selects(sel, r, arn, tags, byRef)) continue;
    if (sameRegion(sel.resource.stack, r.stack)) return { covered: true, by: sel.resource };
    otherRegion ??= sel.resource;
  }
  const unresolved = index.unresolvedByAccount.get(accountKeyOf(r.stack))?.filter((sel) => sameRegion(sel.stack, r.stack))[0];
  return { covered: false, unresolved, otherRegion };
}
