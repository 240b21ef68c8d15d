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

/**
 * Resource types whose every connection is encrypted, as each service documents it: the TLS-only endpoints above,
 * IPsec VPN connections and TLS tunnels. Nothing crosses them in plain text, whatever the template says.
 */
export const ENCRYPTED_ENDPOINT_TYPES: { readonly [type: string]: string } = {
  ...TLS_ONLY_ENDPOINT_TYPES,
  'AWS::EC2::VPNConnection': 'Site-to-Site VPN connections are IPsec tunnels (their tunnel options choose among AES ciphers only)',
  'AWS::EC2::ClientVpnEndpoint': 'Client VPN endpoints accept OpenVPN sessions over TLS only',
  'AWS::EC2::InstanceConnectEndpoint': 'EC2 Instance Connect Endpoint carries SSH and RDP through a TLS tunnel',
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

/** What a well-known port carries, as far as its protocol tells whether data crosses it encrypted. */
export interface PortProtocol {
  /** The protocol, e.g. `HTTP`, `HTTPS`, `RDP`. */
  readonly name: string;
  /**
   * `encrypted`: the protocol encrypts every session (TLS, SSH, IPsec). `plaintext`: it carries data in clear.
   * `optional`: it encrypts only when the server requires TLS (STARTTLS, a database's TLS setting), which a
   * security group cannot show.
   */
  readonly encryption: 'encrypted' | 'plaintext' | 'optional';
}

const P = (name: string, encryption: PortProtocol['encryption']): PortProtocol => ({ name, encryption });

/** Well-known ports by `<protocol>/<port>` (IANA service names; encryption as each protocol defines it). */
const WELL_KNOWN_PORTS: { readonly [key: string]: PortProtocol } = {
  'tcp/22': P('SSH', 'encrypted'),
  'tcp/443': P('HTTPS', 'encrypted'),
  'udp/443': P('QUIC (HTTP/3)', 'encrypted'),
  'tcp/3389': P('RDP', 'encrypted'),
  'udp/3389': P('RDP over UDP', 'encrypted'),
  'tcp/636': P('LDAPS', 'encrypted'),
  'tcp/3269': P('LDAPS (global catalog)', 'encrypted'),
  'tcp/465': P('SMTPS', 'encrypted'),
  'tcp/853': P('DNS over TLS', 'encrypted'),
  'tcp/989': P('FTPS data', 'encrypted'),
  'tcp/990': P('FTPS', 'encrypted'),
  'tcp/993': P('IMAPS', 'encrypted'),
  'tcp/995': P('POP3S', 'encrypted'),
  'udp/500': P('IKE (IPsec)', 'encrypted'),
  'udp/4500': P('IPsec NAT traversal', 'encrypted'),
  'tcp/1194': P('OpenVPN', 'encrypted'),
  'udp/1194': P('OpenVPN', 'encrypted'),
  'udp/51820': P('WireGuard', 'encrypted'),
  'tcp/5061': P('SIP over TLS', 'encrypted'),
  'tcp/5986': P('WinRM over HTTPS', 'encrypted'),
  'tcp/6514': P('syslog over TLS', 'encrypted'),
  'tcp/8883': P('MQTT over TLS', 'encrypted'),
  'tcp/20': P('FTP data', 'plaintext'),
  'tcp/21': P('FTP', 'optional'),
  'tcp/23': P('Telnet', 'plaintext'),
  'tcp/25': P('SMTP', 'optional'),
  'tcp/53': P('DNS', 'plaintext'),
  'udp/53': P('DNS', 'plaintext'),
  'udp/69': P('TFTP', 'plaintext'),
  'tcp/80': P('HTTP', 'plaintext'),
  'tcp/110': P('POP3', 'optional'),
  'tcp/143': P('IMAP', 'optional'),
  'udp/161': P('SNMP', 'plaintext'),
  'udp/162': P('SNMP traps', 'plaintext'),
  'tcp/389': P('LDAP', 'optional'),
  'udp/389': P('LDAP', 'plaintext'),
  'tcp/445': P('SMB', 'optional'),
  'tcp/512': P('rexec', 'plaintext'),
  'tcp/513': P('rlogin', 'plaintext'),
  'tcp/514': P('rsh', 'plaintext'),
  'udp/514': P('syslog', 'plaintext'),
  'tcp/587': P('SMTP submission', 'optional'),
  'tcp/1433': P('SQL Server', 'optional'),
  'tcp/1521': P('Oracle', 'optional'),
  'tcp/1883': P('MQTT', 'plaintext'),
  'tcp/2049': P('NFS', 'plaintext'),
  'tcp/3306': P('MySQL', 'optional'),
  'tcp/5060': P('SIP', 'plaintext'),
  'udp/5060': P('SIP', 'plaintext'),
  'tcp/5432': P('PostgreSQL', 'optional'),
  'tcp/5900': P('VNC', 'plaintext'),
  'tcp/6379': P('Redis', 'optional'),
  'tcp/8080': P('HTTP (alternate port)', 'plaintext'),
  'tcp/11211': P('Memcached', 'plaintext'),
  'tcp/27017': P('MongoDB', 'optional'),
};

/** IP protocols (other than TCP, UDP and ICMP) by number: ESP encrypts, GRE carries packets in clear. */
const IP_PROTOCOLS: { readonly [number: string]: PortProtocol } = {
  50: P('IPsec ESP', 'encrypted'),
  47: P('GRE', 'plaintext'),
};

/** The protocol a well-known port carries (`protocol` as a security group writes it: `tcp`, `udp`, `6`, `17`); undefined when the port is not one of them. */
export function protocolOnPort(protocol: string, port: number): PortProtocol | undefined {
  const p = protocol === '6' ? 'tcp' : protocol === '17' ? 'udp' : protocol.toLowerCase();
  return WELL_KNOWN_PORTS[`${p}/${port}`];
}

/** An IP protocol other than TCP, UDP and ICMP (`50`, `esp`, `47`, `gre`) as far as it tells about encryption. */
export function ipProtocol(protocol: string): PortProtocol | undefined {
  const number = { esp: '50', gre: '47' }[protocol.toLowerCase()] ?? protocol;
  return IP_PROTOCOLS[number];
}

/** The well-known ports of a range whose protocol carries data in clear or only optionally encrypted, in port order. */
export function unencryptedPortsIn(protocol: string, from: number, to: number): readonly { readonly port: number; readonly protocol: PortProtocol }[] {
  const p = protocol === '6' ? 'tcp' : protocol === '17' ? 'udp' : protocol.toLowerCase();
  return Object.entries(WELL_KNOWN_PORTS)
    .map(([key, pp]) => ({ key, port: Number(key.split('/')[1]), protocol: pp }))
    .filter(({ key, port, protocol: pp }) => key.startsWith(`${p}/`) && port >= from && port <= to && pp.encryption !== 'encrypted')
    .sort((a, b) => a.port - b.port)
    .map(({ port, protocol: pp }) => ({ port, protocol: pp }));
}

/** How an Amazon SNS subscription protocol carries each message to its endpoint, as far as AWS documents it. */
export interface SnsDeliveryProtocol {
  /**
   * `encrypted`: the delivery is encrypted (TLS), or never leaves AWS's service endpoints, so it crosses no VPC
   * boundary in clear. `plaintext`: it carries messages in clear. `not-shown`: AWS does not say whether the delivery
   * is encrypted (mail and text messages travel over networks outside AWS).
   */
  readonly encryption: 'encrypted' | 'plaintext' | 'not-shown';
  /** Why, with AWS's words and where they are. */
  readonly why: string;
}

const SNS_SUBSCRIBE = 'Amazon SNS API Reference, Subscribe, Protocol';
const AWS_SERVICE_DELIVERY = (service: string, what: string) => ({
  encryption: 'encrypted' as const,
  why: `"${what}" (${SNS_SUBSCRIBE}): Amazon SNS hands the message to ${service} itself, from one AWS service to the other's API (not an endpoint in a VPC), so it crosses no VPC boundary, the seed's "across a VPC boundary"`,
});

/**
 * Every protocol of an SNS subscription (`AWS::SNS::Subscription` `Protocol`, a topic's inline `Subscription` list),
 * lower case as the Subscribe API takes it.
 */
export const SNS_DELIVERY_PROTOCOLS: { readonly [protocol: string]: SnsDeliveryProtocol } = {
  http: {
    encryption: 'plaintext',
    why: '"When you subscribe the endpoint, you choose whether Amazon SNS uses HTTP or HTTPS to send the POST request to the endpoint" and "Amazon SNS does not currently support private HTTP(S) endpoints" (Amazon SNS Developer Guide, "Fanout Amazon SNS notifications to HTTPS endpoints"): an http subscription posts each message in clear to a public endpoint',
  },
  https: {
    encryption: 'encrypted',
    why: '"delivery of JSON-encoded message via HTTPS POST" (Amazon SNS API Reference, Subscribe); "The username and password are encrypted over the SSL connection established when using HTTPS. Only the domain name is sent in plaintext." (Amazon SNS Developer Guide, "Fanout Amazon SNS notifications to HTTPS endpoints")',
  },
  sqs: AWS_SERVICE_DELIVERY('Amazon SQS', 'delivery of JSON-encoded message to an Amazon SQS queue'),
  lambda: AWS_SERVICE_DELIVERY('AWS Lambda', 'delivery of JSON-encoded message to an AWS Lambda function'),
  firehose: AWS_SERVICE_DELIVERY('Amazon Data Firehose', 'delivery of JSON-encoded message to an Amazon Data Firehose delivery stream'),
  application: {
    encryption: 'encrypted',
    why: '"delivery of JSON-encoded message to an EndpointArn for a mobile app and device" (Amazon SNS API Reference, Subscribe): Amazon SNS hands the message to the platform\'s push notification service (APNs, FCM, ADM, Baidu, WNS, MPNS) through that service\'s HTTPS API, with the credentials of the platform application',
  },
  email: {
    encryption: 'not-shown',
    why: '"delivery of message via SMTP" (Amazon SNS API Reference, Subscribe): AWS does not say that the mail is sent over TLS, and the recipient\'s mail servers decide the rest of its way',
  },
  'email-json': {
    encryption: 'not-shown',
    why: '"delivery of JSON-encoded message via SMTP" (Amazon SNS API Reference, Subscribe): AWS does not say that the mail is sent over TLS, and the recipient\'s mail servers decide the rest of its way',
  },
  sms: {
    encryption: 'not-shown',
    why: '"delivery of message via SMS" (Amazon SNS API Reference, Subscribe): a text message travels over the mobile carriers\' networks, which AWS does not say encrypt it',
  },
};

/** The protocols whose deliveries carry messages in clear (for item 1.22's topics and 1.24's subscriptions alike). */
export const SNS_PROTOCOLS_IN_CLEAR: readonly string[] = Object.keys(SNS_DELIVERY_PROTOCOLS).filter((p) => SNS_DELIVERY_PROTOCOLS[p].encryption === 'plaintext');

/** What AWS documents of an SNS subscription protocol (any case); undefined for one the Subscribe API does not list. */
export function snsDeliveryProtocol(protocol: string): SnsDeliveryProtocol | undefined {
  const p = protocol.toLowerCase();
  return Object.prototype.hasOwnProperty.call(SNS_DELIVERY_PROTOCOLS, p) ? SNS_DELIVERY_PROTOCOLS[p] : undefined;
}
