/**
 * Which EC2 instance types have the Elastic Network Adapter (ENA).
 *
 * Source: https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/enhanced-networking-ena.html and the
 * instance-type specifications. Every Nitro family has ENA; of the older Xen families some have it
 * (a1, f1, g3, h1, i3, p2, p3, r4, x1, z1d, m4.16xlarge) and some do not (t1, t2, m1-m4, c1, c3, c4,
 * r3, i2, d2, g2 and the cluster/storage types cc*, cg1, cr1, hi1, hs1: these use the Intel 82599 VF
 * (ixgbevf) or have no enhanced networking at all).
 *
 * Conservative by design: a series is trusted only between the generations listed here. A family
 * outside the table (a new series, a generation newer than the table) is unknown, never assumed.
 */

/** Series (letters before the generation digit) and the generations whose families all have ENA. */
const ENA_GENERATIONS: { readonly [series: string]: readonly [from: number, to: number] } = {
  a: [1, 1], c: [5, 8], d: [3, 3], dl: [1, 2], f: [1, 2], g: [3, 6], gr: [6, 6], h: [1, 1], hpc: [6, 7],
  i: [3, 8], im: [4, 4], inf: [1, 2], is: [4, 4], m: [5, 8], mac: [1, 2], p: [2, 6], r: [4, 8],
  t: [3, 4], trn: [1, 2], u: [7, 7], vt: [1, 1], x: [1, 8], z: [1, 1],
};

/** Families with no ENA: the generations before ENA of the series above, and retired series. */
const NON_ENA_FAMILIES: ReadonlySet<string> = new Set([
  't1', 't2', 'm1', 'm2', 'm3', 'm4', 'c1', 'c3', 'c4', 'r3', 'i2', 'd2', 'g2', 'cc1', 'cc2', 'cg1', 'cr1', 'hi1', 'hs1',
]);

/** Single sizes whose family is in {@link NON_ENA_FAMILIES} but which do have ENA. */
const ENA_SIZES: ReadonlySet<string> = new Set(['m4.16xlarge']);

/** A parsed instance family: `c6in` → series `c`, generation 6. */
export interface InstanceFamily {
  readonly family: string;
  readonly series: string;
  readonly generation: number;
}

/**
 * Parses the family of an instance type (`c6in.large`, `p6-b200.48xlarge`, `mac2-m2pro.metal`,
 * `u7i-12tb.224xlarge`, `u-6tb1.metal`) or of an attribute-based pattern (`c6in.*`, `m7i*`).
 */
export function parseFamily(typeOrPattern: string): InstanceFamily | undefined {
  const family = typeOrPattern.split('.')[0].replace(/\*$/, '');
  // High-memory `u-<n>tb1` types (Nitro).
  if (/^u-\d+tb\d$/.test(family)) return { family, series: 'u', generation: 7 };
  const m = /^([a-z]+)(\d+)([a-z]*)(-[a-z0-9]+)?$/.exec(family);
  if (!m) return undefined;
  return { family, series: m[1], generation: Number(m[2]) };
}

/** Whether every type of the family has ENA; undefined when the family is not in the table. */
export function familySupportsEna(family: string): boolean | undefined {
  const parsed = parseFamily(family);
  if (!parsed) return undefined;
  if (NON_ENA_FAMILIES.has(parsed.family)) return false;
  const range = ENA_GENERATIONS[parsed.series];
  if (!range) return undefined;
  const [from, to] = range;
  if (parsed.generation >= from && parsed.generation <= to) return true;
  return undefined;
}

/** Whether the instance type (`c6in.large`) supports ENA; undefined when its family is unknown or the name is malformed. */
export function supportsEna(instanceType: string): boolean | undefined {
  const type = instanceType.trim().toLowerCase();
  if (!/^[a-z0-9-]+\.[a-z0-9-]+$/.test(type)) return undefined;
  if (ENA_SIZES.has(type)) return true;
  return familySupportsEna(type.split('.')[0]);
}
