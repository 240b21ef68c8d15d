import { AppView, ResourceView } from '../rule';
import { isIntrinsic, literalNumber, literalString } from '../../aws';
import { resolveResource } from './cross-stack';

/** Where a subnet (given by a property value) is, as far as the templates tell. */
export type SubnetZone =
  /** The subnet is created in the app and its Availability Zone is known: `key` compares zones. */
  | { readonly kind: 'zone'; readonly key: string; readonly label: string }
  /** A literal subnet id created outside the app: its zone is unknown, the id is distinct. */
  | { readonly kind: 'subnet-id'; readonly key: string; readonly label: string }
  /** Neither: an unresolved value, or a subnet of the app whose zone is an unknown intrinsic. */
  | { readonly kind: 'unknown'; readonly value: unknown };

/**
 * The zone key of an `AvailabilityZone` value: a literal zone, or `Fn::Select [i, Fn::GetAZs]` (what the CDK
 * writes for environment-agnostic stacks: distinct indexes are distinct zones). Undefined otherwise.
 */
export function zoneKey(az: unknown): string | undefined {
  const literal = literalString(az);
  if (literal !== undefined) return literal;
  if (isIntrinsic(az) && Array.isArray(az['Fn::Select'])) {
    const [index, list] = az['Fn::Select'] as unknown[];
    const i = literalNumber(index);
    if (i !== undefined && isIntrinsic(list) && 'Fn::GetAZs' in list) return `GetAZs[${i}]`;
  }
  return undefined;
}

/** The zone of the subnet a value designates (a subnet id, a reference, or a cross-stack import). */
export function subnetZone(from: ResourceView, value: unknown, app: AppView): SubnetZone {
  const literal = literalString(value);
  if (literal !== undefined) return { kind: 'subnet-id', key: `id:${literal}`, label: literal };
  const subnet = resolveResource(from, value, app);
  if (!subnet || subnet.type !== 'AWS::EC2::Subnet') return { kind: 'unknown', value };
  return zoneOfSubnet(subnet);
}

/** The zone of a subnet resource. */
export function zoneOfSubnet(subnet: ResourceView): SubnetZone {
  const id = literalString(subnet.properties.AvailabilityZoneId);
  const key = id !== undefined ? `zone-id:${id}` : zoneKey(subnet.properties.AvailabilityZone);
  if (key === undefined) return { kind: 'unknown', value: subnet.properties.AvailabilityZone ?? subnet.properties.AvailabilityZoneId };
  return { kind: 'zone', key: `${subnet.stack.account ?? subnet.stack.path}|${subnet.stack.region ?? ''}|${key}`, label: `${subnet.path} (${id ?? literalString(subnet.properties.AvailabilityZone) ?? key})` };
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
