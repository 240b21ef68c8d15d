import { AppView, ResourceView } from '../rule';
import { asList, dataStoreFacts, isObject, ResourceValue, Text, Unresolved } from '../../aws';
import { byLiteralProperty } from './references';

/**
 * Whether a resource is a member of a cluster that the rules judge instead (an Aurora instance, a DocumentDB or Neptune
 * instance, a cache cluster of a replication group): its facts name the property, and the template sets it.
 */
export function isClusterMember(r: ResourceView, memberPath: string | undefined): boolean {
  return memberPath !== undefined && r.properties[memberPath] !== undefined;
}

/** The tags of one alternative of a resolved tags property (`[{ Key, Value }]` or a map), as a map. */
export function tagMap(value: unknown): ReadonlyMap<string, unknown> {
  const tags = new Map<string, unknown>();
  if (Array.isArray(value)) {
    for (const t of value) if (isObject(t) && typeof t.Key === 'string') tags.set(t.Key, t.Value);
  } else if (isObject(value) && !(value instanceof ResourceValue)) {
    for (const [k, v] of Object.entries(value)) tags.set(k, v);
  }
  return tags;
}

/** One set of tags a resource may carry, where it was read, and the `Fn::If` branch it belongs to. */
export interface TagSet {
  readonly tags: ReadonlyMap<string, unknown>;
  /** The property path the tags were read from (for messages and finding locations). */
  readonly path: string;
  /** What carries them, for messages ("the DynamoDB table", "replica eu-west-2"). */
  readonly where: string;
}

/**
 * Every set of tags that must carry a data store's tag: its own tags property in every `Fn::If` branch; for a DynamoDB
 * global table, each replica's; for an instance or Auto Scaling group, its own tags merged with those its launch
 * template gives the instances and volumes it launches. Or what could not be followed.
 */
export function storeTagSets(r: ResourceView, app: AppView): { readonly ok: true; readonly sets: readonly TagSet[] } | { readonly ok: false; readonly unresolved: Unresolved; readonly path: string } {
  const facts = dataStoreFacts(r.type);
  if (!facts) return { ok: true, sets: [] };
  const noun = `the ${facts.noun}`;
  if (facts.tags.includes('/*/')) {
    const [list, rest] = facts.tags.split('/*/');
    const res = app.resolve(r, list);
    if (!res.ok) return { ok: false, unresolved: res.unresolved, path: list };
    const sets: TagSet[] = [];
    for (const alt of res.values) {
      asList<any>(alt.value).forEach((item, i) => {
        const replica = isObject(item) ? item : {};
        sets.push({ tags: tagMap(replica[rest]), path: `${list}/${i}/${rest}`, where: `replica ${typeof replica.Region === 'string' ? replica.Region : i}` });
      });
    }
    return { ok: true, sets };
  }
  if (facts.tagsOf) {
    const of = facts.tagsOf;
    const source = sourceResource(r, r.properties[of.path], of.type, of.name, app);
    if (source.kind !== 'resource') {
      const reason = source.kind === 'outside'
        ? `the ${of.noun} '${source.name}' is not part of the app, so its tags cannot be read`
        : `the ${of.noun} is not known at synth`;
      const value = source.kind === 'outside' ? source.name : source.value;
      return { ok: false, path: of.path, unresolved: { stack: r.stack.path, logicalId: r.logicalId, resource: r.path, property: of.path, reason, value, message: `${r.path} ${of.path}: ${reason}` } };
    }
    const tags = app.resolve(source.resource, facts.tags);
    if (!tags.ok) return { ok: false, unresolved: tags.unresolved, path: of.path };
    return { ok: true, sets: tags.values.map((alt) => ({ tags: tagMap(alt.value), path: of.path, where: `its ${of.noun} ${source.resource.path}` })) };
  }
  const own = app.resolve(r, facts.tags);
  if (!own.ok) return { ok: false, unresolved: own.unresolved, path: facts.tags };
  const launched = facts.encryption.kind === 'volumes' ? launchTemplateTags(r, app) : { ok: true as const, tags: [new Map<string, unknown>()] };
  if (!launched.ok) return { ok: false, unresolved: launched.unresolved, path: 'LaunchTemplate' };
  const sets: TagSet[] = [];
  for (const alt of own.values) {
    for (const extra of launched.tags) {
      sets.push({ tags: new Map([...extra, ...ownTags(r, alt.value)]), path: facts.tags, where: noun });
    }
  }
  return { ok: true, sets };
}

/** A resource's own tags (an Auto Scaling group's count when they propagate to its instances). */
function ownTags(r: ResourceView, value: unknown): ReadonlyMap<string, unknown> {
  if (r.type !== 'AWS::AutoScaling::AutoScalingGroup') return tagMap(value);
  return tagMap(asList<any>(value).filter((t) => isObject(t) && t.PropagateAtLaunch !== false && t.PropagateAtLaunch !== 'false'));
}

/** The tags the launch template of an instance or group gives the instances and volumes it launches, one map per launch. */
function launchTemplateTags(r: ResourceView, app: AppView): { readonly ok: true; readonly tags: readonly ReadonlyMap<string, unknown>[] } | { readonly ok: false; readonly unresolved: Unresolved } {
  const launches = app.launches(r);
  if (!launches.ok) return launches;
  const out: ReadonlyMap<string, unknown>[] = [];
  for (const launch of launches.launches) {
    const source = launch.settings.get('TagSpecifications');
    if (!source || source.from === r) { out.push(new Map()); continue; }
    const res = app.resolve(source.from, source.path);
    if (!res.ok) return res;
    for (const alt of res.values) {
      const tags = new Map<string, unknown>();
      for (const spec of asList<any>(alt.value)) {
        if (isObject(spec) && (spec.ResourceType === 'instance' || spec.ResourceType === 'volume')) for (const [k, v] of tagMap(spec.Tags)) tags.set(k, v);
      }
      out.push(tags);
    }
  }
  return { ok: true, tags: out.length > 0 ? out : [new Map()] };
}

/**
 * The resource of `type` a value designates: a reference (through chains, imports, nested stacks), or a literal
 * identifier or ARN ending in an identifier that a resource of the app sets in `nameProperty` in the same stack.
 */
export function sourceResource(from: ResourceView, value: unknown, type: string, nameProperty: string, app: AppView):
  | { readonly kind: 'resource'; readonly resource: ResourceView }
  | { readonly kind: 'outside'; readonly name: string }
  | { readonly kind: 'unknown'; readonly value: unknown } {
  const res = app.resolveValue(from, value, nameProperty);
  if (!res.ok) return { kind: 'unknown', value: res.unresolved };
  if (res.values.length !== 1) return { kind: 'unknown', value };
  const v = res.values[0].value;
  if (v instanceof ResourceValue && v.resource.type === type) return { kind: 'resource', resource: v.resource as ResourceView };
  // An ARN built around a reference (`arn:...:db:${Ref}`) designates the resource it references.
  const part = v instanceof Text ? v.parts.find((p): p is ResourceValue => p instanceof ResourceValue && p.resource.type === type) : undefined;
  if (part) return { kind: 'resource', resource: part.resource as ResourceView };
  if (typeof v === 'string') {
    const name = v.includes(':') ? v.slice(v.lastIndexOf(':') + 1) : v;
    const found = byLiteralProperty(app, type, nameProperty, from, name) ?? byLiteralProperty(app, type, nameProperty, from, name.toLowerCase());
    return found ? { kind: 'resource', resource: found } : { kind: 'outside', name: v };
  }
  return { kind: 'unknown', value: v ?? value };
}

/** The `Fn::If` conditions an alternative assumes, for messages: ` when condition X is true`. */
export function branch(conditions: ReadonlyMap<string, boolean>): string {
  if (conditions.size === 0) return '';
  return ` when ${[...conditions].map(([k, v]) => `condition ${k.slice(k.indexOf('|') + 1)} is ${v}`).join(' and ')}`;
}
