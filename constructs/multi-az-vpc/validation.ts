import { Token } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { DATA_CLASSIFICATIONS } from '../../lib/conventions';
import { PropSchema, PropValidator } from '../core';
import { cidrProblem, isIpv4Address, parseCidr, subnetPrefixFor, VPC_PREFIX_MAX, VPC_PREFIX_MIN } from '../../lib/aws';
import { AMAZON_SIDE_ASN_RANGES, CUSTOMER_GATEWAY_ASN, MULTI_AZ_VPC_DEFAULTS, SUBNET_TIERS } from './defaults';
import { MultiAzVpcProps } from './props';

/** The retention periods CloudWatch Logs accepts. */
const RETENTION_DAYS: ReadonlySet<number> = new Set(Object.values(logs.RetentionDays).filter((d): d is number => typeof d === 'number'));

const AZ_NAME = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d[a-z]$/;
const TGW_ID = /^tgw-[0-9a-f]{8,17}$/;
const IPAM_POOL_ID = /^ipam-pool-[0-9a-f]{8,17}$/;

const concrete = (v: unknown) => v !== undefined && !Token.isUnresolved(v);

/**
 * Validates {@link MultiAzVpcProps} against the stack's region (undefined when unresolved) and
 * throws one `ValidationError` listing every problem.
 */
/** JavaScript shapes of every prop of a `MultiAzVpc` (`checkPropTypes`, first statement of the constructor). */
export const MULTI_AZ_VPC_PROP_TYPES: PropSchema<MultiAzVpcProps> = {
  availabilityZones: 'string[]',
  cidr: 'string',
  ipamPoolId: 'string',
  ipamNetmaskLength: 'number',
  subnetCidrMask: 'number',
  natGateways: 'number',
  flowLogBucket: 'construct',
  flowLogBucketPrefix: 'string',
  flowLogRetention: 'number',
  flowLogDataClassification: 'string',
  interfaceEndpoints: 'object[]',
  vpn: {
    type: 'object',
    fields: {
      customerGateways: { type: 'object[]', required: true, fields: { ip: 'string!', asn: 'number!' } },
      singleConnectionReason: 'string',
      transitGatewayId: 'string',
      amazonSideAsn: 'number',
      remoteCidrs: 'string[]',
    },
  },
  allowCidrOverlap: 'boolean',
  vpcName: 'string',
};

export function validateMultiAzVpcProps(props: MultiAzVpcProps, region: string | undefined, azCount: number): void {
  const v = new PropValidator('MultiAzVpc');

  // Availability zones
  const azs = props.availabilityZones;
  // The subnets are planned at synth: an unresolved list (Fn::GetAZs, a parameter) cannot be split into subnets.
  if (azs !== undefined && Token.isUnresolved(azs)) v.fail('availabilityZones', 'must be a list of AZ names known at synth (the subnets are planned from it)', azs);
  if (azs !== undefined && !Token.isUnresolved(azs)) {
    v.check(azs.length >= MULTI_AZ_VPC_DEFAULTS.minAzs, 'availabilityZones', `must list at least ${MULTI_AZ_VPC_DEFAULTS.minAzs} AZs (checklist 2.8: survive the loss of one AZ)`, azs);
    const seen = new Set<string>();
    for (const az of azs.filter(concrete)) {
      if (seen.has(az)) v.fail('availabilityZones', 'must not list an AZ twice', az);
      seen.add(az);
      if (!AZ_NAME.test(az)) v.fail('availabilityZones', 'must hold AZ names like eu-west-1a', az);
      else if (region !== undefined && !(az.startsWith(region) && az.length === region.length + 1)) {
        v.fail('availabilityZones', `must be AZs of the stack's region ${region}`, az);
      }
    }
  }

  // Addressing
  if (props.cidr !== undefined && props.ipamPoolId !== undefined) {
    v.fail('cidr', "must not be given together with 'ipamPoolId'", props.cidr);
  }
  let vpcPrefix: number | undefined;
  if (props.ipamPoolId !== undefined) {
    if (concrete(props.ipamPoolId)) v.check(IPAM_POOL_ID.test(props.ipamPoolId), 'ipamPoolId', 'must be an IPAM pool ID like ipam-pool-0123456789abcdef0', props.ipamPoolId);
    const netmask = props.ipamNetmaskLength ?? MULTI_AZ_VPC_DEFAULTS.ipamNetmaskLength;
    if (concrete(netmask)) {
      v.check(Number.isInteger(netmask) && netmask >= VPC_PREFIX_MIN && netmask <= VPC_PREFIX_MAX, 'ipamNetmaskLength', `must be an integer between ${VPC_PREFIX_MIN} and ${VPC_PREFIX_MAX}`, netmask);
      vpcPrefix = netmask;
    }
  } else {
    if (props.ipamNetmaskLength !== undefined) v.fail('ipamNetmaskLength', "is only used with 'ipamPoolId'", props.ipamNetmaskLength);
    const cidr = props.cidr ?? MULTI_AZ_VPC_DEFAULTS.cidr;
    if (Token.isUnresolved(cidr)) v.fail('cidr', "must be known at synth (it is split into subnets); use 'ipamPoolId' for a block allocated at deploy time", cidr);
    if (concrete(cidr)) {
      const problem = cidrProblem(cidr);
      if (problem) v.fail('cidr', problem, cidr);
      else {
        vpcPrefix = parseCidr(cidr)!.prefix;
        if (vpcPrefix < VPC_PREFIX_MIN || vpcPrefix > VPC_PREFIX_MAX) {
          v.fail('cidr', `must have a prefix length between /${VPC_PREFIX_MIN} and /${VPC_PREFIX_MAX} (the VPC limits)`, cidr);
          vpcPrefix = undefined;
        }
      }
    }
  }

  // Subnets
  const subnetCount = SUBNET_TIERS.length * azCount;
  if (props.subnetCidrMask !== undefined && Token.isUnresolved(props.subnetCidrMask)) v.fail('subnetCidrMask', 'must be a number known at synth (the subnets are planned from it)', props.subnetCidrMask);
  if (props.subnetCidrMask !== undefined && concrete(props.subnetCidrMask)) {
    const mask = props.subnetCidrMask;
    const minMask = vpcPrefix === undefined ? VPC_PREFIX_MIN : subnetPrefixFor(vpcPrefix, subnetCount);
    v.check(Number.isInteger(mask) && mask >= minMask && mask <= VPC_PREFIX_MAX, 'subnetCidrMask', `must be an integer between ${minMask} and ${VPC_PREFIX_MAX} (${subnetCount} subnets must fit in the VPC)`, mask);
  } else if (vpcPrefix !== undefined) {
    const needed = subnetPrefixFor(vpcPrefix, subnetCount);
    if (needed > VPC_PREFIX_MAX) {
      v.fail(props.ipamPoolId ? 'ipamNetmaskLength' : 'cidr', `is too small for ${subnetCount} subnets (${SUBNET_TIERS.length} tiers × ${azCount} AZs) of at least /${VPC_PREFIX_MAX}`, props.ipamPoolId ? vpcPrefix : (props.cidr ?? MULTI_AZ_VPC_DEFAULTS.cidr));
    }
  }

  // Interface endpoints: one per service (each is a construct named after the service)
  const services = (props.interfaceEndpoints ?? []).map((e) => e.shortName);
  for (const name of services.filter((n, i) => services.indexOf(n) !== i)) v.fail('interfaceEndpoints', 'must not list a service twice', name);

  // NAT gateways
  if (props.natGateways !== undefined && concrete(props.natGateways)) {
    const n = props.natGateways;
    v.check(Number.isInteger(n) && n >= 1 && n <= azCount, 'natGateways', `must be an integer from 1 to the number of AZs (${azCount})`, n);
  }

  // Flow logs
  if (props.flowLogRetention !== undefined && concrete(props.flowLogRetention)) {
    v.check(props.flowLogRetention >= 365, 'flowLogRetention', 'must be at least 1 year (365 days; checklist 2.3)', props.flowLogRetention);
    v.check(RETENTION_DAYS.has(props.flowLogRetention), 'flowLogRetention', 'must be a CloudWatch Logs retention (a logs.RetentionDays value)', props.flowLogRetention);
  }
  if (props.flowLogDataClassification !== undefined && !Token.isUnresolved(props.flowLogDataClassification)) {
    v.check((DATA_CLASSIFICATIONS as readonly string[]).includes(props.flowLogDataClassification), 'flowLogDataClassification', `must be one of ${DATA_CLASSIFICATIONS.join(', ')}`, props.flowLogDataClassification);
  }
  if (props.flowLogBucketPrefix !== undefined && props.flowLogBucket === undefined) {
    v.fail('flowLogBucketPrefix', "is only used with 'flowLogBucket'", props.flowLogBucketPrefix);
  }

  // VPN
  const vpn = props.vpn;
  if (vpn) {
    const cgws = vpn.customerGateways;
    v.check(cgws.length >= 1 && cgws.length <= 2, 'vpn.customerGateways', 'must list 1 or 2 customer gateways (2 for redundancy)', cgws.length);
    cgws.forEach((cgw, i) => {
      if (concrete(cgw.ip)) v.check(isIpv4Address(cgw.ip), `vpn.customerGateways[${i}].ip`, 'must be an IPv4 address', cgw.ip);
      if (concrete(cgw.asn)) {
        v.check(Number.isInteger(cgw.asn) && cgw.asn >= CUSTOMER_GATEWAY_ASN.min && cgw.asn <= CUSTOMER_GATEWAY_ASN.max, `vpn.customerGateways[${i}].asn`, `must be a BGP ASN from ${CUSTOMER_GATEWAY_ASN.min} to ${CUSTOMER_GATEWAY_ASN.max}`, cgw.asn);
      }
    });
    if (vpn.singleConnectionReason !== undefined && concrete(vpn.singleConnectionReason)) {
      v.check(cgws.length === 1, 'vpn.singleConnectionReason', 'is only used with one customer gateway', vpn.singleConnectionReason);
      v.check(typeof vpn.singleConnectionReason === 'string' && vpn.singleConnectionReason.trim() !== '', 'vpn.singleConnectionReason', "must name the customer's decision", vpn.singleConnectionReason);
    }
    const ips = cgws.map((c) => c.ip).filter(concrete);
    if (new Set(ips).size < ips.length) v.fail('vpn.customerGateways', 'must use two different devices (IPs) for redundancy', ips);
    if (vpn.transitGatewayId !== undefined) {
      if (concrete(vpn.transitGatewayId)) v.check(TGW_ID.test(vpn.transitGatewayId), 'vpn.transitGatewayId', 'must be a Transit Gateway ID like tgw-0123456789abcdef0', vpn.transitGatewayId);
      if (vpn.amazonSideAsn !== undefined) v.fail('vpn.amazonSideAsn', "is only used with a virtual private gateway, not with 'transitGatewayId'", vpn.amazonSideAsn);
    } else if (vpn.remoteCidrs !== undefined) {
      v.fail('vpn.remoteCidrs', "is only used with 'transitGatewayId' (a virtual private gateway propagates BGP routes)", vpn.remoteCidrs);
    }
    if (vpn.amazonSideAsn !== undefined && concrete(vpn.amazonSideAsn)) {
      const asn = vpn.amazonSideAsn;
      v.check(AMAZON_SIDE_ASN_RANGES.some(([lo, hi]) => asn >= lo && asn <= hi), 'vpn.amazonSideAsn', 'must be a private ASN in 64512–65534 or 4200000000–4294967294', asn);
    }
    for (const cidr of (vpn.remoteCidrs ?? []).filter(concrete)) {
      const problem = cidrProblem(cidr);
      if (problem) v.fail('vpn.remoteCidrs', problem, cidr);
    }
  }

  v.throwIfAny();
}
