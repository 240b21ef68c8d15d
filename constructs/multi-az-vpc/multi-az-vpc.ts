import { Annotations, ArnFormat, Fn, Stack, Token, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct, IConstruct } from 'constructs';
import { METADATA } from '../../lib/conventions';
import { declareSingleVpnConnection } from '../../lib/declarations';
import { ValidationError, checkPropTypes } from '../core';
import { findOverlaps, NamedCidr, parseCidr, subnetPrefixFor } from '../../lib/aws';
import { FLOW_LOG_FORMAT, MULTI_AZ_VPC_DEFAULTS, SUBNET_TIERS } from './defaults';
import { createEncryptedLogGroup } from '../core/encrypted-log-group';
import { MultiAzVpcProps } from './props';
import { MULTI_AZ_VPC_PROP_TYPES, validateMultiAzVpcProps } from './validation';

/** The CIDR blocks of every MultiAzVpc built so far, per app (construct tree root). */
const CIDRS_BY_APP = new WeakMap<IConstruct, { readonly block: NamedCidr; readonly allowOverlap: boolean }[]>();

/**
 * A VPC laid out for the Networking checklist: subnets in 3 tiers (public, private with egress,
 * isolated) across at least 2 (default 3) AZs, a NAT gateway per AZ, flow logs of all traffic to an
 * encrypted and retained destination, a closed default security group, S3 and DynamoDB gateway
 * endpoints, optional interface endpoints, and optional site-to-site VPN with BGP.
 */
export class MultiAzVpc extends Construct {
  /**
   * Throws if any two of `vpcs` have overlapping CIDR blocks (VPCs on IPAM pools are skipped:
   * their blocks are known only at deploy time).
   */
  public static assertNoOverlap(...vpcs: MultiAzVpc[]): void {
    const blocks = vpcs.filter((v) => v.cidr !== undefined).map((v) => ({ cidr: v.cidr!, owner: v.node.path }));
    const problems = findOverlaps(blocks).map(({ a, b }) => `'cidr' ${a.cidr} of ${a.owner} overlaps ${b.cidr} of ${b.owner}`);
    if (problems.length > 0) throw new ValidationError('MultiAzVpc', problems);
  }

  /** The VPC. */
  public readonly vpc: ec2.IVpc;
  /** The VPC's IPv4 CIDR block, when given as `cidr` (undefined with an IPAM pool). */
  public readonly cidr?: string;
  /** The AZs the subnets span. */
  public readonly availabilityZones: string[];
  /** The flow log of the VPC (all traffic). */
  public readonly flowLog: ec2.FlowLog;
  /** The log group holding the flow logs (undefined with `flowLogBucket`). */
  public readonly flowLogLogGroup?: logs.ILogGroup;
  /** The customer managed key encrypting {@link flowLogLogGroup}. */
  public readonly flowLogKey?: kms.IKey;
  /** The security group of the interface endpoints (undefined without `interfaceEndpoints`). */
  public readonly interfaceEndpointSecurityGroup?: ec2.ISecurityGroup;
  /** The interface endpoints, in the order of `interfaceEndpoints`. */
  public readonly interfaceEndpoints: ec2.InterfaceVpcEndpoint[] = [];
  /** The customer gateways of the site-to-site VPN. */
  public readonly customerGateways: ec2.CfnCustomerGateway[] = [];
  /** The site-to-site VPN connections (BGP), one per customer gateway. */
  public readonly vpnConnections: ec2.CfnVPNConnection[] = [];
  /** The encrypted log group receiving the tunnel activity logs of {@link vpnConnections} (when there is a VPN). */
  public readonly vpnLogGroup?: logs.ILogGroup;
  /** The ID of the virtual private gateway (VPN without `transitGatewayId`). */
  public readonly vpnGatewayId?: string;
  /** The Transit Gateway attachment (VPN with `transitGatewayId`). */
  public readonly transitGatewayAttachment?: ec2.CfnTransitGatewayAttachment;

  constructor(scope: Construct, id: string, props: MultiAzVpcProps = {}) {
    super(scope, id);
    checkPropTypes('MultiAzVpc', props, MULTI_AZ_VPC_PROP_TYPES);
    const stack = Stack.of(this);
    const region = Token.isUnresolved(stack.region) ? undefined : stack.region;
    const azs = props.availabilityZones ?? defaultAvailabilityZones(region);
    const azCount = Token.isUnresolved(azs) ? MULTI_AZ_VPC_DEFAULTS.azCount : azs.length;

    validateMultiAzVpcProps(props, region, azCount);
    const cidr = props.ipamPoolId ? undefined : (props.cidr ?? MULTI_AZ_VPC_DEFAULTS.cidr);
    this.checkOverlapWithinApp(cidr, props.allowCidrOverlap ?? false);

    this.cidr = cidr;
    this.availabilityZones = azs;
    const natGateways = props.natGateways ?? azCount;
    const subnetCidrMask = props.subnetCidrMask ?? this.defaultSubnetMask(cidr, props, azCount);

    // Flow-log destination: the central bucket, else an encrypted, retained log group.
    let destination: ec2.FlowLogDestination;
    if (props.flowLogBucket) {
      destination = ec2.FlowLogDestination.toS3(props.flowLogBucket, props.flowLogBucketPrefix, {
        fileFormat: ec2.FlowLogFileFormat.PARQUET,
        hiveCompatiblePartitions: true,
        perHourPartition: true,
      });
    } else {
      const { logGroup, key } = createEncryptedLogGroup(this, 'FlowLogs', {
        retention: props.flowLogRetention ?? MULTI_AZ_VPC_DEFAULTS.flowLogRetention,
        dataClassification: props.flowLogDataClassification ?? MULTI_AZ_VPC_DEFAULTS.flowLogDataClassification,
        keyDescription: `Encrypts the VPC flow logs of ${this.node.path}`,
      });
      this.flowLogLogGroup = logGroup;
      this.flowLogKey = key;
      destination = ec2.FlowLogDestination.toCloudWatchLogs(logGroup);
    }

    const vpn = props.vpn;
    const useVgw = vpn !== undefined && vpn.transitGatewayId === undefined;
    const vpcProps: ec2.VpcProps = {
      vpcName: props.vpcName,
      ipAddresses: props.ipamPoolId
        ? ec2.IpAddresses.awsIpamAllocation({
          ipv4IpamPoolId: props.ipamPoolId,
          ipv4NetmaskLength: props.ipamNetmaskLength ?? MULTI_AZ_VPC_DEFAULTS.ipamNetmaskLength,
          defaultSubnetIpv4NetmaskLength: subnetCidrMask,
        })
        : ec2.IpAddresses.cidr(cidr!),
      availabilityZones: azs,
      // Public subnets hold NAT gateways and load balancers, which bring their own addresses: no instance
      // launched there gets a public IP by accident.
      subnetConfiguration: SUBNET_TIERS.map((tier) => ({
        name: tier.name, subnetType: tier.type, cidrMask: subnetCidrMask,
        mapPublicIpOnLaunch: tier.type === ec2.SubnetType.PUBLIC ? false : undefined,
      })),
      natGateways,
      restrictDefaultSecurityGroup: true,
      gatewayEndpoints: {
        S3: { service: ec2.GatewayVpcEndpointAwsService.S3 },
        DynamoDB: { service: ec2.GatewayVpcEndpointAwsService.DYNAMODB },
      },
      flowLogs: {
        FlowLog: {
          destination,
          trafficType: MULTI_AZ_VPC_DEFAULTS.flowLogTrafficType,
          logFormat: [...FLOW_LOG_FORMAT],
          maxAggregationInterval: ec2.FlowLogMaxAggregationInterval.ONE_MINUTE,
        },
      },
      vpnGateway: useVgw,
      vpnGatewayAsn: useVgw ? vpn.amazonSideAsn : undefined,
      vpnRoutePropagation: useVgw ? [{ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }] : undefined,
    };
    const vpc = withGivenAvailabilityZones(stack, azs, () => new ec2.Vpc(this, 'Vpc', vpcProps));
    this.vpc = vpc;
    this.flowLog = vpc.node.findChild('FlowLog') as ec2.FlowLog;
    (vpc.node.defaultChild as ec2.CfnVPC).addMetadata(METADATA.CHECKLIST_ITEMS, ['2.8']);
    (this.flowLog.node.defaultChild as ec2.CfnFlowLog).addMetadata(METADATA.CHECKLIST_ITEMS, ['2.3']);
    this.acknowledgeDefaultSecurityGroupProvider(stack);
    this.acknowledgeLiteralAvailabilityZones(azs);

    if (natGateways === 1 && azCount > 1) {
      Annotations.of(this).addWarningV2(
        'cdk-competency:SingleNatGateway',
        `MultiAzVpc: 'natGateways' is 1, so the private subnets of all ${azCount} AZs reach the internet through one AZ's NAT gateway: losing that AZ cuts egress everywhere, which breaks checklist item 2.8 (survive the loss of one AZ). Use one NAT gateway per AZ (the default) for production.`,
      );
    } else if (natGateways < azCount) {
      Annotations.of(this).addWarningV2(
        'cdk-competency:FewerNatGatewaysThanAzs',
        `MultiAzVpc: 'natGateways' is ${natGateways} for ${azCount} AZs, so some AZs depend on another AZ's NAT gateway (checklist item 2.8).`,
      );
    }

    if (props.interfaceEndpoints && props.interfaceEndpoints.length > 0) {
      const sg = new ec2.SecurityGroup(this, 'InterfaceEndpointSecurityGroup', {
        vpc,
        description: 'Interface VPC endpoints: HTTPS from the VPC CIDR only',
        allowAllOutbound: false,
      });
      // The literal block when known, so rules (and reviewers) can read it; the VPC's attribute with IPAM.
      sg.addIngressRule(ec2.Peer.ipv4(cidr ?? vpc.vpcCidrBlock), ec2.Port.tcp(443), 'HTTPS from the VPC CIDR');
      if (cidr === undefined) {
        Validations.of(sg).acknowledge({
          id: 'AwsSolutions-EC23',
          reason: 'The only ingress rule allows HTTPS from the VPC CIDR, which IPAM allocates at deploy time, so the rule reads a token it cannot resolve at synth.',
        });
      }
      this.interfaceEndpointSecurityGroup = sg;
      props.interfaceEndpoints.forEach((service) => {
        this.interfaceEndpoints.push(
          vpc.addInterfaceEndpoint(`${endpointId(service.shortName)}Endpoint`, {
            service,
            privateDnsEnabled: true,
            securityGroups: [sg],
            open: false,
            subnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
          }),
        );
      });
    }

    if (vpn) {
      const attachmentOrGateway = this.addVpn(vpc, vpn, props.flowLogRetention ?? MULTI_AZ_VPC_DEFAULTS.flowLogRetention);
      if (useVgw) this.vpnGatewayId = attachmentOrGateway as string;
      else this.transitGatewayAttachment = attachmentOrGateway as ec2.CfnTransitGatewayAttachment;
    }
  }

  /** A prefix that splits the VPC block evenly between 3 tiers × the AZs. */
  private defaultSubnetMask(cidr: string | undefined, props: MultiAzVpcProps, azCount: number): number {
    const vpcPrefix = cidr !== undefined ? parseCidr(cidr)!.prefix : (props.ipamNetmaskLength ?? MULTI_AZ_VPC_DEFAULTS.ipamNetmaskLength);
    return subnetPrefixFor(vpcPrefix, SUBNET_TIERS.length * azCount);
  }

  /** Registers this VPC's block with the app and throws when it overlaps another MultiAzVpc's. */
  private checkOverlapWithinApp(cidr: string | undefined, allowOverlap: boolean): void {
    if (cidr === undefined || Token.isUnresolved(cidr)) return;
    const root = this.node.root;
    const known = CIDRS_BY_APP.get(root) ?? [];
    const self: NamedCidr = { cidr, owner: this.node.path };
    const problems = known
      .filter((other) => !allowOverlap && !other.allowOverlap)
      .flatMap((other) => findOverlaps([self, other.block]))
      .map(({ b }) => `'cidr' ${cidr} of ${self.owner} overlaps ${b.cidr} of ${b.owner} (set 'allowCidrOverlap' only for VPCs that will never be connected)`);
    if (problems.length > 0) throw new ValidationError('MultiAzVpc', problems);
    known.push({ block: self, allowOverlap });
    CIDRS_BY_APP.set(root, known);
  }

  /**
   * Literal AZs are this construct's design (synth needs no AZ lookup, and the reviewer sees which AZs the VPC
   * spans), so CloudFormation's W3010 ("avoid hardcoding availability zones") is acknowledged on this
   * construct's resources, as aws-cdk-lib's `Stack` does for the AZs it hands out itself.
   */
  private acknowledgeLiteralAvailabilityZones(azs: string[]): void {
    if (Token.isUnresolved(azs) || azs.some((az) => Token.isUnresolved(az))) return;
    Validations.of(this).acknowledge({
      id: 'CloudFormation-Validate::W3010',
      reason: `MultiAzVpc names its AZs (${azs.join(', ')}) literally on purpose: synth needs no AZ lookup, and the reviewer sees which AZs the VPC spans.`,
    });
  }

  /**
   * `restrictDefaultSecurityGroup` deploys aws-cdk-lib's custom resource provider at the stack
   * root; acknowledge its findings on that provider node only.
   */
  private acknowledgeDefaultSecurityGroupProvider(stack: Stack): void {
    const provider = stack.node.tryFindChild('Custom::VpcRestrictDefaultSGCustomResourceProvider');
    if (!provider) return;
    Validations.of(provider).acknowledge(
      {
        id: 'AwsSolutions-IAM4',
        reason: "aws-cdk-lib's provider for restrictDefaultSecurityGroup uses AWSLambdaBasicExecutionRole only to write its own logs; its ec2:Revoke*/Authorize* permissions are scoped to this VPC's default security group.",
      },
      {
        id: 'AwsSolutions-L1',
        reason: "The runtime of aws-cdk-lib's restrictDefaultSecurityGroup provider is chosen and updated by aws-cdk-lib, not by this construct.",
      },
    );
  }

  /** Customer gateways and BGP VPN connections on a virtual private gateway or a Transit Gateway. */
  private addVpn(vpc: ec2.Vpc, vpn: NonNullable<MultiAzVpcProps['vpn']>, logRetention: logs.RetentionDays): string | ec2.CfnTransitGatewayAttachment {
    let attachment: ec2.CfnTransitGatewayAttachment | undefined;
    const privateSubnets = vpc.selectSubnets({ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }).subnets;
    if (vpn.transitGatewayId !== undefined) {
      attachment = new ec2.CfnTransitGatewayAttachment(this, 'TransitGatewayAttachment', {
        transitGatewayId: vpn.transitGatewayId,
        vpcId: vpc.vpcId,
        subnetIds: privateSubnets.map((s) => s.subnetId),
      });
      (vpn.remoteCidrs ?? []).forEach((remoteCidr, i) => {
        privateSubnets.forEach((subnet, j) => {
          const route = new ec2.CfnRoute(this, `RemoteRoute${i}Subnet${j}`, {
            routeTableId: subnet.routeTable.routeTableId,
            destinationCidrBlock: remoteCidr,
            transitGatewayId: vpn.transitGatewayId,
          });
          route.addResourceDependency(attachment!);
        });
      });
    }

    // Tunnel activity logs (IKE negotiation, tunnel up/down, BGP) of both tunnels of every connection: log
    // information of the AWS infrastructure that item 2.3 asks to consolidate.
    const { logGroup: vpnLogs } = createEncryptedLogGroup(this, 'VpnLogs', {
      retention: logRetention,
      dataClassification: MULTI_AZ_VPC_DEFAULTS.flowLogDataClassification,
      keyDescription: `Encrypts the VPN tunnel logs of ${this.node.path}`,
    });
    (this as { vpnLogGroup?: logs.ILogGroup }).vpnLogGroup = vpnLogs;
    const logGroupArn = Stack.of(this).formatArn({ service: 'logs', resource: 'log-group', resourceName: vpnLogs.logGroupName, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
    const tunnel: ec2.CfnVPNConnection.VpnTunnelOptionsSpecificationProperty = {
      logOptions: { cloudwatchLogOptions: { logEnabled: true, logGroupArn, logOutputFormat: 'json' } },
    };

    vpn.customerGateways.forEach((cgw, i) => {
      const customerGateway = new ec2.CfnCustomerGateway(this, `CustomerGateway${i + 1}`, {
        type: 'ipsec.1',
        ipAddress: cgw.ip,
        bgpAsn: cgw.asn,
        tags: [{ key: 'Name', value: `${this.node.path}/CustomerGateway${i + 1}` }],
      });
      const connection = new ec2.CfnVPNConnection(this, `VpnConnection${i + 1}`, {
        type: 'ipsec.1',
        customerGatewayId: customerGateway.ref,
        staticRoutesOnly: false,
        vpnTunnelOptionsSpecifications: [tunnel, tunnel],
        vpnGatewayId: attachment ? undefined : vpc.vpnGatewayId,
        transitGatewayId: attachment ? vpn.transitGatewayId : undefined,
        tags: [{ key: 'Name', value: `${this.node.path}/VpnConnection${i + 1}` }],
      });
      connection.addMetadata(METADATA.CHECKLIST_ITEMS, ['2.1']);
      if (attachment) connection.addResourceDependency(attachment);
      this.customerGateways.push(customerGateway);
      this.vpnConnections.push(connection);
    });

    if (vpn.customerGateways.length === 1 && vpn.singleConnectionReason !== undefined) {
      declareSingleVpnConnection(this.vpnConnections[0], vpn.singleConnectionReason);
    } else if (vpn.customerGateways.length === 1) {
      Annotations.of(this).addWarningV2(
        'cdk-competency:SingleVpnConnection',
        "MultiAzVpc: 'vpn.customerGateways' lists one customer gateway, so on-premises connectivity has a single point of failure on the customer side; checklist item 2.1 expects redundant connectivity (two VPN connections to two devices).",
      );
    }
    return attachment ?? vpc.vpnGatewayId!;
  }
}

/** `<region>a..c` when the region is known; else the region's first AZs at deploy time. */
function defaultAvailabilityZones(region: string | undefined): string[] {
  const letters = ['a', 'b', 'c'].slice(0, MULTI_AZ_VPC_DEFAULTS.azCount);
  if (region !== undefined) return letters.map((l) => `${region}${l}`);
  return letters.map((_, i) => Fn.select(i, Fn.getAzs()));
}

/** `InterfaceVpcEndpointAwsService.shortName` ('ecr.dkr', 'ssm') as a construct ID part ('EcrDkr', 'Ssm'). */
function endpointId(shortName: string): string {
  return shortName
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}

/**
 * aws-ec2's `Vpc` compares explicit AZs with `stack.availabilityZones`, which for an
 * environment-specific stack is a context lookup (it needs credentials at synth). The AZs were
 * validated against the stack's region already, so that one question is answered with them, for
 * the duration of the VPC's constructor only.
 */
function withGivenAvailabilityZones<T>(stack: Stack, azs: string[], build: () => T): T {
  Object.defineProperty(stack, 'availabilityZones', { value: azs, configurable: true });
  try {
    return build();
  } finally {
    delete (stack as { availabilityZones?: string[] }).availabilityZones;
  }
}
