import { AppView, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { asList } from '../../aws';

/** Each cache behaviour of a distribution (default first), every `Fn::If` branch, or what could not be followed. */
export function cacheBehaviours(r: ResourceView, app: AppView): { readonly behaviours: readonly { readonly name: string; readonly location: string; readonly value: any }[] } | RuleVerdict {
  const out: { name: string; location: string; value: any }[] = [];
  const defaults = app.resolve(r, 'DistributionConfig/DefaultCacheBehavior');
  if (!defaults.ok) return unverifiable('DistributionConfig/DefaultCacheBehavior', defaults.unresolved, 'DistributionConfig/DefaultCacheBehavior');
  for (const alt of defaults.values) out.push({ name: 'the default cache behaviour', location: 'DistributionConfig/DefaultCacheBehavior', value: alt.value });
  const ordered = app.resolve(r, 'DistributionConfig/CacheBehaviors');
  if (!ordered.ok) return unverifiable('DistributionConfig/CacheBehaviors', ordered.unresolved, 'DistributionConfig/CacheBehaviors');
  for (const alt of ordered.values) {
    asList<any>(alt.value).forEach((b, i) => out.push({ name: `the cache behaviour for ${typeof b?.PathPattern === 'string' ? b.PathPattern : `#${i}`}`, location: `DistributionConfig/CacheBehaviors/${i}`, value: b }));
  }
  return { behaviours: out };
}
