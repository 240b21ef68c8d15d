/**
 * IPv4 CIDR maths for VPC planning: parsing, overlap and subnet sizing.
 *
 * Pure functions, no CDK: the construct validates with them and they are unit-tested alone.
 */

/** The smallest and largest prefix lengths AWS accepts for a VPC's IPv4 CIDR block. */
export const VPC_PREFIX_MIN = 16;
export const VPC_PREFIX_MAX = 28;

/** A parsed IPv4 CIDR block. */
export interface Ipv4Cidr {
  /** The network address as an unsigned 32-bit integer. */
  readonly network: number;
  /** The prefix length, 0–32. */
  readonly prefix: number;
  /** The block as written, normalized (`10.0.0.0/16`). */
  readonly text: string;
}

const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}$`);

/** Whether `value` is a dotted-quad IPv4 address (no leading zeros, each octet 0–255). */
export function isIpv4Address(value: string): boolean {
  return IPV4.test(value);
}

/** The address as an unsigned 32-bit integer; undefined when malformed. */
export function ipv4ToNumber(value: string): number | undefined {
  if (!isIpv4Address(value)) return undefined;
  return value.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0);
}

/** The unsigned 32-bit integer as a dotted quad. */
export function numberToIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

/** The reason `value` is not a usable IPv4 CIDR block, or undefined when it is. */
export function cidrProblem(value: string): string | undefined {
  const m = /^([^/]+)\/(\d{1,2})$/.exec(value);
  if (!m || !isIpv4Address(m[1])) return 'must be an IPv4 CIDR block like 10.0.0.0/16';
  const prefix = Number(m[2]);
  if (prefix > 32) return 'must have a prefix length between 0 and 32';
  const address = ipv4ToNumber(m[1])!;
  const network = networkOf(address, prefix);
  if (network !== address) return `must not have host bits set (did you mean ${numberToIpv4(network)}/${prefix}?)`;
  return undefined;
}

/** Parses an IPv4 CIDR block; undefined when malformed or when host bits are set. */
export function parseCidr(value: string): Ipv4Cidr | undefined {
  if (cidrProblem(value) !== undefined) return undefined;
  const [address, prefix] = value.split('/');
  return { network: ipv4ToNumber(address)!, prefix: Number(prefix), text: value };
}

/** Number of addresses in a block of this prefix length. */
export function blockSize(prefix: number): number {
  return 2 ** (32 - prefix);
}

function networkOf(address: number, prefix: number): number {
  const size = blockSize(prefix);
  return Math.floor(address / size) * size;
}

/** Whether two blocks share at least one address. */
export function cidrsOverlap(a: Ipv4Cidr, b: Ipv4Cidr): boolean {
  const aEnd = a.network + blockSize(a.prefix);
  const bEnd = b.network + blockSize(b.prefix);
  return a.network < bEnd && b.network < aEnd;
}

/**
 * The prefix length that splits a block of `vpcPrefix` into at least `subnetCount` equal subnets:
 * `vpcPrefix + ceil(log2(subnetCount))`. A /16 holding 9 subnets (3 tiers × 3 AZs) gives /20.
 */
export function subnetPrefixFor(vpcPrefix: number, subnetCount: number): number {
  if (subnetCount <= 1) return vpcPrefix;
  return vpcPrefix + Math.ceil(Math.log2(subnetCount));
}

/** A named CIDR block for {@link findOverlaps}. */
export interface NamedCidr {
  /** The block. */
  readonly cidr: string;
  /** Who owns it (a construct path). */
  readonly owner: string;
}

/** A pair of overlapping blocks. */
export interface CidrOverlap {
  readonly a: NamedCidr;
  readonly b: NamedCidr;
}

/** Every overlapping pair among `blocks` (malformed blocks are skipped: validate them first). */
export function findOverlaps(blocks: readonly NamedCidr[]): CidrOverlap[] {
  const parsed = blocks
    .map((block) => ({ block, cidr: parseCidr(block.cidr) }))
    .filter((p): p is { block: NamedCidr; cidr: Ipv4Cidr } => p.cidr !== undefined);
  const overlaps: CidrOverlap[] = [];
  for (let i = 0; i < parsed.length; i++) {
    for (let j = i + 1; j < parsed.length; j++) {
      if (cidrsOverlap(parsed[i].cidr, parsed[j].cidr)) overlaps.push({ a: parsed[i].block, b: parsed[j].block });
    }
  }
  return overlaps;
}
