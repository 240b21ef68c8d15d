import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, notShown, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { asList, dataStoreFacts, ENCRYPTED_ENDPOINT_TYPES, snsDeliveryProtocol } from '../../aws';
import { endpointName, subscriptionsOf } from '../utils/subscriptions';

/** Endpoint types whose protocol other 1.24 rules read (ApiGatewayIntegrationTls reads the APIs' backend leg too). */
const READ_ELSEWHERE = ['AWS::ApiGateway::RestApi', 'AWS::ApiGatewayV2::Api'];
const BY_DESIGN = Object.keys(ENCRYPTED_ENDPOINT_TYPES).filter((t) => !READ_ELSEWHERE.includes(t));
const CHOSEN = ['AWS::Transfer::Server', 'AWS::VpcLattice::Listener', 'AWS::Route53Resolver::ResolverEndpoint', 'AWS::Transfer::Connector'];
/** DNS over HTTPS: the only Resolver endpoint protocols that encrypt the queries themselves. */
const DOH = ['DoH', 'DoH-FIPS'];
/** SNS deliveries: subscription resources, and the inline `Subscription` list of a topic (read as item 1.22 reads it). */
const SNS = ['AWS::SNS::Subscription', 'AWS::SNS::Topic'];
const TYPES = [...BY_DESIGN, ...CHOSEN, ...SNS];

/** What a Transfer Family server's protocols carry: FTP in clear, AS2 encrypted only when the agreement says so. */
function transferServer(protocols: readonly unknown[], location: string): RuleVerdict {
  if (protocols.some((p) => typeof p !== 'string')) return unverifiable('the protocols of the server', protocols.find((p) => typeof p !== 'string'), location);
  if (protocols.includes('FTP')) return nonCompliant('the server accepts FTP, which carries files and passwords in clear (SFTP and FTPS encrypt)', location);
  if (protocols.includes('AS2')) return notShown('AS2 runs over HTTP and encrypts a message only when the partner agreement asks for it, which the server does not show', location);
  return COMPLIANT;
}

/**
 * Reads: the endpoints whose every connection the service encrypts (`lib/aws/transit.ts`: API Gateway custom domain
 * names, Lambda function URLs, AppSync APIs, IPsec VPN connections, Client VPN and EC2 Instance Connect endpoints), and
 * the endpoints whose protocol the template chooses that no other rule reads: Transfer Family servers (`Protocols`, SFTP
 * by default), Transfer Family connectors (the `Url` scheme, and over `http://` the AS2 `As2Config.EncryptionAlgorithm`),
 * VPC Lattice listeners (`Protocol`) and Route 53 Resolver endpoints (`Protocols`: Do53, DoH, DoH-FIPS; "None, which is
 * treated as Do53", Route 53 API reference), every value through the resolver (each `Fn::If` branch).
 * SNS deliveries: each `AWS::SNS::Subscription` (`Protocol`, every `Fn::If` branch) and the items of a topic's own
 * `Subscription` list (the reader item 1.22 uses), judged by what AWS documents of the protocol (`lib/aws/transit.ts`).
 * Fails when: a Transfer Family server accepts FTP; an AS2 connector sends over `http://` with EncryptionAlgorithm NONE;
 * a VPC Lattice listener speaks HTTP between the VPCs of its service network; an SNS subscription uses `http` (Amazon
 * SNS posts each message in clear to a public endpoint, which the finding names). A protocol unknown at synth (or an
 * SNS protocol the Subscribe API does not list) is unverifiable. Not shown: an AS2 server (its messages are encrypted
 * when the partner agreement asks for it, which the template does not hold); an AS2 connector over `http://` that sets
 * no EncryptionAlgorithm (AWS documents no default); a Resolver endpoint that accepts or sends Do53 (DNS on port 53 is in
 * clear, but the queries cross the VPC boundary over the customer's connection, which an IPsec VPN encrypts and the
 * endpoint does not show); an SNS subscription by `email`, `email-json` or `sms` (AWS does not say that mail or text
 * messages travel encrypted).
 * Passes: the endpoints encrypted by design (the fact is quoted as the evidence), SFTP and FTPS servers, `sftp://` and
 * `https://` connectors, AS2 connectors that encrypt their messages over `http://`, HTTPS and TLS passthrough listeners,
 * Resolver endpoints that speak DNS over HTTPS only, SNS subscriptions by `https` (TLS) and by `sqs`, `lambda`,
 * `firehose` and `application` (delivered to another AWS service's API, or a push service's HTTPS API).
 * Fix: `Protocols: ['SFTP']` (or FTPS with a certificate); an `https://` URL or an `EncryptionAlgorithm` (AES256_CBC) on AS2
 * connectors; an HTTPS listener on the Lattice service; an `https` subscription (`new UrlSubscription('https://...')`).
 */
export const EndpointProtocolEncrypted = defineRule({
  name: 'EndpointProtocolEncrypted',
  description: 'Endpoints that carry data across a VPC boundary use protocols that encrypt: by the service\'s design (TLS-only APIs, IPsec VPN) or as the template chooses them (SFTP, HTTPS)',
  fix: 'Choose an encrypting protocol: SFTP or FTPS on Transfer Family servers (not FTP; AS2 with agreements that encrypt messages), an https:// URL or an As2Config.EncryptionAlgorithm on AS2 connectors, HTTPS or TLS passthrough on VPC Lattice listeners, DoH on Route 53 Resolver endpoints (or Do53 only over an encrypted connection such as a Site-to-Site VPN), https rather than http on SNS subscriptions',
  resourceTypes: TYPES,
  scope: 'resource',
  check(r, app): RuleVerdict {
    if (!TYPES.includes(r.type)) return NOT_APPLICABLE;
    if (BY_DESIGN.includes(r.type)) return COMPLIANT;
    if (r.type === 'AWS::Transfer::Server') {
      if (r.properties.Protocols === undefined) return COMPLIANT; // SFTP, CloudFormation's default
      const res = app.resolve(r, 'Protocols');
      if (!res.ok) return unverifiable('Protocols', res.unresolved, 'Protocols');
      for (const { value } of res.values) {
        const verdict = transferServer(asList(value), 'Protocols');
        if (verdict.status !== 'compliant') return verdict;
      }
      return COMPLIANT;
    }
    if (r.type === 'AWS::Route53Resolver::ResolverEndpoint') return resolverEndpoint(r, app);
    if (r.type === 'AWS::Transfer::Connector') return transferConnector(r, app);
    if (r.type === 'AWS::SNS::Subscription') return snsSubscription(r, app);
    if (r.type === 'AWS::SNS::Topic') return topicSubscriptions(r, app);
    const res = app.resolve(r, 'Protocol');
    if (!res.ok) return unverifiable('Protocol', res.unresolved, 'Protocol');
    for (const { value } of res.values) {
      if (typeof value !== 'string') return unverifiable('the listener\'s protocol', value, 'Protocol');
      if (value === 'HTTP') return nonCompliant('the listener speaks HTTP, which carries data in clear between the VPCs of the service network', 'Protocol');
    }
    return COMPLIANT;
  },
});

/**
 * What a Transfer Family connector sends its partner: `Url` `sftp://` (SSH encrypts the session) and `https://` (TLS:
 * "Using HTTPS ensures that no traffic is sent in clear text") encrypt every transfer; over `http://`, an AS2 connector
 * encrypts each message's payload with CMS when `As2Config.EncryptionAlgorithm` names an algorithm (AES128_CBC,
 * AES192_CBC, AES256_CBC, or DES_EDE3_CBC, which AWS calls weak and which still encrypts), and sends it in clear with
 * NONE ("You can only specify NONE if the URL for your connector uses HTTPS", AWS Transfer Family API reference,
 * As2ConnectorConfig; the algorithm table of "Sending and receiving AS2 messages"). AWS documents no default for the
 * algorithm, so an `http://` connector that leaves it out is not shown, never passed.
 */
function transferConnector(r: ResourceView, app: AppView): RuleVerdict {
  const urls = app.resolve(r, 'Url');
  if (!urls.ok) return unverifiable('Url', urls.unresolved, 'Url');
  const algorithms = app.resolve(r, 'As2Config/EncryptionAlgorithm');
  if (!algorithms.ok) return unverifiable('As2Config.EncryptionAlgorithm', algorithms.unresolved, 'As2Config');
  let verdict: RuleVerdict = COMPLIANT;
  for (const { value: url } of urls.values) {
    if (typeof url !== 'string') return unverifiable('the connector\'s Url', url, 'Url');
    const scheme = url.slice(0, url.indexOf('://') + 1).toLowerCase();
    if (scheme === 'sftp:' || scheme === 'https:') continue;
    if (scheme !== 'http:') return unverifiable(`the protocol of the connector's Url ${url}`, url, 'Url');
    for (const { value: algorithm } of algorithms.values) {
      if (algorithm === undefined) {
        verdict = notShown(`the AS2 connector sends to ${url} over HTTP, and As2Config.EncryptionAlgorithm is not set (AWS documents no default), so whether its messages are encrypted is not in the template`, 'As2Config');
        continue;
      }
      if (typeof algorithm !== 'string') return unverifiable('As2Config.EncryptionAlgorithm', algorithm, 'As2Config');
      if (algorithm.toUpperCase() === 'NONE') return nonCompliant(`the AS2 connector sends its messages unencrypted (EncryptionAlgorithm NONE) over HTTP to ${url}: files cross in clear`, 'As2Config');
    }
  }
  return verdict;
}

/** DNS over HTTPS passes; Do53 (also when `Protocols` is left out) is not shown: the connection it crosses decides. */
function resolverEndpoint(r: ResourceView, app: AppView): RuleVerdict {
  if (r.properties.Protocols === undefined) return do53('Protocols is not set, which AWS treats as Do53');
  const res = app.resolve(r, 'Protocols');
  if (!res.ok) return unverifiable('Protocols', res.unresolved, 'Protocols');
  for (const { value } of res.values) {
    const protocols = asList(value);
    if (protocols.some((p) => typeof p !== 'string')) return unverifiable('the protocols of the endpoint', protocols.find((p) => typeof p !== 'string'), 'Protocols');
    if (protocols.length === 0) return do53('Protocols is empty, which AWS treats as Do53');
    if (!protocols.every((p) => DOH.includes(p as string))) return do53('the endpoint speaks Do53');
  }
  return COMPLIANT;
}

function do53(why: string): RuleVerdict {
  return notShown(`${why}: DNS on port 53 is in clear, so whether the queries cross the VPC boundary encrypted depends on the connection to the other network (a Site-to-Site VPN's IPsec encrypts them), which the endpoint does not show`, 'Protocols');
}

/** Every `Fn::If` branch of a subscription's protocol, judged. */
function snsSubscription(r: ResourceView, app: AppView): RuleVerdict {
  const res = app.resolve(r, 'Protocol');
  if (!res.ok) return unverifiable('Protocol', res.unresolved, 'Protocol');
  return worst(res.values.map(({ value }) => snsDelivery('the subscription', value, r.properties.Endpoint, 'Protocol')));
}

/** The items of a topic's own `Subscription` list (its subscription resources are read on their own). */
function topicSubscriptions(r: ResourceView, app: AppView): RuleVerdict {
  const paths = dataStoreFacts(r.type)?.inTransit;
  if (paths?.kind !== 'sse' || !paths.deliveries || r.properties[paths.deliveries.inline] === undefined) return NOT_APPLICABLE;
  const { subscriptions, unresolved } = subscriptionsOf(r, app, paths.deliveries);
  if (unresolved) return unverifiable(paths.deliveries.inline, unresolved, paths.deliveries.inline);
  const own = subscriptions.filter((s) => s.from === r);
  if (own.length === 0) return NOT_APPLICABLE;
  return worst(own.map((s) => snsDelivery(`its subscription ${s.location.split('/').slice(0, 2).join('/')}`, s.protocol, s.endpoint, s.location)));
}

/** What one SNS delivery protocol carries across the boundary. */
function snsDelivery(which: string, protocol: unknown, endpoint: unknown, location: string): RuleVerdict {
  if (typeof protocol !== 'string') return unverifiable(`the protocol of ${which}`, protocol, location);
  const facts = snsDeliveryProtocol(protocol);
  if (!facts) return nonCompliant(`could not verify ${which}: protocol ${protocol} is not one the Amazon SNS Subscribe API lists`, location);
  const name = endpointName(endpoint);
  const to = name ? ` to ${name}` : '';
  if (facts.encryption === 'plaintext') return nonCompliant(`${which} delivers each message in clear${to} (protocol ${protocol}): ${facts.why}`, location);
  if (facts.encryption === 'not-shown') return notShown(`${which} delivers by ${protocol}${to}, whose encryption in transit AWS does not state: ${facts.why}`, location);
  return COMPLIANT;
}

/** A finding first, then what the template cannot show, else compliant. */
function worst(verdicts: readonly RuleVerdict[]): RuleVerdict {
  return verdicts.find((v) => v.status === 'non-compliant') ?? verdicts.find((v) => v.status === 'not-shown') ?? COMPLIANT;
}
