import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { CidrBlock, overlapIndex, parseCidr } from '../../aws';
import { resourceKey, resolveResource } from '../utils/references';
import { asList, literalString, referencedLogicalId } from '../../aws';

/**
 * Reads: `AWS::EC2::VPC` (`CidrBlock`, or `Ipv4IpamPoolId`) and `AWS::EC2::VPCCidrBlock` (`CidrBlock`,
 * `Ipv6CidrBlock`, `Ipv4IpamPoolId`) of every stack of every stage of the app, and the `AWS::EC2::IPAMPool`s
 * (`ProvisionedCidrs`) and `AWS::EC2::IPAMPoolCidr`s of the app. Amazon-provided IPv6 blocks are unique by
 * construction and skipped. Not applicable to an app with a single VPC: it overlaps nothing, which shows nothing.
 * A block allocated from an IPAM pool lies within the pool's provisioned CIDRs, and IPAM never allocates two
 * overlapping blocks from one pool: blocks of one pool do not overlap each other; against other blocks the
 * pool's provisioned CIDRs stand for the block.
 * Fails when: a block overlaps a block of another VPC anywhere in the app (blocks of one VPC are one address
 * space); an IPAM pool's CIDRs overlap another VPC's block; a block from an IPAM pool whose CIDRs are not in
 * the app shares the app with blocks from elsewhere (unverifiable); a block is unknown at synth or malformed.
 * Fix: give every VPC its own range (a per-environment address plan, or one IPAM pool for all of them).
 */
export const NoOverlappingVpcCidrs = defineRule({
  name: 'NoOverlappingVpcCidrs',
  description: 'No two VPCs of the app have overlapping CIDR blocks',
  fix: 'Allocate each VPC a distinct range from one address plan (e.g. ec2.IpAddresses.cidr per environment, or ec2.IpAddresses.awsIpamAllocation from one IPAM pool) so that they can be peered or routed through a transit gateway',
  resourceTypes: ['AWS::EC2::VPC', 'AWS::EC2::VPCCidrBlock'],
  scope: 'app',
  check(r, app): RuleVerdict {
    if (!this.resourceTypes.includes(r.type)) return NOT_APPLICABLE;
    const { blocks, overlaps, vpcs } = cidrIndex(app);
    const mine = blocks.get(r);
    if (!mine) return NOT_APPLICABLE; // an Amazon-provided IPv6 block
    // One VPC overlaps nothing: there is nothing to compare, so nothing to show either way.
    if (vpcs < 2) return NOT_APPLICABLE;
    if ('problem' in mine) return mine.problem;
    if (mine.pool !== undefined && mine.ranges.length === 0) {
      // A pool whose CIDRs the app does not show: fine as long as every other block of the app is from the same pool.
      const stranger = [...blocks.values()].find((b) => !('problem' in b) && b.vpc !== mine.vpc && b.pool !== mine.pool)
        ?? [...blocks.values()].find((b) => 'problem' in b);
      if (!stranger) return COMPLIANT;
      return nonCompliant(`could not verify that the CIDR of ${r.path} does not overlap: it is allocated at deploy time from IPAM pool ${mine.poolLabel}, whose CIDRs are not in the app, and other VPCs of the app are not from that pool`, mine.location);
    }
    const others = mine.ranges.flatMap((range) => overlaps.get(range) ?? []).filter((o) => o.vpc !== mine.vpc && (mine.pool === undefined || o.pool !== mine.pool));
    if (others.length === 0) return COMPLIANT;
    const o = others[0];
    const what = mine.pool !== undefined ? `CIDR allocated from IPAM pool ${mine.poolLabel} (${mine.ranges.map((x) => x.range.cidr).join(', ')})` : `CIDR ${mine.ranges[0].range.cidr}`;
    return nonCompliant(`${what} overlaps ${o.range.cidr} of VPC ${o.resource.path}${others.length > 1 ? ` and ${others.length - 1} more` : ''}`, mine.location);
  },
});

/** One range of a block: its own CIDR, or one CIDR of the IPAM pool it is allocated from. */
interface Range { readonly resource: ResourceView; readonly vpc: string; readonly range: CidrBlock; readonly pool?: string }
interface Block { readonly vpc: string; readonly location: string; readonly ranges: readonly Range[]; readonly pool?: string; readonly poolLabel?: string }
type Entry = Block | { readonly problem: RuleVerdict; readonly vpc: string; readonly pool?: undefined };

/** Every VPC block of the app and the ranges each overlaps, built once per pass (sort and sweep). */
function cidrIndex(app: AppView): { blocks: Map<ResourceView, Entry>; overlaps: Map<Range, Range[]>; vpcs: number } {
  return app.memo('networking/vpc-cidr-index', () => {
    const pools = poolCidrs(app);
    const blocks = new Map<ResourceView, Entry>();
    for (const vpc of app.ofType('AWS::EC2::VPC')) blocks.set(vpc, entry(vpc, `${vpc.stack.path}|${vpc.logicalId}`, 'CidrBlock', app, pools));
    for (const b of app.ofType('AWS::EC2::VPCCidrBlock')) {
      const ref = referencedLogicalId(b.properties.VpcId);
      const vpc = ref ? `${b.stack.path}|${ref}` : JSON.stringify(b.properties.VpcId);
      if (b.properties.Ipv6CidrBlock !== undefined) blocks.set(b, entry(b, vpc, 'Ipv6CidrBlock', app, pools));
      else if (b.properties.AmazonProvidedIpv6CidrBlock === undefined && b.properties.Ipv6IpamPoolId === undefined) blocks.set(b, entry(b, vpc, 'CidrBlock', app, pools));
    }
    const ranges = [...blocks.values()].flatMap((e) => ('ranges' in e ? e.ranges : []));
    const vpcs = new Set([...blocks.values()].map((e) => e.vpc)).size;
    return { blocks, overlaps: overlapIndex(ranges.map((item) => ({ range: item.range, item }))), vpcs };
  });
}

function entry(r: ResourceView, vpc: string, property: string, app: AppView, pools: ReadonlyMap<string, readonly CidrBlock[]>): Entry {
  const value = r.properties[property];
  if (value === undefined && r.properties.Ipv4IpamPoolId !== undefined) {
    const pool = poolKey(r, r.properties.Ipv4IpamPoolId, app);
    if (!pool) return { vpc, problem: unverifiable('the IPAM pool of the VPC', r.properties.Ipv4IpamPoolId, 'Ipv4IpamPoolId') };
    const ranges = (pools.get(pool.key) ?? []).map((range) => ({ resource: r, vpc, range, pool: pool.key }));
    return { vpc, location: 'Ipv4IpamPoolId', ranges, pool: pool.key, poolLabel: pool.label };
  }
  const text = literalString(value);
  if (text === undefined) return { vpc, problem: unverifiable('the CIDR block', value, property) };
  const range = parseCidr(text);
  if (!range) return { vpc, problem: nonCompliant(`CIDR block ${text} is malformed`, property) };
  return { vpc, location: property, ranges: [{ resource: r, vpc, range }] };
}

/** The key of an IPAM pool: the pool resource of the app (through a Ref, GetAtt or import), or its literal id. */
function poolKey(from: ResourceView, value: unknown, app: AppView): { key: string; label: string } | undefined {
  const literal = literalString(value);
  if (literal !== undefined) return { key: `id:${literal}`, label: literal };
  const pool = resolveResource(from, value, app);
  return pool && pool.type === 'AWS::EC2::IPAMPool' ? { key: resourceKey(pool), label: pool.path } : undefined;
}

/** The provisioned CIDRs of the IPAM pools of the app (`ProvisionedCidrs` and `AWS::EC2::IPAMPoolCidr`), by pool key. */
function poolCidrs(app: AppView): ReadonlyMap<string, readonly CidrBlock[]> {
  const index = new Map<string, CidrBlock[]>();
  const add = (key: string, cidr: unknown) => {
    const range = typeof cidr === 'string' ? parseCidr(cidr) : undefined;
    if (range) index.set(key, [...(index.get(key) ?? []), range]);
  };
  for (const pool of app.ofType('AWS::EC2::IPAMPool')) {
    for (const p of asList<any>(pool.properties.ProvisionedCidrs)) add(resourceKey(pool), p?.Cidr);
  }
  for (const c of app.ofType('AWS::EC2::IPAMPoolCidr')) {
    const pool = poolKey(c, c.properties.IpamPoolId, app);
    if (pool) add(pool.key, c.properties.Cidr);
  }
  return index;
}
