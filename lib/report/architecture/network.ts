import { availabilityZone, parseCidr, resolveString, tagValue } from '../../aws';
import { IndexedResource, pseudoOf, ResourceIndex } from './resource-index';

/** How a subnet reaches beyond its VPC: by its CDK type tag, else by its routes. */
export type SubnetType = 'public' | 'private' | 'isolated';

/** One subnet of the assembly, read from its template. */
export interface SubnetInfo {
  readonly res: IndexedResource;
  /** Key of its VPC, when the VPC is a resource of the assembly. */
  readonly vpc?: string;
  /** Stable key of its Availability Zone within the VPC: the literal name, or `#<n>` for the n-th AZ of the region. */
  readonly az: string;
  /** `eu-west-1a`, or `Availability Zone 2` when the template selects the AZ by index. */
  readonly azName: string;
  readonly type: SubnetType;
  /** The subnet group (CDK subnet name, or the type when untagged): one tier of the VPC. */
  readonly group: string;
  readonly cidr?: string;
}

/** One route of a route table. */
export interface RouteInfo {
  readonly res: IndexedResource;
  readonly table: string;
  /** Destination CIDR or prefix list, as written. */
  readonly destination: string;
  /** The resource the route sends traffic to (gateway, NAT gateway, endpoint, instance...), when in the assembly. */
  readonly target?: IndexedResource;
}

/**
 * The network topology of an assembly: subnets with their AZ, type and tier; route tables, their routes and
 * what they are associated with (subnets, or a gateway for ingress routing).
 */
export class Network {
  readonly subnets = new Map<string, SubnetInfo>();
  /** Gateway key (internet or virtual private gateway) → VPC key. */
  readonly gatewayVpc = new Map<string, string>();
  /** Subnet key → route table key. */
  readonly tableOfSubnet = new Map<string, string>();
  /** Route table key → its routes. */
  readonly routes = new Map<string, RouteInfo[]>();
  /** Route table key → gateways it is associated with (edge association: ingress routing). */
  readonly gatewaysOfTable = new Map<string, string[]>();

  constructor(private readonly index: ResourceIndex) {
    for (const att of index.ofType('AWS::EC2::VPCGatewayAttachment')) {
      const vpc = index.deref(att.props.VpcId, att.stack);
      for (const gw of [att.props.InternetGatewayId, att.props.VpnGatewayId]) {
        const g = index.deref(gw, att.stack);
        if (g && vpc) this.gatewayVpc.set(g.key, vpc.key);
      }
    }
    for (const a of index.ofType('AWS::EC2::SubnetRouteTableAssociation')) {
      const subnet = index.deref(a.props.SubnetId, a.stack);
      const table = index.deref(a.props.RouteTableId, a.stack);
      if (subnet && table) this.tableOfSubnet.set(subnet.key, table.key);
    }
    for (const a of index.ofType('AWS::EC2::GatewayRouteTableAssociation')) {
      const gw = index.deref(a.props.GatewayId, a.stack);
      const table = index.deref(a.props.RouteTableId, a.stack);
      if (gw && table) this.gatewaysOfTable.set(table.key, [...(this.gatewaysOfTable.get(table.key) ?? []), gw.key]);
    }
    for (const r of index.ofType('AWS::EC2::Route')) {
      const table = index.deref(r.props.RouteTableId, r.stack);
      if (!table) continue;
      const p = r.props;
      const target = [p.GatewayId, p.NatGatewayId, p.TransitGatewayId, p.VpcEndpointId, p.InstanceId, p.NetworkInterfaceId, p.VpcPeeringConnectionId,
        p.EgressOnlyInternetGatewayId, p.CoreNetworkArn].map((v) => index.deref(v, r.stack)).find((x) => x);
      const destination = resolveString(p.DestinationCidrBlock ?? p.DestinationIpv6CidrBlock ?? p.DestinationPrefixListId, pseudoOf(r.stack)) ?? 'a computed destination';
      this.routes.set(table.key, [...(this.routes.get(table.key) ?? []), { res: r, table: table.key, destination, target }]);
    }
    for (const subnet of index.ofType('AWS::EC2::Subnet')) this.subnets.set(subnet.key, this.readSubnet(subnet));
  }

  /** The routes that apply to a subnet (those of its route table). */
  routesOf(subnet: string): readonly RouteInfo[] {
    const table = this.tableOfSubnet.get(subnet);
    return table ? this.routes.get(table) ?? [] : [];
  }

  /** Subnets whose route table is `table`. */
  subnetsOf(table: string): string[] {
    return [...this.tableOfSubnet].filter(([, t]) => t === table).map(([s]) => s);
  }

  /** Subnets of a VPC, in template order. */
  subnetsOfVpc(vpc: string): SubnetInfo[] {
    return [...this.subnets.values()].filter((s) => s.vpc === vpc);
  }

  private readSubnet(subnet: IndexedResource): SubnetInfo {
    const vpc = this.index.deref(subnet.props.VpcId, subnet.stack);
    const az = placeholderAz(availabilityZone(subnet.props.AvailabilityZone));
    const cdkType = tagValue(subnet.props.Tags, 'aws-cdk:subnet-type');
    const type: SubnetType = cdkType === 'Public' ? 'public' : cdkType === 'Private' ? 'private' : cdkType === 'Isolated' ? 'isolated'
      : subnet.props.MapPublicIpOnLaunch === true ? 'public' : this.routedType(subnet.key);
    const name = tagValue(subnet.props.Tags, 'aws-cdk:subnet-name');
    return {
      res: subnet,
      vpc: vpc?.key,
      az: az?.name ?? (az?.index !== undefined ? `#${az.index}` : '?'),
      azName: az?.name ?? (az?.index !== undefined ? `Availability Zone ${az.index}` : 'Availability Zone (unknown)'),
      type,
      group: name ?? type,
      cidr: resolveString(subnet.props.CidrBlock, pseudoOf(subnet.stack)) ?? (subnet.props.Ipv4IpamPoolId ? 'IPAM-allocated' : undefined),
    };
  }

  /** Without CDK tags: public when routed to an internet gateway, private when routed elsewhere out of the VPC, isolated otherwise. */
  private routedType(subnet: string): SubnetType {
    const routes = this.routesOf(subnet);
    if (routes.some((r) => r.target?.type === 'AWS::EC2::InternetGateway')) return 'public';
    const p = (r: RouteInfo) => r.res.props;
    if (routes.some((r) => p(r).NatGatewayId || p(r).TransitGatewayId || p(r).InstanceId || p(r).NetworkInterfaceId || p(r).VpcEndpointId)) return 'private';
    return 'isolated';
  }
}

/**
 * The zone as shown: a name, or a 1-based number (`Fn::Select` of `Fn::GetAZs` is 0-based; `dummy1a`, `dummy1b`...
 * are the AZs the CDK makes up when it has no context for the account).
 */
function placeholderAz(az: { readonly name?: string; readonly index?: number } | undefined) {
  const m = az?.name ? /^dummy1([a-z])$/.exec(az.name) : null;
  if (m) return { index: m[1].charCodeAt(0) - 96 };
  return az?.index !== undefined ? { index: az.index + 1 } : az;
}

/** Whether block `outer` (e.g. `10.0.0.0/16`) contains block or address `inner`; false for anything that is not a block. */
export function cidrContains(outer: string, inner: string): boolean {
  const a = parseCidr(outer);
  const b = parseCidr(/\//.test(inner) ? inner : `${inner}/${inner.includes(':') ? 128 : 32}`);
  return !!a && !!b && a.version === b.version && a.first <= b.first && b.last <= a.last;
}
