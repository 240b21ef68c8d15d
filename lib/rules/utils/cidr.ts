/** IPv4 / IPv6 CIDR arithmetic for overlap checks. */

/** A CIDR block as an inclusive range of addresses (bigint, so IPv6 fits). */
export interface CidrRange {
  readonly cidr: string;
  readonly version: 4 | 6;
  readonly first: bigint;
  readonly last: bigint;
}

function parseIpv4(addr: string): bigint | undefined {
  const parts = addr.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    n = (n << 8n) + BigInt(Number(p));
  }
  return n;
}

function parseIpv6(addr: string): bigint | undefined {
  const halves = addr.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [...head, ...Array(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  let n = 0n;
  for (const g of all) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    n = (n << 16n) + BigInt(parseInt(g, 16));
  }
  return n;
}

/** Parses `10.0.0.0/16` or `2600:1f18::/56`; undefined when malformed. Host bits are ignored (masked off). */
export function parseCidr(cidr: string): CidrRange | undefined {
  const m = /^([^/]+)\/(\d{1,3})$/.exec(cidr.trim());
  if (!m) return undefined;
  const version = m[1].includes(':') ? 6 : 4;
  const bits = version === 4 ? 32 : 128;
  const prefix = Number(m[2]);
  const addr = version === 4 ? parseIpv4(m[1]) : parseIpv6(m[1]);
  if (addr === undefined || prefix > bits) return undefined;
  const size = 1n << BigInt(bits - prefix);
  const first = (addr / size) * size;
  return { cidr: cidr.trim(), version, first, last: first + size - 1n };
}

/** Whether two ranges share at least one address (ranges of different IP versions never do). */
export function cidrsOverlap(a: CidrRange, b: CidrRange): boolean {
  return a.version === b.version && a.first <= b.last && b.first <= a.last;
}

/**
 * Finds, for each item, the other items whose range overlaps it, in O(n log n + overlaps): sort by
 * start, sweep keeping the ranges still open.
 */
export function overlapIndex<T>(items: readonly { readonly range: CidrRange; readonly item: T }[]): Map<T, T[]> {
  const result = new Map<T, T[]>();
  const sorted = [...items].sort((x, y) => (x.range.version - y.range.version) || (x.range.first < y.range.first ? -1 : x.range.first > y.range.first ? 1 : 0));
  let open: { range: CidrRange; item: T }[] = [];
  for (const cur of sorted) {
    open = open.filter((o) => o.range.version === cur.range.version && o.range.last >= cur.range.first);
    for (const o of open) {
      if (o.item === cur.item) continue;
      (result.get(cur.item) ?? result.set(cur.item, []).get(cur.item)!).push(o.item);
      (result.get(o.item) ?? result.set(o.item, []).get(o.item)!).push(cur.item);
    }
    open.push(cur);
  }
  return result;
}
