/**
 * CIDR blocks: parsing IPv4 and IPv6 blocks, overlap, and the VPC facts the constructs plan subnets with.
 * Addresses are bigints so that IPv6 fits.
 */

/** The smallest and largest prefix lengths AWS accepts for a VPC's IPv4 CIDR block. */
export const VPC_PREFIX_MIN = 16;
export const VPC_PREFIX_MAX = 28;

/** A parsed CIDR block, as an inclusive range of addresses. */
export interface CidrBlock {
  /** The block as written (trimmed), e.g. `10.0.0.0/16`. */
  readonly cidr: string;
  readonly version: 4 | 6;
  /** The prefix length. */
  readonly prefix: number;
  /** The first address (the network address: host bits masked off). */
  readonly first: bigint;
  /** The last address. */
  readonly last: bigint;
  /** Whether the text set host bits (`10.0.1.0/16`): the block is read as its network, `10.0.0.0/16`. */
  readonly hostBitsSet: boolean;
}

const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}$`);

/** Whether `value` is a dotted-quad IPv4 address (no leading zeros, each octet 0–255). */
export function isIpv4Address(value: string): boolean {
  return IPV4.test(value);
}

/** The IPv4 address as an unsigned 32-bit integer; undefined when malformed. */
export function ipv4ToNumber(value: string): number | undefined {
  if (!isIpv4Address(value)) return undefined;
  return value.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0);
}

/** The unsigned 32-bit integer as a dotted quad. */
export function numberToIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

function parseIpv6(addr: string): bigint | undefined {
  const halves = addr.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  let n = 0n;
  for (const g of [...head, ...Array(halves.length === 2 ? missing : 0).fill('0'), ...tail]) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    n = (n << 16n) + BigInt(parseInt(g, 16));
  }
  return n;
}

/**
 * Parses `10.0.0.0/16` or `2600:1f18::/56`; undefined when malformed. Host bits are masked off (and reported in
 * `hostBitsSet`), so a template's block is read as the network it designates; validate props with {@link cidrProblem}.
 */
export function parseCidr(text: string): CidrBlock | undefined {
  const cidr = text.trim();
  const m = /^([^/]+)\/(\d{1,3})$/.exec(cidr);
  if (!m) return undefined;
  const version = m[1].includes(':') ? 6 : 4;
  const bits = version === 4 ? 32 : 128;
  const prefix = Number(m[2]);
  const v4 = version === 4 ? ipv4ToNumber(m[1]) : undefined;
  const addr = version === 4 ? (v4 === undefined ? undefined : BigInt(v4)) : parseIpv6(m[1]);
  if (addr === undefined || prefix > bits || (m[2].length > 1 && m[2].startsWith('0'))) return undefined;
  const size = 1n << BigInt(bits - prefix);
  const first = (addr / size) * size;
  return { cidr, version, prefix, first, last: first + size - 1n, hostBitsSet: first !== addr };
}

/** The reason `value` is not a usable IPv4 CIDR block (malformed, prefix over 32, host bits set), or undefined when it is. */
export function cidrProblem(value: string): string | undefined {
  const m = /^([^/]+)\/(\d{1,2})$/.exec(value);
  if (!m || !isIpv4Address(m[1])) return 'must be an IPv4 CIDR block like 10.0.0.0/16';
  const prefix = Number(m[2]);
  if (prefix > 32) return 'must have a prefix length between 0 and 32';
  const block = parseCidr(value);
  if (!block || block.hostBitsSet) return `must not have host bits set (did you mean ${numberToIpv4(Number(block?.first ?? 0))}/${prefix}?)`;
  return undefined;
}

/**
 * Address space that is not routed on the internet: private IPv4 (RFC 1918), shared address space (RFC 6598),
 * link-local and loopback, and IPv6 unique local (fc00::/7), link-local and loopback addresses.
 */
const NON_INTERNET_BLOCKS: readonly CidrBlock[] = [
  '10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '169.254.0.0/16', '127.0.0.0/8', 'fc00::/7', 'fe80::/10', '::1/128',
].map((c) => parseCidr(c)!);

/** Whether every address of a block is outside the internet's address space (private, shared, link-local, loopback). */
export function isNonInternetBlock(block: CidrBlock): boolean {
  return NON_INTERNET_BLOCKS.some((b) => b.version === block.version && b.first <= block.first && block.last <= b.last);
}

/** Number of addresses in an IPv4 block of this prefix length. */
export function blockSize(prefix: number): number {
  return 2 ** (32 - prefix);
}

/** Whether two blocks share at least one address (blocks of different IP versions never do). */
export function cidrsOverlap(a: CidrBlock, b: CidrBlock): boolean {
  return a.version === b.version && a.first <= b.last && b.first <= a.last;
}

/**
 * The prefix length that splits a block of `vpcPrefix` into at least `subnetCount` equal subnets:
 * `vpcPrefix + ceil(log2(subnetCount))`. A /16 holding 9 subnets (3 tiers × 3 AZs) gives /20.
 */
export function subnetPrefixFor(vpcPrefix: number, subnetCount: number): number {
  if (subnetCount <= 1) return vpcPrefix;
  return vpcPrefix + Math.ceil(Math.log2(subnetCount));
}

/**
 * Finds, for each item, the other items whose block overlaps it, in O(n log n + overlaps): sort by first address,
 * sweep keeping the blocks still open.
 */
export function overlapIndex<T>(items: readonly { readonly range: CidrBlock; readonly item: T }[]): Map<T, T[]> {
  const result = new Map<T, T[]>();
  const add = (k: T, v: T) => {
    const list = result.get(k);
    if (list) list.push(v); else result.set(k, [v]);
  };
  const sorted = [...items].sort((x, y) => (x.range.version - y.range.version) || (x.range.first < y.range.first ? -1 : x.range.first > y.range.first ? 1 : 0));
  let open: { range: CidrBlock; item: T }[] = [];
  for (const cur of sorted) {
    open = open.filter((o) => o.range.version === cur.range.version && o.range.last >= cur.range.first);
    for (const o of open) {
      if (o.item === cur.item) continue;
      add(cur.item, o.item);
      add(o.item, cur.item);
    }
    open.push(cur);
  }
  return result;
}

/** A named CIDR block for {@link findOverlaps}. */
export interface NamedCidr {
  /** The block. */
  readonly cidr: string;
  /** Who owns it (a construct path). */
  readonly owner: string;
}

/** Every overlapping pair among `blocks`, each pair once, in input order (malformed blocks are skipped: validate them first). */
export function findOverlaps(blocks: readonly NamedCidr[]): { readonly a: NamedCidr; readonly b: NamedCidr }[] {
  const parsed = blocks.map((block, i) => ({ block, i, range: parseCidr(block.cidr) })).filter((p) => p.range !== undefined);
  const index = overlapIndex(parsed.map((p) => ({ range: p.range!, item: p.i })));
  const pairs: { a: NamedCidr; b: NamedCidr }[] = [];
  for (const [i, others] of [...index.entries()].sort((x, y) => x[0] - y[0])) {
    for (const j of [...others].sort((x, y) => x - y)) if (j > i) pairs.push({ a: blocks[i], b: blocks[j] });
  }
  return pairs;
}
