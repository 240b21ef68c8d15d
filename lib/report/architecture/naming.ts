import { resolveString, tagValue } from '../../aws';
import { ResourceKind } from './resource-kinds';
import { IndexedResource, pseudoOf } from './resource-index';

/** Construct ids that name nothing (`Resource`, `Default`) and the CDK's 8-hex hash suffix of generated ids. */
const NOISE_SEGMENTS = new Set(['resource', 'default']);
const HASH_SUFFIX = /^(.{2,}?)[0-9A-F]{8}$/;

/**
 * A short human name for a resource: its literal name property, its `Name` tag, or the last meaningful segment
 * of its construct path. Never a logical id's hash suffix (`NetworkFlowLogs2BEC3212` reads `NetworkFlowLogs`).
 */
export function shortName(res: IndexedResource, kind?: ResourceKind): string {
  const literal = kind?.nameProperty ? literalName(res, res.props[kind.nameProperty]) : undefined;
  if (literal) return literal;
  const tag = tagValue(res.props.Tags, 'Name');
  if (tag) return tag.split('/').pop()!;
  return constructName(res);
}

/**
 * A name property's value when it is a name a person gave: not a token, not a name the CDK generated from the
 * construct path (`Stack_Backup_18D1788A`), not a word that only repeats the type (`Plan` for a backup plan).
 */
export function literalName(res: IndexedResource, value: unknown): string | undefined {
  const name = resolveString(value, pseudoOf(res.stack));
  if (!name) return undefined;
  // a CDK-generated name ends in an 8-character hash of upper-case hex with at least one letter
  if (/[^0-9](?=[0-9A-F]*[A-F])[0-9A-F]{8}$/.test(name) && /[a-z]/.test(name) && name.length > 16) return undefined;
  if (genericWords(res.type).has(name.toLowerCase())) return undefined;
  return name;
}

/** A construct id without the hash suffix CDK appends to generated ids. */
export function withoutHash(segment: string): string {
  const m = HASH_SUFFIX.exec(segment);
  return m ? m[1] : segment;
}

/**
 * The last meaningful segment of a resource's construct path: `Resource`/`Default` and ids that only repeat the
 * resource type (`Vpc/Resource` of a VPC, `AutoScalingGroup/ASG` of an Auto Scaling group, `Plan` of a backup
 * plan) are skipped for their parent; hash suffixes are cut. Without a path, the logical id without its hash.
 */
export function constructName(res: IndexedResource): string {
  const p = res.stack.constructPaths[res.logicalId];
  const generic = genericWords(res.type);
  if (p) {
    const segments = p.split('/').map(withoutHash);
    // the first segments are the stage and the stack: never a resource's name unless nothing else is left
    const stackDepth = res.stack.displayName.split('/').length;
    for (let i = segments.length - 1; i >= stackDepth; i--) {
      const s = segments[i];
      if (!NOISE_SEGMENTS.has(s.toLowerCase()) && !generic.has(s.toLowerCase())) return s;
    }
    for (let i = segments.length - 1; i >= stackDepth; i--) {
      if (!NOISE_SEGMENTS.has(segments[i].toLowerCase())) return segments[i];
    }
  }
  return withoutHash(res.logicalId);
}

/** Lower-case ids that only say what the resource is: `autoscalinggroup`, `group`, `asg` for `AWS::AutoScaling::AutoScalingGroup`. */
function genericWords(type: string): Set<string> {
  const name = type.split('::').pop() ?? type;
  const words = name.split(/(?=[A-Z][a-z])/).filter(Boolean);
  const out = new Set<string>([name.toLowerCase(), words.map((w) => w[0]).join('').toLowerCase()]);
  for (let i = 0; i < words.length; i++) out.add(words.slice(i).join('').toLowerCase());
  for (const extra of GENERIC_EXTRA[type] ?? []) out.add(extra);
  return out;
}

const GENERIC_EXTRA: { readonly [type: string]: readonly string[] } = {
  'AWS::EC2::VPC': ['vpc'],
  'AWS::EC2::InternetGateway': ['igw'],
  'AWS::EC2::NatGateway': ['natgateway', 'nat'],
  'AWS::EC2::VPNGateway': ['vpngateway', 'vgw'],
  'AWS::EC2::FlowLog': ['flowlog', 'flowlogs'],
  'AWS::AutoScaling::AutoScalingGroup': ['asg'],
  'AWS::KMS::Key': ['key'],
  'AWS::Logs::LogGroup': ['loggroup', 'logs'],
  'AWS::CloudTrail::Trail': ['trail'],
  'AWS::Backup::BackupVault': ['vault'],
  'AWS::Backup::BackupPlan': ['plan'],
  'AWS::KinesisFirehose::DeliveryStream': ['stream', 'firehose'],
  'AWS::CloudFormation::StackSet': ['stackset'],
  'AWS::ElasticLoadBalancingV2::LoadBalancer': ['lb', 'alb', 'nlb', 'gwlb', 'gatewayloadbalancer', 'applicationloadbalancer', 'networkloadbalancer'],
  'AWS::ElasticLoadBalancingV2::TargetGroup': ['tg'],
};

/** The second label line of a single resource's icon: its name and what matters about it. */
export function detailOf(res: IndexedResource, kind: ResourceKind): string | undefined {
  const p = res.props;
  const str = (v: unknown) => resolveString(v, pseudoOf(res.stack));
  const parts: Array<string | undefined> = [];
  switch (res.type) {
    case 'AWS::EC2::NatGateway':
    case 'AWS::EC2::InternetGateway':
    case 'AWS::EC2::EgressOnlyInternetGateway':
    case 'AWS::EC2::FlowLog':
      break;
    case 'AWS::EC2::VPNGateway':
      parts.push(p.AmazonSideAsn !== undefined ? `ASN ${str(p.AmazonSideAsn)}` : undefined);
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
      parts.push(shortName(res, kind), p.Scheme === 'internet-facing' ? 'internet-facing' : p.Type === 'gateway' ? undefined : 'internal');
      break;
    case 'AWS::AutoScaling::AutoScalingGroup':
      parts.push(shortName(res, kind), capacityOf(res));
      break;
    case 'AWS::ECS::Service':
      parts.push(shortName(res, kind), capacityOf(res));
      break;
    case 'AWS::CloudTrail::Trail':
      parts.push(shortName(res, kind), p.IsOrganizationTrail === true ? 'organization' : undefined, p.IsMultiRegionTrail === true ? 'all regions' : undefined);
      break;
    case 'AWS::Backup::BackupPlan':
      parts.push(literalName(res, p.BackupPlan?.BackupPlanName) ?? constructName(res));
      break;
    case 'AWS::DirectConnect::Connection':
      parts.push(str(p.Location), str(p.Bandwidth));
      break;
    default:
      parts.push(shortName(res, kind));
  }
  const text = parts.filter((x): x is string => !!x).join(' · ');
  return text || undefined;
}

/** Capacity of a scaling resource: `3–6 instances` for an Auto Scaling group, `2 tasks` for an ECS service. */
export function capacityOf(res: IndexedResource): string | undefined {
  const str = (v: unknown) => resolveString(v, pseudoOf(res.stack));
  if (res.type === 'AWS::AutoScaling::AutoScalingGroup') {
    const min = str(res.props.MinSize);
    const max = str(res.props.MaxSize);
    if (min === undefined && max === undefined) return undefined;
    const desired = str(res.props.DesiredCapacity);
    return `${min ?? '?'}–${max ?? '?'} instances${desired !== undefined && desired !== min ? ` (desired ${desired})` : ''}`;
  }
  if (res.type === 'AWS::ECS::Service') {
    const desired = str(res.props.DesiredCount);
    if (desired === undefined) return res.props.SchedulingStrategy === 'DAEMON' ? 'one task per instance' : undefined;
    return `${desired} task${desired === '1' ? '' : 's'}`;
  }
  return undefined;
}

/**
 * The service of a VPC endpoint: `s3`, `ssm`, the name of the endpoint service of the app it connects to (GWLB
 * or PrivateLink), or the endpoint service id. Never the region a service name happens to start with.
 */
export function endpointService(res: IndexedResource, index?: { refsIn(value: unknown, stack: IndexedResource['stack']): IndexedResource[] }): string | undefined {
  const name = res.props.ServiceName;
  const service = index?.refsIn(name, res.stack).find((r) => r.type === 'AWS::EC2::VPCEndpointService');
  if (service) return shortName(service);
  const resolved = resolveString(name, pseudoOf(res.stack));
  const literal = resolved ?? lastLiteral(name);
  if (!literal) return undefined;
  const m = /vpce-svc-[0-9a-f]+$/.exec(literal);
  if (m) return m[0];
  const last = literal.split('.').filter(Boolean).pop();
  return last && !/^[a-z]{2}(-[a-z]+)+-\d$/.test(last) ? last : undefined;
}

function lastLiteral(value: any): string | undefined {
  const parts = value?.['Fn::Join']?.[1];
  if (!Array.isArray(parts)) return undefined;
  const strings = parts.filter((x): x is string => typeof x === 'string' && x.length > 0);
  return strings.pop();
}
