import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { subnetZone } from '../utils/availability-zones';
import { dnsFailoverPeer, exposureOf } from '../utils/entry-points';
import { referrers, referrersOf, resolveResource } from '../utils/references';
import { asList, isIntrinsic, literalNumber, literalString } from '../../aws';

/** Endpoints AWS runs across the Availability Zones of a region, or at its global edge: highly available by design. */
const MANAGED_ENDPOINTS: { readonly [type: string]: string } = {
  'AWS::CloudFront::Distribution': 'CloudFront serves it from its global edge network',
  'AWS::GlobalAccelerator::Accelerator': 'Global Accelerator serves it from AWS\'s global edge network',
  'AWS::ApiGateway::RestApi': 'API Gateway runs the API across the Availability Zones of its region',
  'AWS::ApiGatewayV2::Api': 'API Gateway runs the API across the Availability Zones of its region',
  'AWS::AppSync::GraphQLApi': 'AppSync runs the API across the Availability Zones of its region',
  'AWS::Lambda::Url': 'Lambda serves function URLs across the Availability Zones of its region',
  'AWS::S3::Bucket': 'S3 serves website endpoints across the Availability Zones of its region',
};
const LOAD_BALANCERS = ['AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::ElasticLoadBalancing::LoadBalancer'];
const TYPES = [...Object.keys(MANAGED_ENDPOINTS), ...LOAD_BALANCERS, 'AWS::EC2::ClientVpnEndpoint', 'AWS::EC2::Instance', 'AWS::AutoScaling::AutoScalingGroup'];

/**
 * Reads the ways into the solution a template shows (item 2.1: "Network connectivity to the solution must be highly
 * available"; VPN connections are VpnConnectionsRedundant's):
 * - internet-facing `AWS::ElasticLoadBalancingV2::LoadBalancer`s (application, network; gateway load balancers are
 *   reached through endpoints, not from outside) and `AWS::ElasticLoadBalancing::LoadBalancer`s, by the zones of their
 *   subnets (or `AvailabilityZones`); internal ones are not applicable (their zones are 2.8's);
 * - `AWS::EC2::ClientVpnEndpoint`s, by the zones of the subnets of their `AWS::EC2::ClientVpnTargetNetworkAssociation`s;
 * - endpoints AWS runs across zones or at its edge: CloudFront distributions, Global Accelerator, API Gateway REST
 *   (a private API by the zones of the interface endpoints it names), HTTP and WebSocket APIs, AppSync APIs, Lambda
 *   function URLs, S3 website buckets (other buckets are not applicable);
 * - `AWS::EC2::Instance`s and `AWS::AutoScaling::AutoScalingGroup`s that are ways in themselves: a public address (an
 *   Elastic IP, `AssociatePublicIpAddress`, a subnet mapping public addresses, a default subnet) and a security group
 *   admitting every address on a port other than SSH and RDP. Other compute, and groups registered with a load
 *   balancer (the load balancer is the way in), are not applicable.
 * Passes when the way in survives the loss of one zone: a load balancer or Client VPN endpoint in two zones or more,
 * a managed endpoint, a public group keeping two instances or more over two zones, a public instance that Route 53
 * records with failover, multivalue or health-checked routing answer with together with an instance of another zone.
 * Fails when: the only way in is in one zone (a load balancer or Client VPN endpoint in one zone, a public group of
 * one instance or one zone, a public instance no DNS failover pairs with another zone). Subnets, security groups or
 * counts unknown at synth are reported.
 * Fix: put the solution behind an internet-facing load balancer in two zones or more (or CloudFront, Global
 * Accelerator, API Gateway), run public instances in an Auto Scaling group of two or more over two zones, or answer
 * with instances in two zones from Route 53 failover or multivalue records with health checks.
 */
export const EntryPointHighlyAvailable = defineRule({
  name: 'EntryPointHighlyAvailable',
  description: 'The ways into the solution survive the loss of one Availability Zone',
  fix: 'Reach the solution through an internet-facing load balancer in at least two Availability Zones, CloudFront, Global Accelerator or API Gateway; run public instances as an Auto Scaling group with MinSize >= 2 over two zones, or answer with instances of two zones from Route 53 failover or multivalue records with health checks; associate Client VPN endpoints with subnets of two zones',
  resourceTypes: TYPES,
  scope: 'app',
  check(r, app): RuleVerdict {
    if (LOAD_BALANCERS.includes(r.type)) return loadBalancer(r, app);
    switch (r.type) {
      case 'AWS::EC2::ClientVpnEndpoint': {
        const subnets = referrersOf(r, associations(app)).map((a) => ({ from: a, value: a.properties.SubnetId }));
        return spansTwoZones(subnets, app, 'the endpoint is associated with subnets of', 'Client VPN target network associations');
      }
      case 'AWS::ApiGateway::RestApi':
        return privateApi(r, app) ?? COMPLIANT;
      case 'AWS::S3::Bucket':
        return r.properties.WebsiteConfiguration === undefined ? NOT_APPLICABLE : COMPLIANT;
      case 'AWS::EC2::Instance':
      case 'AWS::AutoScaling::AutoScalingGroup':
        return compute(r, app);
      default:
        return MANAGED_ENDPOINTS[r.type] !== undefined ? COMPLIANT : NOT_APPLICABLE;
    }
  },
});

function loadBalancer(r: ResourceView, app: AppView): RuleVerdict {
  const p = r.properties;
  if (literalString(p.Type) === 'gateway') return NOT_APPLICABLE;
  const scheme = p.Scheme ?? 'internet-facing';
  if (isIntrinsic(scheme)) return unverifiable('the load balancer scheme', scheme, 'Scheme');
  if (scheme !== 'internet-facing') return NOT_APPLICABLE;
  if (isIntrinsic(p.Subnets)) return unverifiable('the load balancer subnets', p.Subnets, 'Subnets');
  if (isIntrinsic(p.SubnetMappings)) return unverifiable('the load balancer subnet mappings', p.SubnetMappings, 'SubnetMappings');
  const subnets = [...asList(p.Subnets), ...asList<any>(p.SubnetMappings).map((m) => m?.SubnetId)].map((value) => ({ from: r, value }));
  if (subnets.length === 0 && p.AvailabilityZones !== undefined) {
    if (isIntrinsic(p.AvailabilityZones)) return unverifiable('the load balancer zones', p.AvailabilityZones, 'AvailabilityZones');
    const zones = new Set(asList(p.AvailabilityZones).map((z) => JSON.stringify(z))).size;
    return zones >= 2 ? COMPLIANT : nonCompliant(`the internet-facing load balancer is in ${zonesText(zones)}: the solution cannot be reached when that zone is lost`, 'AvailabilityZones');
  }
  return spansTwoZones(subnets, app, 'the internet-facing load balancer spans', p.Subnets !== undefined ? 'Subnets' : 'SubnetMappings');
}

/** Compliant when the subnets span two zones or more; otherwise the finding, or what could not be read. */
function spansTwoZones(subnets: readonly { from: ResourceView; value: unknown }[], app: AppView, what: string, location: string): RuleVerdict {
  const keys = new Set<string>();
  let unknown: unknown;
  for (const { from, value } of subnets) {
    const zone = subnetZone(from, value, app);
    if (zone.kind === 'unknown') unknown ??= zone.value; else keys.add(zone.key);
  }
  if (keys.size >= 2) return COMPLIANT;
  if (unknown !== undefined) return unverifiable(`the Availability Zones of ${location}`, unknown, location);
  return nonCompliant(`${what} ${zonesText(keys.size)}: the solution cannot be reached when ${keys.size === 1 ? 'that zone' : 'a zone'} is lost`, location);
}

function zonesText(n: number): string {
  return `${n} Availability Zone${n === 1 ? '' : 's'}`;
}

/** Client VPN target network associations by their endpoint, indexed once per pass. */
function associations(app: AppView) {
  return referrers(app, { key: 'client-vpn-associations', fromType: 'AWS::EC2::ClientVpnTargetNetworkAssociation', targetType: 'AWS::EC2::ClientVpnEndpoint', path: 'ClientVpnEndpointId' });
}

/** A private REST API is reached through the interface endpoints it names: they must span two zones. */
function privateApi(r: ResourceView, app: AppView): RuleVerdict | undefined {
  const config = r.properties.EndpointConfiguration;
  if (!asList(config?.Types).includes('PRIVATE')) return undefined;
  const endpoints = asList(config?.VpcEndpointIds).map((v) => ({ v, endpoint: resolveResource(r, v, app) }));
  if (endpoints.length === 0 || endpoints.some((e) => e.endpoint?.type !== 'AWS::EC2::VPCEndpoint')) return NOT_APPLICABLE;
  const subnets = endpoints.flatMap(({ endpoint }) => asList(endpoint!.properties.SubnetIds).map((value) => ({ from: endpoint!, value })));
  return spansTwoZones(subnets, app, 'the private API\'s interface endpoints span', 'EndpointConfiguration/VpcEndpointIds');
}

/** Public compute that is a way in itself: a group of two instances or more over two zones, or instances DNS fails over between. */
function compute(r: ResourceView, app: AppView): RuleVerdict {
  if (r.type === 'AWS::AutoScaling::AutoScalingGroup' && (asList(r.properties.TargetGroupARNs).length > 0 || asList(r.properties.LoadBalancerNames).length > 0)) return NOT_APPLICABLE;
  const exposure = exposureOf(r, app);
  if (exposure.kind === 'none') return NOT_APPLICABLE;
  if (exposure.kind === 'unknown') return exposure.verdict;
  if (r.type === 'AWS::EC2::Instance') {
    const name = dnsFailoverPeer(r, app);
    if (name !== undefined) return COMPLIANT;
    return nonCompliant(`the solution is reached at this one instance in one Availability Zone (${exposure.how}), and no Route 53 failover or multivalue record pairs it with an instance of another zone: connectivity stops with the instance or its zone`);
  }
  const min = literalNumber(r.properties.MinSize);
  if (min === undefined) return unverifiable('MinSize', r.properties.MinSize, 'MinSize');
  if (min < 2) return nonCompliant(`the solution is reached at the group's instances (${exposure.how}), and the group may run ${min} instance${min === 1 ? '' : 's'} (MinSize ${min}): connectivity stops with the zone of its only instance`, 'MinSize');
  const subnets = asList(r.properties.VPCZoneIdentifier).map((value) => ({ from: r, value }));
  if (subnets.length === 0) {
    const zones = new Set(asList(r.properties.AvailabilityZones).map((z) => JSON.stringify(z))).size;
    return zones >= 2 ? COMPLIANT : nonCompliant(`the solution is reached at the group's instances (${exposure.how}), all in ${zonesText(zones)}`, 'AvailabilityZones');
  }
  return spansTwoZones(subnets, app, `the solution is reached at the group's instances (${exposure.how}), whose subnets span`, 'VPCZoneIdentifier');
}
