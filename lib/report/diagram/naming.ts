import { ResourceKind } from './icon-table';
import { resolveString, tagValue } from '../../aws';
import { IndexedResource, pseudoOf } from './resource-index';

const MAX_DETAIL = 32;

/** A short human name for a resource: its literal name property, its `Name` tag, or its construct id. */
export function shortName(res: IndexedResource, kind?: ResourceKind): string {
  const pseudo = pseudoOf(res.stack);
  const literal = kind?.nameProperty ? resolveString(res.props[kind.nameProperty], pseudo) : undefined;
  if (literal) return literal;
  const tag = tagValue(res.props.Tags, 'Name');
  if (tag) return tag.split('/').pop()!;
  return constructName(res);
}

/** The construct id of a resource (from its construct path), or its logical id without the hash. */
export function constructName(res: IndexedResource): string {
  const p = res.stack.constructPaths[res.logicalId];
  if (p) {
    const segments = p.split('/');
    while (segments.length > 1 && ['Resource', 'Default'].includes(segments[segments.length - 1])) segments.pop();
    return segments[segments.length - 1];
  }
  return res.logicalId.replace(/[0-9A-F]{8}$/, '') || res.logicalId;
}

/** The second label line of a single resource's icon. */
export function detailOf(res: IndexedResource, kind: ResourceKind): string | undefined {
  const p = res.props;
  const pseudo = pseudoOf(res.stack);
  const str = (v: unknown) => resolveString(v, pseudo);
  const parts: Array<string | undefined> = [];
  switch (res.type) {
    case 'AWS::EC2::NatGateway':
    case 'AWS::EC2::InternetGateway':
    case 'AWS::EC2::EgressOnlyInternetGateway':
    case 'AWS::EC2::VPNGateway':
    case 'AWS::EC2::FlowLog':
      parts.push(res.type === 'AWS::EC2::VPNGateway' && p.AmazonSideAsn !== undefined ? `ASN ${str(p.AmazonSideAsn)}` : undefined);
      break;
    case 'AWS::EC2::CustomerGateway':
      parts.push(str(p.IpAddress), p.BgpAsn !== undefined ? `ASN ${str(p.BgpAsn) ?? '?'}` : undefined);
      break;
    case 'AWS::EC2::VPNConnection':
      parts.push(shortName(res, kind), p.StaticRoutesOnly === true ? 'static' : 'BGP');
      break;
    case 'AWS::EC2::TransitGateway':
      parts.push(tagValue(p.Tags, 'Name') ?? constructName(res), p.AmazonSideAsn !== undefined ? `ASN ${str(p.AmazonSideAsn)}` : undefined);
      break;
    case 'AWS::EC2::VPCEndpoint':
      parts.push(endpointService(res));
      break;
    case 'AWS::ElasticLoadBalancingV2::LoadBalancer':
      parts.push(shortName(res, kind), p.Scheme === 'internet-facing' ? 'internet-facing' : undefined);
      break;
    case 'AWS::AutoScaling::AutoScalingGroup':
      parts.push(shortName(res, kind), p.MinSize !== undefined ? `${str(p.MinSize)}–${str(p.MaxSize)} instances` : undefined);
      break;
    case 'AWS::CloudTrail::Trail':
      parts.push(shortName(res, kind), p.IsOrganizationTrail === true ? 'org' : undefined, p.IsMultiRegionTrail === true ? 'multi-region' : undefined);
      break;
    case 'AWS::Backup::BackupPlan':
      parts.push(str(p.BackupPlan?.BackupPlanName) ?? constructName(res));
      break;
    case 'AWS::DirectConnect::Connection':
      parts.push(str(p.Location), str(p.Bandwidth));
      break;
    default:
      parts.push(shortName(res, kind));
  }
  return truncate(parts.filter((x): x is string => !!x).join(' · '));
}

/** The service of a VPC endpoint: `s3`, `ssm`, or the endpoint service id for GWLB / PrivateLink. */
export function endpointService(res: IndexedResource): string | undefined {
  const name = res.props.ServiceName;
  const resolved = resolveString(name, pseudoOf(res.stack));
  const literal = resolved ?? lastLiteral(name);
  if (!literal) return undefined;
  const m = /vpce-svc-[0-9a-f]+$/.exec(literal);
  if (m) return m[0];
  return literal.split('.').filter(Boolean).pop();
}

function lastLiteral(value: any): string | undefined {
  const parts = value?.['Fn::Join']?.[1];
  if (!Array.isArray(parts)) return undefined;
  const strings = parts.filter((x): x is string => typeof x === 'string' && x.length > 0);
  return strings.pop();
}

export function truncate(s: string | undefined, max = MAX_DETAIL): string | undefined {
  if (!s) return undefined;
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}
