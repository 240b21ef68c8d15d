import { AppView, ResourceView } from '../rule';
import { literalNumber, literalString, ResourceValue, Text } from '../../aws';
import { resolveResource, resourceKey } from './references';

/** Application Auto Scaling: the scalable targets of a resource and their scaling policies (items 2.2 and 2.8). */

/** One scalable target of a resource. */
export interface ScalableTarget {
  readonly target: ResourceView;
  readonly dimension?: string;
  /** `MinCapacity` and `MaxCapacity` when literal. */
  readonly min?: number;
  readonly max?: number;
  /** Scaling policies (target tracking or step) attached to the target. */
  readonly policies: readonly ResourceView[];
}

/** The resources a `ResourceId` designates: every resource referenced in it (`service/${Ref Cluster}/${GetAtt Service.Name}`). */
function designated(target: ResourceView, app: AppView): { readonly refs: ResourceView[]; readonly literal?: string } {
  const res = app.resolve(target, 'ResourceId');
  if (!res.ok) return { refs: [] };
  const refs: ResourceView[] = [];
  let literal: string | undefined;
  for (const { value } of res.values) {
    if (value instanceof ResourceValue) {
      refs.push(value.resource as ResourceView);
    } else if (value instanceof Text) {
      for (const p of value.parts) if (p instanceof ResourceValue) refs.push(p.resource as ResourceView);
    } else if (typeof value === 'string') {
      literal = value;
    }
  }
  return { refs, literal };
}

/** Scalable targets by the key of each resource their ResourceId references, and by literal resource id; built once per pass. */
function targetIndex(app: AppView): { byResource: ReadonlyMap<string, ResourceView[]>; byLiteral: ReadonlyMap<string, ResourceView[]>; policies: ReadonlyMap<string, ResourceView[]> } {
  return app.memo('application-auto-scaling', () => {
    const byResource = new Map<string, ResourceView[]>();
    const byLiteral = new Map<string, ResourceView[]>();
    const policies = new Map<string, ResourceView[]>();
    const push = (m: Map<string, ResourceView[]>, k: string, v: ResourceView) => { const l = m.get(k); if (l) { if (!l.includes(v)) l.push(v); } else m.set(k, [v]); };
    for (const t of app.ofType('AWS::ApplicationAutoScaling::ScalableTarget')) {
      const { refs, literal } = designated(t, app);
      for (const r of refs) push(byResource, resourceKey(r), t);
      if (literal !== undefined) push(byLiteral, `${literalString(t.properties.ServiceNamespace)}|${literal}`, t);
    }
    for (const p of app.ofType('AWS::ApplicationAutoScaling::ScalingPolicy')) {
      const target = resolveResource(p, p.properties.ScalingTargetId, app);
      if (target?.type === 'AWS::ApplicationAutoScaling::ScalableTarget') { push(policies, resourceKey(target), p); continue; }
      // A policy may name its target by ResourceId, ScalableDimension and ServiceNamespace instead.
      for (const t of designated(p, app).refs.flatMap((r) => byResource.get(resourceKey(r)) ?? [])) {
        if (t.properties.ScalableDimension === p.properties.ScalableDimension) push(policies, resourceKey(t), p);
      }
    }
    return { byResource, byLiteral, policies };
  });
}

/**
 * The scalable targets of `namespace` whose `ResourceId` designates the resource: by reference, or by a literal
 * resource id ending in one of the resource's literal names.
 */
export function scalableTargetsOf(r: ResourceView, namespace: string, literalNames: readonly (string | undefined)[], app: AppView): ScalableTarget[] {
  const idx = targetIndex(app);
  const found = new Set<ResourceView>(idx.byResource.get(resourceKey(r)) ?? []);
  for (const [key, targets] of idx.byLiteral) {
    const [ns, id] = [key.slice(0, key.indexOf('|')), key.slice(key.indexOf('|') + 1)];
    if (ns !== namespace) continue;
    if (literalNames.some((n) => n !== undefined && (id.endsWith(`/${n}`) || id.endsWith(`:${n}`)))) targets.forEach((t) => found.add(t));
  }
  return [...found]
    .filter((t) => literalString(t.properties.ServiceNamespace) === namespace)
    .map((t) => ({
      target: t,
      dimension: literalString(t.properties.ScalableDimension),
      min: literalNumber(t.properties.MinCapacity),
      max: literalNumber(t.properties.MaxCapacity),
      policies: idx.policies.get(resourceKey(t)) ?? [],
    }));
}
