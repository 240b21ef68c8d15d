/**
 * Facts about data in transit: which AWS endpoints accept only TLS, and where a host name (a CloudFront origin, an
 * API Gateway integration's URL) lives, as far as its name tells. For the rules of item 1.24 and the coverage table.
 */
import { DeployTimeValue, ResourceValue, Text } from './resolver/values';

/**
 * Resource types whose endpoints accept only TLS connections (HTTPS, WSS), as each service documents it: nothing
 * reaches them in plain text, whatever the template says.
 */
export const TLS_ONLY_ENDPOINT_TYPES: { readonly [type: string]: string } = {
  'AWS::ApiGateway::RestApi': 'API Gateway REST API endpoints accept HTTPS only (the default endpoint uses the TLS_1_0 security policy unless one is chosen)',
  'AWS::ApiGateway::DomainName': 'API Gateway custom domain names accept HTTPS only (TLS_1_0 or TLS_1_2 security policy, or an enhanced one)',
  'AWS::ApiGateway::DomainNameV2': 'API Gateway private custom domain names accept HTTPS only',
  'AWS::ApiGatewayV2::Api': 'API Gateway HTTP and WebSocket APIs accept HTTPS and WSS only, with the TLS_1_2 security policy',
  'AWS::ApiGatewayV2::DomainName': 'API Gateway custom domain names for HTTP and WebSocket APIs accept TLS 1.2 and later only',
  'AWS::Lambda::Url': 'Lambda function URLs are HTTPS endpoints (https://<url-id>.lambda-url.<region>.on.aws)',
  'AWS::AppSync::GraphQLApi': 'AppSync GraphQL endpoints accept HTTPS and WSS only',
  'AWS::AppSync::Api': 'AppSync Event API endpoints accept HTTPS and WSS only',
};

/** Where a host (or the resource behind it) is, for the question "does plain text to it cross the boundary item 1.24 names?". */
export type HostPlace =
  /** An endpoint that accepts only TLS (see {@link TLS_ONLY_ENDPOINT_TYPES}); `why` quotes the fact. */
  | { readonly kind: 'tls-only'; readonly why: string }
  /** A load balancer of the app: its listeners say what it accepts. */
  | { readonly kind: 'load-balancer'; readonly resource: ResourceValue }
  /** An AWS service endpoint outside any VPC (S3 and S3 website endpoints, other service endpoints), reached over AWS's network. */
  | { readonly kind: 'aws-service'; readonly why: string }
  /** A public endpoint inside a VPC (an instance, an Elastic IP, a load balancer or accelerator not in the app). */
  | { readonly kind: 'vpc'; readonly why: string }
  /** A host outside AWS's network (a name under no AWS domain). */
  | { readonly kind: 'outside'; readonly host: string }
  /** Not known at synth: `value` is what `unverifiable` takes. */
  | { readonly kind: 'unknown'; readonly value: unknown };

/** Types whose endpoint is inside a VPC, reachable from outside it. */
const VPC_ENDPOINT_TYPES = ['AWS::EC2::Instance', 'AWS::EC2::EIP', 'AWS::EC2::NetworkInterface', 'AWS::GlobalAccelerator::Accelerator'];
const LOAD_BALANCER_TYPES = ['AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::ElasticLoadBalancing::LoadBalancer'];
/** Services outside any VPC whose endpoints a template names by attribute. */
const SERVICE_TYPES: { readonly [type: string]: string } = {
  'AWS::S3::Bucket': 'an S3 bucket endpoint (S3 is not in a VPC)',
  'AWS::MediaStore::Container': 'a MediaStore container endpoint',
  'AWS::MediaPackage::OriginEndpoint': 'a MediaPackage endpoint',
  'AWS::MediaPackageV2::OriginEndpoint': 'a MediaPackage endpoint',
  'AWS::CloudFront::Distribution': 'another CloudFront distribution',
};

/** Host name suffixes, most specific first. `{region}` stands for a region name. */
const HOST_SUFFIXES: readonly { readonly pattern: RegExp; readonly place: (host: string) => HostPlace }[] = [
  { pattern: /\.execute-api\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/, place: () => ({ kind: 'tls-only', why: TLS_ONLY_ENDPOINT_TYPES['AWS::ApiGateway::RestApi'] }) },
  { pattern: /\.lambda-url\.[a-z0-9-]+\.on\.aws$/, place: () => ({ kind: 'tls-only', why: TLS_ONLY_ENDPOINT_TYPES['AWS::Lambda::Url'] }) },
  { pattern: /\.appsync-api\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/, place: () => ({ kind: 'tls-only', why: TLS_ONLY_ENDPOINT_TYPES['AWS::AppSync::GraphQLApi'] }) },
  { pattern: /(^|\.)s3([.-][a-z0-9-]+)*\.amazonaws\.com(\.cn)?$/, place: () => ({ kind: 'aws-service', why: 'an S3 (or S3 website) endpoint: S3 is not in a VPC' }) },
  { pattern: /\.elb\.([a-z0-9-]+\.)?amazonaws\.com(\.cn)?$/, place: (h) => ({ kind: 'vpc', why: `${h} is a load balancer in a VPC that is not part of the app` }) },
  { pattern: /\.compute(-1)?\.amazonaws\.com(\.cn)?$/, place: (h) => ({ kind: 'vpc', why: `${h} is the public name of an EC2 instance in a VPC` }) },
  { pattern: /\.awsglobalaccelerator\.com$/, place: (h) => ({ kind: 'vpc', why: `${h} is a Global Accelerator in front of endpoints in a VPC` }) },
  { pattern: /\.(amazonaws\.com(\.cn)?|on\.aws|api\.aws|cloudfront\.net|amazonaws\.eu)$/, place: (h) => ({ kind: 'aws-service', why: `${h} is an AWS service endpoint outside any VPC` }) },
];

/** Where a literal host name is. */
export function placeOfHost(host: string): HostPlace {
  const h = host.toLowerCase().replace(/\.$/, '');
  for (const { pattern, place } of HOST_SUFFIXES) if (pattern.test(h)) return place(h);
  return { kind: 'outside', host: h };
}

/** Where the resource behind a resolved value is, by its type; undefined for a type with no known place. */
function placeOfResource(v: ResourceValue): HostPlace | undefined {
  const type = v.resource.type;
  if (TLS_ONLY_ENDPOINT_TYPES[type]) return { kind: 'tls-only', why: TLS_ONLY_ENDPOINT_TYPES[type] };
  if (LOAD_BALANCER_TYPES.includes(type)) return { kind: 'load-balancer', resource: v };
  if (SERVICE_TYPES[type]) return { kind: 'aws-service', why: SERVICE_TYPES[type] };
  if (VPC_ENDPOINT_TYPES.includes(type)) return { kind: 'vpc', why: `${v.resource.path} (${type}) is in a VPC` };
  return undefined;
}

/** The resources a resolved value is built from (inside texts and the sources of deploy-time values too). */
export function resourcesWithin(v: unknown): ResourceValue[] {
  if (v instanceof ResourceValue) return [v];
  if (v instanceof Text) return v.parts.flatMap(resourcesWithin);
  if (v instanceof DeployTimeValue) return resourcesWithin(v.source);
  if (Array.isArray(v)) return v.flatMap(resourcesWithin);
  if (v && typeof v === 'object') return Object.values(v).flatMap(resourcesWithin);
  return [];
}

/**
 * Where the host a resolved value names is: a host name or URL as a literal, a text built around a resource's
 * attribute (`<bucket>.s3-website-eu-west-1.amazonaws.com`), or a value computed from a resource (CDK's
 * `Fn::Select [2, Fn::Split ['/', <the API's URL>]]`). A value built from a resource of a known type is placed by
 * that type; otherwise by the literal host name.
 */
export function placeOf(value: unknown): HostPlace {
  for (const r of resourcesWithin(value)) {
    const place = placeOfResource(r);
    if (place) return place;
  }
  const text = typeof value === 'string' ? value : value instanceof Text && value.parts.every((p) => typeof p === 'string' || !(p instanceof DeployTimeValue) || p.kind === 'pseudo') ? value.render(() => 'x') : undefined;
  if (text === undefined) return { kind: 'unknown', value };
  const host = hostOf(text);
  return host === undefined ? { kind: 'unknown', value } : placeOfHost(host);
}

/** The host of a URL or host name (`http://user@host:8080/x` → `host`); undefined when there is none. */
export function hostOf(text: string): string | undefined {
  const withoutScheme = text.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const host = withoutScheme.replace(/^[^@/]*@/, '').split(/[/:?#]/)[0];
  return host === '' ? undefined : host;
}
