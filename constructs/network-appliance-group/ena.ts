/**
 * Which EC2 instance types have the Elastic Network Adapter (ENA).
 *
 * Every Nitro-based family does (all families of generation 5 and later); among the older Xen
 * families some have it (c5, m4.16xlarge, r4, x1, i3, p2, ...) and some do not (t2, m4, c4, m3, ...).
 * See https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/enhanced-networking-ena.html
 */

/** Older-generation families with no ENA support (Intel 82599 VF or no enhanced networking). */
export const NON_ENA_FAMILIES: readonly string[] = [
  't1', 't2', 'm1', 'm2', 'm3', 'm4', 'c1', 'c3', 'c4', 'cc1', 'cc2', 'cg1', 'cr1', 'r3', 'd2', 'g2', 'i2', 'hi1', 'hs1',
];

/** Individual sizes of a non-ENA family that do have ENA. */
export const ENA_EXCEPTIONS: readonly string[] = ['m4.16xlarge'];

/** Families of generation 4 and earlier that have ENA (generation 5 and later always do). */
export const OLDER_ENA_FAMILIES: readonly string[] = [
  'a1', 'd3', 'd3en', 'f1', 'g3', 'g3s', 'g4ad', 'g4dn', 'h1', 'i3', 'i3en', 'i4g', 'i4i', 'inf1', 'p2', 'p3', 'p3dn', 'p4d', 'p4de', 'r4', 't3', 't3a', 't4g', 'x1', 'x1e', 'x2gd', 'x2idn', 'x2iedn', 'x2iezn', 'z1d',
];

/** Parses `c6in.large` into family `c6in` and size `large`; undefined when malformed. */
export function parseInstanceType(instanceType: string): { family: string; size: string; generation: number } | undefined {
  const m = /^([a-z]+)(\d+)([a-z-]*)\.([a-z0-9-]+)$/.exec(instanceType);
  if (!m) return undefined;
  return { family: `${m[1]}${m[2]}${m[3]}`, size: m[4], generation: Number(m[2]) };
}

/** Whether the instance type supports ENA. */
export function supportsEna(instanceType: string): boolean {
  const parsed = parseInstanceType(instanceType);
  if (!parsed) return false;
  if (ENA_EXCEPTIONS.includes(instanceType)) return true;
  if (NON_ENA_FAMILIES.includes(parsed.family)) return false;
  if (OLDER_ENA_FAMILIES.includes(parsed.family)) return true;
  // Every family of generation 5 and later is Nitro-based, with ENA.
  return parsed.generation >= 5;
}
