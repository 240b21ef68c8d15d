import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { DataClassification } from '../../lib/conventions';

/** A customer gateway (the on-premises end of a site-to-site VPN). */
export interface CustomerGatewayOptions {
  /** Public IPv4 address of the customer gateway device, e.g. `203.0.113.10`. */
  readonly ip: string;
  /** BGP ASN of the customer gateway device, 1–2147483647, e.g. `65000`. */
  readonly asn: number;
}

/** Hybrid connectivity: site-to-site VPN with BGP (dynamic routing). */
export interface MultiAzVpcVpnOptions {
  /**
   * The customer gateways, one VPN connection (two tunnels) each. Give two devices for a
   * redundant connection (checklist 2.1); one adds the warning `cdk-competency:SingleVpnConnection`,
   * unless `singleConnectionReason` records that one connection is the customer's choice.
   */
  readonly customerGateways: CustomerGatewayOptions[];
  /**
   * With one customer gateway: why one connection is enough, the customer's documented decision (checklist
   * 2.1 asks the solution to support redundant connections "even if the customers do not always implement
   * this"). Recorded on the VPN connection (metadata `cdk-competency:vpn-redundancy`); no warning is added.
   * @default - none: one customer gateway adds the warning `cdk-competency:SingleVpnConnection`
   */
  readonly singleConnectionReason?: string;
  /**
   * Terminate the VPN on this existing Transit Gateway (attached to the VPC's private subnets)
   * instead of a virtual private gateway.
   * @default - a virtual private gateway attached to the VPC
   */
  readonly transitGatewayId?: string;
  /**
   * Private ASN of the Amazon side of the virtual private gateway (64512–65534 or
   * 4200000000–4294967294). Only with a virtual private gateway.
   * @default - the Amazon default ASN (64512)
   */
  readonly amazonSideAsn?: number;
  /**
   * On-premises CIDR blocks routed from the private subnets to the Transit Gateway. Only with
   * `transitGatewayId` (a virtual private gateway propagates BGP routes into the private route tables).
   * @default - no static routes to the Transit Gateway
   */
  readonly remoteCidrs?: string[];
}

/** Properties of {@link MultiAzVpc}. */
export interface MultiAzVpcProps {
  /**
   * Availability zones, by name, in the stack's region. At least 2, no duplicates. Explicit, so
   * synth needs no context lookup.
   * @default - `<region>a`, `<region>b`, `<region>c` when the stack's region is known; else the first 3 AZs of the region at deploy time (`Fn::GetAZs`)
   */
  readonly availabilityZones?: string[];
  /**
   * IPv4 CIDR block of the VPC, prefix length /16 to /28. Checked against every other
   * `MultiAzVpc` of the app for overlaps.
   * @default '10.0.0.0/16' (unless `ipamPoolId` is given)
   */
  readonly cidr?: string;
  /**
   * Allocate the CIDR from this Amazon VPC IPAM pool instead of `cidr`.
   * @default - no IPAM: the VPC uses `cidr`
   */
  readonly ipamPoolId?: string;
  /**
   * Netmask length requested from the IPAM pool (16–28). Only with `ipamPoolId`.
   * @default 16
   */
  readonly ipamNetmaskLength?: number;
  /**
   * Prefix length of every subnet.
   * @default - the VPC block split evenly between 3 tiers × the AZs (a /16 over 3 AZs gives /20 subnets)
   */
  readonly subnetCidrMask?: number;
  /**
   * Number of NAT gateways, 1 up to the number of AZs. `1` is a cost option: one AZ's NAT gateway
   * then serves every AZ, which breaks checklist 2.8 (warning `cdk-competency:SingleNatGateway`).
   * @default - one per AZ
   */
  readonly natGateways?: number;
  /**
   * Central S3 bucket for the VPC flow logs (Parquet, Hive-compatible partitions, per-hour).
   * Bring an encrypted, versioned, retained bucket (e.g. from the log-archive account).
   * @default - a CloudWatch log group created by the construct, encrypted with a customer managed key
   */
  readonly flowLogBucket?: s3.IBucket;
  /**
   * Key prefix of the flow logs in `flowLogBucket`.
   * @default - no prefix (`AWSLogs/...` at the bucket root)
   */
  readonly flowLogBucketPrefix?: string;
  /**
   * Retention of the flow-log log group the construct creates (without `flowLogBucket`): at least 1 year.
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly flowLogRetention?: logs.RetentionDays;
  /**
   * Data classification tag of the flow-log log group.
   * @default 'internal'
   */
  readonly flowLogDataClassification?: DataClassification;
  /**
   * Interface endpoints to create in the private subnets, with private DNS and a security group
   * allowing HTTPS (443) from the VPC CIDR only. S3 and DynamoDB gateway endpoints are always created.
   * @default - none
   */
  readonly interfaceEndpoints?: ec2.InterfaceVpcEndpointAwsService[];
  /**
   * Site-to-site VPN with BGP to one or two customer gateways.
   * @default - no hybrid connectivity
   */
  readonly vpn?: MultiAzVpcVpnOptions;
  /**
   * Accept a CIDR block that overlaps another `MultiAzVpc` of the same app (VPCs that will never
   * be connected). Overlapping blocks cannot be peered or routed through a Transit Gateway.
   * @default false
   */
  readonly allowCidrOverlap?: boolean;
  /**
   * The VPC's Name tag.
   * @default - the construct path
   */
  readonly vpcName?: string;
}
