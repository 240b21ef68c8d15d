import { AppView, ResourceView } from '../rule';
import { asList, literalString, ResourceValue, Text, Unresolved } from '../../aws';
import { referrers, referrersOf } from './references';

/**
 * Where a store delivers its data to subscribers: its own list (`inline`, items with `protocol` and `endpoint`) and the
 * subscription resources naming it (`type`, by `target`). The `deliveries` facts of `lib/aws/data-stores.ts` (an SNS
 * topic's `Subscription` list and its `AWS::SNS::Subscription`s).
 */
export interface DeliveryPaths {
  readonly inline: string;
  readonly type: string;
  readonly target: string;
  readonly protocol: string;
  readonly endpoint: string;
}

/** One subscription of a store, from its own list or a subscription resource of the app. */
export interface StoreSubscription {
  /** The store itself (an item of its own list) or the subscription resource. */
  readonly from: ResourceView;
  /** The protocol: a string when it is known at synth, else the value as the template or the resolver gives it. */
  readonly protocol: unknown;
  /** The endpoint, as the template or the resolver gives it. */
  readonly endpoint: unknown;
  /** The property path of the protocol on `from`. */
  readonly location: string;
}

/**
 * Every subscription of a store: the items of its own list in every `Fn::If` branch, then each subscription resource
 * of the app that names it. `unresolved` says why its own list could not be read (its items are then missing).
 */
export function subscriptionsOf(r: ResourceView, app: AppView, d: DeliveryPaths): { readonly subscriptions: readonly StoreSubscription[]; readonly unresolved?: Unresolved } {
  const subscriptions: StoreSubscription[] = [];
  const own = app.resolve(r, d.inline);
  if (own.ok) {
    for (const { value } of own.values) {
      for (const [i, sub] of asList<unknown>(value).entries()) {
        const s = sub && typeof sub === 'object' ? (sub as { [key: string]: unknown }) : {};
        subscriptions.push({ from: r, protocol: s[d.protocol], endpoint: s[d.endpoint], location: `${d.inline}/${i}/${d.protocol}` });
      }
    }
  }
  const index = referrers(app, { key: `deliveries:${d.type}`, fromType: d.type, path: d.target, targetType: r.type });
  for (const sub of referrersOf(r, index)) {
    const raw = sub.properties[d.protocol];
    subscriptions.push({ from: sub, protocol: literalString(raw) ?? raw, endpoint: sub.properties[d.endpoint], location: d.protocol });
  }
  return own.ok ? { subscriptions } : { subscriptions, unresolved: own.unresolved };
}

/** An endpoint as a finding names it: the literal, a text with its unknown parts marked, or the resource it names. */
export function endpointName(endpoint: unknown): string | undefined {
  if (typeof endpoint === 'string') return endpoint;
  if (endpoint instanceof Text) return endpoint.render();
  if (endpoint instanceof ResourceValue) return endpoint.resource.path;
  return literalString(endpoint);
}
