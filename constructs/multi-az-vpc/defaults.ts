import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { DataClassification } from '../../lib/conventions';

/** Defaults of {@link MultiAzVpc}, in one place so the README and the tests can cite them. */
export const MULTI_AZ_VPC_DEFAULTS = {
  /** Default IPv4 CIDR block. */
  cidr: '10.0.0.0/16',
  /** Number of AZs used when `availabilityZones` is not given. */
  azCount: 3,
  /** Minimum number of AZs (checklist 2.8: survive the loss of one AZ). */
  minAzs: 2,
  /** Netmask of a VPC allocated from an IPAM pool. */
  ipamNetmaskLength: 16,
  /** Retention of the flow-log log group the construct creates. */
  flowLogRetention: logs.RetentionDays.ONE_YEAR,
  /** Data classification tag of the flow-log store. */
  flowLogDataClassification: 'internal' as DataClassification,
  /** Traffic captured by the flow log. */
  flowLogTrafficType: ec2.FlowLogTrafficType.ALL,
} as const;

/** The subnet tiers, in the order their CIDRs are carved from the VPC block. */
export const SUBNET_TIERS: readonly { readonly name: string; readonly type: ec2.SubnetType }[] = [
  { name: 'Public', type: ec2.SubnetType.PUBLIC },
  { name: 'Private', type: ec2.SubnetType.PRIVATE_WITH_EGRESS },
  { name: 'Isolated', type: ec2.SubnetType.PRIVATE_ISOLATED },
];

/**
 * The flow-log record format: every default field plus the fields Network Management reporting
 * groups by (VPC, subnet, instance, region, AZ ID, AWS service, direction and path).
 */
export const FLOW_LOG_FORMAT: readonly ec2.LogFormat[] = [
  ec2.LogFormat.VERSION,
  ec2.LogFormat.ACCOUNT_ID,
  ec2.LogFormat.INTERFACE_ID,
  ec2.LogFormat.SRC_ADDR,
  ec2.LogFormat.DST_ADDR,
  ec2.LogFormat.SRC_PORT,
  ec2.LogFormat.DST_PORT,
  ec2.LogFormat.PROTOCOL,
  ec2.LogFormat.PACKETS,
  ec2.LogFormat.BYTES,
  ec2.LogFormat.START_TIMESTAMP,
  ec2.LogFormat.END_TIMESTAMP,
  ec2.LogFormat.ACTION,
  ec2.LogFormat.LOG_STATUS,
  ec2.LogFormat.VPC_ID,
  ec2.LogFormat.SUBNET_ID,
  ec2.LogFormat.INSTANCE_ID,
  ec2.LogFormat.TCP_FLAGS,
  ec2.LogFormat.TRAFFIC_TYPE,
  ec2.LogFormat.PKT_SRC_ADDR,
  ec2.LogFormat.PKT_DST_ADDR,
  ec2.LogFormat.REGION,
  ec2.LogFormat.AZ_ID,
  ec2.LogFormat.PKT_SRC_AWS_SERVICE,
  ec2.LogFormat.PKT_DST_AWS_SERVICE,
  ec2.LogFormat.FLOW_DIRECTION,
  ec2.LogFormat.TRAFFIC_PATH,
];

/** BGP ASN range accepted for a customer gateway (CloudFormation `BgpAsn`). */
export const CUSTOMER_GATEWAY_ASN = { min: 1, max: 2_147_483_647 } as const;

/** Private ASN ranges accepted for the Amazon side of a virtual private gateway. */
export const AMAZON_SIDE_ASN_RANGES: readonly (readonly [number, number])[] = [
  [64_512, 65_534],
  [4_200_000_000, 4_294_967_294],
];
