import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { CidrBlock, literalString, overlapIndex, parseCidr, referencedLogicalId } from '../../aws';

/**
 * Reads: `AWS::EC2::VPC` (`CidrBlock`) and `AWS::EC2::VPCCidrBlock` (`CidrBlock`, `Ipv6CidrBlock`) of every
 * stack of every stage of the app. Amazon-provided IPv6 blocks are unique by construction and skipped.
 * Fails when: a block overlaps a block of another VPC anywhere in the app (blocks of one VPC are one
 * address space); a block is allocated from IPAM (`Ipv4IpamPoolId`: the pool picks it at deploy time)
 * or is unknown at synth (parameter, import); a block is malformed.
 * Fix: give every VPC its own range (a per-environment address plan, or IPAM with a pool that cannot overlap).
 */
export const NoOverlappingVpcCidrs = defineRule({
  name: 'NoOverlappingVpcCidrs',
  description: 'No two VPCs of the app have overlapping CIDR blocks',
  fix: 'Allocate each VPC a distinct range from one address plan (e.g. ec2.IpAddresses.cidr per environment, or IPAM) so that they can be peered or routed through a transit gateway',
  resourceTypes: ['AWS::EC2::VPC', 'AWS::EC2::VPCCidrBlock'],
  scope: 'app',
  check(r, app): RuleVerdict {
    if (!this.resourceTypes.includes(r.type)) return NOT_APPLICABLE;
    const { blocks, overlaps } = cidrIndex(app);
    const mine = blocks.get(r);
    if (!mine) return NOT_APPLICABLE; // an Amazon-provided IPv6 block
    if ('problem' in mine) return mine.problem;
    const others = (overlaps.get(mine) ?? []).filter((o) => o.vpc !== mine.vpc);
    if (others.length === 0) return COMPLIANT;
    const o = others[0];
    return nonCompliant(`CIDR ${mine.range.cidr} overlaps ${o.range.cidr} of VPC ${o.resource.path}${others.length > 1 ? ` and ${others.length - 1} more` : ''}`, mine.location);
  },
});

interface Block { readonly resource: ResourceView; readonly vpc: string; readonly range: CidrBlock; readonly location: string }
type Entry = Block | { readonly problem: RuleVerdict };

/** Every VPC block of the app and the blocks each overlaps, built once per pass (sort and sweep). */
function cidrIndex(app: AppView): { blocks: Map<ResourceView, Entry>; overlaps: Map<Block, Block[]> } {
  return app.memo('networking/vpc-cidr-index', () => {
    const blocks = new Map<ResourceView, Entry>();
    for (const vpc of app.ofType('AWS::EC2::VPC')) blocks.set(vpc, entry(vpc, `${vpc.stack.path}|${vpc.logicalId}`, 'CidrBlock'));
    for (const b of app.ofType('AWS::EC2::VPCCidrBlock')) {
      const ref = referencedLogicalId(b.properties.VpcId);
      const vpc = ref ? `${b.stack.path}|${ref}` : JSON.stringify(b.properties.VpcId);
      if (b.properties.Ipv6CidrBlock !== undefined) blocks.set(b, entry(b, vpc, 'Ipv6CidrBlock'));
      else if (b.properties.AmazonProvidedIpv6CidrBlock === undefined && b.properties.Ipv6IpamPoolId === undefined) blocks.set(b, entry(b, vpc, 'CidrBlock'));
    }
    const ranged = [...blocks.values()].filter((e): e is Block => 'range' in e);
    return { blocks, overlaps: overlapIndex(ranged.map((item) => ({ range: item.range, item }))) };
  });
}

function entry(r: ResourceView, vpc: string, property: string): Entry {
  const value = r.properties[property];
  if (value === undefined && r.properties.Ipv4IpamPoolId !== undefined) {
    return { problem: nonCompliant(`could not verify that CIDR of ${r.path} does not overlap: it is allocated from IPAM pool at deploy time (Ipv4IpamPoolId)`, 'Ipv4IpamPoolId') };
  }
  const text = literalString(value);
  if (text === undefined) return { problem: unverifiable('the CIDR block', value, property) };
  const range = parseCidr(text);
  if (!range) return { problem: nonCompliant(`CIDR block ${text} is malformed`, property) };
  return { resource: r, vpc, range, location: property };
}
