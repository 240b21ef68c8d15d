import { AppView, nonCompliant, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { asList, availabilityZone, DeployTimeValue, isDeployTime, literalString, Resolution, ResourceValue } from '../../aws';

/** Where a subnet (given by a property value) is, as far as the templates tell. */
export type SubnetZone =
  /** The subnet is created in the app and its Availability Zone is known: `key` compares zones. */
  | { readonly kind: 'zone'; readonly key: string; readonly label: string }
  /** A literal subnet id created outside the app: its zone is unknown, the id is distinct. */
  | { readonly kind: 'subnet-id'; readonly key: string; readonly label: string }
  /** Neither: an unresolved value, or a subnet of the app whose zone is an unknown intrinsic. */
  | { readonly kind: 'unknown'; readonly value: unknown };

/**
 * The zone key of a resolved `AvailabilityZone` value: a literal zone, or `Fn::Select [i, Fn::GetAZs]` (what the CDK
 * writes for environment-agnostic stacks: distinct indexes are distinct zones). Undefined otherwise.
 */
export function zoneKey(az: unknown): string | undefined {
  const zone = availabilityZone(az instanceof DeployTimeValue ? az.source : az);
  if (zone?.name !== undefined) return zone.name;
  return zone?.index !== undefined ? `GetAZs[${zone.index}]` : undefined;
}

/** The one value a property resolves to, or what `unverifiable` takes when it cannot be read as one. */
function single(res: Resolution, raw: unknown): { value: unknown } | { unknown: unknown } {
  if (!res.ok) return { unknown: res.unresolved };
  return res.values.length === 1 ? { value: res.values[0].value } : { unknown: raw };
}

/** The zone of the subnet a value designates (a subnet id, a reference, an import, a nested-stack parameter). */
export function subnetZone(from: ResourceView, value: unknown, app: AppView): SubnetZone {
  const one = single(app.resolveValue(from, value, 'SubnetId'), value);
  if ('unknown' in one) return { kind: 'unknown', value: one.unknown };
  const v = one.value;
  if (typeof v === 'string') return { kind: 'subnet-id', key: `id:${v}`, label: v };
  if (!(v instanceof ResourceValue) || v.resource.type !== 'AWS::EC2::Subnet') return { kind: 'unknown', value: v === undefined ? value : v };
  return zoneOfSubnet(v.resource as ResourceView, app);
}

/** The zone of a subnet resource. */
export function zoneOfSubnet(subnet: ResourceView, app: AppView): SubnetZone {
  const idValue = single(app.resolve(subnet, 'AvailabilityZoneId'), subnet.properties.AvailabilityZoneId);
  const azValue = single(app.resolve(subnet, 'AvailabilityZone'), subnet.properties.AvailabilityZone);
  const id = 'value' in idValue ? literalString(idValue.value) : undefined;
  const key = id !== undefined ? `zone-id:${id}` : 'value' in azValue ? zoneKey(azValue.value) : undefined;
  if (key === undefined) {
    const unknown = 'unknown' in azValue ? azValue.unknown : 'unknown' in idValue ? idValue.unknown : subnet.properties.AvailabilityZone ?? subnet.properties.AvailabilityZoneId;
    return { kind: 'unknown', value: unknown };
  }
  const name = 'value' in azValue ? literalString(azValue.value) : undefined;
  return { kind: 'zone', key: `${subnet.stack.account ?? subnet.stack.path}|${subnet.stack.region ?? ''}|${key}`, label: `${subnet.path} (${id ?? name ?? key})` };
}

/** Counts the distinct zones of a list of subnets: known zones, literal ids (counted as distinct) and unknowns. */
export function countZones(from: ResourceView, subnets: readonly unknown[], app: AppView): { readonly zones: number; readonly unknown: readonly unknown[] } {
  const keys = new Set<string>();
  const unknown: unknown[] = [];
  for (const s of subnets) {
    const z = subnetZone(from, s, app);
    if (z.kind === 'unknown') unknown.push(z.value); else keys.add(z.key);
  }
  return { zones: keys.size, unknown };
}

/**
 * Undefined when the subnets at `path` span two Availability Zones or more in every `Fn::If` branch; otherwise the
 * finding (`what` names the subnets in messages), or an unverifiable verdict when they are unknown at synth.
 */
export function requireTwoZones(r: ResourceView, path: string, app: AppView, what: string): RuleVerdict | undefined {
  const res = app.resolve(r, path);
  if (!res.ok) return unverifiable(what, res.unresolved, path);
  for (const { value } of res.values) {
    if (isDeployTime(value)) return unverifiable(what, value, path);
    const subnets = asList(value);
    const { zones, unknown } = countZones(r, subnets, app);
    if (zones >= 2) continue;
    if (unknown.length > 0) return unverifiable(`the Availability Zones of ${what}`, unknown[0], path);
    return nonCompliant(`${what} span${subnets.length === 1 ? 's' : ''} ${zones} Availability Zone${zones === 1 ? '' : 's'}`, path);
  }
  return undefined;
}
