/**
 * Enhanced networking of EC2 instance families: which network adapter an instance type uses.
 *
 * Source: the Amazon EC2 User Guide, "Enhanced networking on Amazon EC2 instances": all Nitro-based instances use
 * the Elastic Network Adapter (ENA); of the Xen-based instances, H1, I3, G3, m4.16xlarge, P2, P3, P3dn and R4 use
 * ENA (and A1, F1, X1, X1e, Z1d, listed with ENA in the instance-type specifications); C3, C4, D2, I2, M4 (but
 * m4.16xlarge) and R3 use the Intel 82599 Virtual Function interface (the `ixgbevf` driver, up to 10 Gbps); the other
 * previous-generation families (T1, T2, M1-M3, C1, CC1, CC2, CG1, CR1, G2, HI1, HS1) have no enhanced networking.
 *
 * Conservative by design: a series is trusted only between the generations listed. A family outside the table
 * (a new series, a generation newer than the table, a typo) is unknown, never assumed.
 */

/** The enhanced-networking adapter of an instance family. */
export type NetworkAdapter = 'ena' | 'intel-82599-vf' | 'none';

/** What the table says of an instance type. */
export interface InstanceTypeNetworking {
  /** The family, e.g. `c6in` for `c6in.large`. */
  readonly family: string;
  /** The adapter that gives the type enhanced networking, or `none`. */
  readonly adapter: NetworkAdapter;
  /** Whether the type has the Elastic Network Adapter. */
  readonly ena: boolean;
  /** Whether the type has the Intel 82599 Virtual Function interface (`ixgbevf`). */
  readonly intel82599Vf: boolean;
}

/** Series (letters before the generation digit) and the generations whose families all use ENA (Nitro, and Xen with ENA). */
const ENA_GENERATIONS: { readonly [series: string]: readonly [from: number, to: number] } = {
  a: [1, 1], c: [5, 8], d: [3, 3], dl: [1, 2], f: [1, 2], g: [3, 6], gr: [6, 6], h: [1, 1], hpc: [6, 7],
  i: [3, 8], im: [4, 4], inf: [1, 2], is: [4, 4], m: [5, 8], mac: [1, 2], p: [2, 6], r: [4, 8],
  t: [3, 4], trn: [1, 2], u: [7, 7], vt: [1, 1], x: [1, 8], z: [1, 1],
};

/** Previous-generation families that do not use ENA, by adapter. */
const PREVIOUS_GENERATION: { readonly [family: string]: Exclude<NetworkAdapter, 'ena'> } = {
  c3: 'intel-82599-vf', c4: 'intel-82599-vf', d2: 'intel-82599-vf', i2: 'intel-82599-vf', m4: 'intel-82599-vf', r3: 'intel-82599-vf',
  t1: 'none', t2: 'none', m1: 'none', m2: 'none', m3: 'none', c1: 'none', cc1: 'none', cc2: 'none', cg1: 'none', cr1: 'none',
  g2: 'none', hi1: 'none', hs1: 'none',
};

/** Single sizes that use another adapter than their family. */
const SIZE_EXCEPTIONS: { readonly [type: string]: NetworkAdapter } = { 'm4.16xlarge': 'ena' };

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
  const family = typeOrPattern.trim().toLowerCase().split('.')[0].replace(/\*$/, '');
  // High-memory `u-<n>tb1` types (Nitro).
  if (/^u-\d+tb\d$/.test(family)) return { family, series: 'u', generation: 7 };
  const m = /^([a-z]+)(\d+)([a-z]*)(-[a-z0-9]+)?$/.exec(family);
  if (!m) return undefined;
  return { family, series: m[1], generation: Number(m[2]) };
}

function info(family: string, adapter: NetworkAdapter): InstanceTypeNetworking {
  return { family, adapter, ena: adapter === 'ena', intel82599Vf: adapter === 'intel-82599-vf' };
}

/** The enhanced networking of every type of a family (`c6in`, or a pattern `c6in.*`); undefined when the family is not in the table. */
export function familyNetworking(family: string): InstanceTypeNetworking | undefined {
  const parsed = parseFamily(family);
  if (!parsed) return undefined;
  const previous = PREVIOUS_GENERATION[parsed.family];
  if (previous) return info(parsed.family, previous);
  const range = ENA_GENERATIONS[parsed.series];
  if (range && parsed.generation >= range[0] && parsed.generation <= range[1]) return info(parsed.family, 'ena');
  return undefined;
}

/** The enhanced networking of an instance type (`c6in.large`); undefined when its family is unknown or the name is malformed. */
export function instanceTypeNetworking(instanceType: string): InstanceTypeNetworking | undefined {
  const type = instanceType.trim().toLowerCase();
  if (!/^[a-z0-9-]+\.[a-z0-9-]+$/.test(type)) return undefined;
  const exception = SIZE_EXCEPTIONS[type];
  if (exception) return info(type.split('.')[0], exception);
  return familyNetworking(type.split('.')[0]);
}

/** Whether every type of the family has ENA; undefined when the family is not in the table. */
export function familySupportsEna(family: string): boolean | undefined {
  return familyNetworking(family)?.ena;
}

/** Whether the instance type (`c6in.large`) has ENA; undefined when its family is unknown or the name is malformed. */
export function supportsEna(instanceType: string): boolean | undefined {
  return instanceTypeNetworking(instanceType)?.ena;
}
